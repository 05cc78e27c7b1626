import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../core/audit/audit.service';
import { AuthAgent, CurrentActor, CurrentAgent, Roles } from '../../core/auth/decorators';
import { AgentsService } from './agents.service';
import { CreateAgentDto, UpdateAgentDto, UpdateMeDto } from './dto/agent.dto';

@ApiTags('agents')
@ApiBearerAuth()
@Controller('agents')
export class AgentsController {
  constructor(private readonly agents: AgentsService) {}

  @Get()
  list() {
    return this.agents.list();
  }

  @Patch('me')
  updateMe(@CurrentAgent() me: AuthAgent, @Body() body: UpdateMeDto) {
    return this.agents.updateMe(me.id, body);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.agents.get(id);
  }

  @Post()
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() body: CreateAgentDto) {
    return this.agents.create(body, actor);
  }

  @Patch(':id')
  @Roles('admin')
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateAgentDto) {
    return this.agents.update(id, body, actor);
  }
}

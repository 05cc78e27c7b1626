import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../core/audit/audit.service';
import { CurrentActor, CurrentAgent, Roles, type AuthAgent } from '../../core/auth/decorators';
import { UpdateFlowDto } from './dto/flow.dto';
import { FlowsService } from './flows.service';

/** An inbox's flow: agents of the inbox read it, admins change it. */
@ApiTags('flows')
@ApiBearerAuth()
@Controller('inboxes/:inboxId/flow')
export class FlowsController {
  constructor(private readonly flows: FlowsService) {}

  @Get()
  get(@CurrentAgent() agent: AuthAgent, @Param('inboxId', ParseUUIDPipe) inboxId: string) {
    return this.flows.get(agent, inboxId);
  }

  @Put()
  @Roles('admin')
  update(@CurrentActor() actor: Actor, @Param('inboxId', ParseUUIDPipe) inboxId: string, @Body() body: UpdateFlowDto) {
    return this.flows.update(inboxId, body, actor);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../core/audit/audit.service';
import { AuthAgent, CurrentActor, CurrentAgent, Roles } from '../../core/auth/decorators';
import { CreateInboxDto, InboxMembersDto, UpdateInboxDto } from './dto/inbox.dto';
import { InboxesService } from './inboxes.service';

@ApiTags('inboxes')
@ApiBearerAuth()
@Controller('inboxes')
export class InboxesController {
  constructor(private readonly inboxes: InboxesService) {}

  @Get()
  list(@CurrentAgent() me: AuthAgent) {
    return this.inboxes.list(me);
  }

  @Get(':id')
  get(@CurrentAgent() me: AuthAgent, @Param('id', ParseUUIDPipe) id: string) {
    return this.inboxes.get(me, id);
  }

  @Post()
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() body: CreateInboxDto) {
    return this.inboxes.create(body, actor);
  }

  @Patch(':id')
  @Roles('admin')
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateInboxDto) {
    return this.inboxes.update(id, body, actor);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    await this.inboxes.remove(id, actor);
  }

  @Get(':id/secrets')
  @Roles('admin')
  secrets(@Param('id', ParseUUIDPipe) id: string) {
    return this.inboxes.getSecrets(id);
  }

  @Post(':id/secrets/rotate')
  @Roles('admin')
  rotate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.inboxes.rotateSecret(id, actor);
  }

  @Get(':id/members')
  @Roles('admin')
  members(@Param('id', ParseUUIDPipe) id: string) {
    return this.inboxes.members(id);
  }

  @Put(':id/members')
  @Roles('admin')
  setMembers(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: InboxMembersDto) {
    return this.inboxes.setMembers(id, body.agentIds, actor);
  }
}

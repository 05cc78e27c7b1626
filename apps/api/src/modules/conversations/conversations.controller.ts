import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthAgent, CurrentAgent } from '../../core/auth/decorators';
import { ConversationsService } from './conversations.service';
import { ConversationCountsQueryDto, ConversationListQueryDto, CreateConversationDto, UpdateConversationDto } from './dto/conversation.dto';

@ApiTags('conversations')
@ApiBearerAuth()
@Controller('conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get()
  list(@CurrentAgent() me: AuthAgent, @Query() query: ConversationListQueryDto) {
    return this.conversations.list(me, query);
  }

  /** How many conversations each list filter holds (status, mine, unassigned, urgent, draft waiting, per category). */
  @Get('counts')
  counts(@CurrentAgent() me: AuthAgent, @Query() query: ConversationCountsQueryDto) {
    return this.conversations.counts(me, query.inboxId);
  }

  @Post()
  create(@CurrentAgent() me: AuthAgent, @Body() body: CreateConversationDto) {
    return this.conversations.create(me, body);
  }

  @Get(':id')
  get(@CurrentAgent() me: AuthAgent, @Param('id', ParseUUIDPipe) id: string) {
    return this.conversations.get(me, id);
  }

  @Patch(':id')
  update(@CurrentAgent() me: AuthAgent, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateConversationDto) {
    return this.conversations.update(me, id, body);
  }
}

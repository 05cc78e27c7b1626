import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthAgent, CurrentAgent } from '../../core/auth/decorators';
import { ConversationsService } from '../conversations/conversations.service';
import { CreateMessageDto, MessageListQueryDto } from './dto/message.dto';
import { MessagesService } from './messages.service';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('conversations/:conversationId/messages')
export class MessagesController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
  ) {}

  @Get()
  async list(@CurrentAgent() me: AuthAgent, @Param('conversationId', ParseUUIDPipe) conversationId: string, @Query() query: MessageListQueryDto) {
    await this.conversations.findVisible(me, conversationId);
    return this.messages.list(conversationId, { ...query, includePrivate: true });
  }

  /** An agent reply or a private note. 201 when stored, 200 when the clientMessageId was already stored. */
  @Post()
  async create(@CurrentAgent() me: AuthAgent, @Param('conversationId', ParseUUIDPipe) conversationId: string, @Body() body: CreateMessageDto, @Res({ passthrough: true }) res: Response) {
    const conversation = await this.conversations.findVisible(me, conversationId);
    const result = await this.messages.create(
      { conversationId, messageType: 'outgoing', senderType: 'agent', senderId: me.id, body: body.body, private: body.private ?? false, clientMessageId: body.clientMessageId ?? null },
      conversation.inboxId,
    );
    res.status(result.duplicate ? 200 : 201);
    return result.message;
  }
}

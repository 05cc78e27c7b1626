import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AiModule } from '../ai/ai.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { InboxesModule } from '../inboxes/inboxes.module';
import { MessagesModule } from '../messages/messages.module';
import { ReplyDraft } from './reply-draft.entity';
import { ReplyDraftsController } from './reply-drafts.controller';
import { ReplyDraftsService } from './reply-drafts.service';

@Module({
  imports: [TypeOrmModule.forFeature([ReplyDraft]), AiModule, ConversationsModule, InboxesModule, MessagesModule],
  controllers: [ReplyDraftsController],
  providers: [ReplyDraftsService],
  exports: [ReplyDraftsService],
})
export class ReplyDraftsModule {}

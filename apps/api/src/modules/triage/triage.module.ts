import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AiModule } from '../ai/ai.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { KnowledgeModule } from '../knowledge/knowledge.module';
import { ReplyDraftsModule } from '../reply-drafts/reply-drafts.module';
import { TriagePipeline } from './triage-pipeline';
import { TriageResult } from './triage-result.entity';
import { TriageController } from './triage.controller';
import { TriageService } from './triage.service';

@Module({
  imports: [TypeOrmModule.forFeature([TriageResult]), AiModule, ConversationsModule, KnowledgeModule, ReplyDraftsModule],
  controllers: [TriageController],
  providers: [TriageService, TriagePipeline],
  exports: [TriageService],
})
export class TriageModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SeedModule } from '../../core/database/seeds/seed.module';
import { AiModule } from '../ai/ai.module';
import { KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeChunk } from './knowledge-chunk.entity';
import { KnowledgeController } from './knowledge.controller';
import { KnowledgeService } from './knowledge.service';

@Module({
  imports: [TypeOrmModule.forFeature([KnowledgeArticle, KnowledgeChunk]), AiModule, SeedModule],
  controllers: [KnowledgeController],
  providers: [KnowledgeService],
  exports: [KnowledgeService],
})
export class KnowledgeModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SeedModule } from '../../core/database/seeds/seed.module';
import { AiCategory } from './ai-category.entity';
import { AiCategoriesService } from './ai-categories.service';
import { AiController } from './ai.controller';
import { AiService } from './ai.service';
import { OfflineAiHost } from './offline-ai.host';
import { TrainingExample } from './training-example.entity';

@Module({
  imports: [TypeOrmModule.forFeature([AiCategory, TrainingExample]), SeedModule],
  controllers: [AiController],
  providers: [OfflineAiHost, AiService, AiCategoriesService],
  exports: [AiService, AiCategoriesService],
})
export class AiModule {}

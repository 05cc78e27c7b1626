import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../core/audit/audit.service';
import { CurrentActor, Roles } from '../../core/auth/decorators';
import { CreateCategoryDto, UpdateCategoryDto } from './ai-category.dto';
import { AiCategoriesService } from './ai-categories.service';
import { AiService } from './ai.service';

@ApiTags('ai')
@ApiBearerAuth()
@Controller('ai')
export class AiController {
  constructor(
    private readonly ai: AiService,
    private readonly categories: AiCategoriesService,
  ) {}

  /** Which model answers, the offline model's version and training-set size, the job queue. */
  @Get('status')
  status() {
    return this.ai.status();
  }

  @Post('retrain')
  @Roles('admin')
  @HttpCode(202)
  async retrain() {
    await this.ai.retrainNow();
    return this.ai.status();
  }

  @Get('categories')
  listCategories() {
    return this.categories.list();
  }

  @Post('categories')
  @Roles('admin')
  createCategory(@CurrentActor() actor: Actor, @Body() body: CreateCategoryDto) {
    return this.categories.create(body, actor);
  }

  @Patch('categories/:id')
  @Roles('admin')
  updateCategory(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateCategoryDto) {
    return this.categories.update(id, body, actor);
  }
}

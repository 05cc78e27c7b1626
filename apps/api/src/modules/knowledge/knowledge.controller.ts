import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../core/audit/audit.service';
import { CurrentActor, Roles } from '../../core/auth/decorators';
import { AppException } from '../../core/errors/app.exception';
import { IMPORT_MAX_BYTES, parseKnowledgeFile } from './knowledge-import';
import { KnowledgeArticleDto, KnowledgeSearchQueryDto, UpdateKnowledgeArticleDto } from './knowledge.dto';
import { KnowledgeService } from './knowledge.service';

interface UploadedKnowledgeFile {
  originalname: string;
  buffer: Buffer;
}

@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('knowledge-articles')
export class KnowledgeController {
  constructor(private readonly knowledge: KnowledgeService) {}

  @Get()
  list() {
    return this.knowledge.list();
  }

  /** What the drafter would be given for a question: ranked passages and the answerability estimate. */
  @Get('search')
  search(@Query() query: KnowledgeSearchQueryDto) {
    return this.knowledge.search(query.q);
  }

  /** Replies agents sent that cite no article: candidates for new articles. */
  @Get('suggestions')
  suggestions() {
    return this.knowledge.suggestions();
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.knowledge.get(id);
  }

  @Post()
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() body: KnowledgeArticleDto) {
    return this.knowledge.create(body, actor);
  }

  /** A .jsonl (one article per line) or .md file (one article per top-level heading); all or nothing. */
  @Post('import')
  @Roles('admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5 } }))
  import(@CurrentActor() actor: Actor, @UploadedFile() file: UploadedKnowledgeFile | undefined) {
    if (!file) throw new AppException('validation_failed', 'Attach the file as multipart field "file"', [{ field: 'file', errors: ['missing'] }]);
    return this.knowledge.import(parseKnowledgeFile(file.originalname, file.buffer), actor);
  }

  @Patch(':id')
  @Roles('admin')
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateKnowledgeArticleDto) {
    return this.knowledge.update(id, body, actor);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    await this.knowledge.remove(id, actor);
  }
}

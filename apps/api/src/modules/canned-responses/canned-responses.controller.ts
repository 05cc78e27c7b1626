import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Actor } from '../../core/audit/audit.service';
import { CurrentActor, Roles } from '../../core/auth/decorators';
import { CreateCannedResponseDto, UpdateCannedResponseDto } from './canned-response.dto';
import { CannedResponsesService } from './canned-responses.service';

class CannedQuery {
  @IsOptional() @IsString() @MaxLength(60) q?: string;
}

@ApiTags('canned-responses')
@ApiBearerAuth()
@Controller('canned-responses')
export class CannedResponsesController {
  constructor(private readonly canned: CannedResponsesService) {}

  @Get()
  list(@Query() query: CannedQuery) {
    return this.canned.list(query.q);
  }

  @Post()
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() body: CreateCannedResponseDto) {
    return this.canned.create(body, actor);
  }

  @Patch(':id')
  @Roles('admin')
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateCannedResponseDto) {
    return this.canned.update(id, body, actor);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    await this.canned.remove(id, actor);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { Roles } from '../auth/decorators';
import { AuditService } from './audit.service';

class AuditLogQuery {
  @IsOptional() @IsIn(['conversation', 'agent', 'inbox', 'contact', 'label', 'canned_response', 'team', 'knowledge_article', 'webhook', 'ai_category', 'reply_draft', 'triage_result']) entityType?: string;
  @IsOptional() @IsUUID() entityId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

@ApiTags('audit-logs')
@ApiBearerAuth()
@Controller('audit-logs')
export class AuditLogsController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  list(@Query() query: AuditLogQuery) {
    return this.audit.list(query);
  }
}

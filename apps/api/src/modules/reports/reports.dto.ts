import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ReportsQuery } from '@parley/shared/contracts';
import { IsDateString, IsOptional, IsUUID } from 'class-validator';

export class ReportsQueryDto implements ReportsQuery {
  @ApiPropertyOptional({ description: 'ISO date-time, inclusive; default 30 days before `to`' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ description: 'ISO date-time, exclusive; default now' }) @IsOptional() @IsDateString() to?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() inboxId?: string;
}

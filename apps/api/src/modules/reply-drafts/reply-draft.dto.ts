import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPLY_DRAFT_STATUSES, type ApproveDraftRequest, type FlagDraftRequest, type RejectDraftRequest, type ReplyDraftStatus, type ReviewLogQuery } from '@parley/shared/contracts';
import { LIMITS } from '@parley/shared/domain';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export class ApproveDraftDto implements ApproveDraftRequest {
  @ApiPropertyOptional({ description: 'send this text instead (recorded as edited)' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(LIMITS.messageBodyMax)
  body?: string;
}

export class RejectDraftDto implements RejectDraftRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

export class FlagDraftDto implements FlagDraftRequest {
  @ApiProperty({ description: 'what is wrong with the answer' }) @IsString() @MinLength(1) @MaxLength(2000) note: string;
}

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ReviewLogQueryDto implements ReviewLogQuery {
  @ApiPropertyOptional({ enum: REPLY_DRAFT_STATUSES }) @IsOptional() @IsIn(REPLY_DRAFT_STATUSES) status?: ReplyDraftStatus;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'category must be a category key' }) category?: string;
  @ApiPropertyOptional({ description: 'ISO date-time, inclusive' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ description: 'ISO date-time, exclusive' }) @IsOptional() @IsDateString() to?: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 1 }) @IsOptional() @Type(() => Number) @IsNumber() @Min(0) @Max(1) minConfidence?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 1 }) @IsOptional() @Type(() => Number) @IsNumber() @Min(0) @Max(1) maxConfidence?: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID() reviewedById?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() flagged?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ maximum: LIMITS.pageSizeMax }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(LIMITS.pageSizeMax) limit?: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { KnowledgeArticleRequest } from '@parley/shared/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

export const ARTICLE_LIMITS = { titleMax: 300, bodyMax: 100_000, tagsMax: 20, tagMax: 40 } as const;

export class KnowledgeArticleDto implements KnowledgeArticleRequest {
  @ApiProperty() @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) @IsString() @MinLength(1) @MaxLength(ARTICLE_LIMITS.titleMax) title: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(ARTICLE_LIMITS.bodyMax) body: string;
  @ApiPropertyOptional({ nullable: true, example: 'ko' }) @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(/^[a-z]{2}(-[A-Za-z]{2})?$/, { message: 'locale must look like ko or en-US' }) locale?: string | null;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(ARTICLE_LIMITS.tagsMax) @IsString({ each: true }) @MaxLength(ARTICLE_LIMITS.tagMax, { each: true }) tags?: string[];
}

export class UpdateKnowledgeArticleDto implements Partial<KnowledgeArticleRequest> {
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) @IsString() @MinLength(1) @MaxLength(ARTICLE_LIMITS.titleMax) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(ARTICLE_LIMITS.bodyMax) body?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(/^[a-z]{2}(-[A-Za-z]{2})?$/, { message: 'locale must look like ko or en-US' }) locale?: string | null;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(ARTICLE_LIMITS.tagsMax) @IsString({ each: true }) @MaxLength(ARTICLE_LIMITS.tagMax, { each: true }) tags?: string[];
}

export class KnowledgeSearchQueryDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) q: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CATEGORY_POLICIES, type CategoryPolicy, type CreateCategoryRequest, type UpdateCategoryRequest } from '@parley/shared/contracts';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export class CreateCategoryDto implements CreateCategoryRequest {
  @ApiProperty({ example: 'customs', description: 'lowercase letters, digits and _; never changes' })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'key must be 2-40 lowercase letters, digits or _, starting with a letter' })
  key: string;
  @ApiProperty({ example: 'Customs' }) @IsString() @MinLength(1) @MaxLength(80) label: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) description?: string;
  @ApiPropertyOptional({ enum: CATEGORY_POLICIES }) @IsOptional() @IsIn(CATEGORY_POLICIES) policy?: CategoryPolicy;
  @ApiPropertyOptional({ minimum: 0.5, maximum: 1 }) @IsOptional() @IsNumber() @Min(0.5) @Max(1) autoSendThreshold?: number;
  @ApiPropertyOptional({ type: [String], description: 'example messages the model learns the category from' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) @MinLength(2, { each: true }) @MaxLength(2000, { each: true })
  examples?: string[];
}

export class UpdateCategoryDto implements UpdateCategoryRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(80) label?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) description?: string | null;
  @ApiPropertyOptional({ enum: CATEGORY_POLICIES }) @IsOptional() @IsIn(CATEGORY_POLICIES) policy?: CategoryPolicy;
  @ApiPropertyOptional({ minimum: 0.5, maximum: 1 }) @IsOptional() @IsNumber() @Min(0.5) @Max(1) autoSendThreshold?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(1000) position?: number;
}

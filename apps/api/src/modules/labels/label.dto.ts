import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateLabelRequest } from '@parley/shared/contracts';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const NAME = /^[^\s,][^,]{0,59}$/u;
const COLOR = /^#[0-9a-fA-F]{6}$/;

export class CreateLabelDto implements CreateLabelRequest {
  @ApiProperty({ example: 'vip' }) @IsString() @Matches(NAME, { message: 'name must be 1-60 characters without commas or a leading space' }) name: string;
  @ApiPropertyOptional({ example: '#2563eb' }) @IsOptional() @Matches(COLOR, { message: 'color must be a #rrggbb hex colour' }) color?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string | null;
}

export class UpdateLabelDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(NAME, { message: 'name must be 1-60 characters without commas or a leading space' }) name?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(COLOR, { message: 'color must be a #rrggbb hex colour' }) color?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string | null;
}

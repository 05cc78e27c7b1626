import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateCannedResponseRequest } from '@parley/shared/contracts';
import { LIMITS } from '@parley/shared/domain';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const SHORT_CODE = /^[\p{L}\p{N}_-]{1,60}$/u;

export class CreateCannedResponseDto implements CreateCannedResponseRequest {
  @ApiProperty({ example: 'hours' }) @Matches(SHORT_CODE, { message: 'shortCode must be 1-60 letters, digits, - or _' }) shortCode: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(LIMITS.messageBodyMax) content: string;
}

export class UpdateCannedResponseDto {
  @ApiPropertyOptional() @IsOptional() @Matches(SHORT_CODE, { message: 'shortCode must be 1-60 letters, digits, - or _' }) shortCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(LIMITS.messageBodyMax) content?: string;
}

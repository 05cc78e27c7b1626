import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateMessageRequest, MessageListQuery } from '@parley/shared/contracts';
import { LIMITS } from '@parley/shared/domain';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class CreateMessageDto implements CreateMessageRequest {
  @ApiProperty({ maxLength: LIMITS.messageBodyMax }) @IsString() @MaxLength(LIMITS.messageBodyMax, { message: `body must be at most ${LIMITS.messageBodyMax} characters` }) body: string;
  @ApiPropertyOptional({ description: 'An internal note, never shown to the contact' }) @IsOptional() @IsBoolean() private?: boolean;
  @ApiPropertyOptional({ description: 'Client-generated UUID; resending it returns the original message' }) @IsOptional() @IsUUID() clientMessageId?: string;
}

export class MessageListQueryDto implements MessageListQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) before?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) after?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(LIMITS.pageSizeMax) limit?: number;
}

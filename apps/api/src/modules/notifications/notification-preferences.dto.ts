import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import type { NotificationAlertType, UpdateNotificationPreferencesRequest } from '@parley/shared/contracts';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, ValidateNested } from 'class-validator';

export class EmailPreferencesDto implements Partial<Record<NotificationAlertType, boolean>> {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() conversation_created?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() contact_captured?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() unassigned_message?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() sla_warning?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() quote_request_created?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() quote_request_answered?: boolean;
}

export class UpdateNotificationPreferencesDto implements UpdateNotificationPreferencesRequest {
  @ApiProperty({ type: EmailPreferencesDto, description: 'email on or off per alert type; types left out keep their value' })
  @IsObject() @ValidateNested() @Type(() => EmailPreferencesDto)
  email: EmailPreferencesDto;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BusinessHours, CreateInboxRequest } from '@parley/shared/contracts';
import { INBOX_CHANNELS, type InboxChannel } from '@parley/shared/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsTimeZone, IsUUID, Matches, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class OpeningDto {
  @ApiProperty({ example: '09:00' }) @Matches(HHMM, { message: 'open must be HH:MM' }) open: string;
  @ApiProperty({ example: '18:00' }) @Matches(HHMM, { message: 'close must be HH:MM' }) close: string;
}

export class BusinessDaysDto {
  @IsOptional() @ValidateNested() @Type(() => OpeningDto) mon?: OpeningDto;
  @IsOptional() @ValidateNested() @Type(() => OpeningDto) tue?: OpeningDto;
  @IsOptional() @ValidateNested() @Type(() => OpeningDto) wed?: OpeningDto;
  @IsOptional() @ValidateNested() @Type(() => OpeningDto) thu?: OpeningDto;
  @IsOptional() @ValidateNested() @Type(() => OpeningDto) fri?: OpeningDto;
  @IsOptional() @ValidateNested() @Type(() => OpeningDto) sat?: OpeningDto;
  @IsOptional() @ValidateNested() @Type(() => OpeningDto) sun?: OpeningDto;
}

export class BusinessHoursDto implements BusinessHours {
  @ApiProperty({ example: 'Asia/Seoul' }) @IsTimeZone() timezone: string;
  @ApiProperty({ type: BusinessDaysDto }) @ValidateNested() @Type(() => BusinessDaysDto) days: BusinessDaysDto;
}

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$|^\*$/i;

export class CreateInboxDto implements CreateInboxRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiProperty({ enum: INBOX_CHANNELS }) @IsIn(INBOX_CHANNELS) channel: InboxChannel;
  @ApiPropertyOptional({ type: BusinessHoursDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => BusinessHoursDto) businessHours?: BusinessHoursDto | null;
  @ApiPropertyOptional({ type: [String], example: ['https://shop.example.com'] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @Matches(ORIGIN, { each: true, message: 'each allowed origin must look like https://host[:port] or be *' })
  allowedOrigins?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() identityEnforced?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() afterHoursReplyEnabled?: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'custom after-hours reply; {next} is replaced by the next opening time' }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MinLength(1) @MaxLength(1000) afterHoursReply?: string | null;
}

export class UpdateInboxDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ type: BusinessHoursDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => BusinessHoursDto) businessHours?: BusinessHoursDto | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @Matches(ORIGIN, { each: true, message: 'each allowed origin must look like https://host[:port] or be *' })
  allowedOrigins?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() identityEnforced?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() afterHoursReplyEnabled?: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'custom after-hours reply; {next} is replaced by the next opening time' }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MinLength(1) @MaxLength(1000) afterHoursReply?: string | null;
}

export class InboxMembersDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(500) @IsUUID('4', { each: true }) agentIds: string[];
}

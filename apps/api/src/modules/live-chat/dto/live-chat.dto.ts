import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AgentSendPayload, CaptureContactPayload, FlowChoice, ReadPayload, SendMessagePayload, SyncPayload, TypingPayload, UpdateContactPayload, WidgetSessionRequest } from '@parley/shared/contracts';
import { AGENT_AVAILABILITIES, type AgentAvailability } from '@parley/shared/domain';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

export class IdentityDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) identifier: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(320) email?: string;
  @ApiPropertyOptional({ description: 'hex HMAC-SHA256(inbox identity secret, identifier)' }) @IsOptional() @Matches(/^[0-9a-f]{64}$/i, { message: 'identifierHash must be 64 hex characters' }) identifierHash?: string;
}

export class WidgetSessionDto implements WidgetSessionRequest {
  @ApiProperty() @IsString() @MinLength(8) @MaxLength(64) inboxToken: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) visitorToken?: string;
  @ApiPropertyOptional({ type: IdentityDto }) @IsOptional() @ValidateNested() @Type(() => IdentityDto) identity?: IdentityDto;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z]{2}(-[A-Za-z]{2,4})?$/, { message: 'locale must look like ko or en-US' }) locale?: string;
  @ApiPropertyOptional({ description: 'origin of the page that embeds the widget' }) @IsOptional() @IsString() @MaxLength(300) hostOrigin?: string;
}

const FLOW_ID = /^[a-z0-9_-]{1,40}$/;

export class FlowChoiceDto implements FlowChoice {
  @Matches(FLOW_ID, { message: 'stepId must be a flow step id' }) stepId: string;
  @Matches(FLOW_ID, { message: 'buttonId must be a flow button id' }) buttonId: string;
}

// Socket payloads: the body's length and emptiness are checked by the service so the
// client gets the precise codes message_too_long / message_empty.
export class SendMessageDto implements SendMessagePayload {
  @IsUUID() clientMessageId: string;
  @IsString() body: string;
  @IsOptional() @IsUUID() conversationId?: string;
  /** Whether the step and button exist is checked against the inbox's flow by the service. */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => FlowChoiceDto) flow?: FlowChoiceDto;
  @IsOptional() @IsIn(['ko', 'en']) locale?: 'ko' | 'en';
}

export class AgentSendDto implements AgentSendPayload {
  @IsUUID() conversationId: string;
  @IsUUID() clientMessageId: string;
  @IsString() body: string;
  @IsOptional() @IsBoolean() private?: boolean;
}

export class SyncDto implements SyncPayload {
  @IsUUID() conversationId: string;
  @IsInt() @Min(0) afterSeq: number;
}

export class TypingDto implements TypingPayload {
  @IsUUID() conversationId: string;
  @IsBoolean() typing: boolean;
}

export class ReadDto implements ReadPayload {
  @IsUUID() conversationId: string;
  @IsInt() @Min(0) seq: number;
}

export class UpdateContactDto implements UpdateContactPayload {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @IsOptional() @IsEmail() @MaxLength(320) email?: string;
  @IsOptional() @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'phone must be 6-20 digits, spaces, dashes or brackets' }) phone?: string;
}

export class CaptureContactDto implements CaptureContactPayload {
  @IsString() @MinLength(1) @MaxLength(2000) line: string;
  @IsOptional() @IsIn(['ko', 'en']) locale?: 'ko' | 'en';
}

export class PresenceDto {
  @IsIn(AGENT_AVAILABILITIES) availability: AgentAvailability;
}

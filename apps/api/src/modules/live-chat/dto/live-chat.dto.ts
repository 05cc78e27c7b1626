import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AgentSendPayload, CaptureContactPayload, ReadPayload, SendMessagePayload, SyncPayload, TypingPayload, UpdateContactPayload, WidgetSessionRequest } from '@parley/shared/contracts';
import { AGENT_AVAILABILITIES, FLOW_ID, type AgentAvailability } from '@parley/shared/domain';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { socketPayloadSchema, UUID } from '../../../core/realtime/socket-payload';

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

const FLOW_ID_PATTERN = FLOW_ID.source;
const locale = { type: 'string', enum: ['ko', 'en'], nullable: true } as const;
const seq = { type: 'integer', minimum: 0 } as const;

// Socket payloads, as compiled schemas (see socket-payload.ts). Optional fields may also be null, as
// class-validator's @IsOptional allowed. The body's length and emptiness are checked by the service so
// the client gets the precise codes message_too_long / message_empty.

export const SEND_MESSAGE = socketPayloadSchema<SendMessagePayload>({
  type: 'object',
  properties: {
    clientMessageId: UUID,
    body: { type: 'string' },
    conversationId: { ...UUID, nullable: true },
    /** Whether the step and button exist is checked against the inbox's flow by the service. */
    flow: {
      type: 'object',
      properties: { stepId: { type: 'string', pattern: FLOW_ID_PATTERN }, buttonId: { type: 'string', pattern: FLOW_ID_PATTERN } },
      required: ['stepId', 'buttonId'],
      additionalProperties: false,
      nullable: true,
    },
    locale,
  },
  required: ['clientMessageId', 'body'],
  additionalProperties: false,
});

export const AGENT_SEND = socketPayloadSchema<AgentSendPayload>({
  type: 'object',
  properties: { conversationId: UUID, clientMessageId: UUID, body: { type: 'string' }, private: { type: 'boolean', nullable: true } },
  required: ['conversationId', 'clientMessageId', 'body'],
  additionalProperties: false,
});

export const SYNC = socketPayloadSchema<SyncPayload>({
  type: 'object',
  properties: { conversationId: UUID, afterSeq: seq },
  required: ['conversationId', 'afterSeq'],
  additionalProperties: false,
});

export const TYPING = socketPayloadSchema<TypingPayload>({
  type: 'object',
  properties: { conversationId: UUID, typing: { type: 'boolean' } },
  required: ['conversationId', 'typing'],
  additionalProperties: false,
});

export const READ = socketPayloadSchema<ReadPayload>({
  type: 'object',
  properties: { conversationId: UUID, seq },
  required: ['conversationId', 'seq'],
  additionalProperties: false,
});

export const UPDATE_CONTACT = socketPayloadSchema<UpdateContactPayload>({
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200, nullable: true },
    email: { type: 'string', format: 'email', maxLength: 320, nullable: true },
    phone: { type: 'string', pattern: '^\\+?[0-9 ()-]{6,20}$', nullable: true },
  },
  required: [],
  additionalProperties: false,
});

export const CAPTURE_CONTACT = socketPayloadSchema<CaptureContactPayload>({
  type: 'object',
  properties: { line: { type: 'string', minLength: 1, maxLength: 2000 }, locale },
  required: ['line'],
  additionalProperties: false,
});

export const SET_AVAILABILITY = socketPayloadSchema<{ availability: AgentAvailability }>({
  type: 'object',
  properties: { availability: { type: 'string', enum: [...AGENT_AVAILABILITIES] } },
  required: ['availability'],
  additionalProperties: false,
});

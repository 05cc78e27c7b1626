import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ConversationListQuery, UpdateConversationRequest } from '@parley/shared/contracts';
import { CONVERSATION_PRIORITIES, CONVERSATION_STATUSES, LIMITS, type ConversationPriority, type ConversationStatus } from '@parley/shared/domain';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { UpsertContactDto } from '../../contacts/dto/contact.dto';
import { CreateMessageDto } from '../../messages/dto/message.dto';

export class ConversationListQueryDto implements ConversationListQuery {
  @ApiPropertyOptional({ enum: CONVERSATION_STATUSES }) @IsOptional() @IsIn(CONVERSATION_STATUSES) status?: ConversationStatus;
  @ApiPropertyOptional() @IsOptional() @IsUUID() inboxId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() contactId?: string;
  @ApiPropertyOptional({ description: 'me, unassigned, any or an agent id' })
  @IsOptional() @Matches(/^(me|unassigned|any|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, { message: 'assignee must be me, unassigned, any or an agent id' })
  assignee?: string;
  @ApiPropertyOptional({ description: 'label name' }) @IsOptional() @IsString() @MaxLength(60) label?: string;
  @ApiPropertyOptional({ enum: CONVERSATION_PRIORITIES }) @IsOptional() @IsIn(CONVERSATION_PRIORITIES) priority?: ConversationPriority;
  @ApiPropertyOptional({ description: 'AI triage category key' }) @IsOptional() @IsString() @MaxLength(40) category?: string;
  @ApiPropertyOptional({ description: 'only conversations with an AI draft waiting' }) @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean() draftWaiting?: boolean;
  @ApiPropertyOptional({ description: 'text search: contact name, e-mail, phone, company, #number, message text' }) @IsOptional() @IsString() @MaxLength(LIMITS.searchMax) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ maximum: LIMITS.pageSizeMax }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(LIMITS.pageSizeMax) limit?: number;
}

export class ConversationCountsQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() inboxId?: string;
}

export class UpdateConversationDto implements UpdateConversationRequest {
  @ApiPropertyOptional({ enum: CONVERSATION_STATUSES }) @IsOptional() @IsIn(CONVERSATION_STATUSES) status?: ConversationStatus;
  @ApiPropertyOptional({ enum: CONVERSATION_PRIORITIES }) @IsOptional() @IsIn(CONVERSATION_PRIORITIES) priority?: ConversationPriority;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() assigneeId?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() teamId?: string | null;
  @ApiPropertyOptional({ type: [String], description: 'label names; replaces the set' }) @IsOptional() @IsArray() @ArrayMaxSize(LIMITS.labelsPerConversation) @IsString({ each: true }) @MaxLength(60, { each: true }) labels?: string[];
}

export class CreateConversationDto {
  @ApiProperty() @IsUUID() inboxId: string;
  @ApiPropertyOptional({ description: 'an existing contact' }) @IsOptional() @IsUUID() contactId?: string;
  @ApiPropertyOptional({ type: UpsertContactDto, description: 'or a new contact' }) @IsOptional() @ValidateNested() @Type(() => UpsertContactDto) contact?: UpsertContactDto;
  @ApiPropertyOptional({ type: CreateMessageDto, description: 'the first incoming message' }) @IsOptional() @ValidateNested() @Type(() => CreateMessageDto) message?: CreateMessageDto;
  @ApiPropertyOptional({ enum: CONVERSATION_PRIORITIES }) @IsOptional() @IsIn(CONVERSATION_PRIORITIES) priority?: ConversationPriority;
}

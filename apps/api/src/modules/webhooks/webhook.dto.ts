import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WEBHOOK_EVENTS, type CreateWebhookRequest, type UpdateWebhookRequest, type WebhookDeliveryListQuery, type WebhookEvent } from '@parley/shared/contracts';
import { LIMITS } from '@parley/shared/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min, ValidateIf } from 'class-validator';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false, disallow_auth: true };
const URL_MESSAGE = 'url must be an http(s) URL without credentials, e.g. https://example.com/parley-webhook';
const EVENTS_MESSAGE = `each value in events must be one of: ${WEBHOOK_EVENTS.join(', ')}`;

export class CreateWebhookDto implements CreateWebhookRequest {
  @ApiProperty({ example: 'https://example.com/parley-webhook' }) @IsString() @MaxLength(2048) @IsUrl(URL_OPTIONS, { message: URL_MESSAGE }) url: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true })
  @IsArray() @ArrayMinSize(1, { message: 'events must name at least one event' }) @ArrayMaxSize(WEBHOOK_EVENTS.length) @ArrayUnique() @IsIn(WEBHOOK_EVENTS, { each: true, message: EVENTS_MESSAGE })
  events: WebhookEvent[];
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(500) description?: string | null;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ default: false, description: 'also deliver private notes (internal data)' }) @IsOptional() @IsBoolean() includePrivate?: boolean;
}

export class UpdateWebhookDto implements UpdateWebhookRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2048) @IsUrl(URL_OPTIONS, { message: URL_MESSAGE }) url?: string;
  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS, isArray: true })
  @IsOptional() @IsArray() @ArrayMinSize(1, { message: 'events must name at least one event' }) @ArrayMaxSize(WEBHOOK_EVENTS.length) @ArrayUnique() @IsIn(WEBHOOK_EVENTS, { each: true, message: EVENTS_MESSAGE })
  events?: WebhookEvent[];
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(500) description?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() includePrivate?: boolean;
}

export class WebhookDeliveryListQueryDto implements WebhookDeliveryListQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ maximum: LIMITS.pageSizeMax }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(LIMITS.pageSizeMax) limit?: number;
}

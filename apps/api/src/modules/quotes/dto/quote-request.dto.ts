import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  QUOTE_LIMITS,
  type CreateQuoteRequest,
  type PublicQuoteRequest,
  type QuoteRequestCountsQuery,
  type QuoteRequestListQuery,
  type SendQuoteRequest,
  type SubmitQuotePayload,
  type UpdateQuoteRequest,
} from '@parley/shared/contracts';
import { LIMITS, QUOTE_REQUEST_STATUSES, type QuoteRequestStatus } from '@parley/shared/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
  ValidateIf,
  ValidateNested,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { normalizePhone } from '../../contacts/capture/contact-line-parser';
import { earliestToday, isCalendarDate } from '../quote-texts';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false, disallow_auth: true };
/** Quantities and prices are positive and below QUOTE_LIMITS.maxNumber. */
const BELOW_MAX = QUOTE_LIMITS.maxNumber - 1;
const MONEY = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 };
const CURRENCY = /^[A-Z]{3}$/;
const CURRENCY_MESSAGE = 'currency must be an ISO 4217 code in upper case, e.g. KRW or USD';
const toUpper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

@ValidatorConstraint({ name: 'notPastDate' })
class NotPastDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isCalendarDate(value) && value >= earliestToday();
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be a date (YYYY-MM-DD) that is not in the past`;
  }
}

/** Read the way the contacts module reads phones (libphonenumber; numbers without + are Korean). */
@ValidatorConstraint({ name: 'phoneNumber' })
class PhoneNumber implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return normalizePhone(value) !== null;
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be a valid phone number, e.g. 010-1234-5678 or +82 10 1234 5678`;
  }
}

export class QuoteItemDto {
  @ApiPropertyOptional({ nullable: true, maxLength: QUOTE_LIMITS.itemName, description: 'a product name; this or url is required' })
  @ValidateIf((o: QuoteItemDto, v) => o.url == null || v != null)
  @IsString({ message: 'an item needs a name or a url' }) @Matches(/\S/, { message: 'name must not be blank' }) @MaxLength(QUOTE_LIMITS.itemName)
  name?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'https://shop.example.com/products/42' })
  @IsOptional() @IsString() @MaxLength(2048) @IsUrl(URL_OPTIONS, { message: 'url must be an http(s) URL, e.g. https://shop.example.com/products/42' })
  url?: string | null;

  @ApiProperty({ minimum: 1 }) @IsInt({ message: 'quantity must be a whole number' }) @Min(1, { message: 'quantity must be at least 1' }) @Max(BELOW_MAX) quantity: number;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsNumber(MONEY) @IsPositive({ message: 'targetUnitPrice must be positive' }) @Max(BELOW_MAX) targetUnitPrice?: number | null;

  @ApiPropertyOptional({ default: 'KRW' }) @IsOptional() @Matches(CURRENCY, { message: CURRENCY_MESSAGE }) currency?: string;
}

export class QuoteContactDto {
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(LIMITS.nameMax) name?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(LIMITS.nameMax) company?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(320) email?: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'stored as E.164' }) @IsOptional() @Validate(PhoneNumber) phone?: string | null;
}

/** The public form must say where the quote goes. */
export class PublicQuoteContactDto extends QuoteContactDto {
  @ApiPropertyOptional({ description: 'an email or a phone is required' })
  @ValidateIf((o: PublicQuoteContactDto, v) => o.phone == null || v != null)
  @IsDefined({ message: 'contact needs an email or a phone' }) @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(320)
  declare email?: string | null;
}

export class QuoteFieldsDto {
  @ApiProperty({ type: [QuoteItemDto], minItems: 1, maxItems: QUOTE_LIMITS.items })
  @IsArray() @ArrayMinSize(1, { message: 'items must hold at least one item' }) @ArrayMaxSize(QUOTE_LIMITS.items, { message: `items must hold at most ${QUOTE_LIMITS.items} items` })
  @ValidateNested({ each: true }) @Type(() => QuoteItemDto)
  items: QuoteItemDto[];

  @ApiPropertyOptional({ nullable: true, example: '2026-04-30' }) @IsOptional() @Validate(NotPastDate) deadline?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'KR', description: 'ISO 3166-1 alpha-2' })
  @IsOptional() @Transform(toUpper) @IsISO31661Alpha2({ message: 'destinationCountry must be an ISO 3166-1 alpha-2 country code, e.g. KR' })
  destinationCountry?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: QUOTE_LIMITS.notes }) @IsOptional() @IsString() @MaxLength(QUOTE_LIMITS.notes) notes?: string | null;

  @ApiPropertyOptional({ type: QuoteContactDto }) @IsOptional() @ValidateNested() @Type(() => QuoteContactDto) contact?: QuoteContactDto;
}

export class PublicQuoteRequestDto extends QuoteFieldsDto implements PublicQuoteRequest {
  @ApiProperty({ description: "the inbox's public token (as in the widget snippet)" }) @IsString() @MinLength(8) @MaxLength(64) inboxToken: string;

  // ValidateIf replaces the inherited IsOptional: here the contact is required.
  @ApiProperty({ type: PublicQuoteContactDto }) @ValidateIf(() => true) @IsDefined({ message: 'contact is required' }) @ValidateNested() @Type(() => PublicQuoteContactDto)
  declare contact: PublicQuoteContactDto;

  @ApiPropertyOptional({ description: 'honeypot: leave empty (a hidden field people never fill)' }) @IsOptional() @IsString() @MaxLength(2000) website?: string;
}

export class CreateQuoteRequestDto extends QuoteFieldsDto implements CreateQuoteRequest {
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsUUID() inboxId?: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'the conversation it belongs to (its inbox and contact are used)' }) @IsOptional() @IsUUID() conversationId?: string | null;
}

export class UpdateQuoteRequestDto extends PartialType(QuoteFieldsDto) implements UpdateQuoteRequest {
  @ApiPropertyOptional({ enum: QUOTE_REQUEST_STATUSES, description: 'new, in_review or declined by hand; quoted by sending a quote' })
  @IsOptional() @IsIn(QUOTE_REQUEST_STATUSES) status?: QuoteRequestStatus;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() assigneeId?: string | null;
  @ApiPropertyOptional({ description: 'confirms an AI proposal' }) @IsOptional() @IsBoolean() confirm?: boolean;
}

export class SendQuoteDto implements SendQuoteRequest {
  @ApiProperty({ example: 1250000 }) @IsNumber(MONEY) @IsPositive({ message: 'amount must be positive' }) @Max(BELOW_MAX) amount: number;
  @ApiProperty({ example: 'KRW' }) @Matches(CURRENCY, { message: CURRENCY_MESSAGE }) currency: string;
  @ApiProperty({ example: '2026-04-30', description: 'last day the offer can be accepted' }) @Validate(NotPastDate) validUntil: string;
  @ApiPropertyOptional({ nullable: true, maxLength: QUOTE_LIMITS.notes }) @IsOptional() @IsString() @MaxLength(QUOTE_LIMITS.notes) message?: string | null;
  @ApiPropertyOptional({ enum: ['ko', 'en'], description: "the PDF's, email's and page's language; default: the contact's" }) @IsOptional() @IsIn(['ko', 'en']) locale?: 'ko' | 'en';
}

/** The filters the board's columns and its counts share. */
export class QuoteRequestCountsQueryDto implements QuoteRequestCountsQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() inboxId?: string;
  @ApiPropertyOptional({ description: 'me, unassigned, any or an agent id' })
  @IsOptional() @Matches(/^(me|unassigned|any|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, { message: 'assignee must be me, unassigned, any or an agent id' })
  assignee?: string;
  @ApiPropertyOptional({ description: 'only AI proposals not confirmed yet (true) or only the others (false)' }) @IsOptional() @Transform(toBool) @IsBoolean() proposed?: boolean;
  @ApiPropertyOptional({ description: 'Q-number, contact name, company, email or phone, item names, notes' }) @IsOptional() @IsString() @MaxLength(LIMITS.searchMax) q?: string;
}

export class QuoteRequestListQueryDto extends QuoteRequestCountsQueryDto implements QuoteRequestListQuery {
  @ApiPropertyOptional({ enum: QUOTE_REQUEST_STATUSES }) @IsOptional() @IsIn(QUOTE_REQUEST_STATUSES) status?: QuoteRequestStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ maximum: LIMITS.pageSizeMax }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(LIMITS.pageSizeMax) limit?: number;
}

/** `quote.submit` on the widget socket. */
export class SubmitQuoteDto extends QuoteFieldsDto implements SubmitQuotePayload {
  @IsUUID() clientRequestId: string;
  @IsOptional() @IsUUID() conversationId?: string;
}

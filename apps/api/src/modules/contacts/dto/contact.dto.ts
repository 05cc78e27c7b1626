import { ApiPropertyOptional } from '@nestjs/swagger';
import type { UpsertContactRequest } from '@parley/shared/contracts';
import { LIMITS } from '@parley/shared/domain';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class UpsertContactDto implements UpsertContactRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) name?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(320) email?: string | null;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'phone must be 6-20 digits, spaces, dashes or brackets, optionally starting with +' }) phone?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) company?: string | null;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z]{2}(-[A-Za-z]{2,4})?$/, { message: 'locale must look like ko or en-US' }) locale?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsObject() customAttributes?: Record<string, string | number | boolean | null>;
}

export class ContactListQueryDto {
  @IsOptional() @IsString() @MaxLength(LIMITS.searchMax) q?: string;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(LIMITS.pageSizeMax) limit?: number;
}

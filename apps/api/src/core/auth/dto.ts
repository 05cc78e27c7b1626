import type { LoginRequest, RefreshRequest } from '@parley/shared/contracts';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @IsEmail() @MaxLength(320) email: string;
  @IsString() @MinLength(1) @MaxLength(200) password: string;
}

export class RefreshDto implements RefreshRequest {
  @IsString() @MinLength(20) @MaxLength(200) refreshToken: string;
}

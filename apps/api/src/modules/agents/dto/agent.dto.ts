import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateAgentRequest, UpdateAgentRequest } from '@parley/shared/contracts';
import { AGENT_AVAILABILITIES, AGENT_ROLES, type AgentAvailability, type AgentRole } from '@parley/shared/domain';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class CreateAgentDto implements CreateAgentRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiProperty() @IsEmail() @MaxLength(320) email: string;
  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12) @MaxLength(200) password: string;
  @ApiPropertyOptional({ enum: AGENT_ROLES }) @IsOptional() @IsIn(AGENT_ROLES) role?: AgentRole;
}

export class UpdateMeDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ enum: AGENT_AVAILABILITIES }) @IsOptional() @IsIn(AGENT_AVAILABILITIES) availability?: AgentAvailability;
}

export class UpdateAgentDto extends UpdateMeDto implements UpdateAgentRequest {
  @ApiPropertyOptional({ enum: AGENT_ROLES }) @IsOptional() @IsIn(AGENT_ROLES) role?: AgentRole;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() disabled?: boolean;
}

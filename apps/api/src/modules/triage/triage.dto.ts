import { ApiProperty } from '@nestjs/swagger';
import type { CorrectTriageRequest } from '@parley/shared/contracts';
import { Matches } from 'class-validator';

export class CorrectTriageDto implements CorrectTriageRequest {
  @ApiProperty({ example: 'shipping' }) @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'category must be a category key' }) category: string;
}

import { ApiProperty } from '@nestjs/swagger';
import type { FlowDefinition, UpdateFlowRequest } from '@parley/shared/contracts';
import { IsBoolean, IsObject } from 'class-validator';

export class UpdateFlowDto implements UpdateFlowRequest {
  @ApiProperty() @IsBoolean() enabled: boolean;
  /** Checked as a whole by `validateFlowDefinition` (shared/domain), so the console's editor and the API agree on every rule. */
  @ApiProperty({ description: 'startStepId and steps; broken rules come back as validation_failed with details [{ path, message }]' })
  @IsObject()
  definition: FlowDefinition;
}

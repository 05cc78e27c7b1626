import type { TriageResultDto } from '@parley/shared/contracts';

export const TRIAGE_COMPLETED = 'triage.completed';
export const TRIAGE_FAILED = 'triage.failed';

export interface TriageChangedEvent {
  triage: TriageResultDto;
  inboxId: string;
}

import type { InboxChannel } from '@parley/shared/domain';

/** Weekly opening hours in the inbox's time zone; a day missing from `days` is closed. */
export interface BusinessHours {
  timezone: string;
  days: Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', { open: string; close: string }>>;
}

export interface InboxDto {
  id: string;
  name: string;
  channel: InboxChannel;
  publicToken: string;
  businessHours: BusinessHours | null;
  allowedOrigins: string[];
  identityEnforced: boolean;
  createdAt: string;
}

/** Admin-only view: includes the identity HMAC secret. */
export interface InboxSecretsDto extends InboxDto {
  identitySecret: string;
}

export interface CreateInboxRequest {
  name: string;
  channel: InboxChannel;
  businessHours?: BusinessHours | null;
  allowedOrigins?: string[];
  identityEnforced?: boolean;
}

export type UpdateInboxRequest = Partial<CreateInboxRequest>;

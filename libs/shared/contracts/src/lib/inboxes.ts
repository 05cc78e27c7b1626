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
  /** Outside business hours a visitor's message gets one automatic reply saying when to expect an answer. */
  afterHoursReplyEnabled: boolean;
  /** Custom text for it; null = built-in Korean/English text with the next opening time. */
  afterHoursReply: string | null;
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
  afterHoursReplyEnabled?: boolean;
  afterHoursReply?: string | null;
}

export type UpdateInboxRequest = Partial<CreateInboxRequest>;

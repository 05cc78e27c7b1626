import {
  WEBHOOK_EVENTS,
  type BusinessHours,
  type CategoryPolicy,
  type CreateCategoryRequest,
  type CreateWebhookRequest,
  type UpdateInboxRequest,
  type WebhookDto,
  type WebhookEvent,
} from '@parley/shared/contracts';
import { LIMITS, type AgentRole, type Weekday } from '@parley/shared/domain';
import type { MessageKey } from '../../core/i18n/messages';

/**
 * Settings forms as plain values with validation that mirrors the API's DTOs, so a mistake is
 * explained beside the field before the request is made (the API still has the last word).
 */

// ---- Inboxes ---------------------------------------------------------------------------------

/** Same rule as the API: scheme, host and optional port, or `*`. */
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$|^\*$/i;

export function parseOrigins(text: string): {
  origins: string[];
  invalid: string[];
} {
  const origins: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[\s,]+/)) {
    const value = raw.trim().replace(/\/+$/, '');
    if (!value) continue;
    if (!ORIGIN.test(value)) invalid.push(raw.trim());
    else if (!origins.includes(value.toLowerCase()))
      origins.push(value.toLowerCase());
  }
  return { origins, invalid };
}

export const WEEKDAYS: readonly Weekday[] = [
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
];
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface DayForm {
  open: boolean;
  from: string;
  to: string;
}

export interface HoursForm {
  /** Off: always open (no business hours stored). */
  enabled: boolean;
  timezone: string;
  days: Record<Weekday, DayForm>;
}

export function hoursForm(
  hours: BusinessHours | null,
  defaultTimezone = 'Asia/Seoul',
): HoursForm {
  const days = {} as Record<Weekday, DayForm>;
  for (const day of WEEKDAYS) {
    const slot = hours?.days[day];
    days[day] = slot
      ? { open: true, from: slot.open, to: slot.close }
      : {
          open: !hours && day !== 'sat' && day !== 'sun',
          from: '09:00',
          to: '18:00',
        };
  }
  return {
    enabled: hours !== null,
    timezone: hours?.timezone ?? defaultTimezone,
    days,
  };
}

export function hoursFromForm(form: HoursForm): BusinessHours | null {
  if (!form.enabled) return null;
  const days: BusinessHours['days'] = {};
  for (const day of WEEKDAYS) {
    const d = form.days[day];
    if (d.open) days[day] = { open: d.from, close: d.to };
  }
  return { timezone: form.timezone.trim(), days };
}

export function isTimeZone(tz: string): boolean {
  if (!tz.trim()) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz.trim() });
    return true;
  } catch {
    return false;
  }
}

export interface HoursErrors {
  timezone?: MessageKey;
  days: Partial<Record<Weekday, MessageKey>>;
}

export function validateHours(form: HoursForm): HoursErrors {
  const errors: HoursErrors = { days: {} };
  if (!form.enabled) return errors;
  if (!isTimeZone(form.timezone)) errors.timezone = 'settings.error.timezone';
  for (const day of WEEKDAYS) {
    const d = form.days[day];
    if (!d.open) continue;
    if (!HHMM.test(d.from) || !HHMM.test(d.to))
      errors.days[day] = 'settings.error.time';
    else if (d.from >= d.to)
      errors.days[day] = 'settings.error.closeBeforeOpen';
  }
  return errors;
}

export interface InboxForm {
  name: string;
  originsText: string;
  identityEnforced: boolean;
  hours: HoursForm;
  afterHoursEnabled: boolean;
  /** Empty: the built-in Korean/English text with the next opening time. */
  afterHoursReply: string;
}

export const AFTER_HOURS_REPLY_MAX = 1000;

export interface InboxErrors {
  name?: MessageKey;
  /** The origins that are not valid, to list beside the field. */
  invalidOrigins?: string[];
  afterHoursReply?: MessageKey;
  hours: HoursErrors;
}

export function validateInbox(form: InboxForm): InboxErrors {
  const errors: InboxErrors = { hours: validateHours(form.hours) };
  const name = form.name.trim();
  if (!name) errors.name = 'settings.error.nameRequired';
  else if (name.length > LIMITS.nameMax)
    errors.name = 'settings.error.nameTooLong';
  const { origins, invalid } = parseOrigins(form.originsText);
  if (invalid.length) errors.invalidOrigins = invalid;
  else if (origins.length > 50) errors.invalidOrigins = origins.slice(50);
  if (form.afterHoursReply.trim().length > AFTER_HOURS_REPLY_MAX)
    errors.afterHoursReply = 'settings.error.afterHoursReply';
  return errors;
}

export function inboxErrorCount(errors: InboxErrors): number {
  return (
    (errors.name ? 1 : 0) +
    (errors.invalidOrigins ? 1 : 0) +
    (errors.afterHoursReply ? 1 : 0) +
    (errors.hours.timezone ? 1 : 0) +
    Object.keys(errors.hours.days).length
  );
}

export function inboxRequest(form: InboxForm): UpdateInboxRequest {
  return {
    name: form.name.trim(),
    allowedOrigins: parseOrigins(form.originsText).origins,
    identityEnforced: form.identityEnforced,
    businessHours: hoursFromForm(form.hours),
    afterHoursReplyEnabled: form.afterHoursEnabled,
    afterHoursReply: form.afterHoursReply.trim() || null,
  };
}

/** The one-line embed code for a site; the console and the widget are served by the same API origin. */
export function widgetSnippet(origin: string, publicToken: string): string {
  return `<script src="${origin}/widget.js" data-inbox="${publicToken}" async></script>`;
}

// ---- AI categories ---------------------------------------------------------------------------

export const THRESHOLD = { min: 0.5, max: 1 } as const;

export function validThreshold(value: number): boolean {
  return (
    Number.isFinite(value) && value >= THRESHOLD.min && value <= THRESHOLD.max
  );
}

const CATEGORY_KEY = /^[a-z][a-z0-9_]{1,39}$/;

export interface CategoryForm {
  key: string;
  label: string;
  description: string;
  policy: CategoryPolicy;
  threshold: string;
  examples: string;
}

export type CategoryErrors = Partial<Record<keyof CategoryForm, MessageKey>>;

export const EMPTY_CATEGORY: CategoryForm = {
  key: '',
  label: '',
  description: '',
  policy: 'draft',
  threshold: '0.85',
  examples: '',
};

export function parseExamples(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

export function validateCategory(form: CategoryForm): CategoryErrors {
  const errors: CategoryErrors = {};
  if (!CATEGORY_KEY.test(form.key.trim()))
    errors.key = 'settings.error.categoryKey';
  const label = form.label.trim();
  if (!label || label.length > 80)
    errors.label = 'settings.error.categoryLabel';
  if (form.description.length > 1000)
    errors.description = 'settings.error.description';
  if (!validThreshold(Number(form.threshold)))
    errors.threshold = 'settings.error.threshold';
  const examples = parseExamples(form.examples);
  if (
    examples.length > 200 ||
    examples.some((e) => e.length < 2 || e.length > 2000)
  )
    errors.examples = 'settings.error.examples';
  return errors;
}

export function categoryRequest(form: CategoryForm): CreateCategoryRequest {
  const description = form.description.trim();
  const examples = parseExamples(form.examples);
  return {
    key: form.key.trim(),
    label: form.label.trim(),
    ...(description && { description }),
    policy: form.policy,
    autoSendThreshold: Number(form.threshold),
    ...(examples.length && { examples }),
  };
}

// ---- Agents ----------------------------------------------------------------------------------

export const PASSWORD_MIN = 12;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface InviteForm {
  name: string;
  email: string;
  password: string;
  role: AgentRole;
}

export type InviteErrors = Partial<Record<keyof InviteForm, MessageKey>>;

export function validateInvite(form: InviteForm): InviteErrors {
  const errors: InviteErrors = {};
  const name = form.name.trim();
  if (!name) errors.name = 'settings.error.nameRequired';
  else if (name.length > LIMITS.nameMax)
    errors.name = 'settings.error.nameTooLong';
  if (!EMAIL.test(form.email.trim())) errors.email = 'settings.error.email';
  if (form.password.length < PASSWORD_MIN || form.password.length > 200)
    errors.password = 'settings.error.password';
  return errors;
}

/** A temporary password to hand over; no look-alike characters (0/O, 1/l/I). */
export function temporaryPassword(
  length = 16,
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  // 256 % 57 != 0: reject the top bytes so every character is equally likely.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of random(new Uint8Array(length * 2))) {
      if (byte < limit && out.length < length)
        out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

// ---- Labels and canned responses ---------------------------------------------------------------

const LABEL_NAME = /^[^\s,][^,]{0,59}$/u;
const COLOR = /^#[0-9a-fA-F]{6}$/;
const SHORT_CODE = /^[\p{L}\p{N}_-]{1,60}$/u;

export interface LabelForm {
  name: string;
  color: string;
  description: string;
}

export type LabelErrors = Partial<Record<keyof LabelForm, MessageKey>>;

export function validateLabel(form: LabelForm): LabelErrors {
  const errors: LabelErrors = {};
  if (!LABEL_NAME.test(form.name.trim()))
    errors.name = 'settings.error.labelName';
  if (!COLOR.test(form.color)) errors.color = 'settings.error.color';
  if (form.description.length > 500)
    errors.description = 'settings.error.description';
  return errors;
}

export interface CannedForm {
  shortCode: string;
  content: string;
}

export type CannedErrors = Partial<Record<keyof CannedForm, MessageKey>>;

export function validateCanned(form: CannedForm): CannedErrors {
  const errors: CannedErrors = {};
  if (!SHORT_CODE.test(form.shortCode.trim()))
    errors.shortCode = 'settings.error.shortCode';
  if (!form.content.trim()) errors.content = 'settings.error.contentRequired';
  else if (form.content.length > LIMITS.messageBodyMax)
    errors.content = 'settings.error.contentTooLong';
  return errors;
}

export function hasErrors(errors: object): boolean {
  return Object.values(errors).some((v) => v !== undefined);
}

// ---- Webhooks ----------------------------------------------------------------------------------

export interface WebhookForm {
  url: string;
  events: WebhookEvent[];
  description: string;
  enabled: boolean;
  includePrivate: boolean;
}

export type WebhookErrors = Partial<Record<'url' | 'events' | 'description', MessageKey>>;

export const EMPTY_WEBHOOK: WebhookForm = { url: '', events: [], description: '', enabled: true, includePrivate: false };
export const WEBHOOK_DESCRIPTION_MAX = 500;
const WEBHOOK_URL = /^https?:\/\/[^\s/?#@]+(?::\d{1,5})?(?:[/?#]\S*)?$/i;

export function webhookForm(webhook: WebhookDto): WebhookForm {
  return {
    url: webhook.url,
    events: [...webhook.events],
    description: webhook.description ?? '',
    enabled: webhook.enabled,
    includePrivate: webhook.includePrivate,
  };
}

/** Mirrors the API: an http(s) URL without credentials, at least one event. The API also refuses private addresses in production. */
export function validateWebhook(form: WebhookForm): WebhookErrors {
  const errors: WebhookErrors = {};
  const url = form.url.trim();
  if (!WEBHOOK_URL.test(url) || url.length > 2048) errors.url = 'webhooks.error.url';
  if (!form.events.length) errors.events = 'webhooks.error.events';
  if (form.description.length > WEBHOOK_DESCRIPTION_MAX) errors.description = 'settings.error.description';
  return errors;
}

export function webhookRequest(form: WebhookForm): CreateWebhookRequest {
  return {
    url: form.url.trim(),
    // In the order the contract lists them, so an unchanged set compares equal.
    events: WEBHOOK_EVENTS.filter((e) => form.events.includes(e)),
    description: form.description.trim() || null,
    enabled: form.enabled,
    includePrivate: form.includePrivate,
  };
}

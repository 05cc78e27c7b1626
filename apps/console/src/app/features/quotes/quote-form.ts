import type { QuoteContact, QuoteRequestDto, SendQuoteRequest, UpdateQuoteRequest } from '@parley/shared/contracts';
import { QUOTE_CURRENCIES, QUOTE_LIMITS } from '@parley/shared/contracts';
import { FieldIssue, normalizeIssuePath } from '../../core/http/api-error';
import type { MessageKey } from '../../core/i18n/messages';

/**
 * The detail page's forms as plain values, with validation that mirrors the API's rules so a mistake
 * is explained beside the field before the request is made (the API still has the last word).
 */

// ---- Editing a request ------------------------------------------------------------------------

export interface QuoteItemForm {
  name: string;
  url: string;
  quantity: string;
  targetUnitPrice: string;
  currency: string;
}

export interface QuoteEditForm {
  items: QuoteItemForm[];
  /** YYYY-MM-DD or empty. */
  deadline: string;
  destinationCountry: string;
  notes: string;
  contact: { name: string; company: string; email: string; phone: string };
}

export type QuoteItemErrors = Partial<Record<keyof QuoteItemForm, MessageKey>>;

export interface QuoteEditErrors {
  items?: MessageKey;
  /** By item index. */
  item: Record<number, QuoteItemErrors>;
  deadline?: MessageKey;
  destinationCountry?: MessageKey;
  notes?: MessageKey;
  email?: MessageKey;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COUNTRY = /^[A-Z]{2}$/;
const CURRENCY = /^[A-Z]{3}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_LIKE = /^https?:\/\/\S+$/i;

const text = (value: string | null | undefined) => value ?? '';
const orNull = (value: string) => (value.trim() ? value.trim() : null);

export function emptyItem(currency = 'KRW'): QuoteItemForm {
  return { name: '', url: '', quantity: '1', targetUnitPrice: '', currency };
}

export function quoteEditForm(quote: QuoteRequestDto): QuoteEditForm {
  return {
    items: quote.items.map((i) => ({
      name: text(i.name),
      url: text(i.url),
      quantity: String(i.quantity),
      targetUnitPrice: i.targetUnitPrice === null ? '' : String(i.targetUnitPrice),
      currency: i.currency,
    })),
    deadline: text(quote.deadline),
    destinationCountry: text(quote.destinationCountry),
    notes: text(quote.notes),
    contact: {
      name: text(quote.contact.name),
      company: text(quote.contact.company),
      email: text(quote.contact.email),
      phone: text(quote.contact.phone),
    },
  };
}

function wholeNumber(value: string): boolean {
  return positiveNumber(value) && Number.isInteger(Number(value));
}

function positiveNumber(value: string): boolean {
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) && n > 0 && n < QUOTE_LIMITS.maxNumber;
}

export function validDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function validateQuoteEdit(form: QuoteEditForm): QuoteEditErrors {
  const errors: QuoteEditErrors = { item: {} };
  if (form.items.length === 0) errors.items = 'quotes.error.itemsRequired';
  else if (form.items.length > QUOTE_LIMITS.items) errors.items = 'quotes.error.itemsTooMany';
  form.items.forEach((item, index) => {
    const e: QuoteItemErrors = {};
    const name = item.name.trim();
    const url = item.url.trim();
    if (!name && !url) e.name = 'quotes.error.itemNameOrUrl';
    else if (name.length > QUOTE_LIMITS.itemName) e.name = 'quotes.error.itemNameTooLong';
    if (url && !URL_LIKE.test(url)) e.url = 'quotes.error.url';
    if (!wholeNumber(item.quantity)) e.quantity = 'quotes.error.quantity';
    if (item.targetUnitPrice.trim() && !positiveNumber(item.targetUnitPrice)) e.targetUnitPrice = 'quotes.error.price';
    if (!CURRENCY.test(item.currency)) e.currency = 'quotes.error.currency';
    if (Object.keys(e).length) errors.item[index] = e;
  });
  if (form.deadline && !validDate(form.deadline)) errors.deadline = 'quotes.error.date';
  if (form.destinationCountry.trim() && !COUNTRY.test(form.destinationCountry.trim().toUpperCase())) errors.destinationCountry = 'quotes.error.country';
  if (form.notes.length > QUOTE_LIMITS.notes) errors.notes = 'quotes.error.notesTooLong';
  if (form.contact.email.trim() && !EMAIL.test(form.contact.email.trim())) errors.email = 'quotes.error.email';
  return errors;
}

export function quoteEditErrorCount(errors: QuoteEditErrors): number {
  const own = (['items', 'deadline', 'destinationCountry', 'notes', 'email'] as const).filter((k) => errors[k]).length;
  return own + Object.values(errors.item).reduce((n, e) => n + Object.keys(e).length, 0);
}

function itemsOf(form: QuoteEditForm): UpdateQuoteRequest['items'] {
  return form.items.map((i) => ({
    name: orNull(i.name),
    url: orNull(i.url),
    quantity: Number(i.quantity),
    targetUnitPrice: i.targetUnitPrice.trim() ? Number(i.targetUnitPrice) : null,
    currency: i.currency,
  }));
}

function contactOf(form: QuoteEditForm): QuoteContact {
  const c = form.contact;
  return { name: orNull(c.name), company: orNull(c.company), email: orNull(c.email), phone: orNull(c.phone) };
}

/** The PATCH body: only the parts that differ from the request as it is. Empty when nothing changed. */
export function quoteUpdateRequest(form: QuoteEditForm, quote: QuoteRequestDto): UpdateQuoteRequest {
  const before = quoteEditForm(quote);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const changes: UpdateQuoteRequest = {};
  if (!same(itemsOf(form), itemsOf(before))) changes.items = itemsOf(form);
  if (form.deadline !== before.deadline) changes.deadline = form.deadline || null;
  const country = form.destinationCountry.trim().toUpperCase();
  if (country !== before.destinationCountry) changes.destinationCountry = country || null;
  if (form.notes.trim() !== before.notes.trim()) changes.notes = orNull(form.notes);
  if (!same(contactOf(form), contactOf(before))) changes.contact = contactOf(form);
  return changes;
}

/** Server problems (`items.0.quantity`, `contact.email`, `deadline`...) as errors beside the fields. */
export function quoteEditServerErrors(issues: readonly FieldIssue[]): { errors: Record<string, string>; other: string[] } {
  const errors: Record<string, string> = {};
  const other: string[] = [];
  for (const issue of issues) {
    const path = normalizeIssuePath(issue.path);
    const known = /^(items\.\d+\.(name|url|quantity|targetUnitPrice|currency)|deadline|destinationCountry|notes|contact\.email|items)$/.test(path);
    if (known) errors[path] ??= issue.message;
    else other.push(issue.message);
  }
  return { errors, other };
}

// ---- Sending a quote ----------------------------------------------------------------------------

export const SEND_VALID_DAYS = 14;

export interface SendQuoteForm {
  amount: string;
  currency: string;
  /** YYYY-MM-DD. */
  validUntil: string;
  message: string;
  /** `auto`: the API picks the customer's language. */
  locale: 'auto' | 'ko' | 'en';
}

export type SendQuoteErrors = Partial<Record<keyof SendQuoteForm, MessageKey>>;

/** YYYY-MM-DD of `date` in the agent's own time zone. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function addDays(date: Date, days: number): Date {
  const next = new Date(date);
  next.setDate(next.getDate() + days);
  return next;
}

/**
 * The form's starting values: valid for two weeks from today, in the currency of the last offer or
 * of the items, the last offer's amount for a revised quote, and the PDF in the customer's language.
 */
export function sendQuoteForm(quote: QuoteRequestDto, today: Date): SendQuoteForm {
  const currency = quote.offer?.currency ?? quote.items.find((i) => CURRENCY.test(i.currency))?.currency ?? QUOTE_CURRENCIES[0];
  return {
    amount: quote.offer ? String(quote.offer.amount) : '',
    currency,
    validUntil: localDate(addDays(today, SEND_VALID_DAYS)),
    message: '',
    locale: 'auto',
  };
}

export function validateSendQuote(form: SendQuoteForm, today: Date): SendQuoteErrors {
  const errors: SendQuoteErrors = {};
  if (!positiveNumber(form.amount)) errors.amount = 'quotes.error.amount';
  if (!CURRENCY.test(form.currency)) errors.currency = 'quotes.error.currency';
  if (!validDate(form.validUntil)) errors.validUntil = 'quotes.error.date';
  else if (form.validUntil < localDate(today)) errors.validUntil = 'quotes.error.validUntilPast';
  if (form.message.length > QUOTE_LIMITS.notes) errors.message = 'quotes.error.messageTooLong';
  return errors;
}

export function sendQuoteRequest(form: SendQuoteForm): SendQuoteRequest {
  return {
    amount: Number(form.amount),
    currency: form.currency,
    validUntil: form.validUntil,
    message: orNull(form.message),
    ...(form.locale !== 'auto' && { locale: form.locale }),
  };
}

/** Server problems of a send (`amount`, `validUntil`...) beside the fields; the rest listed. */
export function sendServerErrors(issues: readonly FieldIssue[]): { errors: Partial<Record<keyof SendQuoteForm, string>>; other: string[] } {
  const errors: Partial<Record<keyof SendQuoteForm, string>> = {};
  const other: string[] = [];
  const fields: readonly string[] = ['amount', 'currency', 'validUntil', 'message', 'locale'];
  for (const issue of issues) {
    const path = normalizeIssuePath(issue.path);
    if (fields.includes(path)) errors[path as keyof SendQuoteForm] ??= issue.message;
    else other.push(issue.message);
  }
  return { errors, other };
}

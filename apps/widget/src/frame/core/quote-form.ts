import { QUOTE_LIMITS, type QuoteRequestFields, type SubmitQuotePayload } from '@parley/shared/contracts';
import type { Locale } from './i18n';

/** The widget keeps the form short; bigger requests go through an agent or the public form. */
export const QUOTE_FORM_MAX_ITEMS = 10;
/** Offered in the country select; anything else is typed as a two-letter code. */
export const COMMON_COUNTRIES = ['KR', 'US', 'JP', 'CN', 'VN', 'TW', 'HK', 'SG', 'DE', 'GB'];

/** What the visitor typed, as typed (strings); `buildQuotePayload` turns it into the wire shape. */
export interface QuoteItemDraft {
  product: string;
  quantity: string;
  price: string;
  currency: string;
}

export interface QuoteDraft {
  items: QuoteItemDraft[];
  deadline: string;
  country: string;
  notes: string;
  name: string;
  company: string;
  email: string;
  phone: string;
}

export type QuoteDraftProblem = { field: 'items'; index: number } | { field: 'country' } | { field: 'contact' };

export const emptyQuoteItem = (currency: string): QuoteItemDraft => ({ product: '', quantity: '', price: '', currency });

export function newQuoteDraft(contact: { name: string | null; email: string | null; phone: string | null } | null, locale: Locale): QuoteDraft {
  return {
    items: [emptyQuoteItem(locale === 'ko' ? 'KRW' : 'USD')],
    deadline: '',
    country: locale === 'ko' ? 'KR' : '',
    notes: '',
    name: (contact && contact.name) || '',
    company: '',
    email: (contact && contact.email) || '',
    phone: (contact && contact.phone) || '',
  };
}

const URL_PATTERN = /^https?:\/\/\S+$/i;

function positive(raw: string): number | null {
  const value = Number(raw.replace(/,/g, '').trim());
  return raw.trim() && isFinite(value) && value > 0 && value < QUOTE_LIMITS.maxNumber ? value : null;
}

const text = (raw: string, max: number): string | null => raw.trim().slice(0, max) || null;
/** The API takes whole quantities and prices with up to 4 decimals. */
const wholeNumber = (raw: string): number | null => {
  const value = positive(raw);
  return value !== null && value === Math.floor(value) ? value : null;
};

/**
 * The `quote.submit` payload, or the first thing the visitor still has to fix. Blank item rows are
 * skipped; a product is sent as a URL when it is one, else as a name.
 */
export function buildQuotePayload(draft: QuoteDraft, clientRequestId: string, conversationId: string | null): { payload: SubmitQuotePayload } | { problem: QuoteDraftProblem } {
  const items: QuoteRequestFields['items'] = [];
  for (let index = 0; index < draft.items.length && index < QUOTE_FORM_MAX_ITEMS; index++) {
    const item = draft.items[index];
    if (!item.product.trim() && !item.quantity.trim() && !item.price.trim()) continue;
    const url = URL_PATTERN.test(item.product.trim());
    const product = text(item.product, url ? 2048 : QUOTE_LIMITS.itemName);
    const quantity = wholeNumber(item.quantity);
    const price = item.price.trim() ? positive(item.price) : null;
    if (!product || quantity === null || (item.price.trim() && price === null)) return { problem: { field: 'items', index } };
    const targetUnitPrice = price === null ? null : Math.round(price * 10_000) / 10_000;
    items.push({ name: url ? null : product, url: url ? product : null, quantity, targetUnitPrice, currency: item.currency });
  }
  if (!items.length) return { problem: { field: 'items', index: 0 } };

  const country = draft.country.trim().toUpperCase();
  if (country && !/^[A-Z]{2}$/.test(country)) return { problem: { field: 'country' } };
  const email = text(draft.email, 320);
  const phone = text(draft.phone, 40);
  if (!email && !phone) return { problem: { field: 'contact' } };

  const payload: SubmitQuotePayload = {
    clientRequestId,
    items,
    deadline: /^\d{4}-\d{2}-\d{2}$/.test(draft.deadline) ? draft.deadline : null,
    destinationCountry: country || null,
    notes: text(draft.notes, QUOTE_LIMITS.notes),
    contact: { name: text(draft.name, 200), company: text(draft.company, 200), email, phone },
  };
  if (conversationId) payload.conversationId = conversationId;
  return { payload };
}

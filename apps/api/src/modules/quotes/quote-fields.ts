import type { QuoteContact, QuoteHistoryEntry, QuoteItem } from '@parley/shared/contracts';
import type { QuoteRequestStatus } from '@parley/shared/domain';
import type { Actor } from '../../core/audit/audit.service';
import { normalizePhone } from '../contacts/capture/contact-line-parser';
import type { QuoteContactDto, QuoteItemDto } from './dto/quote-request.dto';
import { DEFAULT_QUOTE_CURRENCY } from './quote-texts';

/** Who did something to a quote request, as its history records it. */
export interface QuoteActor {
  type: QuoteHistoryEntry['actor'];
  /** The agent; null for the customer, the system and the AI. */
  id: string | null;
}

export const SYSTEM: QuoteActor = { type: 'system', id: null };
export const CUSTOMER: QuoteActor = { type: 'customer', id: null };
export const agentActor = (id: string): QuoteActor => ({ type: 'agent', id });

export function historyEntry(action: string, actor: QuoteActor, change: { from?: QuoteRequestStatus | null; to?: QuoteRequestStatus | null; note?: string | null } = {}): QuoteHistoryEntry {
  return { at: new Date().toISOString(), action, from: change.from ?? null, to: change.to ?? null, actorId: actor.id, actor: actor.type, note: change.note ?? null };
}

/** The audit log knows agents, contacts and the system. */
export function auditActor(actor: QuoteActor): Actor {
  return actor.type === 'agent' ? { type: 'agent', id: actor.id } : actor.type === 'customer' ? { type: 'contact', id: null } : { type: 'system', id: null };
}

const text = (v: string | null | undefined) => v?.trim() || null;

/** Validated items as stored: trimmed, blanks as null, the default currency filled in. */
export function toItems(items: QuoteItemDto[]): QuoteItem[] {
  return items.map((i) => ({ name: text(i.name), url: text(i.url), quantity: i.quantity, targetUnitPrice: i.targetUnitPrice ?? null, currency: i.currency ?? DEFAULT_QUOTE_CURRENCY }));
}

/** Validated contact fields as stored: email lower-cased, phone in E.164. */
export function toContact(c: QuoteContactDto | undefined): QuoteContact {
  return { name: text(c?.name), company: text(c?.company), email: text(c?.email)?.toLowerCase() ?? null, phone: c?.phone ? normalizePhone(c.phone) : null };
}

/** `base` with the fields `patch` names (a PATCH may change one field of the contact). */
export function mergeContact(base: QuoteContact, patch: QuoteContactDto): QuoteContact {
  const given = toContact(patch);
  return Object.fromEntries((Object.keys(base) as (keyof QuoteContact)[]).map((k) => [k, k in patch ? given[k] : base[k]])) as unknown as QuoteContact;
}

/** Fills what the request left blank from what the contact record knows. */
export function withBlanksFrom(contact: QuoteContact, known: Partial<Record<keyof QuoteContact, string | null>>): QuoteContact {
  return { name: contact.name ?? known.name ?? null, company: contact.company ?? known.company ?? null, email: contact.email ?? known.email ?? null, phone: contact.phone ?? known.phone ?? null };
}

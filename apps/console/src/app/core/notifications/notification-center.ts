import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { ConversationDto, QuoteRequestDto } from '@parley/shared/contracts';
import type { Observable } from 'rxjs';
import { AgentRealtime } from '../realtime/agent-realtime';

export type AlertKind = 'conversation' | 'urgent' | 'draft' | 'contact' | 'quote' | 'quote_accepted' | 'quote_declined';

export interface ConsoleAlert {
  /** Stable per cause, so a repeated event does not alert twice. */
  id: string;
  kind: AlertKind;
  /** Where the alert leads (a conversation, or a quote request). */
  route: readonly string[];
  conversationId: string | null;
  displayId: number | null;
  /** How the alert names its subject when it is not a conversation ("Q-12"). */
  ref: string | null;
  contactName: string | null;
  at: number;
  read: boolean;
}

const MAX_ALERTS = 50;

/**
 * Live alerts for the bell: a new conversation, a conversation triaged as urgent, an AI draft
 * waiting for approval, contact details a visitor left, a new quote request, and a customer's answer
 * to a quote. Kept in memory for this tab; `latest` feeds a polite live region.
 */
@Injectable({ providedIn: 'root' })
export class NotificationCenter {
  readonly #realtime = inject(AgentRealtime);
  readonly #alerts = signal<readonly ConsoleAlert[]>([]);
  /** Display ids and names of conversations seen in events, to word alerts whose event carries only an id. */
  readonly #known = new Map<string, Pick<ConversationDto, 'displayId' | 'contact'>>();
  #started = false;

  readonly alerts = this.#alerts.asReadonly();
  readonly unread = computed(() => this.#alerts().filter((a) => !a.read).length);
  readonly latest = computed(() => this.#alerts()[0] ?? null);

  /** Subscribes to the socket; idempotent. */
  start(destroyRef: DestroyRef = inject(DestroyRef)): void {
    if (this.#started) return;
    this.#started = true;
    destroyRef.onDestroy(() => (this.#started = false));
    const on = <T>(o: Observable<T>) => o.pipe(takeUntilDestroyed(destroyRef));

    on(this.#realtime.on('conversation.created')).subscribe(({ conversation }) => {
      this.remember(conversation);
      this.#add('conversation', `conversation:${conversation.id}`, conversation.id);
    });
    on(this.#realtime.on('conversation.updated')).subscribe(({ conversation }) => this.remember(conversation));
    on(this.#realtime.on('triage.completed')).subscribe(({ triage }) => {
      // A correction re-emits the result: only the model's first verdict alerts.
      if (triage.urgent && !triage.correctedCategory) this.#add('urgent', `urgent:${triage.id}`, triage.conversationId);
    });
    on(this.#realtime.on('reply_draft.created')).subscribe(({ draft }) => {
      if (draft.status === 'proposed') this.#add('draft', `draft:${draft.id}`, draft.conversationId);
    });
    on(this.#realtime.on('contact.captured')).subscribe(({ contactId, conversationId, contact }) => {
      const who = contact.name ?? contact.email ?? contact.phone;
      this.#add('contact', `contact:${contactId}:${contact.email ?? ''}:${contact.phone ?? ''}`, conversationId, { contactName: who, route: conversationId ? undefined : ['/conversations'] });
    });
    on(this.#realtime.on('quote_request.created')).subscribe(({ quoteRequest }) => this.#addQuote('quote', quoteRequest));
    on(this.#realtime.on('quote_request.updated')).subscribe(({ quoteRequest }) => {
      const last = quoteRequest.history[quoteRequest.history.length - 1];
      if (last?.actor !== 'customer') return;
      if (quoteRequest.status === 'accepted') this.#addQuote('quote_accepted', quoteRequest);
      if (quoteRequest.status === 'declined') this.#addQuote('quote_declined', quoteRequest);
    });
  }

  /** Lets pages that load conversations improve the wording of later alerts. */
  remember(conversation: Pick<ConversationDto, 'id' | 'displayId' | 'contact'>): void {
    this.#known.set(conversation.id, { displayId: conversation.displayId, contact: conversation.contact });
  }

  markAllRead(): void {
    this.#alerts.update((all) => (all.some((a) => !a.read) ? all.map((a) => (a.read ? a : { ...a, read: true })) : all));
  }

  markRead(id: string): void {
    this.#alerts.update((all) => all.map((a) => (a.id === id && !a.read ? { ...a, read: true } : a)));
  }

  clear(): void {
    this.#alerts.set([]);
  }

  #addQuote(kind: 'quote' | 'quote_accepted' | 'quote_declined', q: QuoteRequestDto): void {
    this.#add(kind, `${kind}:${q.id}`, q.conversationId, {
      route: ['/quotes', q.id],
      ref: `Q-${q.displayId}`,
      contactName: q.contact.company ?? q.contact.name ?? q.contact.email,
    });
  }

  #add(kind: AlertKind, id: string, conversationId: string | null, extra: { route?: readonly string[]; ref?: string; contactName?: string | null } = {}): void {
    if (this.#alerts().some((a) => a.id === id)) return;
    const known = conversationId ? this.#known.get(conversationId) : undefined;
    const alert: ConsoleAlert = {
      id,
      kind,
      route: extra.route ?? ['/conversations', conversationId ?? ''],
      conversationId,
      displayId: extra.ref ? null : (known?.displayId ?? null),
      ref: extra.ref ?? null,
      contactName: extra.contactName ?? known?.contact.name ?? known?.contact.email ?? null,
      at: Date.now(),
      read: false,
    };
    this.#alerts.update((all) => [alert, ...all].slice(0, MAX_ALERTS));
  }
}

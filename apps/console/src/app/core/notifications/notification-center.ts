import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { ConversationDto } from '@parley/shared/contracts';
import type { Observable } from 'rxjs';
import { AgentRealtime } from '../realtime/agent-realtime';

export type AlertKind = 'conversation' | 'urgent' | 'draft';

export interface ConsoleAlert {
  /** Stable per cause, so a repeated event does not alert twice. */
  id: string;
  kind: AlertKind;
  conversationId: string;
  displayId: number | null;
  contactName: string | null;
  at: number;
  read: boolean;
}

const MAX_ALERTS = 50;

/**
 * Live alerts for the bell: a new conversation, a conversation triaged as urgent, an AI draft
 * waiting for approval. Kept in memory for this tab; `latest` feeds a polite live region.
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

  #add(kind: AlertKind, id: string, conversationId: string): void {
    if (this.#alerts().some((a) => a.id === id)) return;
    const known = this.#known.get(conversationId);
    const alert: ConsoleAlert = {
      id,
      kind,
      conversationId,
      displayId: known?.displayId ?? null,
      contactName: known?.contact.name ?? known?.contact.email ?? null,
      at: Date.now(),
      read: false,
    };
    this.#alerts.update((all) => [alert, ...all].slice(0, MAX_ALERTS));
  }
}

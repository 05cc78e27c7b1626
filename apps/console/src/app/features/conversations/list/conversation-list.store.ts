import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { ConversationCountsDto, ConversationDto } from '@parley/shared/contracts';
import { Subscription } from 'rxjs';
import { ConversationsApi } from '../../../core/api/conversations.api';
import { AuthService } from '../../../core/auth/auth.service';
import { NotificationCenter } from '../../../core/notifications/notification-center';
import type { AgentServerEvent, AgentServerEvents } from '../../../core/realtime/agent-events';
import { AgentRealtime } from '../../../core/realtime/agent-realtime';
import { ConversationFilters, DEFAULT_FILTERS, sameFilters, toListQuery } from './conversation-filters';
import {
  ListState,
  MergeContext,
  MergeResult,
  appendPage,
  applyDraft,
  applyMessage,
  applyRead,
  upsertConversation,
} from './conversation-list-merge';

const COUNTS_DEBOUNCE_MS = 1_000;

/**
 * The conversation list: filters, the loaded pages, counts per filter, and live updates from the
 * /agents socket merged in (see conversation-list-merge.ts). One per conversations page; the open
 * conversation reads it for j/k navigation.
 */
@Injectable()
export class ConversationListStore {
  readonly #api = inject(ConversationsApi);
  readonly #auth = inject(AuthService);
  readonly #realtime = inject(AgentRealtime);
  readonly #notifications = inject(NotificationCenter);
  readonly #destroyRef = inject(DestroyRef);

  readonly #filters = signal<ConversationFilters>(DEFAULT_FILTERS);
  readonly #state = signal<ListState>({ items: [], nextCursor: null });
  readonly #loading = signal(false);
  readonly #loadingMore = signal(false);
  readonly #failed = signal(false);
  readonly #counts = signal<ConversationCountsDto | null>(null);
  readonly #loaded = signal(false);
  /** The conversation open beside the list (set by the router outlet's page). */
  readonly openId = signal<string | null>(null);

  #request: Subscription | null = null;
  #generation = 0;
  #countsTimer: ReturnType<typeof setTimeout> | null = null;
  #countsSupported = true;
  readonly #fetching = new Set<string>();

  readonly filters = this.#filters.asReadonly();
  readonly items = computed(() => this.#state().items);
  readonly hasMore = computed(() => this.#state().nextCursor !== null);
  readonly loading = this.#loading.asReadonly();
  readonly loadingMore = this.#loadingMore.asReadonly();
  readonly failed = this.#failed.asReadonly();
  /** Null until loaded, or when the API does not offer counts. */
  readonly counts = this.#counts.asReadonly();
  /** Set once the first page arrived (or failed), so an empty list can say "nothing here". */
  readonly loaded = computed(() => this.#loaded());

  constructor() {
    this.#listen();
    // Back after a connection loss: events sent meanwhile are gone, so reload what is shown.
    let seen = this.#realtime.resyncs();
    effect(() => {
      const resyncs = this.#realtime.resyncs();
      if (resyncs === seen) return;
      seen = resyncs;
      untracked(() => this.reload());
    });
    this.#destroyRef.onDestroy(() => {
      this.#request?.unsubscribe();
      if (this.#countsTimer) clearTimeout(this.#countsTimer);
    });
  }

  /** Shows the list for these filters (a no-op when they are the ones shown). */
  setFilters(filters: ConversationFilters): void {
    if (this.loaded() && sameFilters(filters, this.#filters())) return;
    this.#filters.set(filters);
    this.reload();
  }

  reload(): void {
    const generation = ++this.#generation;
    this.#request?.unsubscribe();
    this.#loading.set(true);
    this.#loadingMore.set(false);
    this.#failed.set(false);
    this.#request = this.#api.list(toListQuery(this.#filters())).subscribe({
      next: (page) => {
        if (generation !== this.#generation) return;
        this.#state.set({ items: page.items, nextCursor: page.nextCursor });
        page.items.forEach((c) => this.#notifications.remember(c));
        this.#loading.set(false);
        this.#loaded.set(true);
      },
      error: () => {
        if (generation !== this.#generation) return;
        this.#loading.set(false);
        this.#failed.set(true);
        this.#loaded.set(true);
      },
    });
    this.refreshCounts();
  }

  loadMore(): void {
    const cursor = this.#state().nextCursor;
    if (!cursor || this.#loadingMore() || this.#loading()) return;
    const generation = this.#generation;
    this.#loadingMore.set(true);
    this.#request = this.#api.list(toListQuery(this.#filters(), cursor)).subscribe({
      next: (page) => {
        if (generation !== this.#generation) return;
        this.#state.update((state) => appendPage(state, page.items, page.nextCursor));
        this.#loadingMore.set(false);
      },
      error: () => {
        if (generation !== this.#generation) return;
        this.#loadingMore.set(false);
        this.#failed.set(true);
      },
    });
  }

  /** The conversation after (`1`) or before (`-1`) `id` in the list; the first one when `id` is not listed. */
  neighbour(id: string | null, step: 1 | -1): ConversationDto | null {
    const items = this.items();
    if (!items.length) return null;
    const index = id ? items.findIndex((c) => c.id === id) : -1;
    if (index < 0) return items[0];
    return items[index + step] ?? null;
  }

  /** A conversation changed here (status, assignee...): show its new state at once. */
  upsert(conversation: ConversationDto): void {
    this.#state.update((state) => upsertConversation(state, conversation, this.#context()));
    this.#scheduleCounts();
  }

  /** The agent opened the conversation: its unread mark goes at once (the socket confirms it to other tabs). */
  markReadLocally(id: string): void {
    this.#state.update((state) => applyRead(state, { conversationId: id, seq: 0, reader: 'agent' }));
  }

  refreshCounts(): void {
    if (this.#countsTimer) clearTimeout(this.#countsTimer);
    this.#countsTimer = null;
    if (!this.#countsSupported) return;
    const inboxId = this.#filters().inboxId ?? undefined;
    this.#api
      .counts(inboxId ? { inboxId } : {})
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe({
        next: (counts) => this.#counts.set(counts),
        error: (error: unknown) => {
          // An API without the counts endpoint: show the filters without numbers.
          if (error instanceof HttpErrorResponse && error.status === 404) this.#countsSupported = false;
          this.#counts.set(null);
        },
      });
  }

  #context(): MergeContext {
    return { filters: this.#filters(), meId: this.#auth.agent()?.id ?? null, openId: this.openId() };
  }

  #scheduleCounts(): void {
    if (this.#countsTimer || !this.#countsSupported) return;
    this.#countsTimer = setTimeout(() => this.refreshCounts(), COUNTS_DEBOUNCE_MS);
  }

  #listen(): void {
    this.#live('conversation.created', ({ conversation }) => this.upsert(conversation));
    this.#live('conversation.updated', ({ conversation }) => {
      // Until the API says whether a draft waits, keep what we know.
      const known = this.items().find((c) => c.id === conversation.id);
      this.upsert(conversation.draftWaiting === undefined && known ? { ...conversation, draftWaiting: known.draftWaiting } : conversation);
    });
    this.#live('message.created', (message) => this.#merge(applyMessage(this.#state(), message, this.#context())));
    this.#live('reply_draft.created', ({ draft }) => this.#merge(applyDraft(this.#state(), draft, this.#context())));
    this.#live('reply_draft.updated', ({ draft }) => this.#merge(applyDraft(this.#state(), draft, this.#context())));
    this.#live('message.read', (event) => this.#state.update((state) => applyRead(state, event)));
  }

  #live<E extends AgentServerEvent>(event: E, handle: (data: AgentServerEvents[E]) => void): void {
    this.#realtime
      .on(event)
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe((data) => {
        // Before the first page arrives there is nothing to merge into; the page will be current.
        if (!this.loaded()) return;
        handle(data);
        this.#scheduleCounts();
      });
  }

  #merge({ state, fetch }: MergeResult): void {
    this.#state.set(state);
    if (fetch) this.#fetch(fetch);
  }

  /** Loads one conversation an event was about; it joins the list if it matches the filters. */
  #fetch(id: string): void {
    if (this.#fetching.has(id)) return;
    this.#fetching.add(id);
    const generation = this.#generation;
    this.#api
      .get(id)
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe({
        next: (conversation) => {
          this.#fetching.delete(id);
          if (generation === this.#generation) this.upsert(conversation);
        },
        error: () => this.#fetching.delete(id),
      });
  }
}

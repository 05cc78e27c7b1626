import { HttpErrorResponse } from '@angular/common/http';
import { DOCUMENT, DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type {
  ContactDto,
  ConversationDto,
  MessageDto,
  ReplyDraftDto,
  TriageResultDto,
  UpdateConversationRequest,
} from '@parley/shared/contracts';
import { Subscription, firstValueFrom, forkJoin } from 'rxjs';
import { AiApi } from '../../../core/api/ai.api';
import { ConversationsApi } from '../../../core/api/conversations.api';
import { WorkspaceApi } from '../../../core/api/workspace.api';
import { AuthService } from '../../../core/auth/auth.service';
import { apiErrorCode } from '../../../core/http/api-error';
import { NotificationCenter } from '../../../core/notifications/notification-center';
import type { AgentServerEvent, AgentServerEvents } from '../../../core/realtime/agent-events';
import { AgentRealtime } from '../../../core/realtime/agent-realtime';
import { ConversationListStore } from '../list/conversation-list.store';
import { DraftAction, DraftPanelEvent, INITIAL_DRAFT_PANEL, draftRequest, reduceDraftPanel } from './draft-panel-state';

/** A message in the thread; `pending` while an agent's reply is on its way, `failed` when it did not arrive. */
export type ThreadMessage = MessageDto & { pending?: boolean; failed?: boolean };

export type LoadState = 'loading' | 'ready' | 'notFound' | 'failed';

const TYPING_SHOWN_MS = 6_000;
const TYPING_THROTTLE_MS = 3_000;
const TYPING_IDLE_MS = 4_000;
const PREVIOUS_CONVERSATIONS = 10;

/**
 * One open conversation: the thread, its triage and drafts, the contact, and live updates for
 * it. Provided by the conversation view, so it lives as long as the conversation is shown.
 */
@Injectable()
export class ConversationStore {
  readonly #api = inject(ConversationsApi);
  readonly #ai = inject(AiApi);
  readonly #workspace = inject(WorkspaceApi);
  readonly #auth = inject(AuthService);
  readonly #realtime = inject(AgentRealtime);
  readonly #notifications = inject(NotificationCenter);
  readonly #list = inject(ConversationListStore, { optional: true });
  readonly #document = inject(DOCUMENT);
  readonly #destroyRef = inject(DestroyRef);

  readonly #id = signal<string | null>(null);
  readonly #state = signal<LoadState>('loading');
  readonly #conversation = signal<ConversationDto | null>(null);
  readonly #messages = signal<readonly ThreadMessage[]>([]);
  readonly #hasOlder = signal(false);
  readonly #triage = signal<readonly TriageResultDto[]>([]);
  readonly #draft = signal(INITIAL_DRAFT_PANEL);
  readonly #contact = signal<ContactDto | null>(null);
  readonly #previous = signal<readonly ConversationDto[]>([]);
  readonly #typing = signal<{ name: string | null; type: 'contact' | 'agent' } | null>(null);
  readonly #contactReadSeq = signal(0);
  readonly #saving = signal(false);
  readonly #updateError = signal<string | null>(null);

  #loads: Subscription | null = null;
  #typingTimer: ReturnType<typeof setTimeout> | null = null;
  #ownTyping: { since: number; idle: ReturnType<typeof setTimeout> | null } | null = null;
  #readSent = 0;

  readonly id = this.#id.asReadonly();
  readonly state = this.#state.asReadonly();
  readonly conversation = this.#conversation.asReadonly();
  readonly messages = this.#messages.asReadonly();
  readonly hasOlder = this.#hasOlder.asReadonly();
  readonly triageResults = this.#triage.asReadonly();
  /** The triage of the newest message that has one. */
  readonly triage = computed(() => [...this.#triage()].reverse().find((t) => t.status === 'completed') ?? null);
  readonly draftPanel = this.#draft.asReadonly();
  readonly contact = this.#contact.asReadonly();
  readonly previousConversations = this.#previous.asReadonly();
  /** Someone else typing in this conversation: the contact, or another agent. */
  readonly typing = this.#typing.asReadonly();
  /** The highest seq the contact has read (live only: the API sends it as `message.read` events). */
  readonly contactReadSeq = this.#contactReadSeq.asReadonly();
  readonly saving = this.#saving.asReadonly();
  readonly updateError = this.#updateError.asReadonly();

  constructor() {
    this.#listen();
    let seen = this.#realtime.resyncs();
    effect(() => {
      const resyncs = this.#realtime.resyncs();
      if (resyncs === seen) return;
      seen = resyncs;
      untracked(() => this.#catchUp());
    });
    this.#destroyRef.onDestroy(() => {
      this.#loads?.unsubscribe();
      if (this.#typingTimer) clearTimeout(this.#typingTimer);
      this.stopTyping();
    });
  }

  load(id: string): void {
    if (id === this.#id()) return;
    this.stopTyping();
    this.#loads?.unsubscribe();
    this.#id.set(id);
    this.#state.set('loading');
    this.#conversation.set(null);
    this.#messages.set([]);
    this.#triage.set([]);
    this.#draft.set(INITIAL_DRAFT_PANEL);
    this.#contact.set(null);
    this.#previous.set([]);
    this.#typing.set(null);
    this.#contactReadSeq.set(0);
    this.#updateError.set(null);
    this.#readSent = 0;

    this.#loads = forkJoin({
      conversation: this.#api.get(id),
      messages: this.#api.messages(id),
      triage: this.#ai.triageResults(id),
      drafts: this.#ai.drafts(id),
    }).subscribe({
      next: ({ conversation, messages, triage, drafts }) => {
        this.#conversation.set(conversation);
        this.#messages.set(messages);
        this.#hasOlder.set((messages[0]?.seq ?? 1) > 1);
        this.#triage.set(triage);
        this.dispatch({ type: 'loaded', drafts });
        this.#state.set('ready');
        this.#notifications.remember(conversation);
        this.#loadContact(conversation);
        this.markRead();
      },
      error: (error: unknown) => {
        const missing = error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400);
        this.#state.set(missing ? 'notFound' : 'failed');
      },
    });
  }

  loadOlder(): Promise<void> {
    const id = this.#id();
    const first = this.#messages().find((m) => !m.pending);
    if (!id || !first || !this.#hasOlder()) return Promise.resolve();
    return firstValueFrom(this.#api.messages(id, { before: first.seq }))
      .then((older) => {
        if (id !== this.#id()) return;
        this.#messages.update((all) => mergeMessages(all, older));
        this.#hasOlder.set((older[0]?.seq ?? 1) > 1);
      })
      .catch(() => undefined);
  }

  /** Sends a reply (or a private note). Shown at once; marked failed if the API does not take it. */
  async send(body: string, isPrivate: boolean): Promise<boolean> {
    const id = this.#id();
    const text = body.trim();
    if (!id || !text) return false;
    this.stopTyping();
    const clientMessageId = crypto.randomUUID();
    const optimistic: ThreadMessage = {
      id: `pending:${clientMessageId}`,
      conversationId: id,
      seq: Number.MAX_SAFE_INTEGER,
      messageType: 'outgoing',
      senderType: 'agent',
      senderId: this.#auth.agent()?.id ?? null,
      body: text,
      private: isPrivate,
      clientMessageId,
      content: null,
      createdAt: new Date().toISOString(),
      pending: true,
    };
    this.#messages.update((all) => [...all, optimistic]);
    try {
      const message = await firstValueFrom(this.#api.sendMessage(id, { body: text, private: isPrivate, clientMessageId }));
      this.#receive(message);
      return true;
    } catch {
      this.#messages.update((all) =>
        all.map((m) => (m.clientMessageId === clientMessageId && m.pending ? { ...m, pending: false, failed: true } : m)),
      );
      return false;
    }
  }

  /** Sends a failed reply again, with the same clientMessageId so it is stored once. */
  async retry(message: ThreadMessage): Promise<void> {
    const id = this.#id();
    if (!id || !message.failed || !message.clientMessageId) return;
    const clientMessageId = message.clientMessageId;
    this.#messages.update((all) =>
      all.map((m) => (m.clientMessageId === clientMessageId && m.failed ? { ...m, failed: false, pending: true } : m)),
    );
    try {
      this.#receive(await firstValueFrom(this.#api.sendMessage(id, { body: message.body, private: message.private, clientMessageId })));
    } catch {
      this.#messages.update((all) =>
        all.map((m) => (m.clientMessageId === clientMessageId && m.pending ? { ...m, pending: false, failed: true } : m)),
      );
    }
  }

  /** Status, priority, assignee, team, labels. */
  async update(changes: UpdateConversationRequest): Promise<boolean> {
    const id = this.#id();
    if (!id) return false;
    this.#saving.set(true);
    this.#updateError.set(null);
    try {
      const conversation = await firstValueFrom(this.#api.update(id, changes));
      this.#setConversation(conversation);
      return true;
    } catch (error) {
      this.#updateError.set(apiErrorCode(error) ?? 'internal_error');
      return false;
    } finally {
      this.#saving.set(false);
    }
  }

  /** The agent's category correction; it becomes a training example. */
  async correctCategory(triageId: string, category: string): Promise<boolean> {
    try {
      this.#upsertTriage(await firstValueFrom(this.#ai.correctTriage(triageId, category)));
      return true;
    } catch {
      return false;
    }
  }

  dispatch(event: DraftPanelEvent): void {
    this.#draft.update((state) => reduceDraftPanel(state, event));
  }

  /** Runs a draft action: the state machine decides whether it may, then the API is called once. */
  async act(action: DraftAction): Promise<void> {
    const before = this.#draft();
    this.dispatch({ type: 'submit', action });
    const state = this.#draft();
    // Refused (nothing to act on, or another action still running): no request.
    if (state === before || state.pending !== action) return;
    const request = draftRequest(state);
    if (!request) return;
    try {
      let draft: ReplyDraftDto | undefined;
      if (request.kind === 'approve') {
        const result = await firstValueFrom(this.#ai.approveDraft(request.draftId, request.body));
        draft = result.draft;
        this.#receive(result.message);
      } else if (request.kind === 'reject') {
        draft = await firstValueFrom(this.#ai.rejectDraft(request.draftId, request.reason));
      } else {
        await firstValueFrom(this.#ai.regenerateDraft(request.draftId));
      }
      this.dispatch({ type: 'succeeded', action, draft });
    } catch (error) {
      const conflict = apiErrorCode(error) === 'conflict';
      this.dispatch({ type: 'failed', action, error: conflict ? 'conflict' : 'failed' });
      if (conflict) this.#reloadDrafts();
    }
  }

  /** Tells the contact and other agents that this agent is typing (never for private notes). */
  typingInput(isPrivate: boolean): void {
    const id = this.#id();
    if (!id) return;
    if (isPrivate) {
      this.stopTyping();
      return;
    }
    const now = Date.now();
    if (!this.#ownTyping || now - this.#ownTyping.since > TYPING_THROTTLE_MS) {
      this.#realtime.send('typing', { conversationId: id, typing: true });
      this.#ownTyping = { since: now, idle: this.#ownTyping?.idle ?? null };
    }
    if (this.#ownTyping.idle) clearTimeout(this.#ownTyping.idle);
    this.#ownTyping.idle = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  stopTyping(): void {
    const typing = this.#ownTyping;
    if (!typing) return;
    if (typing.idle) clearTimeout(typing.idle);
    this.#ownTyping = null;
    const id = this.#id();
    if (id) this.#realtime.send('typing', { conversationId: id, typing: false });
  }

  /** Read receipt for everything shown, while the page is visible. */
  markRead(): void {
    const id = this.#id();
    const last = this.#messages().reduce((max, m) => (!m.pending && m.seq > max ? m.seq : max), 0);
    if (!id || last <= this.#readSent || this.#document.visibilityState === 'hidden') return;
    this.#readSent = last;
    void this.#realtime.request('message.read', { conversationId: id, seq: last });
    this.#list?.markReadLocally(id);
  }

  #loadContact(conversation: ConversationDto): void {
    const contactId = conversation.contact.id;
    this.#workspace
      .contact(contactId)
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe({ next: (contact) => this.#id() === conversation.id && this.#contact.set(contact), error: () => undefined });
    this.#api
      .list({ contactId, limit: PREVIOUS_CONVERSATIONS + 1 })
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe({
        next: (page) =>
          this.#id() === conversation.id &&
          this.#previous.set(page.items.filter((c) => c.id !== conversation.id).slice(0, PREVIOUS_CONVERSATIONS)),
        error: () => undefined,
      });
  }

  #reloadDrafts(): void {
    const id = this.#id();
    if (!id) return;
    this.#ai
      .drafts(id)
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe({ next: (drafts) => id === this.#id() && this.dispatch({ type: 'loaded', drafts }), error: () => undefined });
  }

  /** After a connection loss: the messages missed, and the conversation, triage and drafts as they are now. */
  #catchUp(): void {
    const id = this.#id();
    if (!id || this.#state() !== 'ready') return;
    const last = this.#messages().reduce((max, m) => (!m.pending && m.seq > max ? m.seq : max), 0);
    forkJoin({
      conversation: this.#api.get(id),
      messages: this.#api.messages(id, { after: last, limit: 100 }),
      triage: this.#ai.triageResults(id),
      drafts: this.#ai.drafts(id),
    })
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe({
        next: ({ conversation, messages, triage, drafts }) => {
          if (id !== this.#id()) return;
          this.#setConversation(conversation);
          this.#messages.update((all) => mergeMessages(all, messages));
          this.#triage.set(triage);
          // Keep an edit in progress when the draft is still the same.
          const current = this.#draft();
          const newest = drafts[drafts.length - 1];
          if (!current.draft || !newest || newest.id !== current.draft.id || newest.status !== current.draft.status)
            this.dispatch({ type: 'loaded', drafts });
          this.markRead();
        },
        error: () => undefined,
      });
  }

  #setConversation(conversation: ConversationDto): void {
    const known = this.#conversation();
    const merged = conversation.draftWaiting === undefined && known ? { ...conversation, draftWaiting: known.draftWaiting } : conversation;
    this.#conversation.set(merged);
    this.#list?.upsert(merged);
  }

  #receive(message: MessageDto): void {
    this.#messages.update((all) => mergeMessages(all, [message]));
  }

  #upsertTriage(triage: TriageResultDto): void {
    this.#triage.update((all) => {
      const index = all.findIndex((t) => t.id === triage.id);
      if (index < 0) return [...all, triage];
      const next = [...all];
      next[index] = triage;
      return next;
    });
  }

  #listen(): void {
    this.#on('message.created', (message) => {
      this.#receive(message);
      if (message.messageType === 'incoming') this.#typing.set(null);
      this.markRead();
    });
    this.#on('conversation.updated', ({ conversation }) => this.#setConversation(conversation));
    this.#on('triage.completed', ({ triage }) => this.#upsertTriage(triage));
    this.#on('triage.failed', ({ triage }) => this.#upsertTriage(triage));
    this.#on('reply_draft.created', ({ draft }) => this.dispatch({ type: 'changed', draft }));
    this.#on('reply_draft.updated', ({ draft, message }) => {
      this.dispatch({ type: 'changed', draft });
      if (message) this.#receive(message);
    });
    this.#on('reply_draft.streaming', ({ draftId, text }) => this.dispatch({ type: 'streaming', draftId, text }));
    this.#on('typing', (event) => {
      if (event.sender.type === 'agent' && event.sender.id === this.#auth.agent()?.id) return;
      if (this.#typingTimer) clearTimeout(this.#typingTimer);
      if (!event.typing) {
        this.#typing.set(null);
        return;
      }
      this.#typing.set({ name: event.sender.name, type: event.sender.type });
      // A lost "stopped typing" must not leave the indicator on forever.
      this.#typingTimer = setTimeout(() => this.#typing.set(null), TYPING_SHOWN_MS);
    });
    this.#on('message.read', (event) => {
      if (event.reader === 'contact' && event.seq > this.#contactReadSeq()) this.#contactReadSeq.set(event.seq);
    });
  }

  /** Events of the open conversation only. */
  #on<E extends AgentServerEvent>(event: E, handle: (data: AgentServerEvents[E]) => void): void {
    this.#realtime
      .on(event)
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe((data) => {
        const id = this.#id();
        if (id && this.#state() === 'ready' && conversationIdOf(data) === id) handle(data);
      });
  }
}

/** Every /agents event names its conversation in one of these places. */
function conversationIdOf(data: unknown): string | null {
  const d = data as {
    conversationId?: string;
    conversation?: { id: string };
    triage?: { conversationId: string };
    draft?: { conversationId: string };
  };
  return d.conversationId ?? d.conversation?.id ?? d.triage?.conversationId ?? d.draft?.conversationId ?? null;
}

/** Adds messages by id (an agent's own reply replaces its pending copy by clientMessageId), ordered by seq. */
export function mergeMessages(current: readonly ThreadMessage[], incoming: readonly MessageDto[]): ThreadMessage[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  let next = [...current];
  for (const message of incoming) {
    if (byId.has(message.id)) continue;
    const pendingIndex = message.clientMessageId
      ? next.findIndex((m) => (m.pending || m.failed) && m.clientMessageId === message.clientMessageId)
      : -1;
    if (pendingIndex >= 0) next.splice(pendingIndex, 1);
    next.push(message);
    byId.set(message.id, message);
  }
  next = next.sort((a, b) => a.seq - b.seq);
  return next;
}

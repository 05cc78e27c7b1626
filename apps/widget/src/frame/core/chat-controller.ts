import { LIMITS } from '@parley/shared/domain';
import {
  WIDGET_CLIENT_EVENTS,
  WIDGET_SERVER_EVENTS,
  type InboxAvailability,
  type ReadEvent,
  type SendMessageAck,
  type SyncAck,
  type TypingEvent,
  type CaptureContactAck,
  type SubmitQuoteAck,
  type VisitorMessage,
  type VisitorQuoteRequest,
  type WidgetSessionResponse,
} from '@parley/shared/contracts';
import type { FrameToHost, WidgetUser } from '../../shared/bridge';
import {
  addMessages,
  countUnread,
  emptyConversation,
  fromSession,
  isFromBusiness,
  lastSeq,
  mergeMessages,
  pickCurrent,
  type ConversationState,
} from './conversation-store';
import type { Locale } from './i18n';
import { backoffDelay, newClientMessageId, Outbox, type OutboxEntry } from './outbox';
import { OutboxSender, systemClock, type Clock } from './outbox-sender';
import { buildQuotePayload, type QuoteDraft, type QuoteDraftProblem } from './quote-form';
import { storageKeys, type KeyValueStore } from './storage';
import { SessionError, type SessionRequest, type WidgetSocket } from './transport';

export interface ChatState {
  phase: 'starting' | 'ready' | 'unavailable';
  connection: 'connecting' | 'online' | 'offline';
  open: boolean;
  mobile: boolean;
  locale: Locale;
  inbox: WidgetSessionResponse['inbox'] | null;
  contact: WidgetSessionResponse['contact'] | null;
  conversation: ConversationState | null;
  outbox: readonly OutboxEntry[];
  agentTyping: { name: string | null } | null;
  unread: number;
  /** `value`: what the server understood; `question`: what it still needs (asked instead of the default). */
  capture: { status: 'idle' | 'saving' | 'error' | 'done'; value: string | null; question: string | null };
  /** The quote form of the flow step `key`: `error` holds the server's refusal code (null: not sent, try again). */
  quote: { status: 'idle' | 'sending' | 'error' | 'done'; key: string | null; result: VisitorQuoteRequest | null; error: string | null };
}

export interface ChatDeps {
  inboxToken: string;
  hostOrigin: string;
  locale: Locale;
  storage: KeyValueStore;
  /** From a follow-up link (`?conversation=<id>` on the host page): shown, with the panel open, when it is the visitor's. */
  conversationId?: string | null;
  createSession(request: SessionRequest): Promise<WidgetSessionResponse>;
  openSocket(visitorToken: () => string | null): WidgetSocket;
  toHost(message: FrameToHost): void;
  isVisible(): boolean;
  clock?: Clock;
  random?: () => number;
}

const REQUEST_TIMEOUT_MS = 10_000;
/** An agent's "typing" with no follow-up (a closed tab) must not stay on screen forever. */
const AGENT_TYPING_TTL_MS = 10_000;
const TYPING_REPEAT_MS = 3_000;
const TYPING_IDLE_MS = 4_000;

type TimerName = 'session' | 'reconnect' | 'typing' | 'agentTyping';

/**
 * The offline "how can we reach you?" line: asked while the inbox is away, once the visitor has
 * written, and only if we have no email or phone yet; after an answer it turns into the thank-you.
 */
export function contactPromptVisible(state: ChatState): boolean {
  if (state.capture.status === 'done') return true;
  if (!state.inbox || state.inbox.availability.online || !state.contact) return false;
  if (state.contact.email || state.contact.phone) return false;
  const wrote = state.outbox.length > 0 || (!!state.conversation && state.conversation.messages.some((m) => !isFromBusiness(m)));
  return wrote;
}

/**
 * Owns the visitor's session, socket, outbox and conversation; the Preact components only read
 * `getState()` and call the methods below, so everything here runs under test without a DOM.
 */
export class ChatController {
  private state: ChatState;
  private readonly listeners = new Set<() => void>();
  private readonly keys: ReturnType<typeof storageKeys>;
  private readonly outbox: Outbox;
  private readonly sender: OutboxSender;
  private readonly clock: Clock;
  private readonly random: () => number;
  private socket: WidgetSocket | null = null;
  private identity: WidgetUser | null = null;
  private sessionChain: Promise<void> = Promise.resolve();
  private sessionFailures = 0;
  private connectFailures = 0;
  private unauthorizedCount = 0;
  private typingActive = false;
  private typingSentAt = 0;
  private shown = false;
  private requestedConversation: string | null;
  /** Kept until the server acknowledges the quote request, so a retry after a lost ack stores it once. */
  private quoteRequestId: string | null = null;
  private timers: Record<TimerName, unknown> = {
    session: null,
    reconnect: null,
    typing: null,
    agentTyping: null,
  };

  constructor(private readonly deps: ChatDeps) {
    this.clock = deps.clock || systemClock;
    this.random = deps.random || Math.random;
    this.keys = storageKeys(deps.inboxToken);
    this.requestedConversation = deps.conversationId || null;
    this.outbox = new Outbox(deps.storage, this.keys.outbox);
    this.sender = new OutboxSender(
      this.outbox,
      {
        isConnected: () => !!this.socket && this.socket.connected,
        send: (payload) =>
          (this.socket as WidgetSocket).request<SendMessageAck>(WIDGET_CLIENT_EVENTS.send, payload, REQUEST_TIMEOUT_MS),
      },
      {
        conversationFor: (entry) => entry.conversationId || this.openConversationId() || undefined,
        acknowledged: (entry, message) =>
          this.receive(
            [
              {
                id: message.id,
                conversationId: message.conversationId,
                seq: message.seq,
                messageType: 'incoming',
                body: entry.body,
                clientMessageId: entry.clientMessageId,
                content: entry.flow ? { flowChoice: entry.flow } : null,
                sender: { type: 'contact', name: this.state.contact ? this.state.contact.name : null, avatarUrl: null },
                createdAt: message.createdAt,
              },
            ],
            false,
          ),
        changed: () => this.refreshOutbox(),
      },
      this.clock,
      this.random,
    );
    this.state = {
      phase: 'starting',
      connection: 'connecting',
      open: false,
      mobile: false,
      locale: deps.locale,
      inbox: null,
      contact: null,
      conversation: null,
      outbox: this.outbox.list(),
      agentTyping: null,
      unread: 0,
      capture: { status: 'idle', value: null, question: null },
      quote: { status: 'idle', key: null, result: null, error: null },
    };
  }

  getState(): ChatState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(identity: WidgetUser | null): Promise<void> {
    this.identity = identity;
    return this.establishSession();
  }

  setUser(user: WidgetUser): Promise<void> {
    this.identity = user;
    return this.establishSession();
  }

  setMobile(mobile: boolean): void {
    if (mobile !== this.state.mobile) this.set({ mobile });
  }

  setOpen(open: boolean): void {
    if (open === this.state.open || this.state.phase === 'unavailable') return;
    this.shown = true;
    this.set({ open });
    this.deps.toHost({ parley: 1, type: 'resize', mode: open ? 'panel' : 'launcher' });
    this.deps.toHost({ parley: 1, type: 'event', name: open ? 'open' : 'close', data: null });
    if (open) this.markRead(false);
    else this.stopTyping();
  }

  toggle(): void {
    this.setOpen(!this.state.open);
  }

  /** The host tab became visible again: what arrived meanwhile is now read if the panel is open. */
  visibilityChanged(): void {
    this.markRead(false);
  }

  /** Returns false when there is nothing sendable (empty, whitespace, over the limit). */
  send(text: string): boolean {
    const body = text.trim();
    if (!body || body.length > LIMITS.messageBodyMax) return false;
    this.outbox.add(body, this.openConversationId(), this.clock.now());
    this.stopTyping();
    this.refreshOutbox();
    this.sender.kick();
    return true;
  }

  /** A flow button: its label is sent as the visitor's message, with the choice, through the outbox like any message. */
  choose(stepId: string, button: { id: string; label: string }): void {
    this.outbox.add(button.label, this.openConversationId(), this.clock.now(), { flow: { stepId, buttonId: button.id }, locale: this.state.locale });
    this.refreshOutbox();
    this.sender.kick();
  }

  /**
   * The flow's quote form (`key`: the step it belongs to). Returns what the visitor still has to fix,
   * or null once sent or failed (the state says which). A retry reuses the request id until acknowledged.
   */
  async submitQuote(draft: QuoteDraft, key: string): Promise<QuoteDraftProblem | null> {
    if (this.state.quote.status === 'sending') return null;
    const requestId = this.quoteRequestId || (this.quoteRequestId = newClientMessageId());
    const built = buildQuotePayload(draft, requestId, this.openConversationId());
    if ('problem' in built) return built.problem;
    const socket = this.socket;
    const failed = (error: string | null) => this.set({ quote: { status: 'error', key, result: null, error } });
    if (!socket || !socket.connected) {
      failed(null);
      return null;
    }
    this.set({ quote: { status: 'sending', key, result: null, error: null } });
    try {
      const ack = await socket.request<SubmitQuoteAck>(WIDGET_CLIENT_EVENTS.submitQuote, built.payload, REQUEST_TIMEOUT_MS);
      if (ack.ok) {
        this.quoteRequestId = null;
        this.set({ quote: { status: 'done', key, result: ack.quoteRequest, error: null } });
      } else {
        failed(ack.error.code);
      }
    } catch {
      failed(null); // timeout: the same request id goes again on the next try
    }
    return null;
  }

  retry(clientMessageId: string): void {
    this.outbox.retry(clientMessageId, this.clock.now());
    this.refreshOutbox();
    this.sender.kick();
  }

  discard(clientMessageId: string): void {
    this.outbox.remove(clientMessageId);
    this.refreshOutbox();
  }

  /** Another tab changed the shared outbox. */
  outboxChangedElsewhere(): void {
    this.outbox.reload();
    this.refreshOutbox();
    this.sender.kick();
  }

  composerChanged(value: string): void {
    const conversationId = this.openConversationId();
    if (!conversationId || !this.socket || !this.socket.connected) return;
    if (!value.trim()) return this.stopTyping();
    const now = this.clock.now();
    if (!this.typingActive || now - this.typingSentAt >= TYPING_REPEAT_MS) {
      this.socket.emit(WIDGET_CLIENT_EVENTS.typing, { conversationId, typing: true });
      this.typingActive = true;
      this.typingSentAt = now;
    }
    this.restartTimer('typing', TYPING_IDLE_MS, () => this.stopTyping());
  }

  /**
   * The visitor's one line of contact details ("홍길동 / 010-1234-5678 / hong@hanbit.kr"): the server reads
   * it, stores what it understood and asks only for what is missing or invalid.
   */
  async submitContact(raw: string): Promise<'invalid' | 'saved' | 'failed'> {
    const line = raw.trim();
    if (!line) return 'invalid';
    const socket = this.socket;
    if (!socket || !socket.connected) {
      this.set({ capture: { status: 'error', value: null, question: this.state.capture.question } });
      return 'failed';
    }
    this.set({ capture: { status: 'saving', value: null, question: this.state.capture.question } });
    try {
      const ack = await socket.request<CaptureContactAck>(WIDGET_CLIENT_EVENTS.captureContact, { line, locale: this.deps.locale === 'en' ? 'en' : 'ko' }, REQUEST_TIMEOUT_MS);
      if (ack.ok) {
        const reachable = !!(ack.contact.email || ack.contact.phone);
        this.set({
          contact: ack.contact,
          capture: ack.followUp || !reachable ? { status: 'idle', value: ack.summary, question: ack.followUp } : { status: 'done', value: ack.summary, question: null },
        });
        return 'saved';
      }
    } catch {
      // Timeout: fall through to the retry prompt.
    }
    this.set({ capture: { status: 'error', value: null, question: this.state.capture.question } });
    return 'failed';
  }

  // --- session -------------------------------------------------------------------------------

  /** Serialised: a setUser during a session call runs after it, with the token it produced. */
  private establishSession(): Promise<void> {
    this.sessionChain = this.sessionChain.then(() => this.createSession()).catch(() => undefined);
    return this.sessionChain;
  }

  private async createSession(): Promise<void> {
    this.clearTimer('session');
    const { storage } = this.deps;
    if (this.identity) {
      // Another signed-in person on a shared device must not inherit the previous one's conversation.
      const previous = storage.get(this.keys.identifier);
      if (previous && previous !== this.identity.identifier) {
        storage.remove(this.keys.visitor);
        this.outbox.clear();
        this.set({ conversation: null, outbox: [], contact: null });
      }
      storage.set(this.keys.identifier, this.identity.identifier);
    }
    const visitorToken = storage.get(this.keys.visitor);
    const request: SessionRequest = { inboxToken: this.deps.inboxToken, hostOrigin: this.deps.hostOrigin, locale: this.deps.locale };
    if (visitorToken) request.visitorToken = visitorToken;
    if (this.identity) request.identity = this.identity;

    let session: WidgetSessionResponse;
    try {
      session = await this.deps.createSession(request);
    } catch (error) {
      const failure = error instanceof SessionError ? error : new SessionError(0, 'network', String(error));
      if (visitorToken && (failure.status === 401 || failure.code === 'unauthorized')) {
        storage.remove(this.keys.visitor);
        return this.createSession();
      }
      if (failure.transient) {
        // The launcher still shows: the visitor can write now and the outbox sends it once we are back.
        this.show();
        this.restartTimer('session', backoffDelay(++this.sessionFailures, this.random), () => void this.establishSession());
        return;
      }
      // Unknown inbox or a page outside its allowed origins: show nothing rather than a dead launcher.
      this.set({ phase: 'unavailable', open: false });
      this.deps.toHost({ parley: 1, type: 'resize', mode: 'hidden' });
      return;
    }
    this.sessionFailures = 0;
    this.applySession(session, visitorToken);
  }

  private applySession(session: WidgetSessionResponse, previousToken: string | null): void {
    this.deps.storage.set(this.keys.visitor, session.visitorToken);
    // Stored before the last page died but never acknowledged: the session proves delivery.
    for (const conversation of session.conversations) {
      for (const message of conversation.messages) {
        if (message.clientMessageId && this.outbox.get(message.clientMessageId)) this.outbox.acknowledge(message.clientMessageId);
      }
    }
    this.refreshOutbox();
    const sameContact = !!this.state.contact && this.state.contact.id === session.contact.id;
    if (this.state.contact && !sameContact) this.outbox.detachConversations();
    const requested = this.requestedConversation;
    const fresh = session.conversations.find((c) => c.id === requested) || pickCurrent(session.conversations);
    let conversation = fresh ? fromSession(fresh) : null;
    const kept = this.state.conversation;
    if (sameContact && kept && (!conversation || conversation.id === kept.id)) {
      conversation = conversation
        ? {
            ...conversation,
            messages: mergeMessages(kept.messages, conversation.messages),
            agentLastReadSeq: Math.max(kept.agentLastReadSeq, conversation.agentLastReadSeq),
            contactLastReadSeq: Math.max(kept.contactLastReadSeq, conversation.contactLastReadSeq),
          }
        : kept;
    }
    this.set({
      phase: 'ready',
      inbox: session.inbox,
      contact: session.contact,
      conversation,
      capture: sameContact ? this.state.capture : { status: 'idle', value: null, question: null },
    });
    this.show();
    if (requested) {
      // The visitor followed a link to their conversation: show it, once.
      this.requestedConversation = null;
      this.setOpen(true);
    }
    this.updateUnread();
    this.markRead(false);
    this.connect(previousToken !== session.visitorToken);
  }

  /** Not before the first answer, so a misconfigured inbox never flashes a launcher. */
  private show(): void {
    if (this.shown) return;
    this.shown = true;
    this.deps.toHost({ parley: 1, type: 'resize', mode: this.state.open ? 'panel' : 'launcher' });
  }

  // --- socket --------------------------------------------------------------------------------

  private connect(tokenChanged: boolean): void {
    const existing = this.socket;
    if (existing) {
      if (tokenChanged && existing.connected) {
        // The server authenticated this connection as the previous visitor.
        existing.disconnect();
        existing.connect();
      } else if (!existing.connected && !existing.active) {
        existing.connect();
      }
      return;
    }
    const socket = this.deps.openSocket(() => this.deps.storage.get(this.keys.visitor));
    this.socket = socket;
    socket.on('connect', () => void this.onConnect());
    socket.on('disconnect', () => {
      this.sender.reset();
      this.typingActive = false;
      this.set({ connection: 'offline', agentTyping: null });
      // socket.io gives up after a server-side disconnect (a deploy closing its sockets); we do not.
      if (!socket.active) this.restartTimer('reconnect', backoffDelay(++this.connectFailures, this.random), () => socket.connect());
    });
    socket.on('connect_error', (error: Error) => this.onConnectError(error));
    socket.on(WIDGET_SERVER_EVENTS.messageCreated, (message: VisitorMessage) => this.receive([message], true));
    socket.on(WIDGET_SERVER_EVENTS.typing, (event: TypingEvent) => this.onTyping(event));
    socket.on(WIDGET_SERVER_EVENTS.read, (event: ReadEvent) => this.onRead(event));
    socket.on(WIDGET_SERVER_EVENTS.availability, (availability: InboxAvailability) => {
      if (this.state.inbox) this.set({ inbox: { ...this.state.inbox, availability } });
    });
    socket.on(WIDGET_SERVER_EVENTS.conversationUpdated, (update: { id: string; status: ConversationState['status'] }) => {
      const conversation = this.state.conversation;
      if (conversation && conversation.id === update.id) this.set({ conversation: { ...conversation, status: update.status } });
    });
  }

  private async onConnect(): Promise<void> {
    this.connectFailures = 0;
    this.unauthorizedCount = 0;
    this.clearTimer('reconnect');
    this.set({ connection: 'online' });
    const conversation = this.state.conversation;
    // Sync before sending: an ack's seq must not let us skip an agent message we missed while away.
    if (conversation) await this.sync(conversation.id, conversation.syncedSeq);
    this.sender.kick();
    this.markRead(true);
  }

  private onConnectError(error: Error): void {
    const socket = this.socket as WidgetSocket;
    this.set({ connection: this.state.connection === 'connecting' ? 'connecting' : 'offline' });
    if (error && error.message === 'unauthorized') {
      // The token expired or was revoked: start a new visitor session and connect with its token.
      this.deps.storage.remove(this.keys.visitor);
      const delay = this.unauthorizedCount++ ? backoffDelay(this.unauthorizedCount, this.random) : 0;
      this.restartTimer('reconnect', delay, () => void this.establishSession());
      return;
    }
    if (!socket.active) {
      this.restartTimer('reconnect', backoffDelay(++this.connectFailures, this.random), () => socket.connect());
    }
  }

  private async sync(conversationId: string, afterSeq: number): Promise<void> {
    const socket = this.socket;
    if (!socket || !socket.connected) return;
    let ack: SyncAck;
    try {
      ack = await socket.request<SyncAck>(WIDGET_CLIENT_EVENTS.sync, { conversationId, afterSeq }, REQUEST_TIMEOUT_MS);
    } catch {
      return;
    }
    if (!ack.ok) return;
    // The visitor's view may have moved to another conversation while we waited.
    if (!this.state.conversation || this.state.conversation.id !== conversationId) return;
    this.receive(ack.messages, true);
    const conversation = this.state.conversation;
    if (conversation && ack.agentLastReadSeq > conversation.agentLastReadSeq) {
      this.set({ conversation: { ...conversation, agentLastReadSeq: ack.agentLastReadSeq } });
    }
  }

  // --- incoming ------------------------------------------------------------------------------

  /** `live`: from the server's stream or a sync, so it also proves we hold everything up to its seq. */
  private receive(messages: VisitorMessage[], live: boolean): void {
    if (!messages.length) return;
    for (const message of messages) {
      // Our own message came back (echo or sync) while its ack was lost: it is delivered.
      if (message.clientMessageId && this.outbox.get(message.clientMessageId)) this.outbox.acknowledge(message.clientMessageId);
    }
    this.refreshOutbox();

    let conversation = this.state.conversation;
    const target = messages[messages.length - 1].conversationId;
    let switched = false;
    if (!conversation || conversation.id !== target) {
      // A conversation we have not seen: the one our first message opened, or one an agent reopened.
      conversation = emptyConversation(target);
      switched = true;
      this.outbox.assignConversation(target);
    }
    const { state, added } = addMessages(conversation, messages, live);
    if (!added.length && !switched && state.syncedSeq === conversation.syncedSeq) return;
    const patch: Partial<ChatState> = { conversation: state };
    if (added.some(isFromBusiness)) {
      patch.agentTyping = null;
      this.clearTimer('agentTyping');
    }
    this.set(patch);
    for (const message of added) {
      this.deps.toHost({
        parley: 1,
        type: 'event',
        name: 'message',
        data: {
          id: message.id,
          conversationId: message.conversationId,
          messageType: message.messageType,
          senderType: message.sender.type,
          body: message.body,
          createdAt: message.createdAt,
        },
      });
    }
    this.updateUnread();
    this.markRead(false);
    if (switched) void this.sync(state.id, 0);
  }

  private onTyping(event: TypingEvent): void {
    const conversation = this.state.conversation;
    if (event.sender.type !== 'agent' || !conversation || conversation.id !== event.conversationId) return;
    if (event.typing) {
      this.set({ agentTyping: { name: event.sender.name } });
      this.restartTimer('agentTyping', AGENT_TYPING_TTL_MS, () => this.set({ agentTyping: null }));
    } else {
      this.clearTimer('agentTyping');
      this.set({ agentTyping: null });
    }
  }

  private onRead(event: ReadEvent): void {
    const conversation = this.state.conversation;
    if (!conversation || conversation.id !== event.conversationId) return;
    if (event.reader === 'agent' && event.seq > conversation.agentLastReadSeq) {
      this.set({ conversation: { ...conversation, agentLastReadSeq: event.seq } });
    } else if (event.reader === 'contact' && event.seq > conversation.contactLastReadSeq) {
      // Read in another tab of the same visitor.
      this.set({ conversation: { ...conversation, contactLastReadSeq: event.seq } });
      this.updateUnread();
    }
  }

  // --- read state ----------------------------------------------------------------------------

  /** `force` re-sends the mark after a reconnect, when one set while offline never reached the server. */
  private markRead(force: boolean): void {
    const conversation = this.state.conversation;
    if (!this.state.open || !conversation || !this.deps.isVisible()) return;
    const seq = lastSeq(conversation);
    if (!seq || (seq <= conversation.contactLastReadSeq && !force)) return;
    if (seq > conversation.contactLastReadSeq) this.set({ conversation: { ...conversation, contactLastReadSeq: seq } });
    if (this.socket && this.socket.connected) {
      this.socket.emit(WIDGET_CLIENT_EVENTS.read, { conversationId: conversation.id, seq });
    }
    this.updateUnread();
  }

  private updateUnread(): void {
    const unread = countUnread(this.state.conversation);
    if (unread === this.state.unread) return;
    this.set({ unread });
    this.deps.toHost({ parley: 1, type: 'event', name: 'unread', data: { count: unread } });
  }

  // --- helpers -------------------------------------------------------------------------------

  /** A resolved conversation is not continued: the next message opens a new one. */
  private openConversationId(): string | null {
    const conversation = this.state.conversation;
    return conversation && conversation.status !== 'resolved' ? conversation.id : null;
  }

  private stopTyping(): void {
    this.clearTimer('typing');
    if (!this.typingActive) return;
    this.typingActive = false;
    const conversationId = this.openConversationId();
    if (conversationId && this.socket && this.socket.connected) {
      this.socket.emit(WIDGET_CLIENT_EVENTS.typing, { conversationId, typing: false });
    }
  }

  private refreshOutbox(): void {
    if (this.state.outbox !== this.outbox.list()) this.set({ outbox: this.outbox.list() });
  }

  private restartTimer(name: TimerName, ms: number, fn: () => void): void {
    this.clearTimer(name);
    this.timers[name] = this.clock.setTimeout(() => {
      this.timers[name] = null;
      fn();
    }, ms);
  }

  private clearTimer(name: TimerName): void {
    if (this.timers[name] !== null) {
      this.clock.clearTimeout(this.timers[name]);
      this.timers[name] = null;
    }
  }

  private set(patch: Partial<ChatState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener());
  }
}

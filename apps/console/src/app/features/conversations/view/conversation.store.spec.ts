import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ReplyDraftDto } from '@parley/shared/contracts';
import { aConversation, aDraft, aMessage, aTriage } from '../../../../testing/conversations';
import { FakeAgentSocket, provideFakeAgentSocket } from '../../../../testing/fake-agent-socket';
import { storeSignedIn } from '../../../../testing/fixtures';
import { AI_API } from '../../../core/api/ai.api';
import { CONVERSATIONS_API } from '../../../core/api/conversations.api';
import { AgentRealtime } from '../../../core/realtime/agent-realtime';
import { ConversationStore, mergeMessages } from './conversation.store';
import { draftPanelView } from './draft-panel-state';

describe('ConversationStore', () => {
  let store: ConversationStore;
  let backend: HttpTestingController;
  let socket: FakeAgentSocket;
  const conversation = aConversation({ displayId: 1042 });
  const id = conversation.id;
  const question = aMessage({ id: 'q1', conversationId: id, seq: 1, body: '주문번호 PH-10234 배송 언제 와요?' });
  const draft = aDraft({ id: 'd1', conversationId: id, body: '내일 도착 예정입니다.' });

  async function open(drafts: ReplyDraftDto[] = [draft]) {
    store.load(id);
    backend.expectOne(`${CONVERSATIONS_API}/${id}`).flush(conversation);
    backend.expectOne((r) => r.url === `${CONVERSATIONS_API}/${id}/messages`).flush([question]);
    backend.expectOne(AI_API.triageResults(id)).flush([aTriage({ id: 't1', conversationId: id, category: 'shipping' })]);
    backend.expectOne(AI_API.drafts(id)).flush(drafts);
    backend.expectOne(`/api/v1/contacts/${conversation.contact.id}`).flush({ ...conversation.contact, phone: '010-1234-5678' });
    backend
      .expectOne((r) => r.url === CONVERSATIONS_API && r.params.get('contactId') === conversation.contact.id)
      .flush({ items: [conversation], nextCursor: null });
    await Promise.resolve();
  }

  beforeEach(async () => {
    localStorage.clear();
    storeSignedIn();
    socket = new FakeAgentSocket();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideFakeAgentSocket(socket), ConversationStore],
    });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(ConversationStore);
    TestBed.inject(AgentRealtime).start();
    await new Promise((r) => setTimeout(r));
    socket.serverConnect();
  });

  afterEach(() => localStorage.clear());

  it('loads the thread, triage, draft and contact, leaving out the current conversation from "previous", and sends a read receipt', async () => {
    await open();

    expect(store.state()).toBe('ready');
    expect(store.messages().map((m) => m.body)).toEqual(['주문번호 PH-10234 배송 언제 와요?']);
    expect(store.triage()?.category).toBe('shipping');
    expect(draftPanelView(store.draftPanel())).toBe('proposed');
    expect(store.contact()?.phone).toBe('010-1234-5678');
    expect(store.previousConversations()).toEqual([]);
    expect(socket.emittedOf('message.read')).toEqual([{ conversationId: id, seq: 1 }]);
  });

  it('approves the draft with one request and shows the sent reply once, even when the socket echoes it', async () => {
    await open();
    const action = store.act('approve');
    void store.act('approve');

    const approve = backend.expectOne(AI_API.draft('d1', 'approve'));
    expect(approve.request.body).toEqual({});
    const sent = aMessage({
      id: 'm2',
      conversationId: id,
      seq: 2,
      messageType: 'outgoing',
      senderType: 'agent',
      body: draft.body,
      clientMessageId: 'd1',
    });
    socket.receive('message.created', sent);
    approve.flush({ draft: { ...draft, status: 'approved' }, message: sent });
    await action;

    expect(store.messages().map((m) => m.id)).toEqual(['q1', 'm2']);
    expect(draftPanelView(store.draftPanel())).toBe('outcome');
  });

  it('sends the edited text, and reloads the drafts when someone else already handled this one', async () => {
    await open();
    store.dispatch({ type: 'edit' });
    store.dispatch({ type: 'editText', text: '내일 오후에 도착합니다.' });
    const action = store.act('send_edit');

    const approve = backend.expectOne(AI_API.draft('d1', 'approve'));
    expect(approve.request.body).toEqual({ body: '내일 오후에 도착합니다.' });
    approve.flush(
      { statusCode: 409, code: 'conflict', message: 'This draft was already approved' },
      { status: 409, statusText: 'Conflict' },
    );
    await action;

    expect(store.draftPanel().error).toBe('conflict');
    backend.expectOne(AI_API.drafts(id)).flush([{ ...draft, status: 'approved' }]);
    expect(draftPanelView(store.draftPanel())).toBe('outcome');
  });

  it('rejects with the reason, and regenerates: streamed text first, then the new draft', async () => {
    await open();
    store.dispatch({ type: 'startReject' });
    store.dispatch({ type: 'rejectReason', text: '주문번호가 틀림' });
    const reject = store.act('reject');
    const request = backend.expectOne(AI_API.draft('d1', 'reject'));
    expect(request.request.body).toEqual({ reason: '주문번호가 틀림' });
    request.flush({ ...draft, status: 'rejected', rejectReason: '주문번호가 틀림' });
    await reject;
    expect(store.draftPanel().draft?.status).toBe('rejected');

    // A newer question got a new draft; regenerate it.
    const second = aDraft({ id: 'd2', conversationId: id, createdAt: '2026-11-20T12:00:00.000Z' });
    socket.receive('reply_draft.created', { draft: second });
    const regenerate = store.act('regenerate');
    backend.expectOne(AI_API.draft('d2', 'regenerate')).flush({ queued: true }, { status: 202, statusText: 'Accepted' });
    await regenerate;
    socket.receive('reply_draft.updated', { draft: { ...second, status: 'superseded' } });
    expect(draftPanelView(store.draftPanel())).toBe('regenerating');

    socket.receive('reply_draft.streaming', { draftId: 'd3', conversationId: id, text: '내일' });
    socket.receive('reply_draft.streaming', { draftId: 'other', conversationId: 'another-conversation', text: 'not ours' });
    expect(store.draftPanel().streaming?.text).toBe('내일');

    socket.receive('reply_draft.created', {
      draft: aDraft({ id: 'd3', conversationId: id, body: '내일 오전 도착', createdAt: '2026-11-20T12:05:00.000Z' }),
    });
    expect(draftPanelView(store.draftPanel())).toBe('proposed');
    expect(store.draftPanel().draft?.body).toBe('내일 오전 도착');
  });

  it('shows a reply at once and replaces it with the stored one; a failed send stays with Retry', async () => {
    await open([]);
    const sending = store.send('  곧 확인해 드릴게요  ', false);
    expect(store.messages().at(-1)).toMatchObject({ body: '곧 확인해 드릴게요', pending: true });

    const post = backend.expectOne(`${CONVERSATIONS_API}/${id}/messages`);
    const clientMessageId = post.request.body.clientMessageId;
    post.flush(aMessage({ id: 'm9', conversationId: id, seq: 2, messageType: 'outgoing', body: '곧 확인해 드릴게요', clientMessageId }));
    expect(await sending).toBe(true);
    expect(store.messages().map((m) => [m.id, !!m.pending])).toEqual([
      ['q1', false],
      ['m9', false],
    ]);

    const failing = store.send('note', true);
    backend.expectOne(`${CONVERSATIONS_API}/${id}/messages`).flush(null, { status: 0, statusText: 'Network error' });
    expect(await failing).toBe(false);
    expect(store.messages().at(-1)).toMatchObject({ body: 'note', private: true, failed: true });
  });

  it('shows the contact typing and their read receipts live, ignoring other conversations', async () => {
    await open([]);
    socket.receive('typing', { conversationId: 'elsewhere', typing: true, sender: { type: 'contact', name: 'Other' } });
    expect(store.typing()).toBeNull();

    socket.receive('typing', { conversationId: id, typing: true, sender: { type: 'contact', name: '김민지' } });
    expect(store.typing()).toEqual({ name: '김민지', type: 'contact' });
    socket.receive('message.created', aMessage({ id: 'q2', conversationId: id, seq: 2 }));
    expect(store.typing()).toBeNull();

    socket.receive('message.read', { conversationId: id, seq: 2, reader: 'contact' });
    expect(store.contactReadSeq()).toBe(2);
  });

  it('does not tell the contact about a private note being typed', async () => {
    await open([]);
    store.typingInput(true);
    store.typingInput(false);

    expect(socket.emittedOf('typing')).toEqual([{ conversationId: id, typing: true }]);
  });
});

describe('mergeMessages', () => {
  it('orders by seq, skips known ids and swaps a pending reply for the stored one', () => {
    const a = aMessage({ id: 'a', seq: 1 });
    const pending = { ...aMessage({ id: 'pending:x', seq: Number.MAX_SAFE_INTEGER, clientMessageId: 'x' }), pending: true };
    const stored = aMessage({ id: 'b', seq: 2, clientMessageId: 'x' });

    expect(mergeMessages([a, pending], [stored, a]).map((m) => m.id)).toEqual(['a', 'b']);
  });
});

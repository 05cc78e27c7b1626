import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Injector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { aConversation } from '../../../testing/conversations';
import { FakeAgentSocket, provideFakeAgentSocket } from '../../../testing/fake-agent-socket';
import { aSession, storeSignedIn } from '../../../testing/fixtures';
import { aQuote } from '../../../testing/quotes';
import { AgentRealtime } from '../realtime/agent-realtime';
import { NotificationCenter } from './notification-center';

describe('NotificationCenter', () => {
  let socket: FakeAgentSocket;
  let center: NotificationCenter;

  beforeEach(async () => {
    localStorage.clear();
    storeSignedIn(aSession());
    socket = new FakeAgentSocket();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideFakeAgentSocket(socket)] });
    center = TestBed.inject(NotificationCenter);
    TestBed.inject(AgentRealtime).start();
    runInInjectionContext(TestBed.inject(Injector), () => center.start());
    await new Promise((r) => setTimeout(r));
    socket.serverConnect();
  });

  it('alerts a new quote request once, linking to the quote', () => {
    const q = aQuote({ displayId: 12 });
    socket.receive('quote_request.created', { quoteRequest: q });
    socket.receive('quote_request.created', { quoteRequest: q });
    expect(center.alerts()).toEqual([expect.objectContaining({ kind: 'quote', route: ['/quotes', q.id], ref: 'Q-12', contactName: '한빛상사', read: false })]);
  });

  it("alerts a customer's answer to a quote, but not an agent's own changes", () => {
    const quoted = aQuote({ status: 'quoted' });
    const byAgent = { at: '2026-11-21T10:00:00.000Z', action: 'status', from: 'new' as const, to: 'declined' as const, actorId: 'agent-1', actor: 'agent' as const, note: null };
    socket.receive('quote_request.updated', { quoteRequest: { ...quoted, status: 'declined', history: [...quoted.history, byAgent] } });
    expect(center.alerts()).toEqual([]);

    const byCustomer = { ...byAgent, from: 'quoted' as const, to: 'accepted' as const, actorId: null, actor: 'customer' as const };
    socket.receive('quote_request.updated', { quoteRequest: { ...quoted, status: 'accepted', history: [...quoted.history, byCustomer] } });
    expect(center.alerts()).toEqual([expect.objectContaining({ kind: 'quote_accepted', route: ['/quotes', quoted.id] })]);
  });

  it('alerts contact details left in a conversation, named by what the visitor gave', () => {
    const conversation = aConversation({ displayId: 1042 });
    socket.receive('conversation.updated', { conversation });
    socket.receive('contact.captured', {
      contactId: 'contact-9',
      inboxId: 'inbox-1',
      conversationId: conversation.id,
      contact: { id: 'contact-9', name: null, email: 'hong@hanbit.kr', phone: null, company: null },
    });
    expect(center.alerts()).toEqual([expect.objectContaining({ kind: 'contact', route: ['/conversations', conversation.id], displayId: 1042, contactName: 'hong@hanbit.kr' })]);
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { aMessage } from '../../../testing/conversations';
import { FakeAgentSocket } from '../../../testing/fake-agent-socket';
import { aSession, storeSignedIn } from '../../../testing/fixtures';
import { AUTH_API, AuthService } from '../auth/auth.service';
import { AgentRealtime } from './agent-realtime';
import { AGENT_SOCKET_FACTORY } from './socket-factory';

describe('AgentRealtime', () => {
  let socket: FakeAgentSocket;
  let realtime: AgentRealtime;
  let token: (() => string | null) | null;

  beforeEach(async () => {
    vi.useFakeTimers();
    localStorage.clear();
    storeSignedIn(aSession({ accessToken: 'access-1', refreshToken: 'refresh-1' }));
    socket = new FakeAgentSocket();
    token = null;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'login', children: [] }]),
        {
          provide: AGENT_SOCKET_FACTORY,
          useValue: (t: () => string | null) => ((token = t), Promise.resolve(socket)),
        },
      ],
    });
    realtime = TestBed.inject(AgentRealtime);
    realtime.start();
    await vi.runAllTimersAsync();
  });

  afterEach(() => {
    vi.useRealTimers();
    localStorage.clear();
  });

  it('connects once with the current access token and passes typed events on', () => {
    const received: string[] = [];
    realtime.on('message.created').subscribe((m) => received.push(m.body));
    realtime.start();

    expect(socket.connectCalls).toBe(1);
    expect(token?.()).toBe('access-1');
    socket.serverConnect();
    socket.receive('message.created', aMessage({ body: '배송 언제 와요?' }));

    expect(realtime.status()).toBe('connected');
    expect(received).toEqual(['배송 언제 와요?']);
  });

  it('counts a resync each time it is back after a loss, not on the first connection', () => {
    socket.serverConnect();
    expect(realtime.resyncs()).toBe(0);

    socket.serverDisconnect();
    expect(realtime.status()).toBe('reconnecting');
    socket.serverConnect();

    expect(realtime.resyncs()).toBe(1);
  });

  it('refreshes an expired token when the handshake is refused, then connects again with the new one', async () => {
    socket.refuse('unauthorized');
    const refresh = TestBed.inject(HttpTestingController).expectOne(AUTH_API.refresh);
    refresh.flush({ accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 900 });
    await vi.runAllTimersAsync();

    expect(socket.connectCalls).toBe(2);
    expect(token?.()).toBe('access-2');
  });

  it('retries later when the API is unavailable, without refreshing the token', async () => {
    socket.refuse('service_unavailable');
    TestBed.inject(HttpTestingController).expectNone(AUTH_API.refresh);
    expect(socket.connectCalls).toBe(1);

    await vi.advanceTimersByTimeAsync(1_000);
    expect(socket.connectCalls).toBe(2);
  });

  it('answers an acknowledged emit with service_unavailable while offline, and disconnects on sign-out', async () => {
    expect(await realtime.request('presence.set', { availability: 'busy' })).toEqual({
      ok: false,
      error: { code: 'service_unavailable', message: 'not connected' },
    });

    socket.serverConnect();
    expect(await realtime.request('presence.set', { availability: 'busy' })).toEqual({ ok: true });

    TestBed.inject(AuthService).expireSession();
    TestBed.tick();
    expect(socket.connected).toBe(false);
    expect(realtime.status()).toBe('idle');
  });
});

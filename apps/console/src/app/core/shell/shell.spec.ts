import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { aConversation, aDraft, aTriage } from '../../../testing/conversations';
import { FakeAgentSocket, flushWorkspaceRequests, provideFakeAgentSocket } from '../../../testing/fake-agent-socket';
import { aSession, anAgent, storeSignedIn } from '../../../testing/fixtures';
import { WORKSPACE_API } from '../api/workspace.api';
import { authInterceptor } from '../auth/auth.interceptor';
import { AUTH_API, AuthService } from '../auth/auth.service';
import { LOCALE_STORAGE_KEY } from '../i18n/i18n.service';
import { INBOX_STORAGE_KEY } from './current-inbox';
import { Shell } from './shell';

describe('Shell', () => {
  let fixture: ComponentFixture<Shell>;
  let root: HTMLElement;
  let backend: HttpTestingController;
  let socket: FakeAgentSocket;

  async function render() {
    socket = new FakeAgentSocket();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideFakeAgentSocket(socket),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Shell);
    root = fixture.nativeElement;
    await fixture.whenStable();
  }

  const navLabels = () => Array.from(root.querySelectorAll('nav a')).map((a) => a.textContent?.trim());
  const button = (text: string) => Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
  const press = (key: string, target: EventTarget = document.body) =>
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  it("shows the product, the agent's name and role, and the navigation without Settings for an agent", async () => {
    storeSignedIn(aSession({ agent: anAgent({ name: 'Mina Park', role: 'agent' }) }));
    await render();
    backend.expectOne(AUTH_API.me).flush(anAgent({ name: 'Mina Park', role: 'agent' }));
    flushWorkspaceRequests(backend);
    await fixture.whenStable();

    expect(root.querySelector('.brand')?.textContent?.trim()).toBe('Parley');
    expect(root.querySelector('.agent-name')?.textContent?.trim()).toBe('Mina Park');
    expect(root.querySelector('.role')?.textContent?.trim()).toBe('Agent');
    expect(navLabels()).toEqual(['Conversations', 'Quotes', 'Review', 'Knowledge', 'Reports']);
    expect(root.querySelector('nav')?.getAttribute('aria-label')).toBe('Main');
  });

  it('shows Settings to an admin', async () => {
    storeSignedIn(aSession({ agent: anAgent({ role: 'admin' }) }));
    await render();
    backend.expectOne(AUTH_API.me).flush(anAgent({ role: 'admin' }));
    flushWorkspaceRequests(backend);
    await fixture.whenStable();

    expect(navLabels()).toEqual(['Conversations', 'Quotes', 'Review', 'Knowledge', 'Reports', 'Settings']);
    expect(root.querySelector('.role')?.textContent?.trim()).toBe('Admin');
  });

  it('updates name, role and navigation from /me when they changed since the last visit', async () => {
    storeSignedIn(aSession({ agent: anAgent({ name: 'Mina Park', role: 'admin' }) }));
    await render();
    flushWorkspaceRequests(backend);
    expect(navLabels()).toContain('Settings');

    backend.expectOne(AUTH_API.me).flush(anAgent({ name: 'Mina Kim', role: 'agent' }));
    await fixture.whenStable();

    expect(root.querySelector('.agent-name')?.textContent?.trim()).toBe('Mina Kim');
    expect(navLabels()).not.toContain('Settings');
  });

  it('logs out from the top bar, which also closes the live connection', async () => {
    storeSignedIn();
    await render();
    backend.expectOne(AUTH_API.me).flush(anAgent());
    flushWorkspaceRequests(backend);
    await fixture.whenStable();
    socket.serverConnect();
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);

    button('Log out')!.click();
    await fixture.whenStable();

    expect(TestBed.inject(AuthService).isAuthenticated()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/login']);
    expect(socket.connected).toBe(false);
    backend.expectOne(AUTH_API.logout).flush(null);
  });

  it('switches the whole frame to Korean from the toggle', async () => {
    storeSignedIn();
    await render();
    backend.expectOne(AUTH_API.me).flush(anAgent());
    flushWorkspaceRequests(backend);

    root.querySelector<HTMLButtonElement>('button[lang="ko"]')!.click();
    await fixture.whenStable();

    expect(navLabels()).toEqual(['대화', '견적', '검토', '지식 베이스', '보고서']);
    expect(root.querySelector('.role')?.textContent?.trim()).toBe('상담원');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('ko');
  });

  it('remembers the inbox chosen in the switcher', async () => {
    storeSignedIn();
    await render();
    backend.expectOne(AUTH_API.me).flush(anAgent());
    backend.expectOne(WORKSPACE_API.inboxes).flush([
      { id: 'inbox-web', name: 'Website chat' },
      { id: 'inbox-b2b', name: 'B2B quotes' },
    ]);
    await fixture.whenStable();

    const select = root.querySelector<HTMLSelectElement>('#inbox-switcher')!;
    expect(Array.from(select.options).map((o) => o.textContent?.trim())).toEqual(['All inboxes', 'Website chat', 'B2B quotes']);
    select.value = 'inbox-b2b';
    select.dispatchEvent(new Event('change'));

    expect(localStorage.getItem(INBOX_STORAGE_KEY)).toBe('inbox-b2b');
  });

  it('sets availability over the socket, and falls back to the API when the socket is down', async () => {
    storeSignedIn(aSession({ agent: anAgent({ availability: 'online' }) }));
    await render();
    backend.expectOne(AUTH_API.me).flush(anAgent({ availability: 'online' }));
    flushWorkspaceRequests(backend);
    await fixture.whenStable();
    socket.serverConnect();
    const select = root.querySelector<HTMLSelectElement>('#availability')!;

    select.value = 'busy';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(socket.emittedOf('presence.set')).toEqual([{ availability: 'busy' }]);
    expect(TestBed.inject(AuthService).agent()?.availability).toBe('busy');

    socket.serverDisconnect();
    select.value = 'offline';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    const patch = backend.expectOne(WORKSPACE_API.me);
    expect(patch.request.body).toEqual({ availability: 'offline' });
    patch.flush(anAgent({ availability: 'offline' }));
    await fixture.whenStable();
    expect(TestBed.inject(AuthService).agent()?.availability).toBe('offline');
  });

  it('rings the bell for a new conversation, an urgent triage and a draft waiting, once each', async () => {
    storeSignedIn();
    await render();
    backend.expectOne(AUTH_API.me).flush(anAgent());
    flushWorkspaceRequests(backend);
    await fixture.whenStable();
    socket.serverConnect();

    const conversation = aConversation({ displayId: 1042, contact: { id: 'c', name: '김민지', email: null, company: null } });
    socket.receive('conversation.created', { conversation });
    socket.receive('triage.completed', { triage: aTriage({ id: 't1', conversationId: conversation.id, urgent: true }) });
    socket.receive('triage.completed', { triage: aTriage({ id: 't2', conversationId: conversation.id, urgent: false }) });
    socket.receive('reply_draft.created', { draft: aDraft({ id: 'd1', conversationId: conversation.id }) });
    socket.receive('reply_draft.created', { draft: aDraft({ id: 'd1', conversationId: conversation.id }) });
    await fixture.whenStable();

    const bell = root.querySelector<HTMLButtonElement>('.bell')!;
    expect(bell.getAttribute('aria-label')).toBe('Notifications, 3 unread');
    bell.click();
    await fixture.whenStable();
    const items = Array.from(root.querySelectorAll('#notification-panel li'));
    expect(items.map((li) => li.querySelector('.kind')?.textContent)).toEqual([
      'AI draft ready',
      'Urgent conversation',
      'New conversation',
    ]);
    expect(items[0].querySelector('.what')?.textContent).toBe('#1042 · 김민지');
    expect(items[0].querySelector('a')?.getAttribute('href')).toBe(`/conversations/${conversation.id}`);

    button('Mark all as read')!.click();
    await fixture.whenStable();
    expect(bell.getAttribute('aria-label')).toBe('Notifications');
  });

  it('opens the shortcut overlay with ?, but not while typing in a field', async () => {
    storeSignedIn();
    await render();
    backend.expectOne(AUTH_API.me).flush(anAgent());
    flushWorkspaceRequests(backend);
    await fixture.whenStable();
    const dialog = root.querySelector('dialog')!;

    const field = document.createElement('input');
    document.body.appendChild(field);
    press('?', field);
    await fixture.whenStable();
    expect(dialog.hasAttribute('open')).toBe(false);
    field.remove();

    press('?');
    await fixture.whenStable();
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.textContent).toContain('Keyboard shortcuts');
    expect(dialog.textContent).toContain('Conversations');
  });

  it('goes to the quote board with g then q', async () => {
    storeSignedIn();
    await render();
    backend.expectOne(AUTH_API.me).flush(anAgent());
    flushWorkspaceRequests(backend);
    await fixture.whenStable();
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);

    press('g');
    press('q');

    expect(navigate).toHaveBeenCalledWith('/quotes');
  });
});

import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  Router,
  TitleStrategy,
  provideRouter,
  withComponentInputBinding,
} from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { LoginResponse } from '@parley/shared/contracts';
import { FakeAgentSocket, flushWorkspaceRequests, provideFakeAgentSocket } from '../testing/fake-agent-socket';
import { aSession, anAgent, storeSignedIn } from '../testing/fixtures';
import { appRoutes } from './app.routes';
import { AUTH_API } from './core/auth/auth.service';
import { authInterceptor } from './core/auth/auth.interceptor';
import { I18nService, LOCALE_STORAGE_KEY } from './core/i18n/i18n.service';
import { I18nTitleStrategy } from './core/i18n/i18n-title-strategy';

describe('app routes', () => {
  let backend: HttpTestingController;

  async function start(url: string) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes, withComponentInputBinding()),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        { provide: TitleStrategy, useClass: I18nTitleStrategy },
        provideFakeAgentSocket(new FakeAgentSocket()),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create(url);
    return { harness, router: TestBed.inject(Router) };
  }

  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
  });

  afterEach(() => localStorage.clear());

  it('sends a signed-out visitor of a console page to the login page, then back', async () => {
    const { harness, router } = await start('/knowledge');

    expect(router.url).toBe('/login?returnUrl=%2Fknowledge');
    expect(document.title).toBe('Sign in · Parley');

    const page = harness.routeNativeElement!;
    for (const [selector, value] of [
      ['#login-email', 'mina@example.com'],
      ['#login-password', 'secret'],
    ]) {
      const input = page.querySelector<HTMLInputElement>(selector)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    page.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    backend
      .expectOne(AUTH_API.login)
      .flush({
        accessToken: 'a',
        refreshToken: 'r',
        expiresIn: 900,
        agent: anAgent(),
      } satisfies LoginResponse);
    await harness.fixture.whenStable();
    backend.expectOne(AUTH_API.me).flush(anAgent());
    await harness.fixture.whenStable();

    expect(router.url).toBe('/knowledge');
    expect(
      harness.fixture.nativeElement.querySelector('main h1')?.textContent,
    ).toBe('Knowledge');
  });

  it('opens the empty conversation list for a signed-in agent, and sends unknown URLs there', async () => {
    storeSignedIn();
    const { harness, router } = await start('/no/such/page');
    backend.expectOne(AUTH_API.me).flush(anAgent());
    backend.expectOne((r) => r.url === '/api/v1/conversations' && r.params.get('status') === 'open').flush({ items: [], nextCursor: null });
    backend.expectOne('/api/v1/conversations/counts').flush(null, { status: 404, statusText: 'Not Found' });
    flushWorkspaceRequests(backend);
    await harness.fixture.whenStable();

    expect(router.url).toBe('/conversations');
    const page = harness.fixture.nativeElement as HTMLElement;
    expect(page.querySelector('main')?.textContent).toContain(
      'No conversations yet',
    );
    expect(
      page.querySelector('a[aria-current="page"]')?.textContent?.trim(),
    ).toBe('Conversations');
    expect(document.title).toBe('Conversations · Parley');

    TestBed.inject(I18nService).setLocale('ko');
    await harness.fixture.whenStable();
    expect(document.title).toBe('대화 · Parley');
    expect(page.querySelector('main')?.textContent).toContain(
      '아직 대화가 없습니다',
    );
  });

  it('keeps Settings from an agent who types its URL', async () => {
    storeSignedIn(aSession({ agent: anAgent({ role: 'agent' }) }));
    const { router } = await start('/settings');

    expect(router.url).toBe('/conversations');
  });

  it('opens Settings for an admin', async () => {
    storeSignedIn(aSession({ agent: anAgent({ role: 'admin' }) }));
    const { harness, router } = await start('/settings');

    expect(router.url).toBe('/settings');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe(
      'Settings',
    );
  });

  it('opens the quote board and the notification settings for an agent who is not an admin', async () => {
    storeSignedIn(aSession({ agent: anAgent({ role: 'agent' }) }));
    const { harness, router } = await start('/preferences');

    expect(router.url).toBe('/preferences/notifications');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('Notification settings');

    await harness.navigateByUrl('/quotes');
    expect(router.url).toBe('/quotes');
    expect(document.title).toBe('Quotes · Parley');
  });

  it('sends a signed-in agent away from the login page', async () => {
    storeSignedIn();
    const { router } = await start('/login');

    expect(router.url).toBe('/conversations');
  });
});

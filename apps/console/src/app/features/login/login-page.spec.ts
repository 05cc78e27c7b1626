import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { LoginResponse } from '@parley/shared/contracts';
import { anAgent, apiError } from '../../../testing/fixtures';
import { authInterceptor } from '../../core/auth/auth.interceptor';
import { AUTH_API, AuthService } from '../../core/auth/auth.service';
import { LOCALE_STORAGE_KEY } from '../../core/i18n/i18n.service';
import { LoginPage } from './login-page';

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let root: HTMLElement;
  let backend: HttpTestingController;
  let navigateByUrl: ReturnType<typeof vi.spyOn>;

  async function render(inputs: { returnUrl?: string; reason?: string } = {}) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    navigateByUrl = vi
      .spyOn(TestBed.inject(Router), 'navigateByUrl')
      .mockResolvedValue(true);
    fixture = TestBed.createComponent(LoginPage);
    for (const [name, value] of Object.entries(inputs))
      fixture.componentRef.setInput(name, value);
    root = fixture.nativeElement;
    await fixture.whenStable();
  }

  const email = () => root.querySelector<HTMLInputElement>('#login-email')!;
  const password = () =>
    root.querySelector<HTMLInputElement>('#login-password')!;
  const submitButton = () =>
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const alertText = () =>
    root.querySelector('[role="alert"]')?.textContent?.trim() ?? null;

  function type(input: HTMLInputElement, value: string) {
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submitWith(emailValue: string, passwordValue: string) {
    type(email(), emailValue);
    type(password(), passwordValue);
    submitButton().click();
    await fixture.whenStable();
  }

  async function answerLogin(body: object, status: number) {
    backend
      .expectOne(AUTH_API.login)
      .flush(body, { status, statusText: 'Error' });
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  it('labels both inputs', async () => {
    await render();

    expect(
      root.querySelector('label[for="login-email"]')?.textContent?.trim(),
    ).toBe('Email');
    expect(
      root.querySelector('label[for="login-password"]')?.textContent?.trim(),
    ).toBe('Password');
    expect(email().type).toBe('email');
    expect(password().autocomplete).toBe('current-password');
  });

  it('validates before calling the API and focuses the first field to fix', async () => {
    await render();

    await submitWith('', '');

    backend.expectNone(AUTH_API.login);
    expect(root.querySelector('#login-email-error')?.textContent?.trim()).toBe(
      'Enter your email address.',
    );
    expect(
      root.querySelector('#login-password-error')?.textContent?.trim(),
    ).toBe('Enter your password.');
    expect(email().getAttribute('aria-invalid')).toBe('true');
    expect(email().getAttribute('aria-describedby')).toBe('login-email-error');
    expect(document.activeElement).toBe(email());

    await submitWith('not-an-email', 'secret');
    expect(
      root.querySelector('#login-email-error')?.textContent?.trim(),
    ).toContain('valid email address');
    backend.expectNone(AUTH_API.login);
  });

  it('says the credentials are wrong on invalid_credentials, clears the password and puts focus there', async () => {
    await render();
    await submitWith('mina@example.com', 'wrong');

    await answerLogin(
      apiError(401, 'invalid_credentials', 'Invalid email or password'),
      401,
    );

    expect(alertText()).toBe('The email or password is incorrect.');
    expect(password().value).toBe('');
    expect(email().value).toBe('mina@example.com');
    expect(document.activeElement).toBe(password());
    // The field error for the cleared password does not pile on top of the alert.
    expect(root.querySelector('#login-password-error')).toBeNull();
  });

  it('says the account is disabled on agent_disabled', async () => {
    await render();
    await submitWith('mina@example.com', 'secret');

    await answerLogin(
      apiError(403, 'agent_disabled', 'Agent is disabled'),
      403,
    );

    expect(alertText()).toBe(
      'This account has been disabled. Ask an administrator to re-enable it.',
    );
    expect(password().value).toBe('secret');
  });

  it('tells a network failure apart from a refused login', async () => {
    await render();
    await submitWith('mina@example.com', 'secret');

    backend.expectOne(AUTH_API.login).error(new ProgressEvent('error'));
    await fixture.whenStable();

    expect(alertText()).toBe(
      'Cannot reach the server. Check your connection and try again.',
    );
  });

  it('shows the error in Korean when the UI is in Korean', async () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'ko');
    await render();
    await submitWith('mina@example.com', 'wrong');

    await answerLogin(apiError(401, 'invalid_credentials'), 401);

    expect(alertText()).toBe('이메일 또는 비밀번호가 올바르지 않습니다.');
  });

  it('shows a loading state and ignores a second submit while signing in', async () => {
    await render();
    await submitWith('mina@example.com', 'secret');

    expect(submitButton().getAttribute('aria-disabled')).toBe('true');
    expect(submitButton().textContent?.trim()).toBe('Signing in…');
    expect(email().readOnly).toBe(true);

    submitButton().click();
    await fixture.whenStable();
    const login = backend.expectOne(AUTH_API.login);
    expect(login.request.body).toEqual({
      email: 'mina@example.com',
      password: 'secret',
    });

    login.flush(apiError(500, 'internal_error'), {
      status: 500,
      statusText: 'Error',
    });
    await fixture.whenStable();
    expect(submitButton().getAttribute('aria-disabled')).toBe('false');
    expect(submitButton().textContent?.trim()).toBe('Sign in');
    expect(alertText()).toBe('Sign-in failed. Try again in a moment.');
  });

  it('signs in and goes to the page the agent was sent away from', async () => {
    await render({ returnUrl: '/reports?range=7d' });
    await submitWith('mina@example.com', 'secret');

    const login = backend.expectOne(AUTH_API.login);
    expect(login.request.body).toEqual({
      email: 'mina@example.com',
      password: 'secret',
    });
    login.flush({
      accessToken: 'a',
      refreshToken: 'r',
      expiresIn: 900,
      agent: anAgent(),
    } satisfies LoginResponse);
    await fixture.whenStable();

    expect(TestBed.inject(AuthService).isAuthenticated()).toBe(true);
    expect(navigateByUrl).toHaveBeenCalledWith('/reports?range=7d');
  });

  it('ignores a returnUrl that leaves the console', async () => {
    await render({ returnUrl: '//evil.example/phish' });
    await submitWith('mina@example.com', 'secret');

    backend
      .expectOne(AUTH_API.login)
      .flush({
        accessToken: 'a',
        refreshToken: 'r',
        expiresIn: 900,
        agent: anAgent(),
      } satisfies LoginResponse);
    await fixture.whenStable();

    expect(navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('explains why the agent is here after the session expired', async () => {
    await render({ reason: 'expired' });

    expect(root.querySelector('[role="status"]')?.textContent?.trim()).toBe(
      'Your session has ended. Please sign in again.',
    );
  });
});

import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { aSession, anAgent, storeSignedIn } from '../../../testing/fixtures';
import { authInterceptor } from '../auth/auth.interceptor';
import { AUTH_API, AuthService } from '../auth/auth.service';
import { LOCALE_STORAGE_KEY } from '../i18n/i18n.service';
import { Shell } from './shell';

describe('Shell', () => {
  let fixture: ComponentFixture<Shell>;
  let root: HTMLElement;
  let backend: HttpTestingController;

  async function render() {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Shell);
    root = fixture.nativeElement;
    await fixture.whenStable();
  }

  const navLabels = () =>
    Array.from(root.querySelectorAll('nav a')).map((a) =>
      a.textContent?.trim(),
    );

  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  it("shows the product, the agent's name and role, and the navigation without Settings for an agent", async () => {
    storeSignedIn(
      aSession({ agent: anAgent({ name: 'Mina Park', role: 'agent' }) }),
    );
    await render();
    backend
      .expectOne(AUTH_API.me)
      .flush(anAgent({ name: 'Mina Park', role: 'agent' }));
    await fixture.whenStable();

    expect(root.querySelector('.brand')?.textContent?.trim()).toBe('Parley');
    expect(root.querySelector('.agent-name')?.textContent?.trim()).toBe(
      'Mina Park',
    );
    expect(root.querySelector('.role')?.textContent?.trim()).toBe('Agent');
    expect(navLabels()).toEqual([
      'Conversations',
      'Review',
      'Knowledge',
      'Reports',
    ]);
    expect(root.querySelector('nav')?.getAttribute('aria-label')).toBe('Main');
  });

  it('shows Settings to an admin', async () => {
    storeSignedIn(aSession({ agent: anAgent({ role: 'admin' }) }));
    await render();
    backend.expectOne(AUTH_API.me).flush(anAgent({ role: 'admin' }));
    await fixture.whenStable();

    expect(navLabels()).toEqual([
      'Conversations',
      'Review',
      'Knowledge',
      'Reports',
      'Settings',
    ]);
    expect(root.querySelector('.role')?.textContent?.trim()).toBe('Admin');
  });

  it('updates name, role and navigation from /me when they changed since the last visit', async () => {
    storeSignedIn(
      aSession({ agent: anAgent({ name: 'Mina Park', role: 'admin' }) }),
    );
    await render();
    expect(navLabels()).toContain('Settings');

    backend
      .expectOne(AUTH_API.me)
      .flush(anAgent({ name: 'Mina Kim', role: 'agent' }));
    await fixture.whenStable();

    expect(root.querySelector('.agent-name')?.textContent?.trim()).toBe(
      'Mina Kim',
    );
    expect(navLabels()).not.toContain('Settings');
  });

  it('logs out from the top bar', async () => {
    storeSignedIn();
    await render();
    backend.expectOne(AUTH_API.me).flush(anAgent());
    const navigate = vi
      .spyOn(TestBed.inject(Router), 'navigate')
      .mockResolvedValue(true);

    const logout = Array.from(root.querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === 'Log out',
    );
    logout!.click();

    expect(TestBed.inject(AuthService).isAuthenticated()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/login']);
    backend.expectOne(AUTH_API.logout).flush(null);
  });

  it('switches the whole frame to Korean from the toggle', async () => {
    storeSignedIn();
    await render();
    backend.expectOne(AUTH_API.me).flush(anAgent());

    root.querySelector<HTMLButtonElement>('button[lang="ko"]')!.click();
    await fixture.whenStable();

    expect(navLabels()).toEqual(['대화', '검토', '지식 베이스', '보고서']);
    expect(root.querySelector('.role')?.textContent?.trim()).toBe('상담원');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('ko');
  });
});

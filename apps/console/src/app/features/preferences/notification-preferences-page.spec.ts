import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { NOTIFICATION_ALERT_TYPES, NOTIFICATION_EMAIL_DEFAULTS, type NotificationPreferencesDto } from '@parley/shared/contracts';
import { aSession, anAgent, storeSignedIn } from '../../../testing/fixtures';
import { LOCALE_STORAGE_KEY } from '../../core/i18n/i18n.service';
import { NotificationPreferencesPage } from './notification-preferences-page';
import { PREFERENCES_API } from './preferences-api';

describe('NotificationPreferencesPage', () => {
  let backend: HttpTestingController;

  async function render(prefs: NotificationPreferencesDto) {
    const fixture = TestBed.createComponent(NotificationPreferencesPage);
    backend.expectOne(PREFERENCES_API.notifications).flush(prefs);
    await fixture.whenStable();
    return { fixture, root: fixture.nativeElement as HTMLElement };
  }

  const switches = (root: HTMLElement) => Array.from(root.querySelectorAll<HTMLInputElement>('input[role="switch"]'));

  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    storeSignedIn(aSession({ agent: anAgent({ role: 'agent' }) }));
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  it('has a labelled switch for every alert type the contract lists, set as stored', async () => {
    const { root } = await render({ email: { ...NOTIFICATION_EMAIL_DEFAULTS }, emailEnabled: true });

    const all = switches(root);
    expect(all).toHaveLength(NOTIFICATION_ALERT_TYPES.length);
    expect(all.map((s) => s.checked)).toEqual(NOTIFICATION_ALERT_TYPES.map((t) => NOTIFICATION_EMAIL_DEFAULTS[t]));
    expect(all.every((s) => s.closest('label')?.textContent?.trim())).toBe(true);
    expect(root.querySelector('[role="note"]')).toBeNull();
  });

  it('says that nothing is emailed when the server has no email', async () => {
    const { root } = await render({ email: { ...NOTIFICATION_EMAIL_DEFAULTS }, emailEnabled: false });

    expect(root.querySelector('[role="note"]')?.textContent).toContain('Email is not set up on this server');
  });

  it('saves one switch at once, and puts it back when the API refuses', async () => {
    const { fixture, root } = await render({ email: { ...NOTIFICATION_EMAIL_DEFAULTS }, emailEnabled: true });
    const unassigned = switches(root)[NOTIFICATION_ALERT_TYPES.indexOf('unassigned_message')];

    unassigned.click();
    const put = backend.expectOne(PREFERENCES_API.notifications);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ email: { unassigned_message: true } });
    put.flush({ email: { ...NOTIFICATION_EMAIL_DEFAULTS, unassigned_message: true }, emailEnabled: true });
    await fixture.whenStable();
    expect(root.textContent).toContain('Saved.');

    unassigned.click();
    backend.expectOne(PREFERENCES_API.notifications).flush({ code: 'internal_error' }, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    expect(unassigned.checked).toBe(true);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Could not save that change');
  });
});

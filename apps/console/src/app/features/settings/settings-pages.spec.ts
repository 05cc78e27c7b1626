import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CategoryDto, InboxDto } from '@parley/shared/contracts';
import { aSession, anAgent, storeSignedIn } from '../../../testing/fixtures';
import { LOCALE_STORAGE_KEY } from '../../core/i18n/i18n.service';
import { AgentsSettings } from './agents-settings';
import { AiSettings } from './ai-settings';
import { InboxesSettings } from './inboxes-settings';
import { SETTINGS_API } from './settings-api';

const inbox: InboxDto = {
  id: 'i-1',
  name: 'Website chat',
  channel: 'web_widget',
  publicToken: 'pub_abc',
  businessHours: null,
  allowedOrigins: ['https://shop.example.com'],
  identityEnforced: false,
  afterHoursReplyEnabled: false,
  afterHoursReply: null,
  createdAt: '2026-11-01T00:00:00.000Z',
};

describe('settings sections', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    storeSignedIn(aSession({ agent: anAgent({ id: 'me', role: 'admin' }) }));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  const button = (root: HTMLElement, text: string) =>
    Array.from(root.querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === text,
    )!;
  const type = (el: HTMLInputElement | HTMLTextAreaElement, value: string) => {
    el.value = value;
    el.dispatchEvent(new Event('input'));
  };

  it('inboxes: shows the widget snippet, refuses a bad origin, then saves hours and origins', async () => {
    const fixture = TestBed.createComponent(InboxesSettings);
    const root: HTMLElement = fixture.nativeElement;
    backend.expectOne(SETTINGS_API.inboxes).flush([inbox]);
    await fixture.whenStable();

    expect(
      root.querySelector<HTMLTextAreaElement>('#inbox-snippet')!.value,
    ).toBe(
      `<script src="${location.origin}/widget.js" data-inbox="pub_abc" async></script>`,
    );

    type(
      root.querySelector('#inbox-origins')!,
      'https://shop.example.com\nshop.example.com',
    );
    button(root, 'Save').click();
    await fixture.whenStable();
    expect(root.textContent).toContain('Not an origin: shop.example.com');

    type(
      root.querySelector('#inbox-origins')!,
      'https://shop.example.com\nhttps://m.shop.example.com',
    );
    const hours = root.querySelector<HTMLInputElement>(
      'fieldset input[type="checkbox"]',
    )!;
    hours.checked = true;
    hours.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    button(root, 'Save').click();
    const req = backend.expectOne(SETTINGS_API.inbox('i-1'));
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({
      name: 'Website chat',
      allowedOrigins: [
        'https://shop.example.com',
        'https://m.shop.example.com',
      ],
      identityEnforced: false,
      businessHours: {
        timezone: 'Asia/Seoul',
        days: Object.fromEntries(
          ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [
            d,
            { open: '09:00', close: '18:00' },
          ]),
        ),
      },
      afterHoursReplyEnabled: false,
      afterHoursReply: null,
    });
    req.flush(inbox);
    await fixture.whenStable();
    expect(root.textContent).toContain('Saved.');
  });

  it('inboxes: reveals and rotates the identity secret only after confirming', async () => {
    const fixture = TestBed.createComponent(InboxesSettings);
    const root: HTMLElement = fixture.nativeElement;
    backend.expectOne(SETTINGS_API.inboxes).flush([inbox]);
    await fixture.whenStable();

    button(root, 'Show secret').click();
    backend
      .expectOne(SETTINGS_API.inboxSecrets('i-1'))
      .flush({ ...inbox, identitySecret: 'old-secret' });
    await fixture.whenStable();
    expect(root.querySelector<HTMLInputElement>('#inbox-secret')!.value).toBe(
      'old-secret',
    );

    button(root, 'Rotate secret').click();
    await fixture.whenStable();
    backend.expectNone(SETTINGS_API.rotateSecret('i-1'));
    expect(root.textContent).toContain(
      'Signatures made with the old secret stop working',
    );
    root.querySelector<HTMLButtonElement>('.st-confirm .st-danger')!.click();
    const req = backend.expectOne(SETTINGS_API.rotateSecret('i-1'));
    expect(req.request.method).toBe('POST');
    req.flush({ ...inbox, identitySecret: 'new-secret' });
    await fixture.whenStable();
    expect(root.querySelector<HTMLInputElement>('#inbox-secret')!.value).toBe(
      'new-secret',
    );
  });

  it('AI policy: saves a category policy and threshold, and rejects a threshold below 0.5', async () => {
    const category: CategoryDto = {
      id: 'c-1',
      key: 'shipping',
      label: 'Shipping',
      description: null,
      policy: 'draft',
      autoSendThreshold: 0.85,
      position: 0,
    };
    const fixture = TestBed.createComponent(AiSettings);
    const root: HTMLElement = fixture.nativeElement;
    backend.expectOne(SETTINGS_API.aiStatus).flush({
      provider: 'offline',
      chatModel: null,
      embedModel: null,
      offlineModel: {
        model: 'parley-offline',
        version: 'v7',
        trainingSetSize: 640,
        categories: ['shipping'],
        trainedAt: null,
        retraining: false,
      },
      queue: { waiting: 0, active: 0, failed: 0 },
    });
    backend.expectOne(SETTINGS_API.categories).flush([category]);
    await fixture.whenStable();
    expect(root.textContent).toContain('640 examples');

    const policy = root.querySelector<HTMLSelectElement>('tbody select')!;
    policy.value = 'auto';
    policy.dispatchEvent(new Event('change'));
    const threshold = root.querySelector<HTMLInputElement>(
      'tbody input[type="number"]',
    )!;
    type(threshold, '0.4');
    await fixture.whenStable();
    expect(root.querySelector('tbody')!.textContent).toContain(
      'Enter a number from 0.5 to 1.',
    );
    root.querySelector<HTMLButtonElement>('tbody button')!.click();
    backend.expectNone(SETTINGS_API.category('c-1'));

    type(threshold, '0.95');
    await fixture.whenStable();
    root.querySelector<HTMLButtonElement>('tbody button')!.click();
    const req = backend.expectOne(SETTINGS_API.category('c-1'));
    expect(req.request.body).toEqual({
      policy: 'auto',
      autoSendThreshold: 0.95,
    });
    req.flush({ ...category, policy: 'auto', autoSendThreshold: 0.95 });
  });

  it('agents: invites with a temporary password and cannot disable or demote oneself', async () => {
    const fixture = TestBed.createComponent(AgentsSettings);
    const root: HTMLElement = fixture.nativeElement;
    backend
      .expectOne(SETTINGS_API.agents)
      .flush([anAgent({ id: 'me', name: 'Owner', role: 'admin' })]);
    await fixture.whenStable();
    expect(
      root.querySelector<HTMLSelectElement>('tbody select')!.disabled,
    ).toBe(true);
    expect(button(root, 'Disable')).toBeUndefined();

    const password =
      root.querySelector<HTMLInputElement>('#invite-password')!.value;
    expect(password).toHaveLength(16);
    type(root.querySelector('#invite-name')!, 'Jun Lee');
    type(root.querySelector('#invite-email')!, 'jun@example.com');
    button(root, 'Create account').click();
    const req = backend.expectOne(SETTINGS_API.agents);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({
      name: 'Jun Lee',
      email: 'jun@example.com',
      password,
      role: 'agent',
    });
    req.flush(
      anAgent({ id: 'jun', name: 'Jun Lee', email: 'jun@example.com' }),
    );
    await fixture.whenStable();
    expect(
      root.querySelector<HTMLInputElement>('#invited-password')!.value,
    ).toBe(password);

    button(root, 'Disable').click();
    const disable = backend.expectOne(SETTINGS_API.agent('jun'));
    expect(disable.request.body).toEqual({ disabled: true });
    disable.flush(anAgent({ id: 'jun', name: 'Jun Lee', disabled: true }));
    await fixture.whenStable();
    expect(button(root, 'Enable')).toBeDefined();
  });
});

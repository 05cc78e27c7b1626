import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CategoryDto, FlowDto, InboxDto, WebhookDeliveryDto, WebhookDto } from '@parley/shared/contracts';
import { aSession, anAgent, storeSignedIn } from '../../../testing/fixtures';
import { WORKSPACE_API } from '../../core/api/workspace.api';
import { LOCALE_STORAGE_KEY } from '../../core/i18n/i18n.service';
import { FlowsSettings } from './flows-settings';
import { SETTINGS_API } from './settings-api';
import { WebhooksSettings } from './webhooks-settings';

const inbox = { id: 'i-1', name: 'Website chat', channel: 'web_widget' } as InboxDto;
const category = (key: string): CategoryDto => ({ id: key, key, label: key, description: null, policy: 'draft', autoSendThreshold: 0.9, position: 0 });
const flow: FlowDto = {
  inboxId: 'i-1',
  enabled: true,
  updatedAt: '2026-11-20T00:00:00.000Z',
  definition: {
    startStepId: 'start',
    steps: [
      {
        id: 'start',
        kind: 'menu',
        message: { ko: '무엇을 도와드릴까요?', en: 'How can we help?' },
        buttons: [
          { id: 'order', label: { ko: '주문', en: 'Order' }, next: 'order' },
          { id: 'person', label: { ko: '상담원 연결', en: 'Talk to a person' }, next: 'handoff' },
        ],
        category: null,
      },
      { id: 'order', kind: 'free_text', message: { ko: '주문번호를 적어 주세요.', en: 'Your order number, please.' }, buttons: [], category: 'order' },
      { id: 'handoff', kind: 'handoff', message: { ko: '연결해 드릴게요.', en: 'Connecting you.' }, buttons: [], category: null },
    ],
  },
};

describe('settings: flows and webhooks', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    storeSignedIn(aSession({ agent: anAgent({ id: 'me', role: 'admin' }) }));
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  const byAria = (root: HTMLElement, label: string) => root.querySelector<HTMLElement>(`[aria-label="${label}"]`)!;
  const button = (root: HTMLElement, text: string) => Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === text)!;
  const select = (el: HTMLSelectElement, value: string) => {
    el.value = value;
    el.dispatchEvent(new Event('change'));
  };

  async function openFlows() {
    const fixture = TestBed.createComponent(FlowsSettings);
    const root: HTMLElement = fixture.nativeElement;
    backend.expectOne(WORKSPACE_API.inboxes).flush([inbox]);
    backend.expectOne('/api/v1/ai/categories').flush([category('order')]);
    await fixture.whenStable();
    backend.expectOne(SETTINGS_API.flow('i-1')).flush(flow);
    await fixture.whenStable();
    return { fixture, root };
  }

  it('flows: shows the steps and a preview of the start step, as the widget would', async () => {
    const { fixture, root } = await openFlows();

    expect(root.querySelectorAll('[data-testid="flow-step"]')).toHaveLength(3);
    const preview = root.querySelector('pl-flow-preview')!;
    expect(preview.textContent).toContain('무엇을 도와드릴까요?');
    button(preview as HTMLElement, '상담원 연결').click();
    await fixture.whenStable();
    expect(preview.textContent).toContain('연결해 드릴게요.');
    expect(root.textContent).toContain('No problems found.');
  });

  it('flows: removing a step marks the button that led there, and nothing is saved until it is fixed', async () => {
    const { fixture, root } = await openFlows();

    byAria(root, 'Remove step 3').click();
    await fixture.whenStable();
    expect(root.textContent).toContain('Problems to fix: 1');
    const next = root.querySelector<HTMLSelectElement>('select[aria-invalid="true"]')!;
    expect(next.labels?.[0]?.textContent?.trim()).toBe('Button 2 leads to');
    expect(root.querySelector(`#${next.getAttribute('aria-describedby')}`)?.textContent).toContain('Choose the step this button leads to.');

    button(root, 'Save').click();
    await fixture.whenStable();
    backend.expectNone(SETTINGS_API.flow('i-1'));
    expect(root.textContent).toContain('Fix the problems marked in the steps first (1).');

    select(next, next.options[2].value);
    await fixture.whenStable();
    button(root, 'Save').click();
    const put = backend.expectOne(SETTINGS_API.flow('i-1'));
    expect(put.request.method).toBe('PUT');
    expect(put.request.body.definition.steps.map((s: { id: string }) => s.id)).toEqual(['start', 'order']);
    expect(put.request.body.definition.steps[0].buttons[1].next).toBe('order');

    put.flush(
      { statusCode: 400, code: 'validation_failed', message: 'The flow breaks 1 rule', details: [{ path: 'definition.steps[0].buttons[1].label', message: 'needs text in Korean or English' }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(root.textContent).toContain('The server refused the flow. Its problems (1) are marked in the steps.');
    expect(root.querySelector('[data-testid="flow-step"]')?.textContent).toContain('Write the label in Korean or English.');
  });

  it('webhooks: shows the signing secret once after creating, and the delivery log with older pages and payloads', async () => {
    const fixture = TestBed.createComponent(WebhooksSettings);
    const root: HTMLElement = fixture.nativeElement;
    backend.expectOne(SETTINGS_API.webhooks).flush([]);
    await fixture.whenStable();

    const url = root.querySelector<HTMLInputElement>('#webhook-url')!;
    url.value = 'ftp://example.com';
    url.dispatchEvent(new Event('input'));
    button(root, 'Create webhook').click();
    await fixture.whenStable();
    expect(root.textContent).toContain('Enter an http(s) URL');
    expect(root.textContent).toContain('Choose at least one event.');

    url.value = 'https://example.com/hook';
    url.dispatchEvent(new Event('input'));
    const messageCreated = Array.from(root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')).find((c) => c.parentElement?.textContent?.includes('message.created'))!;
    messageCreated.click();
    await fixture.whenStable();
    button(root, 'Create webhook').click();
    const create = backend.expectOne(SETTINGS_API.webhooks);
    expect(create.request.body).toEqual({ url: 'https://example.com/hook', events: ['message.created'], description: null, enabled: true, includePrivate: false });
    const webhook: WebhookDto = {
      id: 'w-1',
      url: 'https://example.com/hook',
      events: ['message.created'],
      description: null,
      enabled: true,
      includePrivate: false,
      disabledReason: null,
      secretHint: '…abcd',
      createdAt: '2026-11-21T00:00:00.000Z',
      updatedAt: '2026-11-21T00:00:00.000Z',
    };
    create.flush({ ...webhook, secret: 'whsec_abcd' });
    await fixture.whenStable();

    expect(root.querySelector<HTMLInputElement>('#webhook-secret')?.value).toBe('whsec_abcd');
    const delivery = (id: string, createdAt: string): WebhookDeliveryDto => ({
      id,
      webhookId: 'w-1',
      event: 'message.created',
      status: 'failed',
      attempts: 3,
      lastStatusCode: 500,
      lastError: 'Internal Server Error',
      lastDurationMs: 120,
      nextAttemptAt: null,
      deliveredAt: null,
      payload: { id, event: 'message.created', createdAt, data: { inboxId: 'i-1' } as never },
      createdAt,
      updatedAt: createdAt,
    });
    backend
      .expectOne((r) => r.url === SETTINGS_API.webhookDeliveries('w-1') && !r.params.has('cursor'))
      .flush({ items: [delivery('d-2', '2026-11-21T10:00:00.000Z')], nextCursor: 'c-1' });
    await fixture.whenStable();

    button(root, 'Load older deliveries').click();
    backend
      .expectOne((r) => r.url === SETTINGS_API.webhookDeliveries('w-1') && r.params.get('cursor') === 'c-1')
      .flush({ items: [delivery('d-1', '2026-11-21T09:00:00.000Z')], nextCursor: null });
    await fixture.whenStable();
    expect(root.querySelectorAll('[data-testid="webhook-delivery"]')).toHaveLength(2);
    expect(root.textContent).toContain('HTTP 500');

    button(root, 'Payload').click();
    await fixture.whenStable();
    expect(root.querySelector('pre')?.textContent).toContain('"inboxId": "i-1"');

    button(root, 'Redeliver').click();
    const redeliver = backend.expectOne(SETTINGS_API.webhookRedeliver('w-1', 'd-2'));
    redeliver.flush({ ...delivery('d-2', '2026-11-21T10:00:00.000Z'), status: 'pending' });
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="webhook-delivery"]')?.textContent).toContain('Pending');

    fixture.destroy();
  });
});

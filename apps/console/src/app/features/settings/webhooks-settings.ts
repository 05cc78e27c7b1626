import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { WEBHOOK_EVENTS, type WebhookDto, type WebhookEvent } from '@parley/shared/contracts';
import { apiErrorMessage, apiFieldIssues, normalizeIssuePath } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { MESSAGES, type MessageKey } from '../../core/i18n/messages';
import { TPipe } from '../../core/i18n/t.pipe';
import { ConfirmAction } from './confirm-action';
import { SecretBox } from './secret-box';
import { SettingsApi } from './settings-api';
import {
  EMPTY_WEBHOOK,
  WEBHOOK_DESCRIPTION_MAX,
  WebhookForm,
  hasErrors,
  validateWebhook,
  webhookForm,
  webhookRequest,
} from './settings-forms';
import { SettingsNotice, SettingsNoticeValue } from './settings-notice';
import { WebhookDeliveries } from './webhook-deliveries';
import { DeliveryLog } from './webhook-delivery-log';

/**
 * Outbound webhooks: the list, a form to create or edit one, its signing secret (shown once, when
 * made or rotated), a test ping, deletion, and the delivery log with redelivery.
 */
@Component({
  selector: 'pl-webhooks-settings',
  imports: [TPipe, ConfirmAction, SecretBox, SettingsNotice, WebhookDeliveries],
  templateUrl: './webhooks-settings.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WebhooksSettings {
  readonly #api = inject(SettingsApi);
  readonly #i18n = inject(I18nService);
  protected readonly events = WEBHOOK_EVENTS;
  protected readonly descriptionMax = WEBHOOK_DESCRIPTION_MAX;

  protected readonly webhooks = signal<WebhookDto[]>([]);
  protected readonly loadFailed = signal(false);
  /** The webhook open in the form, or 'new'. */
  protected readonly selectedId = signal<string>('new');
  protected readonly selected = computed(() => this.webhooks().find((w) => w.id === this.selectedId()) ?? null);
  protected readonly form = signal<WebhookForm>(EMPTY_WEBHOOK);
  protected readonly submitted = signal(false);
  protected readonly errors = computed(() => (this.submitted() ? validateWebhook(this.form()) : {}));
  /** The API's words per field (`url`, `events`...) from the last save, until that field is edited. */
  protected readonly serverErrors = signal<Record<string, string>>({});
  protected readonly saving = signal(false);
  protected readonly notice = signal<SettingsNoticeValue>(null);
  /** The signing secret, for the one webhook it was just made for. */
  protected readonly secret = signal<{ webhookId: string; value: string } | null>(null);
  protected readonly busy = signal<'test' | 'rotate' | 'delete' | null>(null);
  protected readonly log = signal<DeliveryLog | null>(null);

  constructor() {
    this.#api.webhooks().subscribe({
      next: (list) => {
        this.webhooks.set(list);
        if (list.length) this.select(list[0]);
      },
      error: () => this.loadFailed.set(true),
    });
    inject(DestroyRef).onDestroy(() => this.log()?.dispose());
  }

  protected select(webhook: WebhookDto): void {
    this.selectedId.set(webhook.id);
    this.form.set(webhookForm(webhook));
    this.#resetFormState();
    if (this.secret()?.webhookId !== webhook.id) this.secret.set(null);
    this.#openLog(webhook.id);
  }

  protected startNew(): void {
    this.selectedId.set('new');
    this.form.set(EMPTY_WEBHOOK);
    this.#resetFormState();
    this.secret.set(null);
    this.log()?.dispose();
    this.log.set(null);
  }

  #resetFormState(): void {
    this.submitted.set(false);
    this.serverErrors.set({});
    this.notice.set(null);
  }

  #openLog(webhookId: string): void {
    this.log()?.dispose();
    const log = new DeliveryLog({
      page: (cursor, limit) => this.#api.webhookDeliveries(webhookId, { ...(cursor && { cursor }), limit }),
      redeliver: (deliveryId) => this.#api.redeliver(webhookId, deliveryId),
    });
    this.log.set(log);
    log.reload();
  }

  protected patch(patch: Partial<WebhookForm>): void {
    this.form.update((f) => ({ ...f, ...patch }));
    const fields = Object.keys(patch);
    this.serverErrors.update((all) => Object.fromEntries(Object.entries(all).filter(([k]) => !fields.includes(k))));
  }

  protected toggleEvent(event: WebhookEvent, on: boolean): void {
    const events = this.form().events.filter((e) => e !== event);
    this.patch({ events: on ? [...events, event] : events });
  }

  protected allEvents(on: boolean): void {
    this.patch({ events: on ? [...WEBHOOK_EVENTS] : [] });
  }

  /** The console's own check first, else the API's words. */
  protected fieldError(field: 'url' | 'events' | 'description'): string | null {
    const key = this.errors()[field];
    return key ? this.#i18n.t(key) : (this.serverErrors()[field] ?? null);
  }

  protected eventHint(event: WebhookEvent): string | null {
    const key = `webhooks.event.${event}`;
    return key in MESSAGES.en ? this.#i18n.t(key as MessageKey) : null;
  }

  protected save(): void {
    this.submitted.set(true);
    const form = this.form();
    if (hasErrors(validateWebhook(form)) || this.saving()) return;
    this.saving.set(true);
    this.notice.set(null);
    const id = this.selectedId();
    const body = webhookRequest(form);
    if (id === 'new') {
      this.#api.createWebhook(body).subscribe({
        next: ({ secret, ...webhook }) => {
          this.saving.set(false);
          this.webhooks.update((list) => [...list, webhook]);
          this.select(webhook);
          this.secret.set({ webhookId: webhook.id, value: secret });
          this.notice.set({ ok: true, text: this.#i18n.t('webhooks.created') });
        },
        error: (e: unknown) => this.#failed(e),
      });
    } else {
      this.#api.updateWebhook(id, body).subscribe({
        next: (webhook) => {
          this.saving.set(false);
          this.webhooks.update((list) => list.map((w) => (w.id === webhook.id ? webhook : w)));
          this.form.set(webhookForm(webhook));
          this.submitted.set(false);
          this.notice.set({ ok: true, text: this.#i18n.t('settings.saved') });
        },
        error: (e: unknown) => this.#failed(e),
      });
    }
  }

  #failed(error: unknown): void {
    this.saving.set(false);
    const byField: Record<string, string> = {};
    const other: string[] = [];
    for (const issue of apiFieldIssues(error)) {
      const field = normalizeIssuePath(issue.path).split('.')[0];
      if (['url', 'events', 'description'].includes(field)) byField[field] ??= issue.message;
      else other.push(issue.message);
    }
    this.serverErrors.set(byField);
    this.notice.set({ ok: false, text: apiErrorMessage(error) ?? this.#i18n.t('settings.saveFailed'), details: other });
  }

  protected sendTest(): void {
    const webhook = this.selected();
    if (!webhook || this.busy()) return;
    this.busy.set('test');
    this.notice.set(null);
    this.#api.testWebhook(webhook.id).subscribe({
      next: (delivery) => {
        this.busy.set(null);
        if (this.selectedId() === webhook.id) this.log()?.add(delivery);
        this.notice.set({ ok: true, text: this.#i18n.t('webhooks.testQueued') });
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.notice.set({ ok: false, text: apiErrorMessage(e) ?? this.#i18n.t('settings.saveFailed') });
      },
    });
  }

  protected rotate(): void {
    const webhook = this.selected();
    if (!webhook || this.busy()) return;
    this.busy.set('rotate');
    this.notice.set(null);
    this.#api.rotateWebhookSecret(webhook.id).subscribe({
      next: ({ secret, ...updated }) => {
        this.busy.set(null);
        this.webhooks.update((list) => list.map((w) => (w.id === updated.id ? updated : w)));
        this.secret.set({ webhookId: updated.id, value: secret });
        this.notice.set({ ok: true, text: this.#i18n.t('webhooks.rotated') });
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.notice.set({ ok: false, text: apiErrorMessage(e) ?? this.#i18n.t('settings.saveFailed') });
      },
    });
  }

  protected remove(): void {
    const webhook = this.selected();
    if (!webhook || this.busy()) return;
    this.busy.set('delete');
    this.#api.deleteWebhook(webhook.id).subscribe({
      next: () => {
        this.busy.set(null);
        const rest = this.webhooks().filter((w) => w.id !== webhook.id);
        this.webhooks.set(rest);
        if (rest.length) this.select(rest[0]);
        else this.startNew();
        this.notice.set({ ok: true, text: this.#i18n.t('webhooks.deleted', { url: webhook.url }) });
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.notice.set({ ok: false, text: apiErrorMessage(e) ?? this.#i18n.t('settings.saveFailed') });
      },
    });
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }
}

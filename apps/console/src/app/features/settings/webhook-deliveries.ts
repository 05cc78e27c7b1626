import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal } from '@angular/core';
import type { WebhookDeliveryDto, WebhookDeliveryStatus } from '@parley/shared/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages';
import { TPipe } from '../../core/i18n/t.pipe';
import { DeliveryLog } from './webhook-delivery-log';

/** While deliveries are pending, the log looks again this often. */
const PENDING_REFRESH_MS = 5_000;

/** The delivery log of one webhook: what was sent, how the receiver answered, and each payload on demand. */
@Component({
  selector: 'pl-webhook-deliveries',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="st-panel" aria-labelledby="deliveries-title">
      <div class="st-row">
        <h2 id="deliveries-title" class="st-grow">{{ 'webhooks.log.title' | t }}</h2>
        <button type="button" class="pl-button st-small" [attr.aria-busy]="log().loading()" (click)="log().reload()">
          {{ 'webhooks.log.refresh' | t }}
        </button>
      </div>
      @if (log().failed()) {
        <p class="st-error" role="alert">{{ 'webhooks.log.failed' | t }}</p>
      }
      @if (log().error(); as e) {
        <p class="st-error" role="alert">{{ e.key | t }}</p>
      }
      @if (!log().loading() && !log().items().length && !log().failed()) {
        <p class="st-muted">{{ 'webhooks.log.empty' | t }}</p>
      }
      @if (log().items().length) {
        <div class="st-scroll">
          <table class="st-table">
            <caption class="sr-only">{{ 'webhooks.log.title' | t }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ 'webhooks.log.when' | t }}</th>
                <th scope="col">{{ 'webhooks.log.event' | t }}</th>
                <th scope="col">{{ 'webhooks.log.status' | t }}</th>
                <th scope="col">{{ 'webhooks.log.attempts' | t }}</th>
                <th scope="col">{{ 'webhooks.log.response' | t }}</th>
                <th scope="col">{{ 'webhooks.log.duration' | t }}</th>
                <th scope="col">{{ 'webhooks.log.nextAttempt' | t }}</th>
                <th scope="col"><span class="sr-only">{{ 'settings.actions' | t }}</span></th>
              </tr>
            </thead>
            <tbody>
              @for (d of log().items(); track d.id) {
                <tr data-testid="webhook-delivery">
                  <td><time [attr.datetime]="d.createdAt">{{ when(d.createdAt) }}</time></td>
                  <td class="st-code">{{ d.event }}</td>
                  <td>
                    <span class="st-chip" [class.st-chip-off]="d.status !== 'succeeded'" [attr.data-status]="d.status">{{ statusKey(d.status) | t }}</span>
                  </td>
                  <td>{{ d.attempts }}</td>
                  <td>
                    @if (d.lastStatusCode !== null) {
                      <span class="st-code">HTTP {{ d.lastStatusCode }}</span>
                    }
                    @if (d.lastError) {
                      <span class="st-block st-text">{{ d.lastError }}</span>
                    }
                    @if (d.lastStatusCode === null && !d.lastError) {
                      —
                    }
                  </td>
                  <td>{{ d.lastDurationMs !== null ? ('webhooks.log.ms' | t: { ms: d.lastDurationMs }) : '—' }}</td>
                  <td>
                    @if (d.nextAttemptAt; as next) {
                      <time [attr.datetime]="next">{{ when(next) }}</time>
                    } @else {
                      —
                    }
                  </td>
                  <td class="actions">
                    <div class="st-row">
                      <button
                        type="button"
                        class="pl-button st-small"
                        [attr.aria-expanded]="open() === d.id"
                        [attr.aria-controls]="'payload-' + d.id"
                        [attr.aria-label]="'webhooks.log.payloadOf' | t: { event: d.event, when: when(d.createdAt) }"
                        (click)="toggle(d)"
                      >
                        {{ 'webhooks.log.payload' | t }}
                      </button>
                      @if (d.status !== 'pending') {
                        <button
                          type="button"
                          class="pl-button st-small"
                          [attr.aria-disabled]="!log().canRedeliver(d) || null"
                          [attr.aria-label]="'webhooks.log.redeliverOf' | t: { event: d.event, when: when(d.createdAt) }"
                          (click)="log().redeliver(d)"
                        >
                          {{ (log().redelivering().has(d.id) ? 'webhooks.log.redelivering' : 'webhooks.log.redeliver') | t }}
                        </button>
                      }
                    </div>
                  </td>
                </tr>
                @if (open() === d.id) {
                  <tr>
                    <td colspan="8">
                      <pre class="payload st-code" [id]="'payload-' + d.id" tabindex="0" [attr.aria-label]="'webhooks.log.payload' | t">{{ payload(d) }}</pre>
                    </td>
                  </tr>
                }
              }
            </tbody>
          </table>
        </div>
      }
      @if (log().hasMore()) {
        <button type="button" class="pl-button st-small" [attr.aria-busy]="log().loadingMore()" (click)="log().loadMore()">
          {{ (log().loadingMore() ? 'common.loading' : 'webhooks.log.older') | t }}
        </button>
      }
    </section>
  `,
  styles: `
    .payload {
      max-height: 24rem;
      margin: 0;
      padding: 0.75rem;
      overflow: auto;
      border-radius: var(--pl-radius);
      background: var(--pl-bg);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .actions .st-row {
      flex-wrap: nowrap;
    }
    td:first-child {
      white-space: nowrap;
    }
    [data-status='failed'] {
      background: var(--pl-danger-soft);
      color: var(--pl-danger);
    }
  `,
})
export class WebhookDeliveries {
  readonly log = input.required<DeliveryLog>();
  readonly #i18n = inject(I18nService);
  protected readonly open = signal<string | null>(null);
  readonly #format = computed(
    () => new Intl.DateTimeFormat(this.#i18n.locale(), { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }),
  );

  constructor() {
    // Pending deliveries (a test ping, retries) settle on their own: look again until they do.
    let timer: ReturnType<typeof setTimeout> | null = null;
    effect(() => {
      const log = this.log();
      // Reading the items re-arms the timer after every refresh, even when the same ones are still pending.
      const waiting = log.items().length > 0 && log.pending();
      if (timer) clearTimeout(timer);
      timer = waiting ? setTimeout(() => log.refresh(), PENDING_REFRESH_MS) : null;
    });
    inject(DestroyRef).onDestroy(() => timer && clearTimeout(timer));
  }

  protected toggle(delivery: WebhookDeliveryDto): void {
    this.open.update((id) => (id === delivery.id ? null : delivery.id));
  }

  protected payload(delivery: WebhookDeliveryDto): string {
    return JSON.stringify(delivery.payload, null, 2);
  }

  protected when(iso: string): string {
    return this.#format().format(Date.parse(iso));
  }

  protected statusKey(status: WebhookDeliveryStatus): MessageKey {
    return `webhooks.status.${status}`;
  }
}

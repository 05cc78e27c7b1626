import { signal, computed } from '@angular/core';
import type { Page, WebhookDeliveryDto } from '@parley/shared/contracts';
import { Observable, Subscription } from 'rxjs';
import { apiErrorCode } from '../../core/http/api-error';
import type { MessageKey } from '../../core/i18n/messages';

export const DELIVERY_PAGE_SIZE = 20;

export interface DeliveryLogSource {
  page(cursor: string | null, limit: number): Observable<Page<WebhookDeliveryDto>>;
  redeliver(deliveryId: string): Observable<WebhookDeliveryDto>;
}

/**
 * One webhook's delivery log: newest first, a page at a time ("Load older" follows the cursor),
 * refreshed in place (new deliveries on top, changed ones replaced, older pages kept) and
 * redelivery of finished deliveries. Plain signals; one per webhook shown.
 */
export class DeliveryLog {
  readonly #items = signal<readonly WebhookDeliveryDto[]>([]);
  readonly #nextCursor = signal<string | null>(null);
  readonly #loading = signal(false);
  readonly #loadingMore = signal(false);
  readonly #failed = signal(false);
  readonly #redelivering = signal<ReadonlySet<string>>(new Set());
  readonly #error = signal<{ deliveryId: string; key: MessageKey } | null>(null);
  #request: Subscription | null = null;
  #generation = 0;

  readonly items = this.#items.asReadonly();
  readonly hasMore = computed(() => this.#nextCursor() !== null);
  readonly loading = this.#loading.asReadonly();
  readonly loadingMore = this.#loadingMore.asReadonly();
  readonly failed = this.#failed.asReadonly();
  readonly redelivering = this.#redelivering.asReadonly();
  /** The last redelivery the API refused. */
  readonly error = this.#error.asReadonly();
  /** Deliveries still being tried: worth refreshing for. */
  readonly pending = computed(() => this.#items().some((d) => d.status === 'pending'));

  constructor(private readonly source: DeliveryLogSource) {}

  /** The first page, replacing what is shown. */
  reload(): void {
    const generation = ++this.#generation;
    this.#request?.unsubscribe();
    this.#loading.set(true);
    this.#loadingMore.set(false);
    this.#failed.set(false);
    this.#request = this.source.page(null, DELIVERY_PAGE_SIZE).subscribe({
      next: (page) => {
        if (generation !== this.#generation) return;
        this.#items.set(page.items);
        this.#nextCursor.set(page.nextCursor);
        this.#loading.set(false);
      },
      error: () => {
        if (generation !== this.#generation) return;
        this.#loading.set(false);
        this.#failed.set(true);
      },
    });
  }

  /** The next older page, appended. */
  loadMore(): void {
    const cursor = this.#nextCursor();
    if (!cursor || this.#loading() || this.#loadingMore()) return;
    const generation = this.#generation;
    this.#loadingMore.set(true);
    this.source.page(cursor, DELIVERY_PAGE_SIZE).subscribe({
      next: (page) => {
        if (generation !== this.#generation) return;
        const seen = new Set(this.#items().map((d) => d.id));
        this.#items.update((items) => [...items, ...page.items.filter((d) => !seen.has(d.id))]);
        this.#nextCursor.set(page.nextCursor);
        this.#loadingMore.set(false);
      },
      error: () => {
        if (generation !== this.#generation) return;
        this.#loadingMore.set(false);
        this.#failed.set(true);
      },
    });
  }

  /** The newest page merged into what is shown, so older pages stay loaded. */
  refresh(): void {
    if (this.#loading() || this.#loadingMore()) return;
    const generation = this.#generation;
    this.source.page(null, DELIVERY_PAGE_SIZE).subscribe({
      next: (page) => {
        if (generation === this.#generation) this.#items.update((items) => mergeNewest(items, page.items));
      },
      error: () => undefined,
    });
  }

  /** A delivery made elsewhere (the test ping), shown at once. */
  add(delivery: WebhookDeliveryDto): void {
    this.#items.update((items) => mergeNewest(items, [delivery]));
  }

  canRedeliver(delivery: WebhookDeliveryDto): boolean {
    return delivery.status !== 'pending' && !this.#redelivering().has(delivery.id);
  }

  redeliver(delivery: WebhookDeliveryDto): void {
    if (!this.canRedeliver(delivery)) return;
    this.#error.set(null);
    this.#redelivering.update((s) => new Set(s).add(delivery.id));
    const done = () => this.#redelivering.update((s) => new Set([...s].filter((id) => id !== delivery.id)));
    this.source.redeliver(delivery.id).subscribe({
      next: (updated) => {
        done();
        this.#items.update((items) => items.map((d) => (d.id === updated.id ? updated : d)));
      },
      error: (error: unknown) => {
        done();
        const conflict = apiErrorCode(error) === 'conflict';
        this.#error.set({ deliveryId: delivery.id, key: conflict ? 'webhooks.log.stillDelivering' : 'webhooks.log.redeliverFailed' });
        if (conflict) this.refresh();
      },
    });
  }

  dispose(): void {
    this.#generation++;
    this.#request?.unsubscribe();
  }
}

/** Newer deliveries first: replaced where shown, new ones on top in the API's order (created, then id, descending). */
export function mergeNewest(items: readonly WebhookDeliveryDto[], newest: readonly WebhookDeliveryDto[]): WebhookDeliveryDto[] {
  const fresh = new Map(newest.map((d) => [d.id, d]));
  const kept = items.map((d) => fresh.get(d.id) ?? d);
  const known = new Set(items.map((d) => d.id));
  const added = newest.filter((d) => !known.has(d.id));
  return [...added, ...kept].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

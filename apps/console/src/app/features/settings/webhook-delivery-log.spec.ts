import { HttpErrorResponse } from '@angular/common/http';
import type { Page, WebhookDeliveryDto } from '@parley/shared/contracts';
import { Observable, Subject, of, throwError } from 'rxjs';
import { DELIVERY_PAGE_SIZE, DeliveryLog, DeliveryLogSource } from './webhook-delivery-log';

let n = 0;
function aDelivery(overrides: Partial<WebhookDeliveryDto> = {}): WebhookDeliveryDto {
  n++;
  return {
    id: `d-${n}`,
    webhookId: 'w-1',
    event: 'message.created',
    status: 'succeeded',
    attempts: 1,
    lastStatusCode: 200,
    lastError: null,
    lastDurationMs: 42,
    nextAttemptAt: null,
    deliveredAt: '2026-11-21T10:00:00.000Z',
    payload: { id: `d-${n}`, event: 'message.created', createdAt: '2026-11-21T10:00:00.000Z', data: {} as never },
    createdAt: `2026-11-21T10:${String(59 - (n % 60)).padStart(2, '0')}:00.000Z`,
    updatedAt: '2026-11-21T10:00:00.000Z',
    ...overrides,
  };
}

/** Answers each page request with the next queued subject, so a test decides when and what. */
class FakeSource implements DeliveryLogSource {
  readonly pages: { cursor: string | null; limit: number; answer: Subject<Page<WebhookDeliveryDto>> }[] = [];
  redeliverAnswer: () => Observable<WebhookDeliveryDto> = () => of(aDelivery());
  readonly redelivered: string[] = [];

  page(cursor: string | null, limit: number): Observable<Page<WebhookDeliveryDto>> {
    const answer = new Subject<Page<WebhookDeliveryDto>>();
    this.pages.push({ cursor, limit, answer });
    return answer;
  }

  redeliver(id: string): Observable<WebhookDeliveryDto> {
    this.redelivered.push(id);
    return this.redeliverAnswer();
  }

  answer(index: number, items: WebhookDeliveryDto[], nextCursor: string | null = null): void {
    this.pages[index].answer.next({ items, nextCursor });
    this.pages[index].answer.complete();
  }
}

describe('DeliveryLog', () => {
  let source: FakeSource;
  let log: DeliveryLog;
  const ids = () => log.items().map((d) => d.id);

  beforeEach(() => {
    source = new FakeSource();
    log = new DeliveryLog(source);
  });

  it('pages back through the log with the cursor, a page at a time, and stops at the end', () => {
    const [a, b, c] = [aDelivery(), aDelivery(), aDelivery()];
    log.reload();
    expect(source.pages[0]).toMatchObject({ cursor: null, limit: DELIVERY_PAGE_SIZE });
    source.answer(0, [a, b], 'cursor-1');
    expect(log.hasMore()).toBe(true);

    log.loadMore();
    log.loadMore();
    expect(source.pages).toHaveLength(2);
    expect(source.pages[1].cursor).toBe('cursor-1');
    source.answer(1, [b, c]);

    expect(ids()).toEqual([a.id, b.id, c.id]);
    expect(log.hasMore()).toBe(false);
    log.loadMore();
    expect(source.pages).toHaveLength(2);
  });

  it('ignores a slower answer for a page that a reload replaced', () => {
    log.reload();
    log.reload();
    source.answer(1, [aDelivery({ id: 'fresh' })]);
    source.pages[0].answer.next({ items: [aDelivery({ id: 'stale' })], nextCursor: 'x' });

    expect(ids()).toEqual(['fresh']);
    expect(log.hasMore()).toBe(false);
  });

  it('refreshes in place: new deliveries on top, changed ones replaced, older pages kept', () => {
    const older = aDelivery({ createdAt: '2026-11-21T09:00:00.000Z' });
    const ping = aDelivery({ status: 'pending', event: 'ping', createdAt: '2026-11-21T10:00:00.000Z' });
    log.reload();
    source.answer(0, [ping, older]);
    expect(log.pending()).toBe(true);

    log.refresh();
    const newest = aDelivery({ createdAt: '2026-11-21T10:05:00.000Z' });
    source.answer(1, [newest, { ...ping, status: 'succeeded', lastStatusCode: 204 }]);

    expect(ids()).toEqual([newest.id, ping.id, older.id]);
    expect(log.items()[1].lastStatusCode).toBe(204);
    expect(log.pending()).toBe(false);
  });

  it('shows a test ping at once', () => {
    const first = aDelivery({ createdAt: '2026-11-21T09:00:00.000Z' });
    log.reload();
    source.answer(0, [first]);

    log.add(aDelivery({ id: 'ping-1', event: 'ping', status: 'pending', createdAt: '2026-11-21T11:00:00.000Z' }));

    expect(ids()).toEqual(['ping-1', first.id]);
  });

  it('redelivers a finished delivery and shows it queued again, but not one still pending', () => {
    const failed = aDelivery({ status: 'failed', lastStatusCode: 500 });
    const pending = aDelivery({ status: 'pending' });
    log.reload();
    source.answer(0, [failed, pending]);
    source.redeliverAnswer = () => of({ ...failed, status: 'pending', nextAttemptAt: null });

    log.redeliver(pending);
    log.redeliver(failed);

    expect(source.redelivered).toEqual([failed.id]);
    expect(log.items()[0].status).toBe('pending');
    expect(log.redelivering().size).toBe(0);
  });

  it('explains a redelivery refused because the delivery is still being tried, and refreshes', () => {
    const failed = aDelivery({ status: 'failed' });
    log.reload();
    source.answer(0, [failed]);
    source.redeliverAnswer = () =>
      throwError(() => new HttpErrorResponse({ status: 409, error: { statusCode: 409, code: 'conflict', message: 'still being delivered' } }));

    log.redeliver(failed);

    expect(log.error()).toEqual({ deliveryId: failed.id, key: 'webhooks.log.stillDelivering' });
    expect(source.pages).toHaveLength(2);
  });
});

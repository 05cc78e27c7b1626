import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { WEBHOOK_HEADERS, type WebhookDeliveryEvent, type WebhookPayload } from '@parley/shared/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditService } from '../../core/audit/audit.service';
import { AppConfig } from '../../core/config/app-config';
import { JobsService, type JobContext } from '../../core/jobs/jobs.service';
import { WebhookDelivery } from './webhook-delivery.entity';
import { signWebhook } from './webhook-signature';
import { deliveryUrlProblem } from './webhook-url';
import { Webhook } from './webhook.entity';

export const WEBHOOK_QUEUE = 'webhook-deliver';
/** 1 attempt + 8 retries; with the default 30 s first delay, about 2 to 4 hours in all. */
export const WEBHOOK_RETRY_LIMIT = 8;
export const WEBHOOK_TIMEOUT_MS = 10_000;
export const WEBHOOK_USER_AGENT = 'Parley-Webhooks/1';
/** Finished deliveries are kept this long in the log. */
const RETENTION_DAYS = 30;
const PRUNE_EVERY_MS = 6 * 3600_000;
const ERROR_MAX = 500;

interface DeliveryJob {
  deliveryId: string;
}

interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number | null;
  /** Retrying cannot help (the URL is refused, or the receiver said 410 Gone). */
  final?: boolean;
  gone?: boolean;
}

/**
 * Sends webhook deliveries through a durable queue (pg-boss on Postgres): each delivery row gets a job;
 * a failed attempt is recorded on the row and thrown, so the queue retries it with exponential backoff;
 * after the last retry the row is `failed`. The request path only inserts rows and enqueues.
 */
@Injectable()
export class WebhookSender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private queue?: Promise<void>;
  private pruneTimer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    @InjectRepository(Webhook) private readonly webhooks: Repository<Webhook>,
    @InjectRepository(WebhookDelivery) private readonly deliveries: Repository<WebhookDelivery>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureQueue();
    const concurrency = this.config.env.WEBHOOK_WORKER_CONCURRENCY;
    if (concurrency === 0) return;
    await this.jobs.work<DeliveryJob>(WEBHOOK_QUEUE, concurrency, (job) => this.run(job));
    void this.sweep().catch((e: Error) => this.logger.warn(`queueing pending deliveries failed: ${e.message}`));
    this.pruneTimer = setInterval(() => void this.prune().catch((e: Error) => this.logger.warn(`pruning deliveries failed: ${e.message}`)), PRUNE_EVERY_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.pruneTimer);
  }

  private ensureQueue(): Promise<void> {
    this.queue ??= this.jobs.createQueue(WEBHOOK_QUEUE, {
      retryLimit: WEBHOOK_RETRY_LIMIT,
      retryDelaySeconds: this.config.env.WEBHOOK_RETRY_DELAY_SECONDS,
      expireInSeconds: Math.ceil(WEBHOOK_TIMEOUT_MS / 1000) + 50,
    });
    return this.queue;
  }

  /** Stores one pending delivery per webhook (one statement) and queues them. Returns the new rows. */
  async schedule(webhookIds: string[], event: WebhookDeliveryEvent, data: unknown): Promise<WebhookDelivery[]> {
    if (webhookIds.length === 0) return [];
    const createdAt = new Date().toISOString();
    const rows = webhookIds.map((webhookId) => {
      const id = randomUUID();
      return this.deliveries.create({ id, webhookId, event, payload: { id, event, createdAt, data } as WebhookPayload, status: 'pending', attempts: 0 });
    });
    // jsonb `data` is any JSON; TypeORM's deep-partial type cannot express `unknown`.
    await this.deliveries.insert(rows as QueryDeepPartialEntity<WebhookDelivery>[]);
    for (const row of rows) await this.enqueue(row.id);
    return rows;
  }

  /** Queues a stored delivery; when the queue is unreachable the next boot's sweep queues it. */
  async enqueue(deliveryId: string): Promise<void> {
    try {
      await this.ensureQueue();
      await this.jobs.send<DeliveryJob>(WEBHOOK_QUEUE, { deliveryId }, { singletonKey: deliveryId });
    } catch (e) {
      this.logger.warn(`could not queue webhook delivery ${deliveryId}: ${(e as Error).message} (the next start will)`);
    }
  }

  /** Queues pending deliveries without a waiting or running job (the queue was unreachable when they were stored). */
  async sweep(): Promise<number> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT d.id FROM webhook_deliveries d
        WHERE d.status = 'pending'
          AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = $1 AND j.singleton_key = d.id::text AND j.state IN ('created', 'retry', 'active'))
        ORDER BY d.created_at LIMIT 5000`,
      [WEBHOOK_QUEUE],
    );
    for (const r of rows) await this.enqueue(r.id);
    if (rows.length) this.logger.log(`queued ${rows.length} pending webhook deliveries`);
    return rows.length;
  }

  async prune(): Promise<void> {
    await this.db.query(`DELETE FROM webhook_deliveries WHERE status <> 'pending' AND created_at < now() - make_interval(days => $1)`, [RETENTION_DAYS]);
  }

  async run(job: JobContext<DeliveryJob>): Promise<void> {
    const delivery = await this.deliveries.findOne({ where: { id: job.data.deliveryId } });
    // Gone with its webhook, or already finished by a duplicate job.
    if (!delivery || delivery.status !== 'pending') return;
    const webhook = await this.webhooks.findOne({ where: { id: delivery.webhookId } });
    if (!webhook) return;
    if (!webhook.enabled && delivery.event !== 'ping') {
      await this.record(delivery.id, 'failed', { ok: false, statusCode: null, error: 'not sent: the webhook is disabled', durationMs: null }, false);
      return;
    }

    const result = await this.attempt(webhook, delivery);
    if (result.ok) {
      await this.record(delivery.id, 'succeeded', result, true);
      return;
    }
    const last = result.final || job.retryCount >= job.retryLimit;
    const nextAttemptAt = last ? null : new Date(Date.now() + this.config.env.WEBHOOK_RETRY_DELAY_SECONDS * 1000 * 2 ** job.retryCount);
    await this.record(delivery.id, last ? 'failed' : 'pending', result, true, nextAttemptAt);
    if (result.gone) await this.disableGone(webhook);
    if (!last) throw new Error(`webhook delivery ${delivery.id} failed: ${result.error}`);
  }

  private async record(id: string, status: WebhookDelivery['status'], r: AttemptResult, attempted: boolean, nextAttemptAt: Date | null = null): Promise<void> {
    await this.deliveries.update(id, {
      status,
      ...(attempted && { attempts: () => 'attempts + 1', lastStatusCode: r.statusCode, lastDurationMs: r.durationMs }),
      lastError: r.error,
      nextAttemptAt,
      ...(status === 'succeeded' && { deliveredAt: new Date() }),
    });
  }

  /** A receiver that answers 410 Gone asks us to stop: the webhook is disabled until an admin enables it again. */
  private async disableGone(webhook: Webhook): Promise<void> {
    const reason = 'the receiver answered 410 Gone';
    const { affected } = await this.webhooks.update({ id: webhook.id, enabled: true }, { enabled: false, disabledReason: reason });
    if (affected) {
      await this.audit.record({ actor: { type: 'system', id: null }, action: 'webhook.disabled', entityType: 'webhook', entityId: webhook.id, changes: { enabled: false, disabledReason: reason } });
      this.logger.warn(`webhook ${webhook.id} disabled: ${reason}`);
    }
  }

  /** One signed POST. Never throws: every outcome is a result to record. */
  private async attempt(webhook: Webhook, delivery: WebhookDelivery): Promise<AttemptResult> {
    const allowPrivate = !this.config.isProduction || this.config.env.WEBHOOK_ALLOW_PRIVATE_URLS;
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const problem = await deliveryUrlProblem(webhook.url, allowPrivate);
      if (problem) return { ok: false, statusCode: null, error: `not sent: ${problem}`, durationMs: null, final: true };
      const body = JSON.stringify(delivery.payload);
      const timestamp = Math.floor(Date.now() / 1000);
      const res = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': WEBHOOK_USER_AGENT,
          [WEBHOOK_HEADERS.event]: delivery.event,
          [WEBHOOK_HEADERS.delivery]: delivery.id,
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: signWebhook(webhook.secret, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      if (res.status >= 200 && res.status < 300) {
        await res.body?.cancel().catch(() => undefined);
        return { ok: true, statusCode: res.status, error: null, durationMs: elapsed() };
      }
      const detail = res.status >= 300 && res.status < 400 ? 'redirects are not followed' : await snippet(res);
      return { ok: false, statusCode: res.status, error: truncate(`HTTP ${res.status}${detail ? `: ${detail}` : ''}`), durationMs: elapsed(), final: res.status === 410, gone: res.status === 410 };
    } catch (e) {
      return { ok: false, statusCode: null, error: truncate(describe(e)), durationMs: elapsed() };
    }
  }
}

const truncate = (s: string) => (s.length > ERROR_MAX ? `${s.slice(0, ERROR_MAX - 1)}…` : s);

/** The start of the receiver's answer, for the log; the rest is discarded unread. */
async function snippet(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  try {
    const { value } = await reader.read();
    return value ? new TextDecoder().decode(value.slice(0, ERROR_MAX)).replace(/\s+/g, ' ').trim() : '';
  } catch {
    return '';
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function describe(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError') return `timed out after ${WEBHOOK_TIMEOUT_MS / 1000} s`;
  const cause = err?.cause?.code ?? err?.cause?.message;
  return cause ? `${err.message}: ${cause}` : String(err?.message ?? e);
}

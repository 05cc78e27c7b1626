import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { WEBHOOK_PING_EVENT, type Page, type WebhookDeliveryDto, type WebhookDto, type WebhookWithSecretDto } from '@parley/shared/contracts';
import { LIMITS } from '@parley/shared/domain';
import { DataSource, In, Not, Repository } from 'typeorm';
import { AuditService, type Actor } from '../../core/audit/audit.service';
import { AppConfig } from '../../core/config/app-config';
import { decodeCursor, encodeCursor } from '../../core/database/cursor';
import { AppException, NotFoundException } from '../../core/errors/app.exception';
import type { CreateWebhookDto, UpdateWebhookDto, WebhookDeliveryListQueryDto } from './webhook.dto';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookSender } from './webhook-sender';
import { generateWebhookSecret } from './webhook-signature';
import { webhookUrlProblem } from './webhook-url';
import { Webhook } from './webhook.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

@Injectable()
export class WebhooksService {
  constructor(
    @InjectRepository(Webhook) private readonly webhooks: Repository<Webhook>,
    @InjectRepository(WebhookDelivery) private readonly deliveries: Repository<WebhookDelivery>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly sender: WebhookSender,
    private readonly config: AppConfig,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  private toDto = (w: Webhook): WebhookDto => ({
    id: w.id,
    url: w.url,
    events: w.events,
    description: w.description,
    enabled: w.enabled,
    includePrivate: w.includePrivate,
    disabledReason: w.disabledReason,
    secretHint: `…${w.secret.slice(-4)}`,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  });

  private withSecret = (w: Webhook): WebhookWithSecretDto => ({ ...this.toDto(w), secret: w.secret });

  private toDeliveryDto = (d: WebhookDelivery): WebhookDeliveryDto => ({
    id: d.id,
    webhookId: d.webhookId,
    event: d.event,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    lastDurationMs: d.lastDurationMs,
    nextAttemptAt: iso(d.nextAttemptAt),
    deliveredAt: iso(d.deliveredAt),
    payload: d.payload,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  });

  /** Secrets stay out of lists; the detail (admins only) shows them. */
  async list(): Promise<WebhookDto[]> {
    return (await this.webhooks.find({ order: { createdAt: 'ASC', id: 'ASC' } })).map(this.toDto);
  }

  async get(id: string): Promise<WebhookWithSecretDto> {
    return this.withSecret(await this.find(id));
  }

  async create(dto: CreateWebhookDto, actor: Actor): Promise<WebhookWithSecretDto> {
    this.assertUrl(dto.url);
    return this.changed(this.db.transaction(async (m) => {
      const webhook = await m.save(
        m.create(Webhook, {
          url: dto.url,
          events: dto.events,
          description: dto.description ?? null,
          enabled: dto.enabled ?? true,
          includePrivate: dto.includePrivate ?? false,
          secret: generateWebhookSecret(),
        }),
      );
      await this.audit.record({ actor, action: 'webhook.created', entityType: 'webhook', entityId: webhook.id, changes: { url: webhook.url, events: webhook.events, enabled: webhook.enabled, includePrivate: webhook.includePrivate } }, m);
      return this.withSecret(webhook);
    }));
  }

  async update(id: string, dto: UpdateWebhookDto, actor: Actor): Promise<WebhookDto> {
    const webhook = await this.find(id);
    if (dto.url !== undefined) this.assertUrl(dto.url);
    const changes: Partial<Webhook> = { ...dto };
    // Enabled again by an admin (or disabled by one): the earlier automatic reason no longer applies.
    if (dto.enabled !== undefined) changes.disabledReason = null;
    if (Object.keys(changes).length === 0) return this.toDto(webhook);
    return this.changed(this.db.transaction(async (m) => {
      await m.update(Webhook, id, changes);
      await this.audit.record({ actor, action: 'webhook.updated', entityType: 'webhook', entityId: id, changes: { ...dto } }, m);
      return this.toDto(await m.findOneByOrFail(Webhook, { id: webhook.id }));
    }));
  }

  /** Subscriptions changed: this process's dispatcher reloads them at once (others within seconds). */
  private changed<T>(work: Promise<T>): Promise<T> {
    return work.finally(() => this.dispatcher.invalidate());
  }

  async remove(id: string, actor: Actor): Promise<void> {
    const deleted = await this.changed(this.audit.deleteAudited(Webhook, 'webhook', id, actor));
    if (!deleted) throw new NotFoundException('Webhook', id);
  }

  /** A new secret, effective for the next attempt of every delivery; the old one stops working at once. */
  async rotateSecret(id: string, actor: Actor): Promise<WebhookWithSecretDto> {
    await this.find(id);
    return this.db.transaction(async (m) => {
      await m.update(Webhook, id, { secret: generateWebhookSecret() });
      await this.audit.record({ actor, action: 'webhook.secret_rotated', entityType: 'webhook', entityId: id }, m);
      return this.withSecret(await m.findOneByOrFail(Webhook, { id }));
    });
  }

  /** The delivery log, newest first (keyset over created_at, id). */
  async listDeliveries(id: string, query: WebhookDeliveryListQueryDto): Promise<Page<WebhookDeliveryDto>> {
    await this.find(id);
    const limit = query.limit ?? LIMITS.pageSizeDefault;
    const qb = this.deliveries
      .createQueryBuilder('d')
      .where('d.webhookId = :id', { id })
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(limit + 1);
    if (query.cursor) {
      const k = decodeCursor(query.cursor);
      qb.andWhere('(d.createdAt, d.id) < (:at, :cid)', { at: k.at, cid: k.id });
    }
    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(this.toDeliveryDto), nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
  }

  /** Sends a finished delivery again: same id and body (receivers dedupe by id), a fresh timestamp and signature. */
  async redeliver(id: string, deliveryId: string, actor: Actor): Promise<WebhookDeliveryDto> {
    await this.find(id);
    const delivery = await this.deliveries.findOne({ where: { id: deliveryId, webhookId: id } });
    if (!delivery) throw new NotFoundException('Webhook delivery', deliveryId);
    // Conditional, so two clicks (or a click during a retry) never queue the same delivery twice.
    const { affected } = await this.deliveries.update({ id: deliveryId, status: Not('pending' as const) }, { status: 'pending', nextAttemptAt: null });
    if (!affected) throw new AppException('conflict', `Delivery ${deliveryId} is still being delivered`);
    await this.audit.record({ actor, action: 'webhook.redelivery_requested', entityType: 'webhook', entityId: id, changes: { deliveryId, event: delivery.event } });
    await this.sender.enqueue(deliveryId);
    return this.toDeliveryDto(await this.deliveries.findOneByOrFail({ id: deliveryId }));
  }

  /** Queues a `ping` delivery (also for a disabled webhook, to try a receiver before enabling it). */
  async test(id: string): Promise<WebhookDeliveryDto> {
    const webhook = await this.find(id);
    const ids = (await this.sender.schedule([webhook.id], WEBHOOK_PING_EVENT, { webhookId: webhook.id, message: 'Hello from Parley' })).map((d) => d.id);
    return this.toDeliveryDto(await this.deliveries.findOneByOrFail({ id: In(ids) }));
  }

  private async find(id: string): Promise<Webhook> {
    const webhook = await this.webhooks.findOne({ where: { id } });
    if (!webhook) throw new NotFoundException('Webhook', id);
    return webhook;
  }

  private assertUrl(url: string): void {
    const allowPrivate = !this.config.isProduction || this.config.env.WEBHOOK_ALLOW_PRIVATE_URLS;
    const problem = webhookUrlProblem(url, allowPrivate);
    if (problem) throw new AppException('validation_failed', problem, [{ field: 'url', errors: [problem] }]);
  }
}

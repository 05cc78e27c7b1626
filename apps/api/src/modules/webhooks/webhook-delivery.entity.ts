import { WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryEvent, type WebhookDeliveryStatus, type WebhookPayload } from '@parley/shared/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One event for one webhook: the body to send and how sending it went. Retries and redeliveries reuse the row (and its id). */
@Entity('webhook_deliveries')
@Index('ix_webhook_deliveries_log', ['webhookId', 'createdAt', 'id'])
@Index('ix_webhook_deliveries_pending', ['createdAt'], { where: `status = 'pending'` })
export class WebhookDelivery {
  /** Also the payload's `id` and the `x-parley-delivery` header. */
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') webhookId: string;
  @Column({ type: 'varchar', length: 60 }) event: WebhookDeliveryEvent;
  @Column({ type: 'jsonb' }) payload: WebhookPayload;
  @Column({ type: 'enum', enum: WEBHOOK_DELIVERY_STATUSES, enumName: 'webhook_delivery_status', default: 'pending' }) status: WebhookDeliveryStatus;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ type: 'int', nullable: true }) lastStatusCode: number | null;
  @Column({ type: 'text', nullable: true }) lastError: string | null;
  @Column({ type: 'int', nullable: true }) lastDurationMs: number | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) nextAttemptAt: Date | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) deliveredAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}

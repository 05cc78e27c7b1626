import type { WebhookEvent } from '@parley/shared/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An admin-configured receiver of signed event deliveries. */
@Entity('webhooks')
export class Webhook {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 2048 }) url: string;
  @Column({ type: 'text', array: true }) events: WebhookEvent[];
  @Column({ type: 'text', nullable: true }) description: string | null;
  /** Kept readable: every delivery is signed with it. */
  @Column({ type: 'varchar', length: 100 }) secret: string;
  @Column({ default: true }) enabled: boolean;
  @Column({ default: false }) includePrivate: boolean;
  @Column({ type: 'text', nullable: true }) disabledReason: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}

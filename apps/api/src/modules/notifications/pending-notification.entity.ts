import type { NotificationAlertType } from '@parley/shared/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An alert waiting for its recipient's next email (the first of a quiet period, or the digest at the end of the window). */
@Entity('pending_notifications')
@Index('ix_pending_notifications_agent', ['agentId', 'createdAt'])
export class PendingNotification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') agentId: string;
  @Column({ type: 'varchar', length: 40 }) alertType: NotificationAlertType;
  @Column({ type: 'uuid', nullable: true }) conversationId: string | null;
  /** Written by Parley from ids and admin-set names; never raw customer text. */
  @Column({ type: 'varchar', length: 300 }) title: string;
  @Column({ type: 'varchar', length: 2048 }) url: string;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An agent's alert mail rhythm. `flushAt` set = a send job is scheduled for then, so alerts arriving
 * meanwhile only add pending rows; the job clears it.
 */
@Entity('notification_mail_windows')
export class NotificationMailWindow {
  @PrimaryColumn('uuid') agentId: string;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) lastSentAt: Date | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) flushAt: Date | null;
}

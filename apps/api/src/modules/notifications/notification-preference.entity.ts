import type { NotificationAlertType } from '@parley/shared/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An agent's choices; only the types the agent changed are stored, the rest follow the defaults in contracts. */
@Entity('notification_preferences')
export class NotificationPreference {
  @PrimaryColumn('uuid') agentId: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) email: Partial<Record<NotificationAlertType, boolean>>;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}

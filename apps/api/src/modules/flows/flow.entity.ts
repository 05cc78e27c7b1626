import type { FlowDefinition } from '@parley/shared/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An inbox's button scenario (one per inbox); the widget shows it while `enabled`. */
@Entity('flows')
export class Flow {
  @PrimaryColumn('uuid') inboxId: string;
  @Column({ default: true }) enabled: boolean;
  /** Checked by `validateFlowDefinition` (shared/domain) before every save. */
  @Column({ type: 'jsonb' }) definition: FlowDefinition;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
  /** The admin who saved it last; null for the default. */
  @Column({ type: 'uuid', nullable: true }) updatedBy: string | null;
}

import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A conversation whose first-response deadline was announced (at most once, across processes). */
@Entity('sla_warnings')
export class SlaWarning {
  @PrimaryColumn('uuid') conversationId: string;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}

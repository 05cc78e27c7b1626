import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what to which record, when. Written in the same transaction as the change. */
@Entity('audit_logs')
@Index('ix_audit_logs_entity', ['entityType', 'entityId', 'createdAt'])
export class AuditLog {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ length: 20 }) actorType: 'agent' | 'contact' | 'system';
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ length: 80 }) action: string;
  @Column({ length: 40 }) entityType: string;
  @Column('uuid') entityId: string;
  @Column({ type: 'jsonb', nullable: true }) changes: Record<string, unknown> | null;
  @Index('ix_audit_logs_created_at') @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TriageEntitiesDto } from '@parley/shared/contracts';

/** The AI's reading of one incoming message, kept for review; an agent may correct the category. */
@Entity('triage_results')
@Index('ix_triage_results_conversation', ['conversationId', 'createdAt'])
@Index('ix_triage_results_category', ['category', 'createdAt'])
export class TriageResult {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_triage_results_message', { unique: true }) @Column('uuid') messageId: string;
  @Column('uuid') conversationId: string;
  @Column({ type: 'varchar', length: 20 }) status: 'completed' | 'failed';
  @Column({ type: 'varchar', length: 40, nullable: true }) category: string | null;
  @Column({ type: 'real', nullable: true }) confidence: number | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) sentiment: 'negative' | 'neutral' | 'positive' | null;
  @Column({ default: false }) urgent: boolean;
  @Column({ type: 'varchar', length: 8, nullable: true }) language: 'ko' | 'en' | 'mixed' | null;
  @Column({ type: 'jsonb', nullable: true }) entities: TriageEntitiesDto | null;
  @Column({ type: 'jsonb', nullable: true }) scores: Record<string, number> | null;
  /** `flow`: the visitor's flow choice decided the category (the model was not very sure of another). */
  @Column({ type: 'varchar', length: 20, nullable: true }) signal: 'flow' | null;
  @Column({ default: false }) injectionSuspected: boolean;
  @Column({ type: 'varchar', length: 40, nullable: true }) correctedCategory: string | null;
  @Column({ type: 'uuid', nullable: true }) correctedById: string | null;
  @Column({ type: 'timestamptz', nullable: true }) correctedAt: Date | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ default: 1 }) attempts: number;
  @Column({ type: 'varchar', length: 20, nullable: true }) provider: 'openai' | 'offline' | null;
  @Column({ type: 'varchar', length: 160, nullable: true }) model: string | null;
  @Column({ type: 'varchar', length: 80, nullable: true }) promptVersion: string | null;
  @Column({ type: 'int', nullable: true }) latencyMs: number | null;
  @Column({ type: 'text', nullable: true }) fallbackError: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A labelled message the offline model learns from: an agent's correction or a new category's seed. */
@Entity('training_examples')
export class TrainingExample {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') text: string;
  @Column({ type: 'varchar', length: 40 }) category: string;
  @Column({ type: 'varchar', length: 20 }) source: 'correction' | 'category_seed';
  /** The corrected message; a second correction of it replaces the first. */
  @Index('uq_training_examples_message', { unique: true, where: 'message_id IS NOT NULL' }) @Column({ type: 'uuid', nullable: true }) messageId: string | null;
  @Column({ type: 'uuid', nullable: true }) createdById: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

import { CATEGORY_POLICIES, type CategoryPolicy } from '@parley/shared/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A triage category of this workspace: the model's label (`key`), its display name and its reply policy. */
@Entity('ai_categories')
export class AiCategory {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 40, unique: true }) key: string;
  @Column({ type: 'varchar', length: 80 }) label: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'enum', enum: CATEGORY_POLICIES, enumName: 'category_policy', default: 'draft' }) policy: CategoryPolicy;
  @Column({ type: 'real', default: 0.85 }) autoSendThreshold: number;
  @Column({ default: 0 }) position: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

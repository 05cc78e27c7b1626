import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('canned_responses')
export class CannedResponse {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_canned_responses_short_code', { unique: true }) @Column({ length: 60 }) shortCode: string;
  @Column('text') content: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

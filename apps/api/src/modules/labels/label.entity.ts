import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('labels')
export class Label {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_labels_name', { unique: true }) @Column({ length: 60 }) name: string;
  @Column({ length: 7, default: '#6b7280' }) color: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

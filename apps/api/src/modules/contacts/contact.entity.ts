import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('contacts')
export class Contact {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) name: string | null;
  @Column({ type: 'varchar', length: 320, nullable: true }) email: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) phone: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) company: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) locale: string | null;
  /** Set from a follow-up e-mail's unsubscribe link: no more follow-ups to this contact. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) unsubscribedAt: Date | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) customAttributes: Record<string, string | number | boolean | null>;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Index('ix_contacts_updated_at') @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}

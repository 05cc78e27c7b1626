import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Inbox } from '../inboxes/inbox.entity';
import { Contact } from './contact.entity';

/** A contact's identity in one inbox: the widget visitor id or a verified identifier. */
@Entity('contact_inboxes')
@Index('uq_contact_inboxes_source', ['inboxId', 'sourceId'], { unique: true })
export class ContactInbox {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Index('ix_contact_inboxes_contact') @Column('uuid') contactId: string;
  @ManyToOne(() => Contact, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'contact_id' }) contact?: Contact;

  @Column('uuid') inboxId: string;
  @ManyToOne(() => Inbox, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'inbox_id' }) inbox?: Inbox;

  @Column({ length: 255 }) sourceId: string;
  @Column({ default: false }) hmacVerified: boolean;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

import type { ConversationFlowState } from '@parley/shared/contracts';
import { CONVERSATION_PRIORITIES, CONVERSATION_STATUSES, type ConversationPriority, type ConversationStatus } from '@parley/shared/domain';
import { Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Agent } from '../agents/agent.entity';
import { Contact } from '../contacts/contact.entity';
import { ContactInbox } from '../contacts/contact-inbox.entity';
import { Inbox } from '../inboxes/inbox.entity';
import { Label } from '../labels/label.entity';
import { Team } from '../teams/team.entity';

/**
 * The unit of work. Lists are keyset-paginated on (last_activity_at, id) descending; each list
 * filter the console offers has an index that starts with its equality column.
 */
@Entity('conversations')
@Index('ix_conversations_activity', ['lastActivityAt', 'id'])
@Index('ix_conversations_status_activity', ['status', 'lastActivityAt', 'id'])
@Index('ix_conversations_inbox_activity', ['inboxId', 'lastActivityAt', 'id'])
@Index('ix_conversations_assignee_activity', ['assigneeId', 'lastActivityAt', 'id'])
@Index('ix_conversations_priority_activity', ['priority', 'lastActivityAt', 'id'])
@Index('ix_conversations_contact', ['contactId', 'lastActivityAt'])
@Index('ix_conversations_contact_inbox_activity', ['contactInboxId', 'lastActivityAt'])
export class Conversation {
  @PrimaryGeneratedColumn('uuid') id: string;

  /** Human number shown as #1042. */
  @Index('uq_conversations_display_id', { unique: true }) @Column() @Generated('increment') displayId: number;

  @Column({ type: 'enum', enum: CONVERSATION_STATUSES, enumName: 'conversation_status', default: 'open' })
  status: ConversationStatus;

  @Column({ type: 'enum', enum: CONVERSATION_PRIORITIES, enumName: 'conversation_priority', default: 'medium' })
  priority: ConversationPriority;

  @Column('uuid') inboxId: string;
  @ManyToOne(() => Inbox, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'inbox_id' }) inbox?: Inbox;

  @Column('uuid') contactId: string;
  @ManyToOne(() => Contact, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'contact_id' }) contact?: Contact;

  @Column('uuid') contactInboxId: string;
  @ManyToOne(() => ContactInbox, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'contact_inbox_id' }) contactInbox?: ContactInbox;

  @Column({ type: 'uuid', nullable: true }) assigneeId: string | null;
  @ManyToOne(() => Agent, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'assignee_id' }) assignee?: Agent | null;

  @Column({ type: 'uuid', nullable: true }) teamId: string | null;
  @ManyToOne(() => Team, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'team_id' }) team?: Team | null;

  @ManyToMany(() => Label)
  @JoinTable({ name: 'conversation_labels', joinColumn: { name: 'conversation_id' }, inverseJoinColumn: { name: 'label_id' } })
  labels?: Label[];

  /** Highest message seq allocated; the next message takes lastSeq + 1 under a row lock. */
  /** Latest triage category (an agent's correction wins); filters the console list. */
  @Column({ type: 'varchar', length: 40, nullable: true }) category: string | null;

  /** When the after-hours auto-reply last answered here (at most one per closed period). */
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) autoRepliedAt: Date | null;

  @Column({ default: 0 }) lastSeq: number;

  @Column({ type: 'varchar', length: 200, nullable: true }) lastMessagePreview: string | null;

  /** Millisecond precision so the keyset cursor round-trips through JavaScript dates exactly. */
  @Column({ type: 'timestamptz', precision: 3 }) lastActivityAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true }) firstResponseDueAt: Date | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) firstRespondedAt: Date | null;

  @Column({ default: 0 }) agentUnreadCount: number;
  /** Read receipts: the highest seq each side has seen. */
  @Column({ default: 0 }) contactLastReadSeq: number;
  @Column({ default: 0 }) agentLastReadSeq: number;
  @Column({ default: 0 }) contactUnreadCount: number;

  /** Flow buttons the visitor clicked (null when they only typed); triage reads `category`. */
  @Column({ type: 'jsonb', nullable: true }) flow: ConversationFlowState | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}

import type { BusinessHours } from '@parley/shared/contracts';
import { INBOX_CHANNELS, type InboxChannel } from '@parley/shared/domain';
import { Column, CreateDateColumn, Entity, Index, JoinTable, ManyToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Agent } from '../agents/agent.entity';

@Entity('inboxes')
export class Inbox {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ length: 200 }) name: string;
  @Column({ type: 'enum', enum: INBOX_CHANNELS, enumName: 'inbox_channel' }) channel: InboxChannel;

  /** Public identifier put in the widget snippet. Not a secret. */
  @Index('uq_inboxes_public_token', { unique: true }) @Column({ length: 64 }) publicToken: string;

  @Column({ type: 'jsonb', nullable: true }) businessHours: BusinessHours | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) allowedOrigins: string[];
  /** Outside business hours, answer a visitor's message once with when to expect a reply. */
  @Column({ default: true }) afterHoursReplyEnabled: boolean;
  /** Custom text for that reply; null = the built-in Korean/English text with the next opening time. */
  @Column({ type: 'text', nullable: true }) afterHoursReply: string | null;

  /** HMAC-SHA256 key for visitor identity verification. */
  @Column({ length: 128, select: false }) identitySecret: string;
  @Column({ default: false }) identityEnforced: boolean;

  @ManyToMany(() => Agent)
  @JoinTable({ name: 'inbox_members', joinColumn: { name: 'inbox_id' }, inverseJoinColumn: { name: 'agent_id' } })
  members?: Agent[];

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

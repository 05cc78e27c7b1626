import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A reply sent on to a contact who had left: it covers the conversation's unread replies up to `throughSeq`. */
@Entity('follow_ups')
@Index('ix_follow_ups_conversation', ['conversationId', 'throughSeq'])
export class FollowUp {
  @PrimaryColumn('uuid') messageId: string;
  @Column('uuid') conversationId: string;
  @Column() throughSeq: number;
  @Column({ type: 'varchar', length: 10 }) channel: 'email' | 'sms';
  @Column({ type: 'varchar', length: 320 }) recipient: string;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}

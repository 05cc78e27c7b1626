import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Agent } from '../../modules/agents/agent.entity';

/** One refresh token; only its SHA-256 is stored. Rotated on every use. */
@Entity('refresh_tokens')
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Index('ix_refresh_tokens_agent') @Column('uuid') agentId: string;
  @ManyToOne(() => Agent, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'agent_id' }) agent?: Agent;

  @Index('uq_refresh_tokens_hash', { unique: true }) @Column({ length: 64 }) tokenHash: string;

  @Column({ type: 'timestamptz' }) expiresAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

import { AGENT_AVAILABILITIES, AGENT_ROLES, type AgentAvailability, type AgentRole } from '@parley/shared/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('agents')
export class Agent {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ length: 200 }) name: string;

  /** Stored lower-cased; unique. */
  @Index('uq_agents_email', { unique: true }) @Column({ length: 320 }) email: string;

  @Column({ select: false }) passwordHash: string;

  @Column({ type: 'enum', enum: AGENT_ROLES, enumName: 'agent_role', default: 'agent' }) role: AgentRole;

  @Column({ type: 'enum', enum: AGENT_AVAILABILITIES, enumName: 'agent_availability', default: 'offline' })
  availability: AgentAvailability;

  @Column({ default: false }) disabled: boolean;

  /** Refreshed while the agent has the console open; presence = availability online and seen recently. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) lastSeenAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

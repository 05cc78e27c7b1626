import { Column, CreateDateColumn, Entity, Index, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Agent } from '../agents/agent.entity';

@Entity('teams')
export class Team {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_teams_name', { unique: true }) @Column({ length: 100 }) name: string;
  @Column({ type: 'text', nullable: true }) description: string | null;

  @ManyToMany(() => Agent)
  @JoinTable({ name: 'team_members', joinColumn: { name: 'team_id' }, inverseJoinColumn: { name: 'agent_id' } })
  members?: Agent[];

  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

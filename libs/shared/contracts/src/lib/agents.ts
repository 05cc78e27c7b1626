import type { AgentAvailability, AgentRole } from '@parley/shared/domain';

export interface AgentDto {
  id: string;
  name: string;
  email: string;
  role: AgentRole;
  availability: AgentAvailability;
  disabled: boolean;
  createdAt: string;
}

export interface CreateAgentRequest {
  name: string;
  email: string;
  password: string;
  role?: AgentRole;
}

export interface UpdateAgentRequest {
  name?: string;
  role?: AgentRole;
  disabled?: boolean;
  availability?: AgentAvailability;
}

export interface TeamDto {
  id: string;
  name: string;
  description: string | null;
}

/** Emitted after an agent's name, role, disabled flag or availability changed (committed). */
export const AGENT_UPDATED = 'agent.updated';

export interface AgentUpdatedEvent {
  agentId: string;
  changes: Record<string, unknown>;
}

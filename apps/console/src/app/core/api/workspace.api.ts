import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AgentDto, CannedResponseDto, ContactDto, InboxDto, LabelDto, TeamDto, UpdateAgentRequest } from '@parley/shared/contracts';
import { Observable } from 'rxjs';

export const WORKSPACE_API = {
  inboxes: '/api/v1/inboxes',
  labels: '/api/v1/labels',
  teams: '/api/v1/teams',
  agents: '/api/v1/agents',
  me: '/api/v1/agents/me',
  cannedResponses: '/api/v1/canned-responses',
  contact: (id: string) => `/api/v1/contacts/${id}`,
} as const;

/** The workspace's reference data (inboxes visible to the agent, labels, teams, agents, canned responses) and contacts. */
@Injectable({ providedIn: 'root' })
export class WorkspaceApi {
  readonly #http = inject(HttpClient);

  inboxes(): Observable<InboxDto[]> {
    return this.#http.get<InboxDto[]>(WORKSPACE_API.inboxes);
  }

  labels(): Observable<LabelDto[]> {
    return this.#http.get<LabelDto[]>(WORKSPACE_API.labels);
  }

  teams(): Observable<TeamDto[]> {
    return this.#http.get<TeamDto[]>(WORKSPACE_API.teams);
  }

  agents(): Observable<AgentDto[]> {
    return this.#http.get<AgentDto[]>(WORKSPACE_API.agents);
  }

  cannedResponses(): Observable<CannedResponseDto[]> {
    return this.#http.get<CannedResponseDto[]>(WORKSPACE_API.cannedResponses);
  }

  contact(id: string): Observable<ContactDto> {
    return this.#http.get<ContactDto>(WORKSPACE_API.contact(id));
  }

  /** The signed-in agent's own name or availability. */
  updateMe(changes: Pick<UpdateAgentRequest, 'name' | 'availability'>): Observable<AgentDto> {
    return this.#http.patch<AgentDto>(WORKSPACE_API.me, changes);
  }
}

import type { ConversationPriority, ConversationStatus } from '@parley/shared/domain';
import type { ContactDto } from './contacts';

export interface LabelRef {
  id: string;
  name: string;
  color: string;
}

export interface ConversationDto {
  id: string;
  displayId: number;
  status: ConversationStatus;
  priority: ConversationPriority;
  inboxId: string;
  contact: Pick<ContactDto, 'id' | 'name' | 'email' | 'company'>;
  assigneeId: string | null;
  teamId: string | null;
  labels: LabelRef[];
  lastMessagePreview: string | null;
  lastActivityAt: string;
  firstResponseDueAt: string | null;
  firstRespondedAt: string | null;
  agentUnreadCount: number;
  contactUnreadCount: number;
  createdAt: string;
}

/** `assignee`: `me`, `unassigned`, `any` (default) or an agent id. */
export interface ConversationListQuery {
  status?: ConversationStatus;
  inboxId?: string;
  assignee?: 'me' | 'unassigned' | 'any' | string;
  label?: string;
  priority?: ConversationPriority;
  q?: string;
  cursor?: string;
  limit?: number;
}

export interface UpdateConversationRequest {
  status?: ConversationStatus;
  priority?: ConversationPriority;
  assigneeId?: string | null;
  teamId?: string | null;
  labels?: string[];
}

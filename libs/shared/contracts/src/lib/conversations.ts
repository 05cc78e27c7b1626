import type { ConversationFlowState } from './flows';
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
  /** The AI triage category of the latest incoming message (an agent's correction wins). */
  category: string | null;
  /** An AI reply draft is waiting for an agent. */
  draftWaiting: boolean;
  lastMessagePreview: string | null;
  lastActivityAt: string;
  firstResponseDueAt: string | null;
  firstRespondedAt: string | null;
  agentUnreadCount: number;
  contactUnreadCount: number;
  /** Highest seq each side has read (read receipts after a reload). */
  contactLastReadSeq: number;
  agentLastReadSeq: number;
  /** The visitor's identity was verified by the host site's HMAC (widget identity). */
  identityVerified: boolean;
  /** Flow buttons the visitor clicked; null when they only typed. */
  flow: ConversationFlowState | null;
  createdAt: string;
}

/** `assignee`: `me`, `unassigned`, `any` (default) or an agent id. */
export interface ConversationListQuery {
  status?: ConversationStatus;
  inboxId?: string;
  assignee?: 'me' | 'unassigned' | 'any' | string;
  label?: string;
  priority?: ConversationPriority;
  /** AI triage category key. */
  category?: string;
  /** Only conversations with an AI draft waiting for approval. */
  draftWaiting?: boolean;
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

/** GET /conversations/counts: how many conversations each list filter holds (within the visible inboxes, optionally one inbox). */
export interface ConversationCountsDto {
  status: Record<ConversationStatus, number>;
  /** Open or pending, by assignee. */
  mine: number;
  unassigned: number;
  all: number;
  /** Open or pending with priority `urgent`. */
  urgent: number;
  draftWaiting: number;
  byCategory: Record<string, number>;
}

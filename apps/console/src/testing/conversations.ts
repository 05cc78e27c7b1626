import type { ConversationDto, MessageDto, ReplyDraftDto, TriageResultDto } from '@parley/shared/contracts';

/** Test-only builders of wire objects (excluded from the app build by tsconfig.app.json). */
let sequence = 0;
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function aConversation(overrides: Partial<ConversationDto> = {}): ConversationDto {
  const n = ++sequence;
  return {
    id: uuid(n),
    displayId: 1000 + n,
    status: 'open',
    priority: 'medium',
    inboxId: 'inbox-1',
    contact: { id: `contact-${n}`, name: `Contact ${n}`, email: null, company: null },
    assigneeId: null,
    teamId: null,
    labels: [],
    category: null,
    draftWaiting: false,
    lastMessagePreview: 'Hello',
    lastActivityAt: '2026-11-20T10:00:00.000Z',
    firstResponseDueAt: null,
    firstRespondedAt: null,
    agentUnreadCount: 0,
    contactUnreadCount: 0,
    contactLastReadSeq: 0,
    agentLastReadSeq: 0,
    identityVerified: false,
    flow: null,
    createdAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  };
}

export function aMessage(overrides: Partial<MessageDto> = {}): MessageDto {
  const n = ++sequence;
  return {
    id: `message-${n}`,
    conversationId: uuid(1),
    seq: n,
    messageType: 'incoming',
    senderType: 'contact',
    senderId: null,
    body: 'Where is my parcel?',
    private: false,
    content: null,
    clientMessageId: null,
    createdAt: '2026-11-20T11:00:00.000Z',
    ...overrides,
  };
}

export function aDraft(overrides: Partial<ReplyDraftDto> = {}): ReplyDraftDto {
  const n = ++sequence;
  return {
    id: `draft-${n}`,
    conversationId: uuid(1),
    messageId: 'message-1',
    status: 'proposed',
    body: 'Your parcel arrives tomorrow.',
    sources: [],
    confidence: 0.8,
    needsHuman: false,
    reason: 'answered',
    detail: null,
    category: 'shipping',
    finalBody: null,
    sentMessageId: null,
    reviewedById: null,
    reviewedAt: null,
    rejectReason: null,
    flag: null,
    run: null,
    createdAt: '2026-11-20T11:00:01.000Z',
    ...overrides,
  };
}

export function aTriage(overrides: Partial<TriageResultDto> = {}): TriageResultDto {
  const n = ++sequence;
  return {
    id: `triage-${n}`,
    messageId: 'message-1',
    conversationId: uuid(1),
    status: 'completed',
    category: 'shipping',
    confidence: 0.91,
    sentiment: 'neutral',
    urgent: false,
    language: 'ko',
    entities: null,
    injectionSuspected: false,
    correctedCategory: null,
    correctedById: null,
    error: null,
    attempts: 1,
    run: null,
    createdAt: '2026-11-20T11:00:00.500Z',
    ...overrides,
  };
}

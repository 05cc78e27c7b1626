import type { MessageDto, ReplyDraftDto } from '@parley/shared/contracts';

export const REPLY_DRAFT_CREATED = 'reply_draft.created';
export const REPLY_DRAFT_UPDATED = 'reply_draft.updated';
export const REPLY_DRAFT_STREAMING = 'reply_draft.streaming';

export interface ReplyDraftChangedEvent {
  draft: ReplyDraftDto;
  inboxId: string;
  message?: MessageDto;
}

export interface ReplyDraftStreamingEvent {
  draftId: string;
  conversationId: string;
  inboxId: string;
  text: string;
}

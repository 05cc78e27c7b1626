import type { MessageContent } from './flows';
import type { MessageType, SenderType } from '@parley/shared/domain';

export interface MessageDto {
  id: string;
  conversationId: string;
  seq: number;
  messageType: MessageType;
  senderType: SenderType;
  senderId: string | null;
  body: string;
  private: boolean;
  clientMessageId: string | null;
  /** Structured parts (flow buttons, a sent quote); null for plain text. */
  content: MessageContent | null;
  createdAt: string;
}

export interface MessageListQuery {
  /** Return messages with `seq` lower than this (older page). */
  before?: number;
  /** Return messages with `seq` greater than this (catch-up after reconnect). */
  after?: number;
  limit?: number;
}

export interface CreateMessageRequest {
  body: string;
  private?: boolean;
  clientMessageId?: string;
}

import type { MessageDto, VisitorMessage } from '@parley/shared/contracts';
import { isVisibleToContact } from '@parley/shared/domain';

/** The visitor's view of a message; null for what a visitor must never see (private notes, activity). */
export function toVisitorMessage(m: MessageDto, agentName: (id: string) => string | null): VisitorMessage | null {
  if (!isVisibleToContact(m) || m.messageType === 'activity') return null;
  const type = m.senderType === 'contact' ? 'contact' : m.senderType === 'agent' ? 'agent' : 'bot';
  return {
    id: m.id,
    conversationId: m.conversationId,
    seq: m.seq,
    messageType: m.messageType,
    body: m.body,
    clientMessageId: m.senderType === 'contact' ? m.clientMessageId : null,
    content: m.content,
    sender: { type, name: type === 'agent' && m.senderId ? agentName(m.senderId) : null, avatarUrl: null },
    createdAt: m.createdAt,
  };
}

import type { FlowDefinition, FlowStepKind } from '@parley/shared/contracts';
import { localizedFlowText } from '@parley/shared/domain';
import type { ConversationState } from './conversation-store';
import type { Locale } from './i18n';
import type { OutboxEntry } from './outbox';

export interface FlowButtonView {
  id: string;
  label: string;
}

/** What the inbox's flow puts on screen right now. */
export interface FlowView {
  /** The start step's message: the panel's greeting when the inbox has a flow. */
  greeting: string | null;
  /** Buttons under the latest message: the start step's before the first message, else the latest bot step's. */
  choices: { stepId: string; label: string; buttons: FlowButtonView[] } | null;
  /** The kind of the step the visitor is at (the start step before the first message), and a key that changes per step. */
  kind: FlowStepKind | null;
  key: string | null;
}

const NONE: FlowView = { greeting: null, choices: null, kind: null, key: null };

/**
 * Buttons show only under the latest message and only while nothing of the visitor's is waiting to
 * be sent: a click (or typing instead) makes them go away, and the choice shows as the visitor's bubble.
 * A resolved conversation is not continued, so the start step is offered again.
 */
export function flowView(flow: FlowDefinition | null, conversation: ConversationState | null, outbox: readonly OutboxEntry[], locale: Locale): FlowView {
  const start = flow ? flow.steps.find((s) => s.id === flow.startStepId) : undefined;
  const greeting = start ? localizedFlowText(start.message, locale) : null;
  const messages = conversation ? conversation.messages : [];
  const fresh = !conversation || conversation.status === 'resolved' || !messages.length;
  if (fresh) {
    if (!start || outbox.length) return { ...NONE, greeting };
    const buttons = start.buttons.map((b) => ({ id: b.id, label: localizedFlowText(b.label, locale) }));
    return { greeting, choices: buttons.length ? { stepId: start.id, label: greeting as string, buttons } : null, kind: start.kind, key: 'start' };
  }
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    const step = m.messageType === 'template' && m.content ? m.content.flowStep : undefined;
    if (!step) continue;
    const buttons = Array.isArray(step.buttons) ? step.buttons : [];
    const latest = i === messages.length - 1 && !outbox.length && buttons.length > 0;
    return { greeting, choices: latest ? { stepId: step.stepId, label: m.body, buttons } : null, kind: step.kind, key: m.id };
  }
  return { ...NONE, greeting };
}

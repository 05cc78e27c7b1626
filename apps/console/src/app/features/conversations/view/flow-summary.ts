import type { ConversationFlowState } from '@parley/shared/contracts';

/** The buttons the visitor clicked ("주문 › 배송") and whether they asked for a person; null when they only typed. */
export function flowSummary(flow: ConversationFlowState | null | undefined): { path: string; handoff: boolean } | null {
  if (!flow || (!flow.choices.length && !flow.handoff)) return null;
  return { path: flow.choices.map((c) => c.label).join(' › '), handoff: flow.handoff };
}

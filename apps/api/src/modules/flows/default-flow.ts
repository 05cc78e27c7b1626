import type { FlowDefinition } from '@parley/shared/contracts';
import type { Inbox } from '../inboxes/inbox.entity';
import type { Flow } from './flow.entity';

const DEFAULT_FLOW: FlowDefinition = {
  startStepId: 'start',
  steps: [
    {
      id: 'start',
      kind: 'menu',
      message: { ko: '무엇을 도와드릴까요?', en: 'How can we help?' },
      buttons: [
        { id: 'order', label: { ko: '주문', en: 'Order' }, next: 'order' },
        { id: 'shipping', label: { ko: '배송', en: 'Shipping' }, next: 'shipping' },
        { id: 'quote', label: { ko: 'B2B 견적', en: 'Quote' }, next: 'quote' },
        { id: 'person', label: { ko: '상담원 연결', en: 'Talk to a person' }, next: 'handoff' },
      ],
      category: null,
    },
    {
      id: 'order',
      kind: 'free_text',
      message: { ko: '주문번호와 궁금한 점을 적어 주세요.', en: 'Please write your order number and your question.' },
      buttons: [],
      category: 'order',
    },
    {
      id: 'shipping',
      kind: 'free_text',
      message: { ko: '배송 상황을 확인해 드릴게요. 주문번호나 운송장 번호를 알려 주세요.', en: "We'll check your delivery. Please share your order or tracking number." },
      buttons: [],
      category: 'shipping',
    },
    {
      id: 'quote',
      kind: 'quote_form',
      message: { ko: '필요한 품목과 수량을 알려 주시면 1 영업일 안에 견적을 보내 드려요.', en: "Tell us what you need and how many; we'll send a quote within one business day." },
      buttons: [],
      category: 'b2b_quote',
    },
    {
      id: 'handoff',
      kind: 'handoff',
      message: { ko: '상담원에게 연결해 드릴게요. 궁금한 점을 남겨 주시면 곧 답변드릴게요.', en: "We'll connect you with a person. Leave your question and we'll reply shortly." },
      buttons: [],
      category: null,
    },
  ],
};

/** The flow every inbox starts with (a fresh copy: callers may change it). */
export function defaultFlowDefinition(): FlowDefinition {
  return structuredClone(DEFAULT_FLOW);
}

/** The row a new inbox starts with: the default flow, shown at once in widget inboxes. */
export function defaultFlowRow(inbox: Pick<Inbox, 'id' | 'channel'>): Pick<Flow, 'inboxId' | 'enabled' | 'definition' | 'updatedBy'> {
  return { inboxId: inbox.id, enabled: inbox.channel === 'web_widget', definition: defaultFlowDefinition(), updatedBy: null };
}

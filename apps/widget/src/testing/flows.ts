import type { FlowDefinition, VisitorMessage } from '@parley/shared/contracts';
import { message } from './fakes';

/** The default flow's shape: a start menu leading to the kinds the widget renders. */
export function flow(): FlowDefinition {
  return {
    startStepId: 'start',
    steps: [
      {
        id: 'start',
        kind: 'menu',
        message: { ko: '무엇을 도와드릴까요?', en: 'How can we help?' },
        buttons: [
          { id: 'shipping', label: { ko: '배송', en: 'Shipping' }, next: 'shipping' },
          { id: 'quote', label: { ko: 'B2B 견적', en: '' }, next: 'quote' },
        ],
        category: null,
      },
      { id: 'shipping', kind: 'free_text', message: { ko: '주문번호를 알려 주세요.', en: 'Your order number?' }, buttons: [], category: 'shipping' },
      { id: 'quote', kind: 'quote_form', message: { ko: '견적 양식을 채워 주세요.', en: 'Fill in the form.' }, buttons: [], category: 'b2b_quote' },
    ],
  };
}

/** A bot message that shows a flow step (as the server sends it, labels already in the visitor's language). */
export function stepMessage(seq: number, step: NonNullable<NonNullable<VisitorMessage['content']>['flowStep']>, body = 'step ' + step.stepId): VisitorMessage {
  return message({ seq, messageType: 'template', body, content: { flowStep: step }, sender: { type: 'bot', name: null, avatarUrl: null } });
}

import { flowSummary } from './flow-summary';

describe('flowSummary', () => {
  it('joins the clicked labels in order and keeps the request for a person', () => {
    expect(
      flowSummary({
        choices: [
          { stepId: 'start', buttonId: 'order', label: '주문' },
          { stepId: 'order', buttonId: 'shipping', label: '배송' },
        ],
        category: 'shipping',
        handoff: true,
      }),
    ).toEqual({ path: '주문 › 배송', handoff: true });
  });

  it('is nothing for a visitor who only typed', () => {
    expect(flowSummary(null)).toBeNull();
    expect(flowSummary({ choices: [], category: null, handoff: false })).toBeNull();
  });
});

import { decideWithFlow, FLOW_OVERRIDE_CONFIDENCE } from './flow-signal';

describe('triage with a flow choice', () => {
  const output = (category: string, confidence: number, scores?: Record<string, number>) => ({ category, confidence, scores });

  it('keeps the model’s answer when the visitor chose nothing that implies a category', () => {
    expect(decideWithFlow(output('payment', 0.4), null)).toEqual({ category: 'payment', confidence: 0.4, signal: null });
  });

  it('takes the flow’s category over a model that is not very sure of another', () => {
    expect(decideWithFlow(output('payment', 0.6, { payment: 0.6, shipping: 0.3 }), 'shipping')).toEqual({ category: 'shipping', confidence: 0.3, signal: 'flow' });
    expect(decideWithFlow(output('payment', FLOW_OVERRIDE_CONFIDENCE - 0.01), 'shipping')).toEqual({ category: 'shipping', confidence: null, signal: 'flow' });
  });

  it('lets a very confident model overrule the flow', () => {
    expect(decideWithFlow(output('payment', FLOW_OVERRIDE_CONFIDENCE), 'shipping')).toEqual({ category: 'payment', confidence: FLOW_OVERRIDE_CONFIDENCE, signal: null });
  });

  it('credits the flow when the model agrees', () => {
    expect(decideWithFlow(output('shipping', 0.95), 'shipping')).toEqual({ category: 'shipping', confidence: 0.95, signal: 'flow' });
  });
});

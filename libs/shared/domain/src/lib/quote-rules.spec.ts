import { canSendQuote, canTransitionQuote } from './quote-rules';

describe('quote request transitions', () => {
  it('lets agents review and decline but never accept for the customer', () => {
    expect(canTransitionQuote('new', 'in_review', 'agent')).toBe(true);
    expect(canTransitionQuote('in_review', 'declined', 'agent')).toBe(true);
    expect(canTransitionQuote('quoted', 'accepted', 'agent')).toBe(false);
    expect(canTransitionQuote('new', 'quoted', 'agent')).toBe(false);
  });

  it('lets the customer answer only a quote on the table', () => {
    expect(canTransitionQuote('quoted', 'accepted', 'customer')).toBe(true);
    expect(canTransitionQuote('quoted', 'declined', 'customer')).toBe(true);
    expect(canTransitionQuote('in_review', 'accepted', 'customer')).toBe(false);
    expect(canTransitionQuote('accepted', 'declined', 'customer')).toBe(false);
    expect(canTransitionQuote('expired', 'accepted', 'customer')).toBe(false);
  });

  it('expires only quoted requests, and sending is allowed until the customer answered', () => {
    expect(canTransitionQuote('quoted', 'expired', 'system')).toBe(true);
    expect(canTransitionQuote('new', 'expired', 'system')).toBe(false);
    expect(['new', 'in_review', 'quoted', 'expired'].every((s) => canSendQuote(s as never))).toBe(true);
    expect(canSendQuote('accepted')).toBe(false);
    expect(canSendQuote('declined')).toBe(false);
  });
});

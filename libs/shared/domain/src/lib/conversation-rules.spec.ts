import { canTransition, firstResponseDueAt, isVisibleToContact } from './conversation-rules';

describe('conversation rules', () => {
  it('allows resolving from any state and only reopening a resolved conversation', () => {
    expect(canTransition('open', 'resolved')).toBe(true);
    expect(canTransition('snoozed', 'resolved')).toBe(true);
    expect(canTransition('resolved', 'open')).toBe(true);
    expect(canTransition('resolved', 'snoozed')).toBe(false);
    expect(canTransition('resolved', 'pending')).toBe(false);
  });

  it('never shows private notes or activity to the contact', () => {
    expect(isVisibleToContact({ private: true, messageType: 'outgoing' })).toBe(false);
    expect(isVisibleToContact({ private: false, messageType: 'activity' })).toBe(false);
    expect(isVisibleToContact({ private: false, messageType: 'outgoing' })).toBe(true);
  });

  it('sets the first-response deadline from the priority', () => {
    const t = new Date('2026-01-01T00:00:00Z');
    expect(firstResponseDueAt(t, 'urgent').toISOString()).toBe('2026-01-01T00:15:00.000Z');
    expect(firstResponseDueAt(t, 'medium').toISOString()).toBe('2026-01-01T04:00:00.000Z');
  });
});

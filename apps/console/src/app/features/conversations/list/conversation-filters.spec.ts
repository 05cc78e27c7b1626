import { aConversation } from '../../../../testing/conversations';
import {
  ConversationFilters,
  DEFAULT_FILTERS,
  filtersFromParams,
  filtersToParams,
  matchesFilters,
  sameFilters,
  toListQuery,
} from './conversation-filters';

const INBOX = '7d3c1a52-0a8e-4d4b-9a57-3c1d2b6f9e10';

describe('conversation filters', () => {
  it('reads every filter from the URL and writes it back unchanged', () => {
    const params = {
      status: 'pending',
      assignee: 'me',
      inbox: INBOX,
      category: 'shipping',
      priority: 'urgent',
      label: 'vip',
      draft: '1',
      q: '  PH-10234 ',
    };
    const filters = filtersFromParams(params);

    expect(filters).toEqual({
      status: 'pending',
      assignee: 'me',
      inboxId: INBOX,
      category: 'shipping',
      priority: 'urgent',
      label: 'vip',
      draftWaiting: true,
      q: 'PH-10234',
    } satisfies ConversationFilters);
    expect(filtersFromParams(filtersToParams(filters) as Record<string, string>)).toEqual(filters);
  });

  it('gives the plain list a clean URL: defaults become null, which removes the parameter', () => {
    expect(Object.values(filtersToParams(DEFAULT_FILTERS)).every((v) => v === null)).toBe(true);
    expect(filtersToParams({ ...DEFAULT_FILTERS, status: 'all' })['status']).toBe('all');
  });

  it('falls back to the default for values an old link or a typo may carry', () => {
    const filters = filtersFromParams({
      status: 'closed',
      assignee: 'someone',
      inbox: 'not-a-uuid',
      category: 'DROP TABLE',
      priority: 'critical',
      draft: 'yes',
      q: ['array'],
    });

    expect(filters).toEqual(DEFAULT_FILTERS);
  });

  it('turns filters into the API query: open by default, "all" sends no status, urgent is a priority', () => {
    expect(toListQuery(DEFAULT_FILTERS)).toEqual({ status: 'open' });
    expect(toListQuery({ ...DEFAULT_FILTERS, status: 'all', priority: 'urgent', draftWaiting: true, q: ' x ' }, 'cursor-2')).toEqual({
      priority: 'urgent',
      draftWaiting: true,
      q: 'x',
      cursor: 'cursor-2',
    });
    expect(toListQuery({ ...DEFAULT_FILTERS, assignee: 'unassigned' }).assignee).toBe('unassigned');
  });

  it('compares filter sets by value', () => {
    expect(sameFilters({ ...DEFAULT_FILTERS }, DEFAULT_FILTERS)).toBe(true);
    expect(sameFilters({ ...DEFAULT_FILTERS, q: 'a' }, DEFAULT_FILTERS)).toBe(false);
  });

  describe('matching a live conversation against the filters', () => {
    const me = 'agent-me';

    it('checks status, assignee, inbox, category, priority, label and the waiting draft', () => {
      const c = aConversation({
        status: 'open',
        assigneeId: me,
        inboxId: INBOX,
        category: 'shipping',
        priority: 'urgent',
        labels: [{ id: 'l1', name: 'vip', color: '#000' }],
        draftWaiting: true,
      });
      const all: ConversationFilters = {
        status: 'open',
        assignee: 'me',
        inboxId: INBOX,
        category: 'shipping',
        priority: 'urgent',
        label: 'vip',
        draftWaiting: true,
        q: '',
      };
      expect(matchesFilters(c, all, me)).toBe(true);
      expect(matchesFilters(c, { ...all, status: 'resolved' }, me)).toBe(false);
      expect(matchesFilters(c, { ...all, assignee: 'unassigned' }, me)).toBe(false);
      expect(matchesFilters(c, all, 'another-agent')).toBe(false);
      expect(matchesFilters(c, { ...all, category: 'payment' }, me)).toBe(false);
      expect(matchesFilters(c, { ...all, priority: 'low' }, me)).toBe(false);
      expect(matchesFilters(c, { ...all, label: 'refund' }, me)).toBe(false);
      expect(matchesFilters({ ...c, draftWaiting: false }, all, me)).toBe(false);
    });

    it('searches contact fields and the latest message, and #numbers', () => {
      const c = aConversation({
        displayId: 1042,
        contact: { id: 'c', name: '김민지', email: 'minji@example.com', company: 'Hanbit' },
        lastMessagePreview: '주문번호 PH-10234 배송 언제 와요?',
      });
      const search = (q: string) => matchesFilters(c, { ...DEFAULT_FILTERS, q }, null);

      expect(search('민지')).toBe(true);
      expect(search('HANBIT')).toBe(true);
      expect(search('ph-10234')).toBe(true);
      expect(search('#1042')).toBe(true);
      expect(search('#1043')).toBe(false);
      expect(search('refund')).toBe(false);
    });
  });
});

import { proposalFromTriage } from './quote-proposal';

describe('proposalFromTriage', () => {
  const entities = {
    orderNumbers: ['PH-240312-0042'],
    trackingNumbers: [],
    company: '한빛상사',
    quantities: [{ raw: '500개', value: 500, unit: '개' }, { raw: '20박스', value: 20, unit: '박스' }],
    amounts: [{ raw: '개당 4만5천원', value: 45000, currency: 'KRW' }],
  };

  it('pre-fills an item from the first quantity and amount, the company, and lists every mention in the notes', () => {
    const p = proposalFromTriage(entities, '\n무선 스캐너 500개 견적 부탁드립니다\n개당 4만5천원 정도 생각합니다', 1042);
    expect(p.items).toEqual([{ name: '무선 스캐너 500개 견적 부탁드립니다', url: null, quantity: 500, targetUnitPrice: 45000, currency: 'KRW' }]);
    expect(p.company).toBe('한빛상사');
    expect(p.notes).toContain('#1042');
    expect(p.notes).toContain('500개, 20박스');
    expect(p.notes).toContain('개당 4만5천원');
    expect(p.notes).not.toContain('PH-240312-0042');
  });

  it('stays valid when the message names nothing (quantity 1, no price, a placeholder name)', () => {
    const p = proposalFromTriage(null, '   ', 7);
    expect(p.items).toEqual([{ name: 'Conversation #7', url: null, quantity: 1, targetUnitPrice: null, currency: 'KRW' }]);
    expect(p.company).toBeNull();
  });

  it('rounds fractional quantities, ignores non-positive amounts and shortens a long first line', () => {
    const p = proposalFromTriage({ ...entities, quantities: [{ raw: '2.6 t', value: 2.6, unit: 't' }], amounts: [{ raw: '$0', value: 0, currency: 'USD' }] }, 'x'.repeat(300), 1);
    expect(p.items[0]).toMatchObject({ quantity: 3, targetUnitPrice: null, currency: 'KRW' });
    expect(p.items[0].name).toHaveLength(200);
  });
});

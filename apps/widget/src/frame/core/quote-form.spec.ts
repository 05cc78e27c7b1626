import { describe, expect, it } from 'vitest';
import { buildQuotePayload, newQuoteDraft, type QuoteDraft } from './quote-form';

const draft = (change: Partial<QuoteDraft> = {}): QuoteDraft => ({
  ...newQuoteDraft({ name: '최민석', email: 'minseok@hanbitlab.example.kr', phone: null }, 'ko'),
  ...change,
});

describe('quote form payload', () => {
  it('prefills the contact from the session and the currency and country from the language', () => {
    expect(draft()).toMatchObject({ name: '최민석', email: 'minseok@hanbitlab.example.kr', phone: '', country: 'KR', items: [{ currency: 'KRW' }] });
    expect(newQuoteDraft(null, 'en')).toMatchObject({ name: '', country: '', items: [{ currency: 'USD' }] });
  });

  it('builds SubmitQuotePayload: URLs as url, names as name, numbers parsed, blanks as null, blank rows skipped', () => {
    const result = buildQuotePayload(
      draft({
        items: [
          { product: ' 실험용 니트릴 장갑 M ', quantity: '2,000', price: '9', currency: 'USD' },
          { product: '', quantity: '', price: '', currency: 'KRW' },
          { product: 'https://shop.example/p/42', quantity: '10', price: '', currency: 'KRW' },
        ],
        deadline: '2026-12-15',
        country: 'kr',
        notes: '  세금계산서 필요 ',
        company: '한빛랩(주)',
      }),
      'req-1',
      'c1',
    );
    expect(result).toEqual({
      payload: {
        clientRequestId: 'req-1',
        conversationId: 'c1',
        items: [
          { name: '실험용 니트릴 장갑 M', url: null, quantity: 2000, targetUnitPrice: 9, currency: 'USD' },
          { name: null, url: 'https://shop.example/p/42', quantity: 10, targetUnitPrice: null, currency: 'KRW' },
        ],
        deadline: '2026-12-15',
        destinationCountry: 'KR',
        notes: '세금계산서 필요',
        contact: { name: '최민석', company: '한빛랩(주)', email: 'minseok@hanbitlab.example.kr', phone: null },
      },
    });
  });

  it('names what the visitor still has to fix', () => {
    expect(buildQuotePayload(draft(), 'r', null)).toEqual({ problem: { field: 'items', index: 0 } });
    const item = { product: 'gloves', quantity: '10', price: '', currency: 'KRW' };
    expect(buildQuotePayload(draft({ items: [item, { ...item, quantity: '-3' }] }), 'r', null)).toEqual({ problem: { field: 'items', index: 1 } });
    expect(buildQuotePayload(draft({ items: [{ ...item, quantity: '2.5' }] }), 'r', null)).toEqual({ problem: { field: 'items', index: 0 } });
    expect(buildQuotePayload(draft({ items: [{ ...item, price: 'cheap' }] }), 'r', null)).toEqual({ problem: { field: 'items', index: 0 } });
    expect(buildQuotePayload(draft({ items: [item], country: 'Korea' }), 'r', null)).toEqual({ problem: { field: 'country' } });
    expect(buildQuotePayload(draft({ items: [item], email: ' ', phone: '' }), 'r', null)).toEqual({ problem: { field: 'contact' } });
    const ok = buildQuotePayload(draft({ items: [item], email: '', phone: '010-1234-5678', deadline: 'soon' }), 'r', null);
    expect(ok).toMatchObject({ payload: { deadline: null, contact: { phone: '010-1234-5678', email: null } } });
    expect('payload' in ok && 'conversationId' in ok.payload).toBe(false);
  });
});

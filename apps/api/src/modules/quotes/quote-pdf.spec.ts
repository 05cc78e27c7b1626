import { pdfText } from '../../../test/support/pdf';
import { renderQuotePdf, type QuotePdfInput } from './quote-pdf';
import { formatMoney } from './quote-texts';

const base: QuotePdfInput = {
  locale: 'ko',
  business: 'Harbor & Co.',
  inboxName: 'B2B 견적',
  displayId: 12,
  issuedAt: new Date('2026-03-02T01:00:00Z'),
  contact: { name: '홍길동', company: '한빛상사', email: 'hong@hanbit.kr', phone: '+821012345678' },
  items: [
    { name: '무선 바코드 스캐너', url: null, quantity: 500, targetUnitPrice: 45000, currency: 'KRW' },
    { name: null, url: 'https://shop.example.com/products/label-printer?ref=quote', quantity: 20, targetUnitPrice: null, currency: 'KRW' },
  ],
  amount: 1_250_000,
  currency: 'KRW',
  validUntil: '2026-03-31',
  message: '대량 주문 할인 5%를 적용했습니다.',
  url: 'https://help.example.test/api/v1/public/quotes/token',
};

describe('quote PDF', () => {
  it('renders Korean text that a PDF reader extracts as Korean: business, number, contact, items, amount, validity, message, link', async () => {
    const buf = await renderQuotePdf(base);
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await pdfText(buf);
    for (const expected of ['Harbor & Co.', 'B2B 견적', '견적서', 'Q-12', '홍길동', '한빛상사', 'hong@hanbit.kr', '무선 바코드 스캐너', '500', '₩45,000', '₩1,250,000', '2026년 3월 31일', '대량 주문 할인 5%를 적용했습니다.', '수락 또는 거절']) {
      expect(text).toContain(expected);
    }
    expect(text.replace(/\s+/g, '')).toContain(base.url);
    expect(text.replace(/\s+/g, '')).toContain('label-printer?ref=quote');
  }, 20_000);

  it('writes English labels and the amount in the English format for an English quote', async () => {
    const { text } = await pdfText(await renderQuotePdf({ ...base, locale: 'en', currency: 'USD', amount: 1200.5, message: null }));
    expect(text).toContain('Quotation');
    expect(text).toContain(formatMoney(1200.5, 'USD', 'en'));
    expect(text).toContain('$1,200.50');
    expect(text).toContain('March 31, 2026');
    expect(text).not.toContain('Message from our team');
  }, 20_000);

  it('continues the items table on further pages instead of drawing past the page', async () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ name: `품목 ${i + 1} ${'긴 설명 '.repeat(8)}`, url: null, quantity: i + 1, targetUnitPrice: 1000, currency: 'KRW' }));
    const { text, pages } = await pdfText(await renderQuotePdf({ ...base, items }));
    expect(pages).toBeGreaterThan(2);
    expect(text).toContain('품목 1 ');
    expect(text).toContain('품목 50 ');
  }, 30_000);
});

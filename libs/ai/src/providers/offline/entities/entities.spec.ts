import { extractAmounts, extractCompany, extractEntities, extractOrderNumbers, extractQuantities, extractTrackingNumbers, parseKoreanNumber } from './entities';

describe('entity extraction', () => {
  it('finds order numbers in both shop formats', () => {
    expect(extractOrderNumbers('PH-240312-0042 그리고 hb-20261121-0042 확인요')).toEqual(['PH-240312-0042', 'HB-20261121-0042']);
  });

  it('finds tracking numbers and does not mistake order or phone numbers for them', () => {
    const text = '주문 PH-240312-0042, 운송장 PHX240312047, UPS 1Z999AA10123456784, EMS EJ123456789JP, 연락처 01012345678';
    expect(extractTrackingNumbers(text)).toEqual(['PHX240312047', '1Z999AA10123456784', 'EJ123456789JP']);
  });

  it('reads amounts in 원, KRW, USD and Korean numerals', () => {
    expect(extractAmounts('5만원 결제, 35,000원 환불, KRW 120,000, $49.99, 200달러, 3만5천원, 1,500만원')).toEqual([
      { raw: '5만원', value: 50000, currency: 'KRW' },
      { raw: '35,000원', value: 35000, currency: 'KRW' },
      { raw: 'KRW 120,000', value: 120000, currency: 'KRW' },
      { raw: '$49.99', value: 49.99, currency: 'USD' },
      { raw: '200달러', value: 200, currency: 'USD' },
      { raw: '3만5천원', value: 35000, currency: 'KRW' },
      { raw: '1,500만원', value: 15000000, currency: 'KRW' },
    ]);
    expect(extractAmounts('USD 200 limit')).toEqual([{ raw: 'USD 200', value: 200, currency: 'USD' }]);
  });

  it('parses Korean number words', () => {
    expect(parseKoreanNumber('3만5천')).toBe(35000);
    expect(parseKoreanNumber('1.5억')).toBe(150000000);
  });

  it('reads quantities with units', () => {
    expect(extractQuantities('텀블러 500개, 70 boxes/month, 3박스, 5kg, 2 pairs')).toEqual([
      { raw: '500개', value: 500, unit: 'pcs' },
      { raw: '70 boxes', value: 70, unit: 'box' },
      { raw: '3박스', value: 3, unit: 'box' },
      { raw: '5kg', value: 5, unit: 'kg' },
      { raw: '2 pairs', value: 2, unit: 'pair' },
    ]);
  });

  it('names the company when the sender gives one', () => {
    expect(extractCompany('(주)한빛상사입니다. 견적 부탁드립니다')).toBe('(주)한빛상사');
    expect(extractCompany('Nordwind Trading Korea needs a quote')).toBe('Nordwind Trading Korea');
    expect(extractCompany('배송 언제 와요?')).toBeNull();
  });

  it('returns the full entity shape even for empty text', () => {
    expect(extractEntities('')).toEqual({ orderNumbers: [], trackingNumbers: [], company: null, quantities: [], amounts: [] });
  });
});

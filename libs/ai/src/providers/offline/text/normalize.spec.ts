import { compactHangulSpacing, normalizeText, PLACEHOLDER } from './normalize';
import { jamoDistance, toJamo } from './hangul';
import { stripKoreanSuffix, tokenize } from './tokenize';

describe('normalizeText', () => {
  it('folds full-width forms (NFKC) and lowercases', () => {
    expect(normalizeText('ＵＰＳ　Ｔｒａｃｋｉｎｇ', { placeholders: false })).toBe('ups tracking');
  });

  it('replaces identifiers with placeholders so they stay a signal without becoming one-off features', () => {
    const n = normalizeText('PH-240312-0042 주문, https://amazon.com/dp/B0X 링크, 5만원, 운송장 PHX240312047');
    expect(n).toContain(PLACEHOLDER.orderNumber);
    expect(n).toContain(PLACEHOLDER.url);
    expect(n).toContain(PLACEHOLDER.amount);
    expect(n).toContain(PLACEHOLDER.trackingNumber);
    expect(n).not.toMatch(/\d/);
  });

  it('recognises full-width order numbers', () => {
    expect(normalizeText('ＰＨ－２４０３１２－００４２ 취소')).toContain(PLACEHOLDER.orderNumber);
  });

  it('folds ㅋㅋ and ㅠㅠ into placeholders instead of letting NFKC compose them into syllables', () => {
    const n = normalizeText('배송 언제 와요ㅠㅠㅠㅠ ㅋㅋㅋ');
    expect(n).toContain(PLACEHOLDER.cry);
    expect(n).toContain(PLACEHOLDER.laugh);
    expect(n).not.toContain('큐');
  });

  it('caps stretched characters at two', () => {
    expect(normalizeText('sooooo slow!!!!!', { placeholders: false })).toBe('soo slow!!');
  });

  it('removes spacing between Hangul syllables but keeps Latin words apart', () => {
    expect(compactHangulSpacing('배송 대행 신청 order cancel')).toBe('배송대행신청 order cancel');
  });
});

describe('Hangul helpers', () => {
  it('decomposes syllables into jamo', () => {
    expect(toJamo('환불')).toBe('ㅎㅘㄴㅂㅜㄹ');
  });

  it('measures typos at jamo level', () => {
    expect(jamoDistance('환뷸', '환불')).toBe(1);
    expect(jamoDistance('배송', '환불')).toBeGreaterThan(1);
  });
});

describe('tokenize', () => {
  it('strips Korean particles so inflected nouns share a stem', () => {
    expect(stripKoreanSuffix('배송비는')).toBe('배송비');
    expect(stripKoreanSuffix('배송비를')).toBe('배송비');
    expect(stripKoreanSuffix('창고에서')).toBe('창고');
  });

  it('stems English plurals and marks placeholders', () => {
    const tokens = tokenize(normalizeText('refunds for PH-240312-0042'));
    expect(tokens.map((t) => t.stem)).toEqual(['refund', 'for', '<orderNumber>']);
  });
});

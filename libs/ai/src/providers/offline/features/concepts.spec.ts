import { normalizeText } from '../text/normalize';
import { tokenize } from '../text/tokenize';
import { ConceptMatcher } from './concepts';
import { DOMAIN_CONCEPTS } from './lexicon';
import { charNgrams, TriageFeaturizer } from './triage-features';

const matcher = new ConceptMatcher(DOMAIN_CONCEPTS);
const concepts = (text: string) => {
  const n = normalizeText(text);
  return matcher.match(n, tokenize(n));
};

describe('concept lexicon', () => {
  it('matches Korean forms regardless of spacing and particles', () => {
    expect(concepts('통관 이 보류 됐어요').has('customs')).toBe(true);
    expect(concepts('합 배송 해주세요').has('consolidation')).toBe(true);
  });

  it('matches English words with endings', () => {
    expect(concepts('I was refunded only half').has('refund')).toBe(true);
  });

  it('tolerates a one-jamo typo in a Korean word', () => {
    expect(concepts('환뷸 언제 돼요').has('refund')).toBe(true);
  });

  it('does not let a two-syllable prefix match by chance', () => {
    expect(concepts('비타민 보내도 되나요').has('pay_method')).toBe(false);
  });
});

describe('triage features', () => {
  it('produces character n-grams up to 4 on space-free Hangul', () => {
    const grams = charNgrams(normalizeText('배송 대행'));
    expect(grams.has('c:배송대행')).toBe(true);
    expect(grams.has('c:송대')).toBe(true);
  });

  it('gives every family a bounded weight (long pastes do not drown concept cues)', () => {
    const f = new TriageFeaturizer();
    const long = f.features(f.analyze('환불해주세요 '.repeat(200)));
    const short = f.features(f.analyze('환불해주세요'));
    expect(long.get('k:refund')).toBeCloseTo(short.get('k:refund') ?? 0, 5);
  });

  it('adds entity cues', () => {
    const f = new TriageFeaturizer();
    const features = f.features(f.analyze('PH-240312-0042 주문 200개 견적, (주)한빛상사'));
    expect(features.has('e:order_number')).toBe(true);
    expect(features.has('e:bulk_quantity')).toBe(true);
    expect(features.has('e:company')).toBe(true);
  });
});

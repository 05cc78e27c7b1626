import { FIXTURE_ARTICLES } from './__fixtures__/articles';
import { DEFAULT_ANSWERABILITY_THRESHOLD } from './answerability';
import { Bm25Index } from './bm25';
import { chunkArticle } from './chunker';
import { KnowledgeIndex } from './knowledge-index';
import { RetrievalTermExtractor } from './retrieval-terms';

describe('KnowledgeIndex', () => {
  const index = new KnowledgeIndex();
  beforeAll(() => index.index(FIXTURE_ARTICLES));

  it.each([
    ['구매대행 수수료 얼마예요?', 'a-fee'],
    ['창고에 물건 몇 일까지 공짜로 둘 수 있어요', 'a-storage'],
    ['세관검사 걸리면 며칠 더 걸려요?', 'a-customs'],
    ['Do you take PayPal?', 'a-payment-en'],
    ['카드 환불은 며칠 걸려요?', 'a-refund'],
  ])('ranks the right article first for "%s"', (query, id) => {
    expect(index.retrieve(query).passages[0]?.sourceId).toBe(id);
  });

  it('finds a Korean-only article for an English question through the glossary', () => {
    expect(index.retrieve('How long can I store items in the warehouse for free?').passages[0]?.sourceId).toBe('a-storage');
    expect(index.retrieve('What is your purchase agency fee?').passages[0]?.sourceId).toBe('a-fee');
  });

  it('is robust to spacing and particles', () => {
    expect(index.retrieve('통관이 보류 됐어요').passages[0]?.sourceId).toBe('a-customs');
  });

  it('estimates lower answerability when the question names a shop the knowledge base never mentions', () => {
    const known = index.retrieve('Do you take PayPal?').answerability;
    const unknown = index.retrieve('Do you take Venmo?').answerability;
    expect(unknown).toBeLessThan(known);
    expect(unknown).toBeLessThan(DEFAULT_ANSWERABILITY_THRESHOLD);
  });

  it('estimates lower answerability for questions the knowledge base does not cover', () => {
    const covered = index.retrieve('구매대행 수수료 얼마예요?').answerability;
    const uncovered = index.retrieve('Do you offer gift wrapping for birthdays?').answerability;
    expect(covered).toBeGreaterThan(uncovered);
  });

  it('retrieves approved replies with the question they answered, and forgets removed sources', () => {
    index.upsertApprovedReply({ id: 'r-1', question: '주말에도 택배 받을 수 있나요?', answer: '일요일과 택배사 휴무일에는 배송하지 않습니다.' });
    const result = index.retrieve('주말에 택배 받을 수 있어요?');
    expect(result.passages[0]?.sourceId).toBe('r-1');
    expect(result.passages[0]?.kind).toBe('approved_reply');
    index.remove('r-1');
    expect(index.retrieve('주말에 택배 받을 수 있어요?').passages.some((p) => p.sourceId === 'r-1')).toBe(false);
  });

  it('returns nothing for an empty index or an empty query', () => {
    expect(new KnowledgeIndex().retrieve('수수료').passages).toEqual([]);
    expect(index.retrieve('   ').passages).toEqual([]);
  });
});

describe('retrieval building blocks', () => {
  it('uses Hangul bigrams, stems, numbers and glossary terms', () => {
    const terms = new RetrievalTermExtractor().terms('통관 보류 30일');
    expect(terms).toEqual(expect.arrayContaining(['h:통관', 'h:보류', 'n:30일', 'g:customs_hold']));
  });

  it('drops particles before joining words, so spacing and particles give the same bigrams', () => {
    const extractor = new RetrievalTermExtractor();
    const spaced = extractor.terms('통관이 보류됐어요');
    expect(spaced).toContain('h:관보');
    expect(spaced).not.toContain('h:관이');
  });

  it('lets the longest glossary form win over forms nested in it', () => {
    const extractor = new RetrievalTermExtractor();
    expect(extractor.concepts('What is the shipping fee?')).toEqual(new Set(['shipping_fee']));
    expect(extractor.concepts('세금계산서 발행돼요?').has('duty')).toBe(false);
    expect(extractor.concepts('세금계산서 발행돼요?').has('tax_invoice')).toBe(true);
  });

  it('reads an upper-case US as the country, and a lower-case us as a pronoun', () => {
    const extractor = new RetrievalTermExtractor();
    expect(extractor.concepts('US에서 3kg 보내면 얼마예요?').has('us')).toBe(true);
    expect(extractor.concepts('can you call us back?').has('us')).toBe(false);
  });

  it('scores BM25 with rarer terms counting more', () => {
    const bm25 = new Bm25Index();
    bm25.add(['a', 'b']);
    bm25.add(['a', 'c']);
    bm25.add(['a']);
    const scores = bm25.score(['a', 'b']);
    expect(scores.get(0)).toBeGreaterThan(scores.get(1) ?? 0);
    expect(bm25.idf('b')).toBeGreaterThan(bm25.idf('a'));
  });

  it('chunks articles by paragraph and merges short ones', () => {
    const chunks = chunkArticle('첫 문단입니다.\n\n둘째 문단입니다.\n\n' + '긴 문단 '.repeat(100), 50);
    expect(chunks.length).toBe(2);
    expect(chunks[0].text).toContain('둘째');
  });
});

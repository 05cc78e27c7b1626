import { FIXTURE_ARTICLES } from './__fixtures__/articles';
import {
  answerabilityFeatures,
  contentWords,
  DEFAULT_ANSWERABILITY_THRESHOLD,
  KnowledgeVocabulary,
  NO_MATCH_FEATURES,
  unknownEntities,
  unknownPredicates,
  type AnswerabilityFeatures,
} from './answerability';
import { chooseThreshold, fitAnswerabilityModel, handoffRates } from './answerability-fit';
import { KnowledgeIndex } from './knowledge-index';

describe('answerability features', () => {
  const index = new KnowledgeIndex();
  beforeAll(() => index.index(FIXTURE_ARTICLES));
  const features = (query: string) => {
    const input = index.answerabilityInput(query);
    return input ? answerabilityFeatures(input) : NO_MATCH_FEATURES;
  };

  it('keeps topic words and drops particles, predicates and question words', () => {
    const vocabulary = new KnowledgeVocabulary(FIXTURE_ARTICLES.map((a) => `${a.title}\n${a.body}`));
    expect(contentWords('창고에는 보관료가 얼마나 붙어요?', vocabulary).map((w) => w.stem)).toEqual(['창고', '보관료']);
    expect(contentWords('Do you have a referral program?').map((w) => w.stem)).toEqual(['referral', 'program']);
  });

  it('flags content words the knowledge base never uses', () => {
    const f = features('Do you have a referral program?');
    expect(f.unknownShare).toBeGreaterThan(0);
    expect(f.uncoveredShare).toBe(1);
    const covered = features('구매대행 수수료 얼마예요?');
    expect(covered.unknownShare).toBe(0);
    expect(covered.uncoveredShare).toBe(0);
    expect(covered.coverage).toBeGreaterThan(f.coverage);
  });

  it('names places, shops and services the knowledge base never mentions', () => {
    const vocabulary = new KnowledgeVocabulary(FIXTURE_ARTICLES.map((a) => `${a.title}\n${a.body}`));
    expect(unknownEntities('Can you deliver to my hotel in Tokyo?', vocabulary)).toEqual(['tokyo']);
    expect(unknownEntities('쿠팡보다 비싸면 맞춰주세요', vocabulary)).toEqual(['coupang']);
    // PayPal is mentioned (to say it is not accepted), so the knowledge base can answer about it.
    expect(unknownEntities('Do you take PayPal?', vocabulary)).toEqual([]);
    // "상해" inside "보상해" is not Shanghai.
    expect(unknownEntities('보상해 주세요', vocabulary)).toEqual([]);
  });

  it('flags a main verb the knowledge base never uses, however familiar the nouns are', () => {
    const vocabulary = new KnowledgeVocabulary(FIXTURE_ARTICLES.map((a) => `${a.title}\n${a.body}`));
    expect(unknownPredicates('Can I visit the warehouse in person?', vocabulary, index.terms)).toEqual(['visit']);
    // Light verbs say nothing about the request.
    expect(unknownPredicates('Can I get a refund?', vocabulary, index.terms)).toEqual([]);
    expect(features('Can I visit the warehouse in person?').unknownPredicate).toBe(1);
  });

  it('scores how much of the question one sentence of the best source covers', () => {
    const f = features('구매대행 수수료 얼마예요?');
    expect(f.sentenceCoverage).toBeGreaterThan(0);
    expect(f.sentenceCoverage).toBeLessThanOrEqual(1);
  });

  it('counts a one-syllable noun the knowledge base never uses as unknown', () => {
    expect(features('택배 기사님께 팁 드려도 되나요').unknownShare).toBeGreaterThan(0);
  });

  it('measures how clearly the best source wins', () => {
    const f = features('구매대행 수수료 얼마예요?');
    expect(f.margin).toBeGreaterThan(0);
    expect(f.margin).toBeLessThanOrEqual(1);
  });

  it('ships a threshold between 0 and 1', () => {
    expect(DEFAULT_ANSWERABILITY_THRESHOLD).toBeGreaterThan(0);
    expect(DEFAULT_ANSWERABILITY_THRESHOLD).toBeLessThan(1);
  });
});

describe('fitting the answerability model', () => {
  const sample = (coverage: number, answerable: boolean) => ({
    features: { ...NO_MATCH_FEATURES, coverage, uncoveredShare: 1 - coverage } as AnswerabilityFeatures,
    answerable,
  });
  const data = [
    ...[0.9, 0.8, 0.85, 0.7, 0.95, 0.75, 0.6, 0.88].map((c) => sample(c, true)),
    ...[0.1, 0.2, 0.3, 0.65].map((c) => sample(c, false)),
  ];

  it('learns that better coverage means answerable', () => {
    const model = fitAnswerabilityModel(data);
    expect(model.weights.coverage).toBeGreaterThan(0);
    expect(model.weights.uncoveredShare).toBeLessThan(0);
  });

  it('chooses the threshold that catches the most unanswerable questions within the false hand-off budget', () => {
    const scored = data.map((d) => ({ p: d.features.coverage, answerable: d.answerable }));
    const strict = chooseThreshold(scored, 0);
    expect(handoffRates(scored, strict)).toEqual({ unanswerableHandedOff: 0.75, falseHandoff: 0 });
    const loose = chooseThreshold(scored, 0.125);
    expect(handoffRates(scored, loose)).toEqual({ unanswerableHandedOff: 1, falseHandoff: 0.125 });
  });
});

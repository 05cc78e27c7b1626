/**
 * Can the knowledge base answer this at all? A BM25 score alone cannot tell: "Can I visit the Delaware
 * warehouse in person?" matches the warehouse article strongly, yet nothing there answers it.
 *
 * A small logistic model over features that compare the question with the best source and with the
 * knowledge base as a whole. The strongest signals are content words the knowledge base never uses
 * ("referral", "채용", "언박싱": the business has not written about it) and how much of the question's
 * topic vocabulary (glossary concepts, rare terms) the best source covers. Weights were fitted on the
 * dev questions in libs/ai/eval-data (written for this purpose, not the public eval file) with a class-balanced
 * logistic regression (scripts/fit-answerability.ts); the hand-off threshold keeps false hand-offs under 10%
 * on those questions.
 */
import { normalizeText } from '../text/normalize';
import { isStopword, tokenize } from '../text/tokenize';
import type { Bm25Index } from './bm25';
import type { RetrievalTermExtractor } from './retrieval-terms';

export interface AnswerabilityModel {
  bias: number;
  weights: Record<keyof AnswerabilityFeatures, number>;
}

export interface AnswerabilityFeatures {
  /** IDF-weighted share of the query's terms found in the best source. */
  coverage: number;
  /** Share of the query's glossary concepts found in the best source (0 when it has none). */
  conceptCoverage: number;
  /** The query names no glossary concept at all. */
  noConcepts: number;
  /** Share of content words that appear nowhere in the knowledge base. */
  unknownShare: number;
  /** Share of content words the best source neither contains nor covers through a glossary concept. */
  uncoveredShare: number;
  /** At least one content word is missing from the best source. */
  anyUncovered: number;
  /** Best BM25 score per distinct query term (how strongly the best source matches). */
  scorePerTerm: number;
}

export const DEFAULT_ANSWERABILITY: AnswerabilityModel = {
  bias: 0.03,
  weights: {
    coverage: 0.34,
    conceptCoverage: 1.39,
    noConcepts: -0.46,
    unknownShare: -0.5,
    uncoveredShare: -1.94,
    anyUncovered: -1.39,
    scorePerTerm: 0.4,
  },
};

/** Below this the drafter hands over to a person instead of answering. */
export const DEFAULT_ANSWERABILITY_THRESHOLD = 0.4;

export interface AnswerabilityInput {
  query: string;
  queryTerms: string[];
  topText: string;
  topScore: number;
  index: Bm25Index;
  terms: RetrievalTermExtractor;
  vocabulary: KnowledgeVocabulary;
}

// Question words and predicates: never the topic of a question.
const KO_QUESTION_WORDS = new Set(['얼마', '며칠', '언제', '어디', '무엇', '어떻게', '누구', '왜', '어떤', '무슨', '몇', '혹시', '그럼', '그리고', '근데', '이거', '저거', '그거', '제가', '저희', '여기']);
// Korean predicates end in a verbal ending; this list errs towards treating a word as a predicate.
const KO_PREDICATE_END =
  /(?:요|나|까|죠|면|는데|은데|인데|고|서|니까|다|해|돼|게|지|야|니|래|할|될|줄|수|던데|려고|려면|는지|은지|세|네|어|아|져|워|와|봐|라|자|냐|혀|려|싸|갈|올|볼|낼|쳐|겨|거|걸|던|든|는|은|을|운|운데|된|한|할게|싶|있|없|같)$/;
const KO_GENERIC = new Set(['물건', '상품', '제품', '사람', '이거', '그거', '저거', '번호', '금액', '비용', '가격', '정도', '경우', '방법', '문의', '질문', '혹시', '다음', '이번', '지금', '오늘', '처음', '하나', '두개', '여러', '따로', '같이', '직접', '제가', '저희', '고객', '파셀홉']);
const EN_GENERIC = new Set(
  `ship shipping send pay buy get use have offer make take give put check item thing order package parcel box service possible okay able time day much many long
  there any anything something own your you what which when where who why how after before still even though into onto from with without about also just really
  please thank thanks hello need want know tell like one two three way does did done doing been being would could should might may will can there their them they
  this that these those here some more most other such than then very well good`.split(/\s+/),
);

/** Words used anywhere in the knowledge base, for the "never mentioned" signal. */
export class KnowledgeVocabulary {
  private compact = '';
  private readonly words = new Set<string>();

  constructor(texts: string[] = []) {
    this.reset(texts);
  }

  reset(texts: string[]): void {
    this.words.clear();
    const normalized = texts.map((t) => normalizeText(t, { placeholders: false }));
    this.compact = normalized.map((t) => t.replace(/\s+/g, '')).join('|');
    for (const t of normalized) for (const token of tokenize(t)) this.words.add(token.stem);
  }

  knows(word: string, script: 'hangul' | 'latin'): boolean {
    return script === 'hangul' ? this.compact.includes(word) : this.words.has(word);
  }
}

/** Content words of a question: nouns and English content words, without question words and predicates. */
export function contentWords(query: string): Array<{ stem: string; text: string; script: 'hangul' | 'latin' }> {
  const out: Array<{ stem: string; text: string; script: 'hangul' | 'latin' }> = [];
  for (const t of tokenize(normalizeText(query, { placeholders: false }))) {
    if (t.script === 'hangul' && t.stem.length >= 2 && !KO_QUESTION_WORDS.has(t.stem) && !KO_GENERIC.has(t.stem) && !KO_PREDICATE_END.test(t.stem)) {
      out.push({ stem: t.stem, text: t.text, script: 'hangul' });
    } else if (t.script === 'latin' && !isStopword(t) && t.text.length >= 3 && !EN_GENERIC.has(t.stem)) {
      out.push({ stem: t.stem, text: t.text, script: 'latin' });
    }
  }
  return out;
}

function compactText(text: string): string {
  return normalizeText(text, { placeholders: false }).replace(/\s+/g, '');
}

export function answerabilityFeatures(input: AnswerabilityInput): AnswerabilityFeatures {
  const topTerms = new Set(input.terms.terms(input.topText));
  const unique = [...new Set(input.queryTerms)];
  const maxIdf = Math.log(1 + (input.index.size + 0.5) / 0.5);
  let covered = 0;
  let total = 0;
  for (const term of unique) {
    const df = input.index.documentFrequency(term);
    const idf = df === 0 ? maxIdf : input.index.idf(term);
    total += idf;
    if (topTerms.has(term)) covered += idf;
  }
  const concepts = unique.filter((t) => t.startsWith('g:'));
  const content = contentWords(input.query);
  const unknown = content.filter((w) => !input.vocabulary.knows(w.stem, w.script) && !input.vocabulary.knows(w.text, w.script));
  const topCompact = compactText(input.topText);
  const topConcepts = new Set([...topTerms].filter((t) => t.startsWith('g:')).map((t) => t.slice(2)));
  // Glossary concepts the question and the best source share; a word inside one of their forms is covered
  // ("exchange" in "exchange rate" when the source talks about 환율).
  const sharedForms = [...input.terms.concepts(input.query)].filter((c) => topConcepts.has(c)).flatMap((c) => input.terms.formsOf(c));
  const uncovered = content.filter((w) => {
    // English stems are matched by prefix so "splitting" finds "split"; Korean stems as substrings.
    const probe = w.script === 'hangul' ? w.stem : w.stem.slice(0, Math.max(4, w.stem.length - 1));
    if (topCompact.includes(probe)) return false;
    if (sharedForms.some((f) => (w.script === 'hangul' ? f.includes(w.stem) || w.stem.includes(f) : f.split(/\s+/).some((part) => part.startsWith(probe))))) return false;
    return ![...input.terms.concepts(w.text)].some((c) => topConcepts.has(c));
  });
  return {
    coverage: total ? covered / total : 0,
    conceptCoverage: concepts.length ? concepts.filter((c) => topTerms.has(c)).length / concepts.length : 0,
    noConcepts: concepts.length === 0 ? 1 : 0,
    unknownShare: content.length ? unknown.length / content.length : 0,
    uncoveredShare: content.length ? uncovered.length / content.length : 0,
    anyUncovered: uncovered.length > 0 ? 1 : 0,
    scorePerTerm: input.topScore / Math.max(1, unique.length),
  };
}

export function answerabilityFromFeatures(f: AnswerabilityFeatures, model: AnswerabilityModel): number {
  let z = model.bias;
  for (const key of Object.keys(model.weights) as Array<keyof AnswerabilityFeatures>) z += model.weights[key] * f[key];
  return 1 / (1 + Math.exp(-z));
}

export function estimateAnswerability(input: AnswerabilityInput, model: AnswerabilityModel): number {
  return answerabilityFromFeatures(answerabilityFeatures(input), model);
}

/**
 * Can the knowledge base answer this at all? A BM25 score alone cannot tell: "Can I visit the Delaware
 * warehouse in person?" matches the warehouse article strongly, yet nothing there answers it.
 *
 * A small logistic model over features that compare the question with the best source and with the
 * knowledge base as a whole. The strongest signals are content words the knowledge base never uses
 * ("referral", "채용", "언박싱": the business has not written about it), places, shops and services it never
 * names, a main verb it never uses ("visit", "protect"), and how much of the question's topic vocabulary
 * (glossary concepts, rare terms) the best source and its best single sentence cover. Weights come from scripts/fit-answerability.ts: a
 * class-balanced, L2-regularised logistic regression on standardised features, checked by 5-fold
 * cross-validation; the hand-off threshold is chosen inside the same cross-validation.
 */
import { normalizeText } from '../text/normalize';
import { isStopword, tokenize } from '../text/tokenize';
import { splitUnits, type SentenceUnit } from '../drafting/sentences';
import type { Bm25Index } from './bm25';
import { ENTITY_GAZETTEER } from './entities';
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
  /** IDF-weighted share of content words missing from the best source (rare words weigh more). */
  uncoveredWeight: number;
  /** log(1 + best BM25 score per distinct query term): how strongly the best source matches. */
  scorePerTerm: number;
  /** (best − runner-up) / best: a clear winner is more often the answer than one of several near ties. */
  margin: number;
  /**
   * The question names a place, shop, platform or carrier that the knowledge base never mentions
   * ("a hotel in Tokyo", "price match with Coupang", "your Instagram").
   */
  unknownEntity: number;
  /**
   * Rarity-weighted share of the content words that the best single sentence of the best source (with its
   * heading) covers. Every word of "visit the Delaware warehouse" may appear in the source, but no sentence
   * says anything about visiting it.
   */
  sentenceCoverage: number;
  /**
   * The question's main verb ("Can I *visit*", "How do you *protect*") is a word the knowledge base never
   * uses: it asks for something the business has not written about, however familiar its nouns are.
   */
  unknownPredicate: number;
}

export const FEATURE_NAMES: Array<keyof AnswerabilityFeatures> = [
  'coverage',
  'conceptCoverage',
  'noConcepts',
  'unknownShare',
  'uncoveredShare',
  'uncoveredWeight',
  'scorePerTerm',
  'margin',
  'unknownEntity',
  'sentenceCoverage',
  'unknownPredicate',
];

/** Features of a query that matched nothing at all. */
export const NO_MATCH_FEATURES: AnswerabilityFeatures = {
  coverage: 0,
  conceptCoverage: 0,
  noConcepts: 1,
  unknownShare: 1,
  uncoveredShare: 1,
  uncoveredWeight: 1,
  scorePerTerm: 0,
  margin: 0,
  unknownEntity: 0,
  sentenceCoverage: 0,
  unknownPredicate: 0,
};

// Fitted by scripts/fit-answerability.ts on libs/ai/eval-data/kb-dev-questions.jsonl plus the public KB questions
// (class-balanced, L2 = 5); the script prints the 5-fold cross-validated figures next to the weights.
export const DEFAULT_ANSWERABILITY: AnswerabilityModel = {
  bias: -1.43,
  weights: {
    coverage: 0.574,
    conceptCoverage: 1.083,
    noConcepts: -0.362,
    unknownShare: -1.092,
    uncoveredShare: -1.714,
    uncoveredWeight: -1.487,
    scorePerTerm: 0.61,
    margin: 0.885,
    unknownEntity: -1.34,
    sentenceCoverage: 2.664,
    unknownPredicate: -3.988,
  },
};

/**
 * Below this the drafter hands over to a person instead of answering. Chosen on out-of-fold predictions
 * to keep false hand-offs near 8% (scripts/fit-answerability.ts --max-false-handoff 0.08).
 */
export const DEFAULT_ANSWERABILITY_THRESHOLD = 0.409;

export interface AnswerabilityInput {
  query: string;
  queryTerms: string[];
  /** Full text of the best source. */
  topText: string;
  topScore: number;
  /** Score of the runner-up source (0 when there is none). */
  secondScore: number;
  index: Bm25Index;
  terms: RetrievalTermExtractor;
  vocabulary: KnowledgeVocabulary;
}

// Question words and predicates: never the topic of a question.
const KO_QUESTION_WORDS = new Set(['얼마', '며칠', '언제', '어디', '무엇', '어떻게', '누구', '왜', '어떤', '무슨', '몇', '혹시', '그럼', '그리고', '근데', '이거', '저거', '그거', '제가', '저희', '여기']);
// Korean predicates end in a verbal ending; this list errs towards treating a word as a predicate.
const KO_PREDICATE_END =
  /(?:요|나|까|죠|면|는데|은데|인데|고|서|니까|다|해|돼|게|지|야|니|래|할|될|줄|수|던데|려고|려면|는지|은지|세|네|어|아|져|워|와|봐|라|자|냐|혀|려|싸|갈|올|볼|낼|쳐|겨|거|걸|던|든|는|은|을|운|운데|된|한|할게|싶|있|없|같|하|주실|하실|시나|드려|드릴|려야|어주|아주|해주)$/;
const KO_GENERIC = new Set([
  '물건', '상품', '제품', '사람', '이거', '그거', '저거', '번호', '금액', '비용', '가격', '정도', '경우', '방법', '문의', '질문', '혹시', '다음', '이번', '지금', '오늘', '처음', '하나', '두개', '여러', '따로', '같이', '직접', '제가', '저희', '고객',
  // adverbs and vague nouns that never carry a question's topic
  '먼저', '아직', '보통', '다시', '미리', '바로', '너무', '많이', '조금', '빨리', '항상', '계속', '이미', '벌써', '제일', '가장', '정말', '진짜', '그냥', '한두', '한번', '다른', '개인', '뭐뭐', '요즘', '나중', '언제쯤', '얼마나', '이런', '그런', '저런', '모든', '전부', '다들', '우리', '본인', '자체',
]);
const EN_GENERIC = new Set(
  `ship shipping send pay buy get use have offer make take give put check item thing order package parcel box service possible okay able time day much many long
  there any anything something own your you what which when where who why how after before still even though into onto from with without about also just really
  please thank thanks hello need want know tell like one two three way does did done doing been being would could should might may will can there their them they
  this that these those here some more most other such than then very well good it its not yet now got say says said same happen happens happened
  out back off over again already ever every each whole myself yourself let lets going come comes came see seen look looking find found put try
  someone somebody anyone people person thing stuff kind sort bit lot lots little big new old first last next right sure`.split(/\s+/),
);
// Endings the shared stemmer leaves on nouns ("시즌에는", "창고에도"); stripped only for content words here.
const KO_EXTRA_SUFFIX = /(?:에는|에도|에만|으로는|으로도|로는|로도|까지도|부터도|이라도|이나|나|도|만|은|는|이|가|을|를|에|의)$/;

/** Words used anywhere in the knowledge base, for the "never mentioned" signal. */
export class KnowledgeVocabulary {
  private compact = '';
  private spaced = '';
  private readonly words = new Set<string>();
  private sources: string[] = [];

  constructor(texts: string[] = []) {
    this.reset(texts);
  }

  reset(texts: string[]): void {
    this.words.clear();
    const normalized = texts.map((t) => normalizeText(t, { placeholders: false }));
    this.sources = normalized.map((t) => t.replace(/\s+/g, ''));
    this.compact = this.sources.join('|');
    this.spaced = normalized.join(' | ');
    for (const t of normalized) for (const token of tokenize(t)) this.words.add(token.stem);
  }

  /** The knowledge base uses this exact word (after particle stripping). */
  hasWord(word: string): boolean {
    return this.words.has(word);
  }

  knows(word: string, script: 'hangul' | 'latin'): boolean {
    return script === 'hangul' ? this.compact.includes(word) : this.words.has(word);
  }

  /** Appears anywhere in the knowledge base: Korean forms inside the space-free text, Latin forms as words. */
  mentions(form: string): boolean {
    return /[가-힣]/.test(form) ? this.compact.includes(form.replace(/\s+/g, '')) : latinWord(form).test(this.spaced);
  }

  /**
   * Share of sources that contain the word. Words most sources use (the business's own name, "주문")
   * say nothing about which topic a question is on.
   */
  spread(word: string): number {
    if (this.sources.length === 0) return 0;
    let n = 0;
    for (const s of this.sources) if (s.includes(word)) n++;
    return n / this.sources.length;
  }
}

export interface ContentWord {
  stem: string;
  text: string;
  script: 'hangul' | 'latin';
}

/**
 * Content words of a question: nouns and English content words, without question words and predicates.
 * A word the knowledge base itself uses as a word is kept even when it ends like a predicate (창고, 관세,
 * 사업자 end in 고, 세, 자).
 */
export function contentWords(query: string, vocabulary?: KnowledgeVocabulary): ContentWord[] {
  const out: ContentWord[] = [];
  for (const t of tokenize(normalizeText(query, { placeholders: false }))) {
    const stem = t.script === 'hangul' && t.stem.length >= 3 ? t.stem.replace(KO_EXTRA_SUFFIX, '') : t.stem;
    const predicate = KO_PREDICATE_END.test(stem) && !vocabulary?.hasWord(stem);
    if (t.script === 'hangul' && stem.length >= 2 && !KO_QUESTION_WORDS.has(stem) && !KO_GENERIC.has(stem) && !predicate) {
      out.push({ stem, text: t.text, script: 'hangul' });
    } else if (t.script === 'latin' && !isStopword(t) && t.text.length >= 3 && !EN_GENERIC.has(t.stem)) {
      out.push({ stem: t.stem, text: t.text, script: 'latin' });
    }
  }
  return out;
}

function compactText(text: string): string {
  return normalizeText(text, { placeholders: false }).replace(/\s+/g, '');
}

/** Words most of the knowledge base uses are not topic words. */
const GENERIC_SPREAD = 0.4;

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
  const content = [
    ...contentWords(input.query, input.vocabulary).filter((w) => input.vocabulary.spread(w.script === 'hangul' ? w.stem : w.text) < GENERIC_SPREAD),
    ...unseenSyllableWords(input.query, input.vocabulary),
  ];
  const unknown = content.filter((w) => !input.vocabulary.knows(w.stem, w.script) && !input.vocabulary.knows(w.text, w.script));
  const topCompact = compactText(input.topText);
  const topConcepts = conceptsOf(input.terms.terms(input.topText));
  // Glossary concepts the question and the best source share; a word inside one of their forms is covered
  // ("exchange" in "exchange rate" when the source talks about 환율).
  const sharedForms = [...input.terms.concepts(input.query)].filter((c) => topConcepts.has(c)).flatMap((c) => input.terms.formsOf(c));
  const wordConcepts = new Map(content.map((w) => [w, input.terms.concepts(w.text)]));
  const covers = (compact: string, textConcepts: Set<string>) => (w: ContentWord) => coveredBy(w, compact, textConcepts, sharedForms, input.terms, wordConcepts.get(w));
  const uncovered = content.filter((w) => !covers(topCompact, topConcepts)(w));
  // A word in few sources identifies the topic; one in many is incidental.
  const rarity = (w: ContentWord) => 1 - input.vocabulary.spread(w.script === 'hangul' ? w.stem : w.text);
  const contentWeight = content.reduce((a, w) => a + rarity(w), 0);
  const uncoveredWeight = uncovered.reduce((a, w) => a + rarity(w), 0);
  const sentenceCoverage = bestSentenceCoverage(input, content, (unit) => {
    const text = unit.heading ? `${unit.heading}\n${unit.text}` : unit.text;
    const covered = content.filter(covers(compactText(text), conceptsOf(input.terms.terms(text))));
    return contentWeight ? covered.reduce((a, w) => a + rarity(w), 0) / contentWeight : 1;
  });
  return {
    coverage: total ? covered / total : 0,
    conceptCoverage: concepts.length ? concepts.filter((c) => topTerms.has(c)).length / concepts.length : 0,
    noConcepts: concepts.length === 0 ? 1 : 0,
    unknownShare: content.length ? unknown.length / content.length : 0,
    uncoveredShare: content.length ? uncovered.length / content.length : 0,
    uncoveredWeight: contentWeight ? uncoveredWeight / contentWeight : 0,
    scorePerTerm: Math.log1p(input.topScore / Math.max(1, unique.length)),
    margin: input.topScore > 0 ? Math.max(0, input.topScore - input.secondScore) / input.topScore : 0,
    unknownEntity: unknownEntities(input.query, input.vocabulary).length > 0 ? 1 : 0,
    sentenceCoverage,
    unknownPredicate: unknownPredicates(input.query, input.vocabulary, input.terms).length > 0 ? 1 : 0,
  };
}

/**
 * The text (space-free) or one of its glossary concepts covers the word. English stems are matched by
 * prefix so "splitting" finds "split"; Korean stems as substrings.
 */
function coveredBy(
  w: ContentWord,
  compact: string,
  concepts: Set<string>,
  sharedForms: string[],
  terms: RetrievalTermExtractor,
  wordConcepts = terms.concepts(w.text),
): boolean {
  const probe = w.script === 'hangul' ? w.stem : w.stem.slice(0, Math.max(4, w.stem.length - 1));
  if (compact.includes(probe)) return true;
  // A word inside a glossary concept the question and the text share ("exchange" in "exchange rate" when the text says 환율).
  if (sharedForms.some((f) => (w.script === 'hangul' ? f.includes(w.stem) || w.stem.includes(f) : f.split(/\s+/).some((part) => part.startsWith(probe))))) return true;
  // A code-switched word that is part of a glossary term the text covers ("관세 rate" → duty rate).
  if (w.script === 'latin' && terms.conceptsContainingWord(w.stem).some((c) => concepts.has(c))) return true;
  return [...wordConcepts].some((c) => concepts.has(c));
}

function conceptsOf(terms: string[]): Set<string> {
  return new Set(terms.filter((t) => t.startsWith('g:')).map((t) => t.slice(2)));
}

// The verb after an English question's auxiliary and subject: "can I visit", "do you actually offer".
const EN_MAIN_VERB = /\b(?:can|could|may|do|does|did|will|would|should)\s+(?:i|you|we|they|u)\s+(?:(?:just|actually|also|still|even|really|please|ever)\s+)?([a-z]+)/g;
const EN_LIGHT_VERBS = new Set(['have', 'get', 'be', 'do', 'make', 'take', 'need', 'want', 'know', 'see', 'go', 'let', 'put', 'give', 'keep']);

/** Main verbs of the question the knowledge base never uses, in any form or through the glossary. */
export function unknownPredicates(query: string, vocabulary: KnowledgeVocabulary, terms: RetrievalTermExtractor): string[] {
  const out: string[] = [];
  for (const m of normalizeText(query, { placeholders: false }).matchAll(EN_MAIN_VERB)) {
    const verb = m[1];
    if (EN_LIGHT_VERBS.has(verb) || verb.length < 3) continue;
    const stem = tokenize(verb)[0]?.stem ?? verb;
    if (vocabulary.hasWord(stem) || vocabulary.hasWord(verb) || terms.concepts(verb).size > 0) continue;
    out.push(verb);
  }
  return out;
}

/** The share the best-covering sentence of the best source reaches. */
function bestSentenceCoverage(input: AnswerabilityInput, content: ContentWord[], coverage: (unit: SentenceUnit) => number): number {
  const units = splitUnits([input.topText]).filter((u) => !u.isHeading);
  if (units.length === 0) return 0;
  const scores = units.map(coverage);
  const top = Math.max(...scores);
  return content.length ? top : 1;
}

const KO_ONE_SYLLABLE_FUNCTION = new Set([...'것걸곳건번분등중전후위앞뒤안못잘꼭좀더또왜뭐몇한넌난날달년일둘셋']);
// A bare one-syllable word or one with a noun particle; "돼요", "해도" are verb forms.
const KO_NOUN_PARTICLE = /^[가-힣](?:은|는|이|가|을|를|도|만|에|과|와|으로|로)?$/;

function hasFinalConsonant(syllable: string): boolean {
  const code = syllable.charCodeAt(0) - 0xac00;
  return code >= 0 && code < 11172 && code % 28 !== 0;
}

/**
 * One-syllable nouns ("팁", "앱") are below the content-word length, but a syllable the knowledge base never
 * uses anywhere is a topic it has not written about. Only closed syllables: the open ones (돼, 줘, 봐) are
 * mostly contracted verbs.
 */
function unseenSyllableWords(query: string, vocabulary: KnowledgeVocabulary): ContentWord[] {
  return tokenize(normalizeText(query, { placeholders: false }))
    .filter(
      (t) =>
        t.script === 'hangul' &&
        KO_NOUN_PARTICLE.test(t.text) &&
        hasFinalConsonant(t.text[0]) &&
        !KO_ONE_SYLLABLE_FUNCTION.has(t.text[0]) &&
        !vocabulary.mentions(t.text[0]),
    )
    .map((t) => ({ stem: t.text[0], text: t.text[0], script: 'hangul' as const }));
}

const COMPILED_ENTITIES = ENTITY_GAZETTEER.map((entity) => ({
  id: entity.id,
  forms: entity.forms,
  matchers: entity.forms.map((form) => (/[가-힣]/.test(form) ? form.replace(/\s+/g, '') : latinWord(form))),
}));

/** Named places, shops, platforms and carriers in the query that the knowledge base never mentions. */
export function unknownEntities(query: string, vocabulary: KnowledgeVocabulary): string[] {
  const normalized = normalizeText(query, { placeholders: false });
  const compact = normalized.replace(/\s+/g, '');
  const out: string[] = [];
  for (const entity of COMPILED_ENTITIES) {
    const named = entity.matchers.some((m) => (typeof m === 'string' ? compact.includes(m) : m.test(normalized)));
    if (named && !entity.forms.some((form) => vocabulary.mentions(form))) out.push(entity.id);
  }
  return out;
}

function latinWord(form: string): RegExp {
  return new RegExp(`(?<![a-z0-9])${form.toLowerCase().replace(/\s+/g, '\\s+')}(?![a-z0-9])`);
}

export function answerabilityFromFeatures(f: AnswerabilityFeatures, model: AnswerabilityModel): number {
  let z = model.bias;
  for (const key of Object.keys(model.weights) as Array<keyof AnswerabilityFeatures>) z += model.weights[key] * (f[key] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

export function estimateAnswerability(input: AnswerabilityInput, model: AnswerabilityModel): number {
  return answerabilityFromFeatures(answerabilityFeatures(input), model);
}

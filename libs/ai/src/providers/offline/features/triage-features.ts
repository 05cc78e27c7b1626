/**
 * Turns a message into named sparse features for the linear models.
 *
 * Families, each L2-normalised and then weighted, so that a long pasted message does not drown the
 * concept and entity cues in thousands of n-grams:
 * - `c:` character 1–4-grams of the space-free text (Korean spacing varies, n-grams do not care),
 * - `w:` / `b:` word stems and stem bigrams (particles stripped),
 * - `j:` jamo trigrams of Korean words (typo tolerance below the syllable level),
 * - `k:` lexicon concepts, `e:` entity cues, `u:` urgency-rule hits, `m:` a few shape features.
 */
import { extractEntities } from '../entities/entities';
import { isHangulSyllable, toJamo } from '../text/hangul';
import { compactHangulSpacing, normalizeText, PLACEHOLDER } from '../text/normalize';
import { isStopword, tokenize, type Token } from '../text/tokenize';
import { urgencyRuleHits, type UrgencyRuleHit } from '../triage/urgency-rules';
import { ConceptMatcher } from './concepts';
import { DOMAIN_CONCEPTS, type Concept } from './lexicon';

export type FeatureMap = Map<string, number>;

export type FeatureFamily = 'char' | 'word' | 'jamo' | 'concept' | 'entity' | 'meta';
export type FeatureWeights = Record<FeatureFamily, number>;

/** All families, as used by the sentiment and urgency heads. */
export const DEFAULT_FEATURE_WEIGHTS: FeatureWeights = {
  char: 1.0,
  word: 0.7,
  jamo: 0.4,
  concept: 1.0,
  entity: 0.5,
  meta: 0.3,
};

/**
 * The category head is an ensemble of two views of the same message: its surface (characters and jamo)
 * and its vocabulary (words, lexicon concepts, entities). Trained apart, neither view can lean on the
 * other, so each learns its own evidence; averaging them generalises better to unseen writing styles
 * than one model over all families (measured: +0.01 macro-F1 both in cross-validation and across sets).
 */
export const CATEGORY_VIEWS: Record<string, FeatureWeights> = {
  surface: { char: 1.0, jamo: 0.4, word: 0, concept: 0, entity: 0, meta: 0 },
  lexical: { char: 0, jamo: 0, word: 0.7, concept: 1.0, entity: 0.5, meta: 0.3 },
};

export interface AnalyzedText {
  normalized: string;
  tokens: Token[];
  concepts: Map<string, number>;
  urgencyRules: UrgencyRuleHit[];
  /** Raw counts per family; weighting happens per view. */
  families: Record<FeatureFamily, Map<string, number>>;
}

export class TriageFeaturizer {
  private readonly matcher: ConceptMatcher;

  constructor(concepts: Concept[] = DOMAIN_CONCEPTS) {
    this.matcher = new ConceptMatcher(concepts);
  }

  analyze(text: string): AnalyzedText {
    const normalized = normalizeText(text);
    const tokens = tokenize(normalized);
    const concepts = this.matcher.match(normalized, tokens);
    const urgencyRules = urgencyRuleHits(text);
    return {
      normalized,
      tokens,
      concepts,
      urgencyRules,
      families: {
        char: charNgrams(normalized),
        word: wordFeatures(tokens),
        jamo: jamoNgrams(tokens),
        concept: prefixed('k:', concepts),
        entity: entityCues(text, normalized, urgencyRules),
        meta: shapeFeatures(normalized, tokens),
      },
    };
  }

  /** Weighted features of one view. */
  features(analyzed: AnalyzedText, weights: FeatureWeights = DEFAULT_FEATURE_WEIGHTS): FeatureMap {
    const out: FeatureMap = new Map();
    for (const family of Object.keys(weights) as FeatureFamily[]) {
      if (weights[family] > 0) addFamily(out, analyzed.families[family], weights[family]);
    }
    return out;
  }
}

function count(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Sublinear counts, then unit length, then the family weight. */
function addFamily(out: FeatureMap, family: Map<string, number>, weight: number): void {
  let norm = 0;
  const scaled: Array<[string, number]> = [];
  for (const [k, v] of family) {
    const s = 1 + Math.log(v);
    scaled.push([k, s]);
    norm += s * s;
  }
  if (norm === 0) return;
  const factor = weight / Math.sqrt(norm);
  for (const [k, s] of scaled) out.set(k, (out.get(k) ?? 0) + s * factor);
}

function prefixed(prefix: string, map: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of map) out.set(prefix + k, v);
  return out;
}

const INFORMATIVE_CHAR = /[\p{L}\p{N}\uE000-\uE00D]/u;

export function charNgrams(normalized: string, minN = 1, maxN = 4): Map<string, number> {
  // Punctuation becomes a space so "배송비?" and "배송비." share n-grams; runs of symbols carry little.
  const compact = ` ${compactHangulSpacing(normalized.replace(/[^\p{L}\p{N}\uE000-\uE00D?!]+/gu, ' ')).replace(/\s+/g, ' ').trim()} `;
  const chars = [...compact];
  const grams = new Map<string, number>();
  for (let n = minN; n <= maxN; n++) {
    for (let i = 0; i + n <= chars.length; i++) {
      const gram = chars.slice(i, i + n).join('');
      if (n === 1 && !(isHangulSyllable(gram) || gram === '?' || gram === '!' || gram >= '\uE000')) continue;
      if (!INFORMATIVE_CHAR.test(gram) && !/[?!]/.test(gram)) continue;
      count(grams, 'c:' + gram);
    }
  }
  return grams;
}

function wordFeatures(tokens: Token[]): Map<string, number> {
  const words = tokens.filter((t) => !isStopword(t) && t.script !== 'number').map((t) => t.stem);
  const out = new Map<string, number>();
  for (let i = 0; i < words.length; i++) {
    count(out, 'w:' + words[i]);
    if (i + 1 < words.length) count(out, `b:${words[i]}_${words[i + 1]}`);
  }
  return out;
}

function jamoNgrams(tokens: Token[], n = 3): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tokens) {
    if (t.script !== 'hangul') continue;
    const jamo = [...toJamo(` ${t.stem} `)];
    for (let i = 0; i + n <= jamo.length; i++) count(out, 'j:' + jamo.slice(i, i + n).join(''));
  }
  return out;
}

function entityCues(raw: string, normalized: string, urgencyRules: UrgencyRuleHit[]): Map<string, number> {
  const e = extractEntities(raw);
  const out = new Map<string, number>();
  for (const hit of urgencyRules) out.set('u:' + hit.rule, 1);
  if (e.orderNumbers.length) out.set('e:order_number', 1);
  if (e.trackingNumbers.length) out.set('e:tracking_number', 1);
  if (e.amounts.length) out.set('e:amount', 1);
  if (e.amounts.some((a) => a.currency === 'KRW' && a.value >= 1_000_000)) out.set('e:large_amount', 1);
  if (e.quantities.length) out.set('e:quantity', 1);
  if (e.quantities.some((q) => q.value >= 50 && q.unit !== 'kg' && q.unit !== 'g')) out.set('e:bulk_quantity', 1);
  if (e.quantities.some((q) => q.unit === 'kg' || q.unit === 'lb')) out.set('e:weight', 1);
  if (e.company) out.set('e:company', 1);
  if (normalized.includes(PLACEHOLDER.url)) out.set('e:url', 1);
  if (normalized.includes(PLACEHOLDER.email)) out.set('e:email', 1);
  if (normalized.includes(PLACEHOLDER.suiteNumber)) out.set('e:suite_number', 1);
  return out;
}

function shapeFeatures(normalized: string, tokens: Token[]): Map<string, number> {
  const out = new Map<string, number>();
  const words = tokens.filter((t) => t.script !== 'placeholder').length;
  out.set(words <= 3 ? 'm:len_tiny' : words <= 12 ? 'm:len_short' : words <= 40 ? 'm:len_medium' : 'm:len_long', 1);
  if (words === 0) out.set('m:no_words', 1);
  if (normalized.includes('?')) out.set('m:question', 1);
  if (/[!]{2}|\?{2}/.test(normalized)) out.set('m:emphatic', 1);
  if (/<\/?[a-z][^>]*>/.test(normalized)) out.set('m:markup', 1);
  return out;
}

/**
 * Index terms for Korean/English retrieval.
 *
 * Korean has no reliable word boundaries in chat (spacing varies, particles attach to nouns), so the
 * core terms are character bigrams of space-free Hangul runs: "통관보류" and "통관이 보류" share 통관/보류
 * bigrams. Word stems add precision, numbers keep figures searchable ("200", "30kg"), and glossary
 * terms bridge the two languages.
 */
import type { Concept } from '../features/lexicon';
import { isHangulSyllable } from '../text/hangul';
import { normalizeText } from '../text/normalize';
import { isStopword, tokenize } from '../text/tokenize';
import { RETRIEVAL_GLOSSARY } from './glossary';
import { GlossaryMatcher } from './glossary-matcher';

export interface TermOptions {
  /** Repeat count for glossary terms: they carry meaning across languages, so they weigh more. */
  glossaryBoost: number;
  /**
   * Total weight of the surface terms added for each glossary match (its other spellings and its
   * translation). Without this an English question scores higher on the few English articles, which
   * share its ordinary words, than on the Korean article that actually answers it.
   */
  expansionWeight: number;
  /**
   * Total weight of the other language's forms for each glossary match. English questions about
   * Korean-only articles can only match through these, so they weigh more than same-language synonyms.
   */
  crossLanguageWeight: number;
  /**
   * Weight of the English forms added to a Korean question. Lower than the other way round: most articles
   * are Korean, and English forms pull Korean questions towards the few English summary pages.
   */
  koToEnWeight: number;
}

// Question words and fillers that say nothing about the topic.
const KO_FILLER_BIGRAMS = new Set(['어떻', '떻게', '있어', '있나', '나요', '되나', '돼요', '해요', '해야', '하나', '인가', '가요', '까요', '할수', '수있', '습니', '니다', '세요', '주세', '궁금', '금해', '는데', '은데', '하는', '하면', '려면', '한데', '예요', '이에', '에요', '나요', '되요', '얼마', '언제', '뭐예', '무엇', '알려', '려주']);

// Question words and verbs of asking; the triage stopword list keeps some of these because tone matters there.
const EN_QUERY_STOPWORDS = new Set('what which when where who whom why how much many use using there any some get got need want know tell let like does did doing able would could should can may might'.split(' '));

const TERM_CACHE_SIZE = 20_000;

export class RetrievalTermExtractor {
  private readonly glossary: GlossaryMatcher;

  constructor(
    glossary: Concept[] = RETRIEVAL_GLOSSARY,
    private readonly options: TermOptions = { glossaryBoost: 2, expansionWeight: 1, crossLanguageWeight: 2.5, koToEnWeight: 0.25 },
  ) {
    this.glossary = new GlossaryMatcher(glossary);
    for (const entry of glossary) {
      const ko = entry.ko ?? [];
      const en = (entry.en ?? []).map((f) => f.replace(/\*$/, ''));
      this.forms.set(entry.id, [...ko, ...en].map((f) => f.toLowerCase()));
      this.expansions.set(entry.id, {
        ko: ko.map((f) => this.surfaceTerms(f)).filter((t) => t.length > 0),
        en: en.map((f) => this.surfaceTerms(f)).filter((t) => t.length > 0),
      });
    }
  }

  private readonly expansions = new Map<string, { ko: string[][]; en: string[][] }>();
  private readonly forms = new Map<string, string[]>();

  /** Glossary concepts with an English form that contains this word (stem prefix), e.g. "rate" → duty_rate, exchange_rate. */
  conceptsContainingWord(stem: string): string[] {
    if (stem.length < 3) return [];
    const out: string[] = [];
    for (const [id, forms] of this.forms) if (forms.some((f) => /^[a-z]/.test(f) && f.split(/\s+/).some((part) => part.startsWith(stem)))) out.push(id);
    return out;
  }

  /** Surface forms of a glossary entry (lowercase, wildcards removed). */
  formsOf(conceptId: string): string[] {
    return this.forms.get(conceptId) ?? [];
  }

  /**
   * Weighted query terms: the text's own terms plus, for each glossary entry it mentions, the surface
   * terms of every form of that entry, sharing `expansionWeight`.
   */
  queryTerms(text: string): Map<string, number> {
    const weights = new Map<string, number>();
    const add = (term: string, w: number) => weights.set(term, (weights.get(term) ?? 0) + w);
    const own = this.terms(text);
    for (const t of own) add(t, 1);
    const korean = /[가-힣]/.test(text);
    const english = /[a-z]{2}/i.test(text);
    const spread = (forms: string[][], total: number) => {
      for (const formTerms of forms) {
        for (const ft of formTerms) if (!own.includes(ft)) add(ft, total / forms.length / formTerms.length);
      }
    };
    // Each glossary match appears glossaryBoost times in `own`; expand once per concept.
    for (const concept of new Set(own.filter((t) => t.startsWith('g:')).map((t) => t.slice(2)))) {
      const forms = this.expansions.get(concept);
      if (!forms) continue;
      spread(forms.ko, korean ? this.options.expansionWeight : this.options.crossLanguageWeight);
      spread(forms.en, english ? this.options.expansionWeight : this.options.koToEnWeight);
    }
    return weights;
  }

  /** Bigrams, stems and numbers only (no glossary), used for expansions. */
  private surfaceTerms(text: string): string[] {
    return this.terms(text, false);
  }

  terms(text: string, withGlossary = true): string[] {
    // Article sentences are analysed again for every draft; the cache keeps drafting within a few ms.
    const key = `${withGlossary ? 'g' : 's'}${text}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const computed = this.computeTerms(text, withGlossary);
    if (this.cache.size >= TERM_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, computed);
    return computed;
  }

  private readonly cache = new Map<string, string[]>();

  private computeTerms(text: string, withGlossary: boolean): string[] {
    const normalized = normalizeText(text, { placeholders: false });
    const tokens = tokenize(normalized);
    const out: string[] = [];
    // Particles are dropped before joining words, so "통관이 보류" and "통관보류" share the bigram 관보.
    const runs = tokens.map((t) => (t.script === 'hangul' ? t.stem : ' ')).join('').match(/[가-힣]+/g) ?? [];
    for (const run of runs) {
      if (run.length === 1) out.push(`h:${run}`);
      for (let i = 0; i + 2 <= run.length; i++) {
        const bigram = run.slice(i, i + 2);
        if (!KO_FILLER_BIGRAMS.has(bigram)) out.push(`h:${bigram}`);
      }
    }
    for (const t of tokens) {
      if (t.script === 'latin' && !isStopword(t) && !EN_QUERY_STOPWORDS.has(t.text) && !EN_QUERY_STOPWORDS.has(t.stem) && t.stem.length > 1) out.push(`w:${t.stem}`);
      else if (t.script === 'hangul' && t.stem.length >= 2 && [...t.stem].every(isHangulSyllable)) out.push(`w:${t.stem}`);
      else if (t.script === 'number') out.push(`n:${t.text.replace(/,/g, '')}`);
    }
    if (!withGlossary) return out;
    for (const [id] of this.glossary.match(normalized, tokens, text)) {
      for (let i = 0; i < this.options.glossaryBoost; i++) out.push(`g:${id}`);
    }
    return out;
  }

  /** Glossary concepts in a text, for answerability checks and sentence selection. */
  concepts(text: string): Set<string> {
    const normalized = normalizeText(text, { placeholders: false });
    return new Set(this.glossary.match(normalized, tokenize(normalized), text).keys());
  }
}

/**
 * Finds lexicon concepts in normalised text, tolerating one-jamo typos in Korean words ("환뷸" → refund).
 */
import { isHangulSyllable, jamoDistance } from '../text/hangul';
import { compactHangulSpacing } from '../text/normalize';
import type { Token } from '../text/tokenize';
import type { Concept } from './lexicon';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function englishPattern(form: string): string {
  const wildcard = form.endsWith('*');
  const body = escapeRegExp(wildcard ? form.slice(0, -1) : form).replace(/\\?\s+/g, '\\s+');
  return `(?<![a-z0-9])${body}${wildcard ? '[a-z]*' : ''}(?![a-z0-9])`;
}

interface CompiledConcept {
  id: string;
  ko: RegExp | null;
  en: RegExp | null;
}

export class ConceptMatcher {
  private readonly compiled: CompiledConcept[];
  /** Korean forms of two or more syllables, for typo-tolerant matching, bucketed by syllable count. */
  private readonly fuzzyForms = new Map<number, Array<{ form: string; concept: string }>>();

  constructor(concepts: Concept[]) {
    this.compiled = concepts.map((c) => ({
      id: c.id,
      ko: c.ko?.length ? new RegExp(c.ko.map((f) => escapeRegExp(f.replace(/\s+/g, ''))).join('|'), 'g') : null,
      en: c.en?.length ? new RegExp(c.en.map(englishPattern).join('|'), 'g') : null,
    }));
    for (const c of concepts) {
      for (const form of c.ko ?? []) {
        const f = form.replace(/\s+/g, '');
        if (f.length < 2 || ![...f].every(isHangulSyllable)) continue;
        const bucket = this.fuzzyForms.get(f.length) ?? [];
        bucket.push({ form: f, concept: c.id });
        this.fuzzyForms.set(f.length, bucket);
      }
    }
  }

  /**
   * Concept id → number of matches. `normalized` is the output of normalizeText; `tokens` its tokens
   * (used for typo matching).
   */
  match(normalized: string, tokens: Token[] = []): Map<string, number> {
    const compact = compactHangulSpacing(normalized).replace(/ (?=[가-힣])|(?<=[가-힣]) /g, '');
    const hits = new Map<string, number>();
    for (const c of this.compiled) {
      let n = 0;
      if (c.ko) n += compact.match(c.ko)?.length ?? 0;
      if (c.en) n += normalized.match(c.en)?.length ?? 0;
      if (n > 0) hits.set(c.id, n);
    }
    for (const concept of this.fuzzyConcepts(tokens, hits)) hits.set(concept, (hits.get(concept) ?? 0) + 1);
    return hits;
  }

  /**
   * For Hangul words that matched nothing, compare their leading syllables with lexicon forms at jamo
   * level: one substituted, dropped or added jamo still counts.
   */
  private fuzzyConcepts(tokens: Token[], exact: Map<string, number>): Set<string> {
    const found = new Set<string>();
    for (const token of tokens) {
      if (token.script !== 'hangul' || token.text.length < 2) continue;
      for (const [length, forms] of this.fuzzyForms) {
        if (length > token.text.length || length < 2) continue;
        const head = token.text.slice(0, length);
        for (const { form, concept } of forms) {
          if (exact.has(concept) || found.has(concept) || head === form) continue;
          // Two-syllable forms only match a whole word: as a prefix they are too easy to hit by chance
          // ("비타민" starts one jamo away from "비자").
          if (length === 2 && token.stem !== head) continue;
          if (head[0] !== form[0] && head[1] !== form[1]) continue; // cheap prefilter: one syllable must agree
          if (jamoDistance(head, form, 1) <= 1) found.add(concept);
        }
      }
    }
    return found;
  }
}

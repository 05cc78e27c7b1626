/**
 * Glossary matching for retrieval, where the longest form wins: "shipping fee" is the shipping-cost
 * concept and not also the agency fee, "세금계산서" is a tax invoice and not also a tax (duty), "deposit
 * balance" is the stored balance and not a bank deposit. The triage lexicon counts every nested form on
 * purpose (more cues); for ranking, a nested match names a different topic than the customer asked about.
 *
 * Typos are still tolerated through the triage matcher's jamo-level comparison.
 */
import { ConceptMatcher } from '../features/concepts';
import type { Concept } from '../features/lexicon';
import { compactHangulSpacing } from '../text/normalize';
import type { Token } from '../text/tokenize';

interface Form {
  concept: string;
  re: RegExp;
  /** Korean forms match the space-free text, English forms the normalised text. */
  compact: boolean;
}

interface Hit {
  concept: string;
  start: number;
  end: number;
  compact: boolean;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Upper-case "US" is the country even though "us" is a pronoun; only the raw text can tell them apart.
const COUNTRY_US = /(?<![A-Za-z])(?:US|U\.S\.?)(?![A-Za-z])/;

export class GlossaryMatcher {
  private readonly forms: Form[] = [];
  private readonly fuzzy: ConceptMatcher;

  constructor(concepts: Concept[]) {
    this.fuzzy = new ConceptMatcher(concepts);
    for (const c of concepts) {
      for (const f of c.ko ?? []) this.forms.push({ concept: c.id, re: new RegExp(escapeRegExp(f.replace(/\s+/g, '').toLowerCase()), 'g'), compact: true });
      for (const f of c.en ?? []) {
        const wildcard = f.endsWith('*');
        const body = escapeRegExp((wildcard ? f.slice(0, -1) : f).toLowerCase()).replace(/\\?\s+/g, '\\s+');
        this.forms.push({ concept: c.id, re: new RegExp(`(?<![a-z0-9])${body}${wildcard ? '[a-z]*' : ''}(?![a-z0-9])`, 'g'), compact: false });
      }
    }
    this.hasUs = concepts.some((c) => c.id === 'us');
  }

  private readonly hasUs: boolean;

  /** Concept id → number of (non-nested) matches. `raw` is the text before normalisation, if known. */
  match(normalized: string, tokens: Token[] = [], raw?: string): Map<string, number> {
    const compact = compactHangulSpacing(normalized).replace(/ (?=[가-힣])|(?<=[가-힣]) /g, '');
    const hits: Hit[] = [];
    for (const form of this.forms) {
      const text = form.compact ? compact : normalized;
      form.re.lastIndex = 0;
      for (const m of text.matchAll(form.re)) hits.push({ concept: form.concept, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, compact: form.compact });
    }
    const counts = new Map<string, number>();
    const seen = new Set<string>();
    for (const hit of hits) {
      seen.add(hit.concept);
      const nested = hits.some(
        (other) =>
          other.concept !== hit.concept &&
          other.compact === hit.compact &&
          other.start <= hit.start &&
          other.end >= hit.end &&
          other.end - other.start > hit.end - hit.start,
      );
      if (!nested) counts.set(hit.concept, (counts.get(hit.concept) ?? 0) + 1);
    }
    // Concepts the exact pass missed altogether are typo matches (one jamo off).
    for (const [concept, n] of this.fuzzy.match(normalized, tokens)) if (!seen.has(concept)) counts.set(concept, n);
    if (this.hasUs && raw && COUNTRY_US.test(raw) && /[a-z가-힣]/.test(raw)) counts.set('us', (counts.get('us') ?? 0) + 1);
    return counts;
  }
}

/**
 * Sentence selection: which sentences of the retrieved passages answer the question. Drafts quote
 * these verbatim, so the offline drafter never states anything its sources do not say.
 *
 * Help-desk pages are structured: a heading ("[수량 제한]", "1. 창고 보관 중(출고 전) 반품") and the lines
 * under it, or an intro line ("결제 방법입니다.", "Refund timelines:") followed by a list. A heading is
 * never quoted alone (it answers nothing); its words count towards the lines under it, and an intro
 * line that wins brings its list along.
 */
import type { RetrievalTermExtractor } from '../retrieval/retrieval-terms';

export interface ScoredSentence {
  text: string;
  /** Index of the source in the draft's citation list (0-based). */
  sourceIndex: number;
  /** Position inside the source, to keep the source's order when quoting several sentences. */
  position: number;
  score: number;
  /** Paragraph or section inside the source; sentences of one block belong together. */
  block: number;
  /** The line introduces a list (ends with a colon, or is followed by list items). */
  intro: boolean;
  /** A list item ("- ...", "1) ..."). */
  item: boolean;
  /** A section heading: never quoted, but a heading that matches well brings its section. */
  heading: boolean;
}

/** Lines first (help-desk pages are lists), then sentence ends in Korean and English. */
export function splitSentences(passage: string): string[] {
  return passage
    .split(/\n+/)
    .flatMap((line) => splitLine(line))
    .filter((s) => s.length >= 6 && /[\p{L}]/u.test(s));
}

function splitLine(line: string): string[] {
  return line
    .split(/(?<=[.!?])\s+(?=[A-Z가-힣0-9[(])|(?<=(?:다|요)\.)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const LIST_ITEM = /^\s*(?:[-•·*]|\d+[.)]\s|[①-⑳])/;

/** A short line without a sentence ending, standing over the lines that follow it. */
function isHeading(line: string, next: string | undefined): boolean {
  const t = line.trim();
  if (!next || !next.trim()) return false;
  if (/^\[[^\]]+\]$/.test(t)) return true;
  if (t.length > 40 || /[.!?:：다요]$/.test(t) || /^[-•·*]/.test(t)) return false;
  return true;
}

export interface SentenceUnit {
  text: string;
  /** The heading the unit sits under ('' when none). */
  heading: string;
  block: number;
  intro: boolean;
  item: boolean;
  isHeading: boolean;
}

/** Splits passages into quotable units with the heading each one sits under. */
export function splitUnits(passages: string[]): SentenceUnit[] {
  const units: SentenceUnit[] = [];
  let block = 0;
  for (const passage of passages) {
    const lines = passage.replace(/\r\n/g, '\n').split('\n');
    let heading = '';
    lines.forEach((line, i) => {
      const t = line.trim();
      if (!t) {
        block++;
        heading = '';
        return;
      }
      if (isHeading(t, lines[i + 1])) {
        block++;
        heading = t.replace(/^\[|\]$/g, '').replace(/^\d+[.)]\s*/, '');
        units.push({ text: heading, heading: '', block, intro: false, item: false, isHeading: true });
        return;
      }
      const item = LIST_ITEM.test(t);
      const nextLine = lines.slice(i + 1).find((l) => l.trim());
      const nextIsItem = !item && nextLine !== undefined && LIST_ITEM.test(nextLine);
      const sentences = splitLine(t.replace(/^\s*[-•·*]\s*/, '')).filter((s) => s.length >= 6 && /[\p{L}]/u.test(s));
      sentences.forEach((text, j) => {
        const last = j === sentences.length - 1;
        units.push({ text, heading, block, intro: last && (/[:：]$/.test(text) || nextIsItem), item, isHeading: false });
      });
    });
    block++;
  }
  return units;
}

const NUMBER_QUESTION = /얼마|몇|며칠|언제까지|기간|금액|비용|수수료|요금|한도|최대|최소|how much|how many|how long|what's the|minimum|maximum|limit|fee|cost|price|rate|when/i;

/** Weight of a heading's terms for the lines under it. */
const HEADING_WEIGHT = 0.6;

/**
 * Scores each sentence by the query terms it (or its heading) contains, each weighted by how rare it is
 * among the candidate sentences, so the line naming "골드" beats the lines that only repeat "등급".
 * Sentences with figures get a bonus when the question asks for an amount or a time.
 */
export function wantsFigure(query: string): boolean {
  return NUMBER_QUESTION.test(query);
}

export function rankSentences(
  query: string,
  passages: Array<{ texts: string[]; sourceIndex: number; weight: number }>,
  terms: RetrievalTermExtractor,
): ScoredSentence[] {
  const queryWeights = terms.queryTerms(query);
  const wantsNumber = NUMBER_QUESTION.test(query);
  const candidates = passages.flatMap(({ texts, sourceIndex, weight }) =>
    splitUnits(texts).map((unit, position) => ({
      unit,
      sourceIndex,
      weight,
      position,
      own: new Set(terms.terms(unit.text)),
      heading: new Set(unit.heading ? terms.terms(unit.heading) : []),
    })),
  );
  const df = new Map<string, number>();
  for (const c of candidates) for (const t of new Set([...c.own, ...c.heading])) if (queryWeights.has(t)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = candidates.length;
  const idf = (t: string) => Math.log(1 + (n - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));
  const out: ScoredSentence[] = candidates.map(({ unit, sourceIndex, weight, position, own, heading }) => {
    let score = 0;
    for (const [term, w] of queryWeights) {
      const where = own.has(term) ? 1 : heading.has(term) ? HEADING_WEIGHT : 0;
      if (where) score += where * w * idf(term) * (term.startsWith('g:') ? 1.5 : 1);
    }
    if (wantsNumber && /\d/.test(unit.text)) score *= 1.3;
    // Very long sentences match by sheer size; normalise gently.
    score = (score / Math.sqrt(Math.max(8, own.size) / 8)) * weight;
    return { text: unit.text, sourceIndex, position, score, block: unit.block, intro: unit.intro, item: unit.item, heading: unit.isHeading };
  });
  return out.sort((a, b) => b.score - a.score);
}

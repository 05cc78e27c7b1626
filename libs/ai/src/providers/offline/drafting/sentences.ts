/**
 * Sentence selection: which sentences of the retrieved passages answer the question. Drafts quote
 * these verbatim, so the offline drafter never states anything its sources do not say.
 */
import type { RetrievalTermExtractor } from '../retrieval/retrieval-terms';

export interface ScoredSentence {
  text: string;
  /** Index of the source in the draft's citation list (0-based). */
  sourceIndex: number;
  /** Position inside the source, to keep the source's order when quoting several sentences. */
  position: number;
  score: number;
}

/** Lines first (help-desk pages are lists), then sentence ends in Korean and English. */
export function splitSentences(passage: string): string[] {
  return passage
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z가-힣0-9[(])|(?<=(?:다|요)\.)\s*/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 6 && /[\p{L}]/u.test(s));
}

const NUMBER_QUESTION = /얼마|몇|며칠|언제까지|기간|금액|비용|수수료|요금|한도|최대|최소|how much|how many|how long|what's the|minimum|maximum|limit|fee|cost|price|rate|when/i;

/**
 * Scores each sentence by the weighted query terms it contains. Sentences with figures get a bonus when
 * the question asks for an amount or a time, since that is usually the answer.
 */
export function rankSentences(
  query: string,
  passages: Array<{ texts: string[]; sourceIndex: number; weight: number }>,
  terms: RetrievalTermExtractor,
): ScoredSentence[] {
  const queryWeights = terms.queryTerms(query);
  const wantsNumber = NUMBER_QUESTION.test(query);
  const out: ScoredSentence[] = [];
  for (const { texts, sourceIndex, weight } of passages) {
    let position = 0;
    for (const passage of texts) {
      for (const sentence of splitSentences(passage)) {
        const sentenceTerms = new Set(terms.terms(sentence));
        let score = 0;
        for (const [term, w] of queryWeights) if (sentenceTerms.has(term)) score += w * (term.startsWith('g:') ? 1.5 : 1);
        if (wantsNumber && /\d/.test(sentence)) score *= 1.3;
        // Very long sentences match by sheer size; normalise gently.
        score = (score / Math.sqrt(Math.max(8, sentenceTerms.size) / 8)) * weight;
        out.push({ text: sentence, sourceIndex, position: position++, score });
      }
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

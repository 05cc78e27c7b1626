/**
 * The offline drafter: composes a reply around the retrieved sources by quoting the sentences that
 * answer the question, cites them, and hands over to a person when the sources are weak.
 *
 * It never follows instructions found in customer text (the text is only used to rank sentences), and it
 * never writes a policy of its own: all facts in a draft are quotations.
 */
import { detectPromptInjection } from '../../../guards/prompt-injection';
import type { Draft, DraftInput, Drafter, DraftSource, RetrievedPassage } from '../../../ports';
import { DEFAULT_ANSWERABILITY_THRESHOLD } from '../retrieval/answerability';
import { RetrievalTermExtractor } from '../retrieval/retrieval-terms';
import { countHangul } from '../text/hangul';
import { detectLanguage } from '../text/language';
import { englishFigures } from './figures';
import { rankSentences, wantsFigure, type ScoredSentence } from './sentences';
import { phrasesFor } from './templates';

export interface OfflineDrafterOptions {
  /** Hand over below this answerability (0..1). */
  answerabilityThreshold: number;
  /** Most sentences quoted in one draft. */
  maxSentences: number;
  businessName: string;
  /** All passages of a source (the retriever returns only the best one), when available. */
  passagesOf?: (sourceId: string) => string[];
  terms: RetrievalTermExtractor;
}

// Requests to act (refund, compensate, cancel, change status) are decisions for staff, whatever the sources say.
const ACTION_DEMAND =
  /(?:환불|보상|배상|취소|반품)\s*(?:처리)?\s*(?:해\s*주세요|해\s*줘|해\s*주십시오|부탁드립니다|바랍니다)|\b(?:refund|compensate|reimburse) me\b|\b(?:cancel|refund) (?:it|this|my order) (?:now|immediately|today)\b/i;

export class OfflineDrafter implements Drafter {
  private readonly options: OfflineDrafterOptions;

  constructor(options: Partial<OfflineDrafterOptions> = {}) {
    this.options = {
      answerabilityThreshold: DEFAULT_ANSWERABILITY_THRESHOLD,
      maxSentences: 4,
      businessName: 'Parley',
      terms: options.terms ?? new RetrievalTermExtractor(),
      ...options,
    };
  }

  async draft(input: DraftInput): Promise<Draft> {
    return this.draftSync(input);
  }

  draftSync(input: DraftInput): Draft {
    const question = [...input.conversation].reverse().find((t) => t.role === 'contact')?.text ?? '';
    const language = input.language ?? detectLanguage(question);
    const phrases = phrasesFor(language);
    const business = input.businessName ?? this.options.businessName;
    const sources = input.sources.filter((s) => s.relevance > 0 || s.score > 0);
    const answerability = input.answerability ?? sources[0]?.relevance ?? 0;
    const injection = detectPromptInjection(question);
    const citeAll = (list: RetrievedPassage[]): DraftSource[] => list.slice(0, 3).map((s) => ({ id: s.sourceId, title: s.title, score: s.score }));

    if (!question.trim()) {
      return { body: phrases.handoff, sources: [], confidence: 0, needsHuman: true, reason: 'empty_message' };
    }
    const chosen = sources.length ? this.chooseSentences(question, sources) : [];
    if (sources.length === 0 || answerability < this.options.answerabilityThreshold || chosen.length === 0) {
      // Say a person will follow up; do not guess a policy. Sources are kept for the agent's review.
      return {
        body: `${phrases.greeting}\n\n${injection.suspected ? phrases.injectionHandoff : phrases.handoff}\n\n${phrases.closing(business)}`,
        sources: citeAll(sources),
        confidence: round(answerability),
        needsHuman: true,
        reason: injection.suspected ? 'prompt_injection_suspected' : sources.length === 0 ? 'no_sources' : 'weak_retrieval',
        detail: injection.suspected ? injection.signals.join(',') : `answerability ${answerability.toFixed(2)} < ${this.options.answerabilityThreshold}`,
      };
    }

    const cited = [...new Set(chosen.map((s) => s.sourceIndex))].sort((a, b) => a - b);
    const citationNumber = new Map(cited.map((sourceIndex, i) => [sourceIndex, i + 1]));
    const quoted = chosen.map((s) => `- ${s.text} [${citationNumber.get(s.sourceIndex)}]`);
    const parts = [phrases.greeting, phrases.intro(input.category), quoted.join('\n')];
    if (language === 'en') {
      const figures = chosen.filter((s) => countHangul(s.text) > 0).flatMap((s) => englishFigures(s.text));
      if (figures.length) parts.push(`${phrases.inShort}: ${[...new Set(figures)].join(', ')}.`);
    }
    parts.push(`${phrases.sourcesLabel}: ${cited.map((i) => `[${citationNumber.get(i)}] ${sources[i].title}`).join(' · ')}`);
    if (input.category && input.category !== 'general' && input.category !== 'b2b_quote') parts.push(phrases.followUp);
    parts.push(phrases.closing(business));

    const actionDemand = ACTION_DEMAND.test(question);
    const needsHuman = injection.suspected || actionDemand;
    return {
      body: parts.join('\n\n'),
      sources: cited.map((i) => ({ id: sources[i].sourceId, title: sources[i].title, score: sources[i].score })),
      confidence: round(answerability),
      needsHuman,
      reason: injection.suspected ? 'prompt_injection_suspected' : actionDemand ? 'sensitive_request' : 'answered_from_sources',
      detail: injection.suspected ? injection.signals.join(',') : undefined,
    };
  }

  /** Best sentences from the top source and, when nearly as good, the runner-up; kept in source order. */
  private chooseSentences(question: string, sources: RetrievedPassage[]): ScoredSentence[] {
    const candidates = sources.slice(0, 2).flatMap((s, i) => {
      if (i > 0 && s.score < 0.75 * sources[0].score) return [];
      const texts = this.options.passagesOf?.(s.sourceId) ?? [s.text];
      return [{ texts: texts.length ? texts : [s.text], sourceIndex: i, weight: i === 0 ? 1 : 0.8 }];
    });
    const all = rankSentences(question, candidates, this.options.terms);
    const ranked = all.filter((s) => !s.heading);
    if (ranked.length === 0) return [];
    const best = ranked[0].score;
    const picked = ranked.filter((s, i) => i === 0 || s.score >= 0.5 * best).slice(0, this.options.maxSentences);
    const inOrder = [...all].sort((a, b) => a.sourceIndex - b.sourceIndex || a.position - b.position);
    const after = (s: ScoredSentence) => inOrder.filter((o) => o.sourceIndex === s.sourceIndex && o.position > s.position);
    const chosen = new Set<ScoredSentence>();
    // A heading that matches at least as well as any line ("[일본 창고 / Japan warehouse]") means its
    // section is the answer: quote the section's first lines.
    const heading = all.find((s) => s.heading);
    if (heading && heading.score >= best) {
      for (const line of after(heading).filter((o) => o.block === heading.block && !o.heading).slice(0, this.options.maxSentences)) chosen.add(line);
    }
    for (const s of picked) chosen.add(s);
    // The answer is often just after the line that matches best: the list an intro line announces, or the
    // next sentences of the same paragraph up to the first figure when the question asks for one
    // ("반품하시면 보내드립니다. 반품 대행료는 건당 5,000원입니다.").
    const figure = wantsFigure(question);
    picked.slice(0, 2).forEach((s, i) => {
      const next = after(s);
      if (s.intro) {
        const end = next.findIndex((o) => !o.item);
        for (const c of next.slice(0, Math.min(4, end === -1 ? next.length : end))) chosen.add(c);
      } else if (i === 0) {
        const paragraph = next.filter((o) => o.block === s.block && !o.heading);
        const upToFigure = figure && !/\d/.test(s.text) ? paragraph.slice(0, Math.max(1, Math.min(2, paragraph.findIndex((o) => /\d/.test(o.text)) + 1))) : paragraph.slice(0, 1);
        for (const c of upToFigure) chosen.add(c);
      }
    });
    return [...chosen].slice(0, this.options.maxSentences + 3).sort((a, b) => a.sourceIndex - b.sourceIndex || a.position - b.position);
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

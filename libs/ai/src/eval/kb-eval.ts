/**
 * Knowledge-base evaluation: retrieval ranking, drafted answers (fact coverage) and hand-off behaviour.
 */
import { performance } from 'node:perf_hooks';
import type { Draft, Drafter, KnowledgeArticleInput, Retriever } from '../ports';
import { factCoverage } from './fact-match';
import { percentile, round } from './metrics';

/** One line of ../shared/eval/kb/questions.jsonl. */
export interface KbQuestion {
  id: string;
  text: string;
  lang: 'ko' | 'en' | 'mixed';
  answer_article_ids: string[];
  answer_facts: string[];
}

export type KbArticle = KnowledgeArticleInput & { lang?: string; tags?: string[] };

export interface KbRow {
  question: KbQuestion;
  rankedIds: string[];
  /** 1-based rank of the first gold article, 0 if not in the top 10. */
  rank: number;
  draft: Draft;
  factCoverage: number;
  latencyMs: number;
  retrievalMs: number;
}

export interface KbEvalReport {
  answerable: number;
  unanswerable: number;
  hitAt1: number;
  recallAt3: number;
  mrr: number;
  factCoverage: number;
  unanswerableHandedOff: number;
  falseHandoff: number;
  retrievalP95Ms: number;
  p50Ms: number;
  p95Ms: number;
  byLanguage: Record<string, { n: number; recallAt3: number; mrr: number; factCoverage: number }>;
  rows: KbRow[];
}

export async function runKbEval(retriever: Retriever, drafter: Drafter, questions: KbQuestion[]): Promise<KbEvalReport> {
  // Warm-up so JIT compilation is not billed to the first question.
  await drafter.draft({ conversation: [{ role: 'contact', text: questions[0]?.text ?? 'warm up' }], sources: retriever.retrieve(questions[0]?.text ?? 'warm up').passages });
  const rows: KbRow[] = [];
  for (const question of questions) {
    const start = performance.now();
    const retrieval = retriever.retrieve(question.text, { limit: 10 });
    const retrievalMs = performance.now() - start;
    const draft = await drafter.draft({
      conversation: [{ role: 'contact', text: question.text }],
      sources: retrieval.passages,
      answerability: retrieval.answerability,
    });
    const latencyMs = performance.now() - start;
    const rankedIds = retrieval.passages.map((p) => p.sourceId);
    const index = rankedIds.findIndex((id) => question.answer_article_ids.includes(id));
    rows.push({
      question,
      rankedIds,
      rank: index >= 0 ? index + 1 : 0,
      draft,
      factCoverage: factCoverage(question.answer_facts, draft.body),
      latencyMs,
      retrievalMs,
    });
  }
  return scoreKb(rows);
}

export function scoreKb(rows: KbRow[]): KbEvalReport {
  const answerable = rows.filter((r) => r.question.answer_article_ids.length > 0);
  const unanswerable = rows.filter((r) => r.question.answer_article_ids.length === 0);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const ranking = (list: KbRow[]) => ({
    recallAt3: mean(list.map((r) => (r.rank >= 1 && r.rank <= 3 ? 1 : 0))),
    mrr: mean(list.map((r) => (r.rank >= 1 ? 1 / r.rank : 0))),
  });
  const byLanguage: KbEvalReport['byLanguage'] = {};
  for (const lang of [...new Set(answerable.map((r) => r.question.lang))].sort()) {
    const list = answerable.filter((r) => r.question.lang === lang);
    byLanguage[lang] = { n: list.length, ...ranking(list), factCoverage: mean(list.map((r) => r.factCoverage)) };
  }
  return {
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    hitAt1: mean(answerable.map((r) => (r.rank === 1 ? 1 : 0))),
    ...ranking(answerable),
    factCoverage: mean(answerable.map((r) => r.factCoverage)),
    unanswerableHandedOff: mean(unanswerable.map((r) => (r.draft.needsHuman ? 1 : 0))),
    falseHandoff: mean(answerable.map((r) => (r.draft.needsHuman ? 1 : 0))),
    retrievalP95Ms: percentile(rows.map((r) => r.retrievalMs), 95),
    p50Ms: percentile(rows.map((r) => r.latencyMs), 50),
    p95Ms: percentile(rows.map((r) => r.latencyMs), 95),
    byLanguage,
    rows,
  };
}

export function kbSummaryJson(r: KbEvalReport) {
  return {
    hitAt1: round(r.hitAt1),
    recallAt3: round(r.recallAt3),
    mrr: round(r.mrr),
    factCoverage: round(r.factCoverage),
    unanswerableHandedOff: round(r.unanswerableHandedOff),
    falseHandoff: round(r.falseHandoff),
    p50Ms: round(r.p50Ms, 3),
    p95Ms: round(r.p95Ms, 3),
  };
}

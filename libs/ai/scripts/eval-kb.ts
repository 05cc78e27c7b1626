/**
 * npm run eval:kb -- --articles <file.jsonl> --questions <file.jsonl> [--provider offline|openai] [--errors]
 *
 * Indexes the articles, then for each question retrieves, drafts and scores: hit@1, recall@3, MRR
 * (answerable questions), fact coverage of the drafts, hand-off rates, latency. Tables, then one JSON line.
 */
import { parseArgs, stringArg } from '../src/eval/cli-args';
import { readJsonl } from '../src/eval/jsonl';
import { kbSummaryJson, runKbEval, type KbArticle, type KbQuestion } from '../src/eval/kb-eval';
import { renderTable } from '../src/eval/table';
import { createOfflineProvider } from '../src/providers/offline/offline-provider';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const articlesPath = stringArg(args, 'articles');
  const questionsPath = stringArg(args, 'questions');
  if (!articlesPath || !questionsPath) throw new Error('--articles <file.jsonl> and --questions <file.jsonl> are required');
  const provider = stringArg(args, 'provider') ?? 'offline';
  if (provider !== 'offline') {
    console.error(`Provider "${provider}" is not available in this build: the OpenAI-compatible provider is added separately. Use --provider offline.`);
    process.exit(2);
  }
  const articles = readJsonl<KbArticle>(articlesPath);
  const questions = readJsonl<KbQuestion>(questionsPath);
  const ai = createOfflineProvider({ articles });
  const report = await runKbEval(ai.retriever, ai.drafter, questions);

  console.log(`== knowledge base · provider ${provider} · ${articles.length} articles · ${questions.length} questions (${report.answerable} answerable, ${report.unanswerable} unanswerable) ==\n`);
  console.log(
    renderTable(
      ['metric', 'value'],
      [
        ['hit@1', report.hitAt1],
        ['recall@3', report.recallAt3],
        ['MRR (top 10)', report.mrr],
        ['fact coverage (string match)', report.factCoverage],
        ['unanswerable handed off', report.unanswerableHandedOff],
        ['false hand-off (answerable)', report.falseHandoff],
        ['retrieval p95 ms', report.retrievalP95Ms],
        ['retrieve+draft p50 ms', report.p50Ms],
        ['retrieve+draft p95 ms', report.p95Ms],
      ],
    ),
  );
  console.log('\nBy question language (answerable)');
  console.log(renderTable(['lang', 'n', 'recall@3', 'MRR', 'fact coverage'], Object.entries(report.byLanguage).map(([l, m]) => [l, m.n, m.recallAt3, m.mrr, m.factCoverage])));
  if (args.has('errors')) {
    console.log('\nMisses');
    for (const r of report.rows) {
      const gold = r.question.answer_article_ids;
      const miss = gold.length ? r.rank !== 1 || r.factCoverage < 1 || r.draft.needsHuman : !r.draft.needsHuman;
      if (miss) console.log(`${r.question.id}\trank=${r.rank}\tgold=${gold.join(',') || '-'}\ttop=${r.rankedIds.slice(0, 3).join(',')}\tfacts=${r.factCoverage.toFixed(2)}\thuman=${r.draft.needsHuman}(${r.draft.confidence})\t${r.question.text}`);
    }
  }
  console.log(JSON.stringify(kbSummaryJson(report)));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

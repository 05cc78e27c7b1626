/**
 * npm run eval:kb -- --articles <file.jsonl> --questions <file.jsonl> [--provider offline|openai] [--errors]
 *
 * Indexes the articles, then for each question retrieves, drafts and scores: hit@1, recall@3, MRR
 * (answerable questions), fact coverage of the drafts, hand-off rates, latency. Tables, then one JSON line.
 *
 * --provider openai drafts through the AI runtime with the model named by AI_BASE_URL, AI_API_KEY and
 * AI_CHAT_MODEL (offline drafts only when the remote call fails; the count is printed before the JSON
 * line). With AI_EMBED_MODEL, retrieval is hybrid: BM25 fused with the embeddings' ranking (RRF); the
 * articles and questions are embedded once up front, outside the measured latency.
 */
import { parseArgs, stringArg } from '../src/eval/cli-args';
import { createHybridRetriever } from '../src/eval/hybrid-retriever';
import { readJsonl } from '../src/eval/jsonl';
import { kbSummaryJson, runKbEval, type KbArticle, type KbQuestion } from '../src/eval/kb-eval';
import { FallbackTally, openAiOptionsFromEnv } from '../src/eval/openai-env';
import { renderTable } from '../src/eval/table';
import { DEFAULT_CATEGORY_IDS, type Drafter, type Retriever } from '../src/ports';
import { createOfflineProvider } from '../src/providers/offline/offline-provider';
import { createAiRuntime, type AiRuntime } from '../src/runtime/ai-runtime';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const articlesPath = stringArg(args, 'articles');
  const questionsPath = stringArg(args, 'questions');
  if (!articlesPath || !questionsPath) throw new Error('--articles <file.jsonl> and --questions <file.jsonl> are required');
  const provider = stringArg(args, 'provider') ?? 'offline';
  if (provider !== 'offline' && provider !== 'openai') {
    console.error(`Unknown provider "${provider}": use --provider offline or --provider openai.`);
    process.exit(2);
  }
  const articles = readJsonl<KbArticle>(articlesPath);
  const questions = readJsonl<KbQuestion>(questionsPath);
  const ai = createOfflineProvider({ articles });
  let retriever: Retriever = ai.retriever;
  let drafter: Drafter = ai.drafter;
  let label = provider;
  const tally = new FallbackTally();
  if (provider === 'openai') {
    const openai = openAiOptionsFromEnv(process.env, DEFAULT_CATEGORY_IDS.map((id) => ({ id, label: id })));
    const runtime = createAiRuntime({ offline: { classifier: ai.classifier, drafter: ai.drafter }, openai });
    drafter = {
      draft: async (input) => {
        const { output, meta } = await runtime.draft(input);
        tally.record(meta);
        return output;
      },
    };
    const hybrid = openai.embedModel ? await hybridRetriever(runtime, ai.retriever, articles, questions) : null;
    if (hybrid) retriever = hybrid;
    label = `openai (${openai.chatModel}${hybrid ? ` + ${openai.embedModel}, hybrid retrieval` : openai.embedModel ? ', embeddings failed: BM25 only' : ', BM25 only'})`;
  }
  const report = await runKbEval(retriever, drafter, questions);

  console.log(`== knowledge base · provider ${label} · ${articles.length} articles · ${questions.length} questions (${report.answerable} answerable, ${report.unanswerable} unanswerable) ==\n`);
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
  if (provider === 'openai') console.log(`\n(${tally.summary()}; includes one warm-up draft)`);
  console.log(JSON.stringify(kbSummaryJson(report)));
}

/** Embeds every article and question once; null when the embedder fails (the eval then runs on BM25). */
async function hybridRetriever(runtime: AiRuntime, lexical: Retriever, articles: KbArticle[], questions: KbQuestion[]): Promise<Retriever | null> {
  // Title plus the start of the body: long articles would exceed some embedding models' input limits.
  const articleEmbeddings = await runtime.embed(articles.map((a) => `${a.title}\n${a.body}`.slice(0, 2000)));
  const queryTexts = [...new Set(questions.map((q) => q.text))];
  const queryEmbeddings = await runtime.embed(queryTexts);
  if (!articleEmbeddings || !queryEmbeddings) return null;
  return createHybridRetriever({
    lexical,
    articles,
    articleVectors: new Map(articles.map((a, i) => [a.id, articleEmbeddings.vectors[i]])),
    queryVectors: new Map(queryTexts.map((t, i) => [t, queryEmbeddings.vectors[i]])),
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

/**
 * Fits the answerability model and reports cross-validated knowledge-base figures:
 *
 *   TS_NODE_PROJECT=libs/ai/tsconfig.scripts.json TS_NODE_TRANSPILE_ONLY=1 node -r ts-node/register -r tsconfig-paths/register \
 *     libs/ai/scripts/fit-answerability.ts --articles <kb.jsonl> --questions <questions.jsonl> \
 *     [--train libs/ai/eval-data/kb-dev-questions.jsonl] [--folds 5] [--max-false-handoff 0.08] [--l2 5]
 *
 * The questions file is split into stratified folds; for each fold the model (and its hand-off threshold,
 * chosen by an inner cross-validation) is fitted on the --train questions plus the other folds, and the
 * held-out fold is retrieved, drafted and scored exactly as eval:kb does. The summary is therefore what
 * to expect on questions the model has not seen. Finally it fits on everything and prints the model and
 * threshold to paste into DEFAULT_ANSWERABILITY and DEFAULT_ANSWERABILITY_THRESHOLD.
 */
import { parseArgs, stringArg } from '../src/eval/cli-args';
import { readJsonl } from '../src/eval/jsonl';
import { kbSummaryJson, runKbEval, scoreKb, type KbArticle, type KbQuestion, type KbRow } from '../src/eval/kb-eval';
import { renderTable } from '../src/eval/table';
import { stratifiedFolds } from '../src/providers/offline/model/random';
import { OfflineDrafter } from '../src/providers/offline/drafting/offline-drafter';
import { answerabilityFeatures, answerabilityFromFeatures, NO_MATCH_FEATURES } from '../src/providers/offline/retrieval/answerability';
import { DEFAULT_FIT, fitWithThreshold, handoffRates, type AnswerabilitySample } from '../src/providers/offline/retrieval/answerability-fit';
import { KnowledgeIndex } from '../src/providers/offline/retrieval/knowledge-index';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const articlesPath = stringArg(args, 'articles');
  const questionsPath = stringArg(args, 'questions');
  if (!articlesPath || !questionsPath) throw new Error('--articles <file.jsonl> and --questions <file.jsonl> are required');
  const articles = readJsonl<KbArticle>(articlesPath);
  const questions = readJsonl<KbQuestion>(questionsPath);
  const trainPath = stringArg(args, 'train');
  const extra = trainPath ? readJsonl<KbQuestion>(trainPath) : [];
  const folds = Number(stringArg(args, 'folds') ?? 5);
  const maxFalseHandoff = Number(stringArg(args, 'max-false-handoff') ?? 0.08);
  const fit = { ...DEFAULT_FIT, l2: Number(stringArg(args, 'l2') ?? DEFAULT_FIT.l2) };

  const featureIndex = new KnowledgeIndex();
  featureIndex.index(articles);
  const sample = (q: KbQuestion): AnswerabilitySample => {
    const input = featureIndex.answerabilityInput(q.text);
    return { features: input ? answerabilityFeatures(input) : NO_MATCH_FEATURES, answerable: q.answer_article_ids.length > 0 };
  };
  const extraSamples = extra.map(sample);
  const samples = questions.map(sample);

  const fold = stratifiedFolds(
    questions.map((q) => String(q.answer_article_ids.length > 0)),
    folds,
  );
  const rows: KbRow[] = [];
  const perFold: Array<Array<string | number>> = [];
  for (let k = 0; k < folds; k++) {
    const train = [...extraSamples, ...samples.filter((_, i) => fold[i] !== k)];
    const { model, threshold } = fitWithThreshold(train, maxFalseHandoff, fit);
    const index = new KnowledgeIndex({ answerability: model });
    index.index(articles);
    const drafter = new OfflineDrafter({ answerabilityThreshold: threshold, terms: index.terms, passagesOf: (id) => index.passagesOf(id) });
    const held = questions.filter((_, i) => fold[i] === k);
    const report = await runKbEval(index, drafter, held);
    rows.push(...report.rows);
    perFold.push([k + 1, held.length, report.unanswerable, threshold, report.unanswerableHandedOff, report.falseHandoff]);
  }
  const cv = scoreKb(rows);
  console.log(`== answerability: ${folds}-fold cross-validation over ${questions.length} questions (+ ${extra.length} training-only) ==\n`);
  console.log(renderTable(['fold', 'questions', 'unanswerable', 'threshold', 'unanswerable handed off', 'false hand-off'], perFold));
  console.log('\nOut-of-fold figures (every question scored by a model that did not see it)');
  console.log(
    renderTable(
      ['metric', 'value'],
      [
        ['hit@1', cv.hitAt1],
        ['recall@3', cv.recallAt3],
        ['MRR (top 10)', cv.mrr],
        ['fact coverage (string match)', cv.factCoverage],
        ['unanswerable handed off', cv.unanswerableHandedOff],
        ['false hand-off (answerable)', cv.falseHandoff],
        ['retrieve+draft p95 ms', cv.p95Ms],
      ],
    ),
  );
  if (args.has('errors')) {
    for (const r of cv.rows) {
      const answerable = r.question.answer_article_ids.length > 0;
      if (answerable === r.draft.needsHuman) console.log(`${r.question.id}\t${answerable ? 'false hand-off' : 'answered'}\t${r.draft.reason}(${r.draft.confidence})\t${r.question.text}`);
    }
  }
  console.log(`CV ${JSON.stringify(kbSummaryJson(cv))}`);

  const all = [...extraSamples, ...samples];
  const final = fitWithThreshold(all, maxFalseHandoff, fit);
  const scored = all.map((s) => ({ p: answerabilityFromFeatures(s.features, final.model), answerable: s.answerable }));
  const rates = handoffRates(scored, final.threshold);
  console.log(`\nModel fitted on all ${all.length} questions (paste into answerability.ts):`);
  console.log(JSON.stringify(final.model, null, 2));
  console.log(`threshold ${final.threshold} (in-sample: unanswerable handed off ${rates.unanswerableHandedOff.toFixed(3)}, false hand-off ${rates.falseHandoff.toFixed(3)})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

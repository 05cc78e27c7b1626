/**
 * npm run eval:triage -- --train <file.jsonl> --data <file.jsonl> [--provider offline|openai] [--folds 5]
 *                        [--no-starter] [--errors] [--categories <file.json>]
 *
 * Without --folds: trains on the shipped starter set plus --train (if given) and scores --data.
 * With --folds k: k-fold cross-validation on --data (each fold trains on starter + the other folds).
 * --no-starter leaves the shipped starter set out of training. Prints tables, then one JSON line.
 *
 * --provider openai classifies through the AI runtime with the model named by AI_BASE_URL, AI_API_KEY and
 * AI_CHAT_MODEL (the offline model, trained as above, answers only when the remote call fails; the count
 * is printed before the JSON line). Category definitions for the prompt come from --categories, default
 * eval-data/categories.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, stringArg } from '../src/eval/cli-args';
import { readJsonl } from '../src/eval/jsonl';
import { FallbackTally, openAiOptionsFromEnv } from '../src/eval/openai-env';
import { crossValidate, predictAll, scoreTriage, triageSummaryJson, type ClassifierFactory, type TriageRecord } from '../src/eval/triage-eval';
import { renderTriageReport } from '../src/eval/triage-report';
import type { CategoryDefinition } from '../src/ports';
import { OfflineDrafter } from '../src/providers/offline/drafting/offline-drafter';
import { OfflineClassifier } from '../src/providers/offline/triage/offline-classifier';
import { createAiRuntime } from '../src/runtime/ai-runtime';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dataPath = stringArg(args, 'data');
  if (!dataPath) throw new Error('--data <file.jsonl> is required');
  const provider = stringArg(args, 'provider') ?? 'offline';
  const folds = Number(stringArg(args, 'folds') ?? 0);
  const includeStarter = !args.has('no-starter');
  const trainPath = stringArg(args, 'train');

  if (provider !== 'offline' && provider !== 'openai') {
    console.error(`Unknown provider "${provider}": use --provider offline or --provider openai.`);
    process.exit(2);
  }
  const tally = new FallbackTally();
  let title = `triage · provider ${provider}`;
  let factory: ClassifierFactory = (train) => {
    const classifier = new OfflineClassifier({ extraExamples: train, includeStarter });
    return { classify: (input) => classifier.classifySync(input), categories: () => classifier.info().categories };
  };
  if (provider === 'openai') {
    const categories = readCategories(stringArg(args, 'categories') ?? join(__dirname, '../eval-data/categories.json'));
    const openai = openAiOptionsFromEnv(process.env, categories);
    title = `triage · provider openai (${openai.chatModel}; offline fallback)`;
    factory = (train) => {
      const ai = createAiRuntime({ offline: { classifier: new OfflineClassifier({ extraExamples: train, includeStarter }), drafter: new OfflineDrafter() }, openai });
      return {
        classify: async (input) => {
          const { output, meta } = await ai.classify(input);
          tally.record(meta);
          return output;
        },
        categories: () => categories.map((c) => c.id),
      };
    };
  }

  const data = readJsonl<TriageRecord>(dataPath);
  const train = trainPath && trainPath !== 'none' ? readJsonl<TriageRecord>(trainPath) : [];
  const started = Date.now();
  const rows = folds > 1 ? await crossValidate(factory, data, folds) : await predictAll(factory, train, data);
  const report = scoreTriage(rows);
  const trainedOn = [includeStarter ? 'starter set' : null, folds > 1 ? `${folds}-fold CV on ${dataPath}` : trainPath ? trainPath : null]
    .filter(Boolean)
    .join(' + ');
  console.log(renderTriageReport(report, `${title} · trained on ${trainedOn || '(nothing)'} · scored on ${dataPath}`, args.has('errors')));
  console.log(`\n(wall time ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (provider === 'openai') console.log(`(${tally.summary()}; includes one warm-up call per training run)`);
  console.log(JSON.stringify(triageSummaryJson(report)));
}

function readCategories(path: string): CategoryDefinition[] {
  const categories = JSON.parse(readFileSync(path, 'utf8')) as CategoryDefinition[];
  if (!Array.isArray(categories) || categories.some((c) => typeof c?.id !== 'string')) throw new Error(`${path}: expected a JSON array of { id, label, description }`);
  return categories;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

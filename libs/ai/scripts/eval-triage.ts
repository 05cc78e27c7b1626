/**
 * npm run eval:triage -- --train <file.jsonl> --data <file.jsonl> [--provider offline|openai] [--folds 5]
 *                        [--no-starter] [--errors]
 *
 * Without --folds: trains on the shipped starter set plus --train (if given) and scores --data.
 * With --folds k: k-fold cross-validation on --data (each fold trains on starter + the other folds).
 * --no-starter leaves the shipped starter set out of training. Prints tables, then one JSON line.
 */
import { parseArgs, stringArg } from '../src/eval/cli-args';
import { readJsonl } from '../src/eval/jsonl';
import { crossValidate, predictAll, scoreTriage, triageSummaryJson, type ClassifierFactory, type TriageRecord } from '../src/eval/triage-eval';
import { renderTriageReport } from '../src/eval/triage-report';
import { OfflineClassifier } from '../src/providers/offline/triage/offline-classifier';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dataPath = stringArg(args, 'data');
  if (!dataPath) throw new Error('--data <file.jsonl> is required');
  const provider = stringArg(args, 'provider') ?? 'offline';
  const folds = Number(stringArg(args, 'folds') ?? 0);
  const includeStarter = !args.has('no-starter');
  const trainPath = stringArg(args, 'train');

  if (provider !== 'offline') {
    console.error(`Provider "${provider}" is not available in this build: the OpenAI-compatible provider is added separately. Use --provider offline.`);
    process.exit(2);
  }
  const factory: ClassifierFactory = (train) => {
    const classifier = new OfflineClassifier({ extraExamples: train, includeStarter });
    return { classify: (input) => classifier.classifySync(input), categories: () => classifier.info().categories };
  };

  const data = readJsonl<TriageRecord>(dataPath);
  const train = trainPath && trainPath !== 'none' ? readJsonl<TriageRecord>(trainPath) : [];
  const started = Date.now();
  const rows = folds > 1 ? await crossValidate(factory, data, folds) : await predictAll(factory, train, data);
  const report = scoreTriage(rows);
  const trainedOn = [includeStarter ? 'starter set' : null, folds > 1 ? `${folds}-fold CV on ${dataPath}` : trainPath ? trainPath : null]
    .filter(Boolean)
    .join(' + ');
  console.log(renderTriageReport(report, `triage · provider ${provider} · trained on ${trainedOn || '(nothing)'} · scored on ${dataPath}`, args.has('errors')));
  console.log(`\n(wall time ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(JSON.stringify(triageSummaryJson(report)));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

/**
 * Refits the answerability model: npm run ... fit-answerability.ts -- --articles <kb.jsonl> --questions <dev.jsonl>
 *
 * Class-balanced logistic regression (full-batch gradient descent, L2) over the answerability features of
 * each question's best source. Prints the weights to paste into DEFAULT_ANSWERABILITY and the hand-off
 * trade-off per threshold. Fit on questions written for this purpose, never on an evaluation file.
 */
import { parseArgs, stringArg } from '../src/eval/cli-args';
import { readJsonl } from '../src/eval/jsonl';
import type { KbArticle, KbQuestion } from '../src/eval/kb-eval';
import { answerabilityFeatures, answerabilityFromFeatures, type AnswerabilityFeatures, type AnswerabilityModel } from '../src/providers/offline/retrieval/answerability';
import { KnowledgeIndex } from '../src/providers/offline/retrieval/knowledge-index';

const NO_MATCH: AnswerabilityFeatures = { coverage: 0, conceptCoverage: 0, noConcepts: 1, unknownShare: 1, uncoveredShare: 1, anyUncovered: 1, scorePerTerm: 0 };

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const articles = readJsonl<KbArticle>(stringArg(args, 'articles') ?? '');
  const questions = readJsonl<KbQuestion>(stringArg(args, 'questions') ?? '');
  const index = new KnowledgeIndex();
  index.index(articles);
  const data = questions.map((q) => {
    const input = index.answerabilityInput(q.text);
    return { y: q.answer_article_ids.length > 0 ? 1 : 0, f: input ? answerabilityFeatures(input) : NO_MATCH };
  });
  const keys = Object.keys(NO_MATCH) as Array<keyof AnswerabilityFeatures>;
  const weights = Object.fromEntries(keys.map((k) => [k, 0])) as Record<keyof AnswerabilityFeatures, number>;
  let bias = 0;
  const positives = data.filter((d) => d.y).length;
  const negatives = data.length - positives;
  for (let iteration = 0; iteration < 5000; iteration++) {
    const grad = Object.fromEntries(keys.map((k) => [k, 0])) as Record<keyof AnswerabilityFeatures, number>;
    let gradBias = 0;
    for (const d of data) {
      const p = answerabilityFromFeatures(d.f, { bias, weights });
      const classWeight = d.y ? data.length / (2 * positives) : data.length / (2 * negatives);
      const error = (p - d.y) * classWeight;
      for (const k of keys) grad[k] += error * d.f[k];
      gradBias += error;
    }
    for (const k of keys) weights[k] -= 0.1 * (grad[k] / data.length + 0.01 * weights[k]);
    bias -= (0.1 * gradBias) / data.length;
  }
  const model: AnswerabilityModel = { bias: round(bias), weights: Object.fromEntries(keys.map((k) => [k, round(weights[k])])) as AnswerabilityModel['weights'] };
  console.log(JSON.stringify(model, null, 2));
  for (const threshold of [0.3, 0.35, 0.4, 0.45, 0.5]) {
    const handedOff = (list: typeof data) => list.filter((d) => answerabilityFromFeatures(d.f, model) < threshold).length / Math.max(1, list.length);
    console.log(`threshold ${threshold}: unanswerable handed off ${handedOff(data.filter((d) => !d.y)).toFixed(3)}, false hand-off ${handedOff(data.filter((d) => d.y)).toFixed(3)}`);
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

main();

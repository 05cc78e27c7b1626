/**
 * Triage evaluation: train a classifier on one set, score it on another (or k-fold on one file), and
 * report category, sentiment, urgency, language, calibration and latency figures.
 */
import { performance } from 'node:perf_hooks';
import type { LabelledExample, Sentiment, TriageOutput } from '../ports';
import { reliability, type ReliabilityBin } from '../providers/offline/model/calibration';
import { stratifiedFolds } from '../providers/offline/model/random';
import { validateTriageOutput } from '../schemas';
import { binaryReport, classificationReport, percentile, round, type BinaryReport, type ClassificationReport } from './metrics';

/** One line of ../shared/eval/triage.jsonl. */
export interface TriageRecord {
  id: string;
  text: string;
  lang: 'ko' | 'en' | 'mixed';
  category: string;
  sentiment: Sentiment;
  urgent: boolean;
  note?: string;
}

export interface EvalClassifier {
  classify(input: { text: string }): TriageOutput | Promise<TriageOutput>;
  categories(): string[];
}

/** Builds a classifier from training records (the provider adds its own starter data if it has any). */
export type ClassifierFactory = (train: LabelledExample[]) => EvalClassifier;

export interface TriagePredictionRow {
  record: TriageRecord;
  output: TriageOutput;
  latencyMs: number;
  valid: boolean;
}

export interface SubsetReport {
  n: number;
  accuracy: number;
  /** Share whose output passed schema validation (adversarial lines must not crash or go invalid). */
  validOutput: number;
  injectionFlagged: number;
}

export interface TriageEvalReport {
  category: ClassificationReport;
  sentiment: ClassificationReport;
  urgent: BinaryReport;
  languageAccuracy: number;
  latency: { p50Ms: number; p95Ms: number; maxMs: number };
  subsets: Record<'ambiguous' | 'adversarial' | 'edge', SubsetReport>;
  calibration: { ece: number; bins: ReliabilityBin[] };
  rows: TriagePredictionRow[];
}

export function toExample(r: TriageRecord): LabelledExample {
  return { text: r.text, category: r.category, sentiment: r.sentiment, urgent: r.urgent, source: 'eval-train' };
}

/** Train on `train`, predict `data`. */
export async function predictAll(factory: ClassifierFactory, train: TriageRecord[], data: TriageRecord[]): Promise<TriagePredictionRow[]> {
  const classifier = factory(train.map(toExample));
  const categories = classifier.categories();
  // One warm-up call so JIT compilation is not billed to the first message.
  await classifier.classify({ text: data[0]?.text ?? 'warm up' });
  const rows: TriagePredictionRow[] = [];
  for (const record of data) {
    const start = performance.now();
    let output: TriageOutput;
    let valid = true;
    try {
      output = await classifier.classify({ text: record.text });
      valid = validateTriageOutput(output, categories).length === 0;
    } catch {
      valid = false;
      output = { category: '(error)', confidence: 0, sentiment: 'neutral', urgent: false, language: 'ko', entities: { orderNumbers: [], trackingNumbers: [], company: null, quantities: [], amounts: [] } };
    }
    rows.push({ record, output, latencyMs: performance.now() - start, valid });
  }
  return rows;
}

/** k-fold cross-validation on one file: every line is predicted by a model that never saw it. */
export async function crossValidate(factory: ClassifierFactory, data: TriageRecord[], folds: number, seed = 7): Promise<TriagePredictionRow[]> {
  const fold = stratifiedFolds(data.map((r) => r.category), folds, seed);
  const byId = new Map<string, TriagePredictionRow>();
  for (let k = 0; k < folds; k++) {
    const train = data.filter((_, i) => fold[i] !== k);
    const test = data.filter((_, i) => fold[i] === k);
    for (const row of await predictAll(factory, train, test)) byId.set(row.record.id, row);
  }
  return data.map((r) => byId.get(r.id) as TriagePredictionRow);
}

export function scoreTriage(rows: TriagePredictionRow[]): TriageEvalReport {
  const gold = rows.map((r) => r.record.category);
  const predicted = rows.map((r) => r.output.category);
  const labels = [...new Set(gold)].sort();
  const subset = (prefix: string): SubsetReport => {
    const chosen = rows.filter((r) => r.record.note?.startsWith(prefix));
    return {
      n: chosen.length,
      accuracy: chosen.length ? chosen.filter((r) => r.output.category === r.record.category).length / chosen.length : 0,
      validOutput: chosen.length ? chosen.filter((r) => r.valid).length / chosen.length : 0,
      injectionFlagged: chosen.filter((r) => r.output.injectionSuspected).length,
    };
  };
  const latencies = rows.map((r) => r.latencyMs);
  const calibration = reliability(
    rows.map((r) => r.output.confidence),
    rows.map((r) => r.output.category === r.record.category),
  );
  return {
    category: classificationReport(gold, predicted, labels),
    sentiment: classificationReport(
      rows.map((r) => r.record.sentiment),
      rows.map((r) => r.output.sentiment),
      ['negative', 'neutral', 'positive'],
    ),
    urgent: binaryReport(
      rows.map((r) => r.record.urgent),
      rows.map((r) => r.output.urgent),
    ),
    languageAccuracy: rows.filter((r) => r.output.language === r.record.lang).length / Math.max(1, rows.length),
    latency: { p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95), maxMs: Math.max(0, ...latencies) },
    subsets: { ambiguous: subset('ambiguous:'), adversarial: subset('adversarial:'), edge: subset('edge:') },
    calibration,
    rows,
  };
}

/** The one JSON line scripts read. */
export function triageSummaryJson(report: TriageEvalReport) {
  return {
    accuracy: round(report.category.accuracy),
    macroF1: round(report.category.macroF1),
    perCategory: Object.fromEntries(
      Object.entries(report.category.perClass).map(([c, m]) => [c, { precision: round(m.precision), recall: round(m.recall), f1: round(m.f1), support: m.support }]),
    ),
    sentimentAccuracy: round(report.sentiment.accuracy),
    sentimentMacroF1: round(report.sentiment.macroF1),
    urgentPrecision: round(report.urgent.precision),
    urgentRecall: round(report.urgent.recall),
    urgentF1: round(report.urgent.f1),
    languageAccuracy: round(report.languageAccuracy),
    ambiguousAccuracy: round(report.subsets.ambiguous.accuracy),
    adversarialAccuracy: round(report.subsets.adversarial.accuracy),
    ece: round(report.calibration.ece),
    p50Ms: round(report.latency.p50Ms, 3),
    p95Ms: round(report.latency.p95Ms, 3),
  };
}

/** Classification and latency metrics for the eval commands. Pure functions, no I/O. */

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationReport {
  accuracy: number;
  macroF1: number;
  perClass: Record<string, ClassMetrics>;
  /** confusion[gold][predicted] = count */
  confusion: Record<string, Record<string, number>>;
  labels: string[];
  n: number;
}

export function classificationReport(gold: string[], predicted: string[], labels?: string[]): ClassificationReport {
  const all = labels ?? [...new Set([...gold, ...predicted])].sort();
  const confusion: Record<string, Record<string, number>> = {};
  for (const g of all) confusion[g] = Object.fromEntries(all.map((p) => [p, 0]));
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i];
    if (!confusion[g]) confusion[g] = Object.fromEntries(all.map((l) => [l, 0]));
    confusion[g][p] = (confusion[g][p] ?? 0) + 1;
    if (g === p) correct++;
  });
  const perClass: Record<string, ClassMetrics> = {};
  for (const label of all) {
    const tp = confusion[label]?.[label] ?? 0;
    const support = gold.filter((g) => g === label).length;
    const predictedCount = predicted.filter((p) => p === label).length;
    const precision = predictedCount ? tp / predictedCount : 0;
    const recall = support ? tp / support : 0;
    perClass[label] = { precision, recall, f1: f1(precision, recall), support };
  }
  // Macro-F1 over the classes present in the gold data, as the README defines it.
  const scored = all.filter((l) => perClass[l].support > 0);
  const macroF1 = scored.length ? scored.reduce((s, l) => s + perClass[l].f1, 0) / scored.length : 0;
  return { accuracy: gold.length ? correct / gold.length : 0, macroF1, perClass, confusion, labels: all, n: gold.length };
}

export interface BinaryReport {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  support: number;
}

export function binaryReport(gold: boolean[], predicted: boolean[]): BinaryReport {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((g, i) => {
    if (g && predicted[i]) tp++;
    else if (!g && predicted[i]) fp++;
    else if (g && !predicted[i]) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { precision, recall, f1: f1(precision, recall), tp, fp, fn, support: tp + fn };
}

export function f1(precision: number, recall: number): number {
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function round(value: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Fitting the answerability model: class-balanced, L2-regularised logistic regression on standardised
 * features (Newton's method: a dozen features and a few hundred questions solve exactly in milliseconds),
 * and a hand-off threshold chosen on out-of-fold predictions so it is not set on scores the model was
 * fitted to. Used by scripts/fit-answerability.ts; nothing here runs in the request path.
 */
import { stratifiedFolds } from '../model/random';
import { FEATURE_NAMES, answerabilityFromFeatures, type AnswerabilityFeatures, type AnswerabilityModel } from './answerability';

export interface AnswerabilitySample {
  features: AnswerabilityFeatures;
  answerable: boolean;
}

export interface FitOptions {
  /** L2 penalty on standardised weights (the bias is not penalised). */
  l2: number;
  iterations: number;
}

export const DEFAULT_FIT: FitOptions = { l2: 5, iterations: 30 };

export function fitAnswerabilityModel(samples: AnswerabilitySample[], options: FitOptions = DEFAULT_FIT): AnswerabilityModel {
  const d = FEATURE_NAMES.length;
  const rows = samples.map((s) => FEATURE_NAMES.map((k) => s.features[k]));
  const mean = FEATURE_NAMES.map((_, j) => rows.reduce((a, r) => a + r[j], 0) / Math.max(1, rows.length));
  const std = FEATURE_NAMES.map((_, j) => Math.sqrt(rows.reduce((a, r) => a + (r[j] - mean[j]) ** 2, 0) / Math.max(1, rows.length)) || 1);
  const x = rows.map((r) => [1, ...r.map((v, j) => (v - mean[j]) / std[j])]);
  const y = samples.map((s) => (s.answerable ? 1 : 0));
  const positives = y.reduce<number>((a, b) => a + b, 0);
  const negatives = y.length - positives;
  // Each class weighs half of the total, whatever its size: unanswerable questions are the rare class.
  const classWeight = (label: number) => (label ? y.length / (2 * Math.max(1, positives)) : y.length / (2 * Math.max(1, negatives)));
  const w = new Array<number>(d + 1).fill(0);
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    x.forEach((xi, i) => {
      const p = sigmoid(dot(w, xi));
      const cw = classWeight(y[i]);
      const g = (p - y[i]) * cw;
      const h = Math.max(p * (1 - p), 1e-9) * cw;
      for (let a = 0; a <= d; a++) {
        grad[a] += g * xi[a];
        for (let b = 0; b <= d; b++) hess[a][b] += h * xi[a] * xi[b];
      }
    });
    for (let a = 1; a <= d; a++) {
      grad[a] += options.l2 * w[a];
      hess[a][a] += options.l2;
    }
    hess[0][0] += 1e-6;
    const step = solve(hess, grad);
    let change = 0;
    for (let a = 0; a <= d; a++) {
      w[a] -= step[a];
      change = Math.max(change, Math.abs(step[a]));
    }
    if (change < 1e-8) break;
  }
  // Back to the raw feature scale so the model applies to features as computed.
  const weights = Object.fromEntries(FEATURE_NAMES.map((k, j) => [k, round(w[j + 1] / std[j])])) as AnswerabilityModel['weights'];
  const bias = w[0] - FEATURE_NAMES.reduce((a, _, j) => a + (w[j + 1] * mean[j]) / std[j], 0);
  return { bias: round(bias), weights };
}

export interface HandoffRates {
  /** Share of unanswerable questions handed to a person (higher is better). */
  unanswerableHandedOff: number;
  /** Share of answerable questions handed to a person (lower is better). */
  falseHandoff: number;
}

export function handoffRates(scored: Array<{ p: number; answerable: boolean }>, threshold: number): HandoffRates {
  const unanswerable = scored.filter((s) => !s.answerable);
  const answerable = scored.filter((s) => s.answerable);
  return {
    unanswerableHandedOff: unanswerable.filter((s) => s.p < threshold).length / Math.max(1, unanswerable.length),
    falseHandoff: answerable.filter((s) => s.p < threshold).length / Math.max(1, answerable.length),
  };
}

/**
 * The threshold that hands over the most unanswerable questions while false hand-offs stay within
 * `maxFalseHandoff`; among equally good thresholds, the midpoint of the gap between scores, so a
 * slightly different question set does not fall on the wrong side.
 */
export function chooseThreshold(scored: Array<{ p: number; answerable: boolean }>, maxFalseHandoff: number): number {
  const values = [...new Set(scored.map((s) => s.p))].sort((a, b) => a - b);
  const candidates = [0, ...values.slice(0, -1).map((v, i) => (v + values[i + 1]) / 2), 1];
  let best = { threshold: 0, caught: -1, falseHandoff: 1 };
  for (const threshold of candidates) {
    const r = handoffRates(scored, threshold);
    if (r.falseHandoff > maxFalseHandoff) continue;
    if (r.unanswerableHandedOff > best.caught || (r.unanswerableHandedOff === best.caught && r.falseHandoff < best.falseHandoff)) {
      best = { threshold, caught: r.unanswerableHandedOff, falseHandoff: r.falseHandoff };
    }
  }
  return round(best.threshold);
}

/** Fits on `samples` and picks the threshold from inner cross-validated predictions. */
export function fitWithThreshold(
  samples: AnswerabilitySample[],
  maxFalseHandoff: number,
  options: FitOptions = DEFAULT_FIT,
  innerFolds = 5,
): { model: AnswerabilityModel; threshold: number } {
  const model = fitAnswerabilityModel(samples, options);
  const fold = stratifiedFolds(
    samples.map((s) => String(s.answerable)),
    innerFolds,
    7,
  );
  const scored: Array<{ p: number; answerable: boolean }> = [];
  for (let k = 0; k < innerFolds; k++) {
    const inner = fitAnswerabilityModel(
      samples.filter((_, i) => fold[i] !== k),
      options,
    );
    samples.forEach((s, i) => {
      if (fold[i] === k) scored.push({ p: answerabilityFromFeatures(s.features, inner), answerable: s.answerable });
    });
  }
  return { model, threshold: chooseThreshold(scored, maxFalseHandoff) };
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Gaussian elimination with partial pivoting (the matrix is small and positive definite). */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    const p = a[col][col] || 1e-12;
    for (let r = col + 1; r < n; r++) {
      const f = a[r][col] / p;
      for (let c = col; c <= n; c++) a[r][c] -= f * a[col][c];
    }
  }
  const out = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = a[r][n];
    for (let c = r + 1; c < n; c++) s -= a[r][c] * out[c];
    out[r] = s / (a[r][r] || 1e-12);
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

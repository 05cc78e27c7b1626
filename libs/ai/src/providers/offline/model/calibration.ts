/**
 * Temperature scaling (Guo et al., 2017): one scalar T fitted on held-out logits so that softmax(z / T)
 * matches observed accuracy. It keeps the ranking (so accuracy is unchanged) and fixes the
 * over-confidence that SGD-trained linear models show on texts unlike their training set.
 */
import { softmax } from './softmax-regression';

export function negativeLogLikelihood(logits: ArrayLike<number>[], labels: number[], temperature: number): number {
  let total = 0;
  for (let i = 0; i < logits.length; i++) {
    const p = softmax(logits[i], temperature);
    total -= Math.log(Math.max(p[labels[i]], 1e-12));
  }
  return total / Math.max(1, logits.length);
}

/** Golden-section search on log T in [0.05, 20]; NLL is unimodal in T. */
export function fitTemperature(logits: ArrayLike<number>[], labels: number[]): number {
  if (logits.length === 0) return 1;
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = negativeLogLikelihood(logits, labels, Math.exp(a));
  let fb = negativeLogLikelihood(logits, labels, Math.exp(b));
  for (let i = 0; i < 60; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = negativeLogLikelihood(logits, labels, Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = negativeLogLikelihood(logits, labels, Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}

export interface ReliabilityBin {
  lower: number;
  upper: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
}

/** Reliability diagram bins and expected calibration error, for the eval report and tests. */
export function reliability(confidences: number[], correct: boolean[], bins = 5): { bins: ReliabilityBin[]; ece: number } {
  const out: ReliabilityBin[] = [];
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const lower = b / bins;
    const upper = (b + 1) / bins;
    const idx = confidences.map((c, i) => i).filter((i) => confidences[i] > lower - (b === 0 ? 1e-9 : 0) && confidences[i] <= upper);
    const count = idx.length;
    const meanConfidence = count ? idx.reduce((s, i) => s + confidences[i], 0) / count : 0;
    const accuracy = count ? idx.filter((i) => correct[i]).length / count : 0;
    ece += (count / Math.max(1, confidences.length)) * Math.abs(meanConfidence - accuracy);
    out.push({ lower, upper, count, meanConfidence, accuracy });
  }
  return { bins: out, ece };
}

/**
 * Multinomial logistic regression trained with AdaGrad SGD and L2 regularisation.
 *
 * Why this and not a package: the model is ~100 lines, has to train in well under a second at boot and
 * again after agent corrections, and must be bit-for-bit reproducible (seeded shuffles, sorted
 * vocabulary). AdaGrad gives rare n-grams larger steps than frequent ones, which suits sparse text.
 */
import { createRandom, shuffleInPlace } from './random';
import type { SparseVector } from './sparse';

export interface SoftmaxTrainingOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Weight classes by inverse frequency so small categories are not ignored (macro-F1 matters). */
  balanceClasses: boolean;
}

export const DEFAULT_SOFTMAX_OPTIONS: SoftmaxTrainingOptions = {
  epochs: 12,
  learningRate: 0.5,
  l2: 1e-4,
  seed: 42,
  balanceClasses: true,
};

export class SoftmaxRegression {
  private constructor(
    readonly classes: string[],
    private readonly dimensions: number,
    private readonly weights: Float64Array,
    private readonly bias: Float64Array,
  ) {}

  static train(
    vectors: SparseVector[],
    labels: string[],
    dimensions: number,
    options: Partial<SoftmaxTrainingOptions> = {},
    sampleWeights?: number[],
  ): SoftmaxRegression {
    const opts = { ...DEFAULT_SOFTMAX_OPTIONS, ...options };
    const classes = [...new Set(labels)].sort();
    const C = classes.length;
    const classIndex = new Map(classes.map((c, i) => [c, i]));
    const y = labels.map((l) => classIndex.get(l) ?? 0);
    const weights = new Float64Array(C * dimensions);
    const bias = new Float64Array(C);
    const gradSq = new Float64Array(C * dimensions);
    const biasGradSq = new Float64Array(C);
    const classWeight = new Float64Array(C).fill(1);
    if (opts.balanceClasses) {
      const counts = new Float64Array(C);
      y.forEach((c) => counts[c]++);
      for (let c = 0; c < C; c++) classWeight[c] = counts[c] > 0 ? vectors.length / (C * counts[c]) : 0;
    }
    const random = createRandom(opts.seed);
    const order = vectors.map((_, i) => i);
    const probs = new Float64Array(C);
    const eps = 1e-8;
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      shuffleInPlace(order, random);
      for (const n of order) {
        const x = vectors[n];
        scoresInto(x, weights, bias, dimensions, C, probs);
        softmaxInPlace(probs);
        const w = classWeight[y[n]] * (sampleWeights?.[n] ?? 1);
        for (let c = 0; c < C; c++) {
          const g = (probs[c] - (c === y[n] ? 1 : 0)) * w;
          const base = c * dimensions;
          for (let k = 0; k < x.indices.length; k++) {
            const j = base + x.indices[k];
            const grad = g * x.values[k] + opts.l2 * weights[j];
            gradSq[j] += grad * grad;
            weights[j] -= (opts.learningRate * grad) / Math.sqrt(gradSq[j] + eps);
          }
          biasGradSq[c] += g * g;
          bias[c] -= (opts.learningRate * g) / Math.sqrt(biasGradSq[c] + eps);
        }
      }
    }
    return new SoftmaxRegression(classes, dimensions, weights, bias);
  }

  /** Raw class scores (logits). */
  logits(x: SparseVector): Float64Array {
    const out = new Float64Array(this.classes.length);
    scoresInto(x, this.weights, this.bias, this.dimensions, this.classes.length, out);
    return out;
  }

  /** A stable fingerprint of the weights, used for the model version and determinism tests. */
  fingerprint(): string {
    let h = 0x811c9dc5;
    const step = Math.max(1, Math.floor(this.weights.length / 4096));
    for (let i = 0; i < this.weights.length; i += step) {
      h ^= Math.round(this.weights[i] * 1e6) | 0;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    for (const b of this.bias) {
      h ^= Math.round(b * 1e6) | 0;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  }
}

function scoresInto(x: SparseVector, weights: Float64Array, bias: Float64Array, D: number, C: number, out: Float64Array): void {
  for (let c = 0; c < C; c++) {
    let s = bias[c];
    const base = c * D;
    for (let k = 0; k < x.indices.length; k++) s += weights[base + x.indices[k]] * x.values[k];
    out[c] = s;
  }
}

export function softmaxInPlace(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    z[i] = Math.exp((z[i] - max) / temperature);
    sum += z[i];
  }
  for (let i = 0; i < z.length; i++) z[i] /= sum;
  return z;
}

export function softmax(z: ArrayLike<number>, temperature = 1): Float64Array {
  return softmaxInPlace(Float64Array.from(z), temperature);
}

import type { FeatureMap } from '../features/triage-features';

/** A sparse vector over a model's vocabulary. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/**
 * Vocabulary built from training features. Features never seen in training have no weight anyway,
 * so at prediction time they are dropped instead of hashed into collisions.
 */
export class Vocabulary {
  private readonly index = new Map<string, number>();

  get size(): number {
    return this.index.size;
  }

  static fit(maps: FeatureMap[], minCount = 1): Vocabulary {
    const counts = new Map<string, number>();
    for (const m of maps) for (const k of m.keys()) counts.set(k, (counts.get(k) ?? 0) + 1);
    const vocab = new Vocabulary();
    // Sorted so the index (and so float summation order) does not depend on example order.
    for (const k of [...counts.keys()].sort()) if ((counts.get(k) ?? 0) >= minCount) vocab.index.set(k, vocab.index.size);
    return vocab;
  }

  vectorize(features: FeatureMap): SparseVector {
    const pairs: Array<[number, number]> = [];
    for (const [k, v] of features) {
      const i = this.index.get(k);
      if (i !== undefined && v !== 0) pairs.push([i, v]);
    }
    pairs.sort((a, b) => a[0] - b[0]);
    return { indices: Int32Array.from(pairs, (p) => p[0]), values: Float64Array.from(pairs, (p) => p[1]) };
  }
}

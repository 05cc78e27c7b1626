/** Seeded PRNG (mulberry32): training must be reproducible, so shuffles never use Math.random. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * Stratified k-fold assignment: each label's examples are dealt round-robin after a seeded shuffle, so
 * every fold sees every class in proportion.
 */
export function stratifiedFolds(labels: string[], k: number, seed = 17): number[] {
  const random = createRandom(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((label, i) => byLabel.set(label, [...(byLabel.get(label) ?? []), i]));
  const fold = new Array<number>(labels.length).fill(0);
  let offset = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const indices = shuffleInPlace(byLabel.get(label) ?? [], random);
    indices.forEach((index, j) => (fold[index] = (j + offset) % k));
    offset += indices.length;
  }
  return fold;
}

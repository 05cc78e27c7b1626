import { cosineSimilarity, denseRanking, fuseRankings } from './rank-fusion';

describe('fuseRankings', () => {
  it('puts a document both rankings like above one only a single ranking puts first', () => {
    const fused = fuseRankings(['a', 'b', 'c'], ['d', 'b', 'e', 'a']);
    // b: 2/62 > a: 1/61 + 1/64 > d: 1/61 > c = e: 1/63 (tie goes to the BM25 hit)
    expect(fused.map((r) => r.id)).toEqual(['b', 'a', 'd', 'c', 'e']);
    expect(fused[0]).toMatchObject({ bm25Rank: 2, denseRank: 2 });
    expect(fused[0].score).toBeCloseTo(2 / 62, 10);
    expect(fused.find((r) => r.id === 'c')).toMatchObject({ bm25Rank: 3, denseRank: null });
  });

  it('follows the weights and the limit', () => {
    expect(fuseRankings(['a', 'b'], ['b', 'a'], { bm25Weight: 2 }).map((r) => r.id)).toEqual(['a', 'b']);
    expect(fuseRankings(['a', 'b'], ['b', 'a'], { denseWeight: 2 }).map((r) => r.id)).toEqual(['b', 'a']);
    expect(fuseRankings(['a', 'b', 'c'], [], { limit: 2 }).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('breaks exact ties by the better single rank, then BM25, deterministically', () => {
    // a: bm25 #1 only; x: dense #1 only → equal scores; BM25 wins the tie.
    expect(fuseRankings(['a'], ['x']).map((r) => r.id)).toEqual(['a', 'x']);
  });

  it('ignores repeated ids within a ranking', () => {
    expect(fuseRankings(['a', 'a', 'b'], [])[1]).toMatchObject({ id: 'b', bm25Rank: 2 });
  });
});

describe('cosineSimilarity', () => {
  it('is 1 for parallel, 0 for orthogonal, −1 for opposite vectors, and 0 for a zero vector', () => {
    expect(cosineSimilarity([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(cosineSimilarity([1, 0], [0, 5])).toBe(0);
    expect(cosineSimilarity([1, 1], [-1, -1])).toBeCloseTo(-1, 12);
    expect(cosineSimilarity([0, 0], [1, 1])).toBe(0);
  });

  it('refuses vectors of different sizes', () => {
    expect(() => cosineSimilarity([1, 2], [1, 2, 3])).toThrow('vector sizes differ');
  });
});

describe('denseRanking', () => {
  it('orders documents by similarity to the query', () => {
    const docs = [
      { id: 'far', vector: [0, 1] },
      { id: 'near', vector: [1, 0.1] },
      { id: 'mid', vector: [1, 1] },
    ];
    expect(denseRanking([1, 0], docs)).toEqual(['near', 'mid', 'far']);
    expect(denseRanking([1, 0], docs, 1)).toEqual(['near']);
  });
});

import { fitTemperature, negativeLogLikelihood, reliability } from './calibration';
import { createRandom, stratifiedFolds } from './random';
import { softmax, SoftmaxRegression } from './softmax-regression';
import { Vocabulary } from './sparse';

describe('softmax regression', () => {
  it('separates a toy problem', () => {
    const maps = [
      new Map([['a', 1]]),
      new Map([['a', 1], ['c', 0.5]]),
      new Map([['b', 1]]),
      new Map([['b', 1], ['c', 0.5]]),
    ];
    const vocab = Vocabulary.fit(maps);
    const model = SoftmaxRegression.train(maps.map((m) => vocab.vectorize(m)), ['x', 'x', 'y', 'y'], vocab.size, { epochs: 30 });
    const p = softmax(model.logits(vocab.vectorize(new Map([['a', 1]]))));
    expect(model.classes[p[0] > p[1] ? 0 : 1]).toBe('x');
  });

  it('ignores features unseen in training', () => {
    const vocab = Vocabulary.fit([new Map([['a', 1]])]);
    expect(vocab.vectorize(new Map([['zzz', 1]])).indices.length).toBe(0);
  });
});

describe('temperature scaling', () => {
  it('raises the temperature for over-confident logits', () => {
    const random = createRandom(1);
    const logits: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 400; i++) {
      const label = random() < 0.5 ? 0 : 1;
      // Logits say 99.9% but only 70% are right.
      const predicted = random() < 0.7 ? label : 1 - label;
      logits.push(predicted === 0 ? [7, 0] : [0, 7]);
      labels.push(label);
    }
    const t = fitTemperature(logits, labels);
    expect(t).toBeGreaterThan(3);
    expect(negativeLogLikelihood(logits, labels, t)).toBeLessThan(negativeLogLikelihood(logits, labels, 1));
  });

  it('computes reliability bins and ECE', () => {
    const r = reliability([0.9, 0.9, 0.1, 0.1], [true, false, false, false], 2);
    expect(r.bins[1].accuracy).toBe(0.5);
    expect(r.ece).toBeCloseTo(0.5 * 0.4 + 0.5 * 0.1, 5);
  });
});

describe('stratified folds', () => {
  it('puts every class in every fold', () => {
    const labels = [...Array(10).fill('a'), ...Array(5).fill('b')];
    const folds = stratifiedFolds(labels, 5);
    for (let k = 0; k < 5; k++) expect(new Set(labels.filter((_, i) => folds[i] === k))).toEqual(new Set(['a', 'b']));
  });
});

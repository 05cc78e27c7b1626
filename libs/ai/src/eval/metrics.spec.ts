import { factCoverage, factFound } from './fact-match';
import { binaryReport, classificationReport, percentile } from './metrics';

describe('eval metrics', () => {
  it('computes accuracy, macro-F1 and the confusion matrix', () => {
    const r = classificationReport(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b']);
    expect(r.accuracy).toBe(0.75);
    expect(r.confusion['a']['b']).toBe(1);
    expect(r.perClass['a'].recall).toBe(0.5);
    expect(r.perClass['b'].precision).toBeCloseTo(2 / 3);
    expect(r.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2);
  });

  it('computes binary precision and recall', () => {
    expect(binaryReport([true, true, false], [true, false, true])).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
  });

  it('matches facts with the README normalisation', () => {
    expect(factFound('5,000원', '최소 5000 KRW입니다')).toBe(true);
    expect(factFound('3~5영업일', '3-5 영업일')).toBe(true);
    expect(factFound('30 minutes', 'locks for 30 Minutes')).toBe(true);
    expect(factCoverage(['8%', '5,000원'], '수수료는 8%입니다')).toBe(0.5);
  });
});

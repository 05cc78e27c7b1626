/**
 * The trained offline triage model: a featurizer, a two-view category ensemble with a calibration
 * temperature, and sentiment and urgency heads over all feature families.
 */
import type { LabelledExample, Sentiment } from '../../../ports';
import {
  CATEGORY_VIEWS,
  DEFAULT_FEATURE_WEIGHTS,
  TriageFeaturizer,
  type AnalyzedText,
  type FeatureWeights,
} from '../features/triage-features';
import { fitTemperature } from '../model/calibration';
import { stratifiedFolds } from '../model/random';
import { softmax, SoftmaxRegression, type SoftmaxTrainingOptions } from '../model/softmax-regression';
import { Vocabulary } from '../model/sparse';
import type { UrgencyRuleHit } from './urgency-rules';

export interface TriageTrainingOptions {
  /** Folds used to collect held-out scores for calibration; 0 or 1 disables calibration (T = 1). */
  calibrationFolds: number;
  category: Partial<SoftmaxTrainingOptions>;
  sentiment: Partial<SoftmaxTrainingOptions>;
  urgency: Partial<SoftmaxTrainingOptions>;
  /** Learned urgency fires at this probability (rules fire regardless). */
  urgencyThreshold: number;
  /** Weight of examples from the shipped starter set relative to the workspace's own examples. */
  starterWeight: number;
  /** Feature views whose category heads are averaged. */
  categoryViews: Record<string, FeatureWeights>;
  sentimentView: FeatureWeights;
  urgencyView: FeatureWeights;
}

export const DEFAULT_TRIAGE_TRAINING: TriageTrainingOptions = {
  calibrationFolds: 4,
  category: { epochs: 12, learningRate: 0.5, l2: 2e-3 },
  sentiment: { epochs: 12, learningRate: 0.4, l2: 2e-3 },
  // Unbalanced on purpose: with ~6% positives, balancing inflated probabilities on ordinary messages.
  urgency: { epochs: 10, learningRate: 0.4, l2: 2e-4, balanceClasses: false },
  urgencyThreshold: 0.3,
  starterWeight: 1,
  categoryViews: CATEGORY_VIEWS,
  sentimentView: DEFAULT_FEATURE_WEIGHTS,
  urgencyView: DEFAULT_FEATURE_WEIGHTS,
};

export interface TriagePrediction {
  categoryScores: Map<string, number>;
  category: string;
  confidence: number;
  sentiment: Sentiment;
  sentimentScores: Map<string, number>;
  urgent: boolean;
  urgencyProbability: number;
  urgencyRules: UrgencyRuleHit[];
  analyzed: AnalyzedText;
}

export interface PredictOptions {
  /** Log-prior added to category log-probabilities (flow choice, conversation context). */
  categoryLogPrior?: Map<string, number>;
}

/** A linear head over one feature view. */
class ViewHead {
  constructor(
    readonly weights: FeatureWeights,
    readonly vocabulary: Vocabulary,
    readonly model: SoftmaxRegression,
  ) {}

  static train(
    featurizer: TriageFeaturizer,
    analyzed: AnalyzedText[],
    labels: string[],
    weights: FeatureWeights,
    options: Partial<SoftmaxTrainingOptions>,
    sampleWeights?: number[],
  ): ViewHead {
    const features = analyzed.map((a) => featurizer.features(a, weights));
    const vocabulary = Vocabulary.fit(features);
    const model = SoftmaxRegression.train(
      features.map((f) => vocabulary.vectorize(f)),
      labels,
      vocabulary.size,
      options,
      sampleWeights,
    );
    return new ViewHead(weights, vocabulary, model);
  }

  logProbabilities(featurizer: TriageFeaturizer, analyzed: AnalyzedText): Float64Array {
    const p = softmax(this.model.logits(this.vocabulary.vectorize(featurizer.features(analyzed, this.weights))));
    return p.map((v) => Math.log(Math.max(v, 1e-12)));
  }
}

/** Category ensemble: the mean of the views' log-probabilities, a product of experts. */
class CategoryEnsemble {
  constructor(readonly heads: ViewHead[]) {}

  get classes(): string[] {
    return this.heads[0].model.classes;
  }

  static train(
    featurizer: TriageFeaturizer,
    analyzed: AnalyzedText[],
    labels: string[],
    opts: TriageTrainingOptions,
    sampleWeights: number[],
  ): CategoryEnsemble {
    const views = Object.values(opts.categoryViews);
    return new CategoryEnsemble(views.map((w) => ViewHead.train(featurizer, analyzed, labels, w, opts.category, sampleWeights)));
  }

  scores(featurizer: TriageFeaturizer, analyzed: AnalyzedText): Float64Array {
    const total = new Float64Array(this.classes.length);
    for (const head of this.heads) {
      const lp = head.logProbabilities(featurizer, analyzed);
      for (let i = 0; i < total.length; i++) total[i] += lp[i] / this.heads.length;
    }
    return total;
  }

  fingerprint(): string {
    return this.heads.map((h) => h.model.fingerprint()).join('');
  }
}

export class TriageModel {
  private constructor(
    readonly featurizer: TriageFeaturizer,
    private readonly category: CategoryEnsemble,
    readonly temperature: number,
    private readonly sentimentHead: ViewHead | null,
    private readonly urgencyHead: ViewHead | null,
    private readonly urgencyThreshold: number,
    readonly trainingSetSize: number,
  ) {}

  get categories(): string[] {
    return this.category.classes;
  }

  /** Changes whenever weights change; stored with every result so it names the exact model. */
  get version(): string {
    return `${this.category.fingerprint().slice(0, 12)}-n${this.trainingSetSize}`;
  }

  static train(
    examples: readonly LabelledExample[],
    options: Partial<TriageTrainingOptions> = {},
    featurizer = new TriageFeaturizer(),
  ): TriageModel {
    const opts = { ...DEFAULT_TRIAGE_TRAINING, ...options };
    if (examples.length === 0) throw new Error('The offline classifier needs at least one labelled example');
    const analyzed = examples.map((e) => featurizer.analyze(e.text));
    const sampleWeights = examples.map((e) => (e.source === 'starter' ? opts.starterWeight : 1));
    const labels = examples.map((e) => e.category);

    const category = CategoryEnsemble.train(featurizer, analyzed, labels, opts, sampleWeights);
    const temperature = opts.calibrationFolds > 1 ? calibrate(featurizer, analyzed, labels, sampleWeights, opts) : 1;

    const sentimentIdx = examples.flatMap((e, i) => (e.sentiment ? [i] : []));
    const sentimentHead =
      new Set(sentimentIdx.map((i) => examples[i].sentiment)).size > 1
        ? ViewHead.train(
            featurizer,
            sentimentIdx.map((i) => analyzed[i]),
            sentimentIdx.map((i) => examples[i].sentiment as string),
            opts.sentimentView,
            opts.sentiment,
          )
        : null;

    const urgencyIdx = examples.flatMap((e, i) => (e.urgent !== undefined ? [i] : []));
    const urgencyHead =
      new Set(urgencyIdx.map((i) => examples[i].urgent)).size > 1
        ? ViewHead.train(
            featurizer,
            urgencyIdx.map((i) => analyzed[i]),
            urgencyIdx.map((i) => (examples[i].urgent ? 'urgent' : 'normal')),
            opts.urgencyView,
            opts.urgency,
          )
        : null;

    return new TriageModel(featurizer, category, temperature, sentimentHead, urgencyHead, opts.urgencyThreshold, examples.length);
  }

  /** Uncalibrated category scores (mean log-probabilities), for tests and analysis. */
  categoryScores(text: string): Float64Array {
    return this.category.scores(this.featurizer, this.featurizer.analyze(text));
  }

  predict(text: string, options: PredictOptions = {}): TriagePrediction {
    const analyzed = this.featurizer.analyze(text);
    const classes = this.category.classes;
    const scores = this.category.scores(this.featurizer, analyzed);
    // The prior is added after temperature scaling so a flow choice keeps the same pull however
    // confident the text model is.
    for (let i = 0; i < classes.length; i++) {
      scores[i] = scores[i] / this.temperature + (options.categoryLogPrior?.get(classes[i]) ?? 0);
    }
    const probs = softmax(scores);
    const best = argmax(probs);

    let sentiment: Sentiment = 'neutral';
    let sentimentScores = new Map<string, number>([['neutral', 1]]);
    if (this.sentimentHead) {
      const lp = this.sentimentHead.logProbabilities(this.featurizer, analyzed);
      const classesS = this.sentimentHead.model.classes;
      sentimentScores = new Map(classesS.map((c, i) => [c, Math.exp(lp[i])]));
      sentiment = classesS[argmax(lp)] as Sentiment;
    }

    const urgencyRules = analyzed.urgencyRules;
    let urgencyProbability = urgencyRules.length ? 1 : 0;
    if (this.urgencyHead) {
      const lp = this.urgencyHead.logProbabilities(this.featurizer, analyzed);
      urgencyProbability = Math.max(urgencyProbability, Math.exp(lp[this.urgencyHead.model.classes.indexOf('urgent')]));
    }
    return {
      categoryScores: new Map(classes.map((c, i) => [c, probs[i]])),
      category: classes[best],
      confidence: probs[best],
      sentiment,
      sentimentScores,
      urgent: urgencyRules.length > 0 || urgencyProbability >= this.urgencyThreshold,
      urgencyProbability,
      urgencyRules,
      analyzed,
    };
  }
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/**
 * Held-out ensemble scores from k folds, then the temperature that best explains them. The served model
 * is trained on everything; the temperature transfers because fold models see nearly the same data.
 */
function calibrate(
  featurizer: TriageFeaturizer,
  analyzed: AnalyzedText[],
  labels: string[],
  sampleWeights: number[],
  opts: TriageTrainingOptions,
): number {
  const folds = stratifiedFolds(labels, opts.calibrationFolds);
  const heldOut: Float64Array[] = [];
  const heldOutLabels: number[] = [];
  for (let k = 0; k < opts.calibrationFolds; k++) {
    const train = labels.flatMap((_, i) => (folds[i] !== k ? [i] : []));
    const test = labels.flatMap((_, i) => (folds[i] === k ? [i] : []));
    if (test.length === 0 || new Set(train.map((i) => labels[i])).size < 2) continue;
    const ensemble = CategoryEnsemble.train(
      featurizer,
      train.map((i) => analyzed[i]),
      train.map((i) => labels[i]),
      opts,
      train.map((i) => sampleWeights[i]),
    );
    for (const i of test) {
      const classIndex = ensemble.classes.indexOf(labels[i]);
      if (classIndex < 0) continue;
      heldOut.push(ensemble.scores(featurizer, analyzed[i]));
      heldOutLabels.push(classIndex);
    }
  }
  return fitTemperature(heldOut, heldOutLabels);
}

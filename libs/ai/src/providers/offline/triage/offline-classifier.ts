/**
 * The offline classifier: trains at construction from the starter set plus the workspace's examples and
 * answers in a few milliseconds with no network. Implements the Classifier port.
 */
import { detectPromptInjection, stripMarkup } from '../../../guards/prompt-injection';
import type {
  ClassifierInfo,
  ClassifyContext,
  ClassifyInput,
  LabelledExample,
  TrainableClassifier,
  TriageOutput,
} from '../../../ports';
import { FALLBACK_CATEGORY } from '../../../ports';
import { extractEntities } from '../entities/entities';
import { STARTER_EXAMPLES } from '../starter';
import { detectLanguage } from '../text/language';
import { TriageModel, type TriageTrainingOptions } from './triage-model';

export const OFFLINE_MODEL_NAME = 'offline-linear';

export interface OfflineClassifierOptions {
  /** Examples added to the starter set: the workspace's labelled data and agent corrections. */
  extraExamples?: LabelledExample[];
  /** Leave the shipped starter set out (evaluation of a workspace's own data only). */
  includeStarter?: boolean;
  training?: Partial<TriageTrainingOptions>;
  /** Flow button labels that map to a category, e.g. { "배송 문의": "shipping" }. */
  flowCategories?: Record<string, string>;
}

/**
 * How strongly a flow choice pulls the category. A visitor who pressed "배송 문의" is usually right about
 * the topic, but the text can still override it when it clearly says otherwise.
 */
const FLOW_PRIOR_PROBABILITY = 0.9;
/** Earlier messages give context to short follow-ups ("네 그걸로 해주세요") without outvoting the message. */
const CONTEXT_WEIGHT = 0.35;

export class OfflineClassifier implements TrainableClassifier {
  private model: TriageModel;
  private readonly options: OfflineClassifierOptions;

  constructor(options: OfflineClassifierOptions = {}) {
    this.options = options;
    this.model = OfflineClassifier.trainModel(options, options.extraExamples ?? []);
  }

  private static trainModel(options: OfflineClassifierOptions, extra: LabelledExample[]): TriageModel {
    const starter = options.includeStarter === false ? [] : STARTER_EXAMPLES;
    return TriageModel.train([...starter, ...extra], options.training);
  }

  async classify(input: ClassifyInput): Promise<TriageOutput> {
    return this.classifySync(input);
  }

  /** Synchronous variant for batch evaluation; the model is CPU-only. */
  classifySync(input: ClassifyInput): TriageOutput {
    const text = input.text ?? '';
    const prior = this.categoryPrior(input.context);
    // A request wrapped in markup is triaged on its words; markup alone is still seen as markup.
    const withoutMarkup = stripMarkup(text);
    const prediction = this.model.predict(/[\p{L}]{2,}/u.test(withoutMarkup) ? withoutMarkup : text, { categoryLogPrior: prior });
    const injection = detectPromptInjection(text);
    const hasWords = prediction.analyzed.tokens.some((t) => t.script === 'hangul' || t.script === 'latin');
    // Nothing to triage (emoji, punctuation): the README's rule is `general`, and we say so with low confidence.
    const category = hasWords || !this.model.categories.includes(FALLBACK_CATEGORY) ? prediction.category : FALLBACK_CATEGORY;
    return {
      category,
      confidence: category === prediction.category ? round(prediction.confidence) : 0.5,
      sentiment: prediction.sentiment,
      urgent: prediction.urgent,
      language: detectLanguage(text),
      entities: extractEntities(text),
      injectionSuspected: injection.suspected,
      scores: Object.fromEntries([...prediction.categoryScores].map(([c, p]) => [c, round(p)])),
    };
  }

  info(): ClassifierInfo {
    return {
      provider: 'offline',
      model: OFFLINE_MODEL_NAME,
      version: this.model.version,
      trainingSetSize: this.model.trainingSetSize,
      categories: this.model.categories,
    };
  }

  async retrain(extraExamples: LabelledExample[]): Promise<ClassifierInfo> {
    // Train first, swap after: requests keep using the old model until the new one is ready.
    this.model = OfflineClassifier.trainModel(this.options, extraExamples);
    return this.info();
  }

  /** Log-prior from the flow choice and earlier messages. */
  private categoryPrior(context?: ClassifyContext): Map<string, number> | undefined {
    if (!context) return undefined;
    const categories = this.model.categories;
    const prior = new Map<string, number>(categories.map((c) => [c, 0]));
    let used = false;
    const flowCategory = this.flowCategory(context.flowChoice);
    if (flowCategory) {
      const rest = (1 - FLOW_PRIOR_PROBABILITY) / Math.max(1, categories.length - 1);
      for (const c of categories) prior.set(c, Math.log(c === flowCategory ? FLOW_PRIOR_PROBABILITY : rest));
      used = true;
    } else if (context.flowChoice?.trim()) {
      // A free-text button label: let the model read it like a tiny message.
      const scores = this.model.predict(context.flowChoice).categoryScores;
      for (const c of categories) prior.set(c, Math.log(Math.max(scores.get(c) ?? 0, 1e-3)));
      used = true;
    }
    const previous = (context.previousMessages ?? []).slice(-3).join('\n').trim();
    if (previous) {
      const scores = this.model.predict(previous).categoryScores;
      for (const c of categories) prior.set(c, (prior.get(c) ?? 0) + CONTEXT_WEIGHT * Math.log(Math.max(scores.get(c) ?? 0, 1e-3)));
      used = true;
    }
    return used ? prior : undefined;
  }

  private flowCategory(flowChoice?: string): string | undefined {
    if (!flowChoice) return undefined;
    const key = flowChoice.trim().toLowerCase();
    const categories = this.model.categories;
    const direct = categories.find((c) => c.toLowerCase() === key);
    if (direct) return direct;
    const mapped = Object.entries(this.options.flowCategories ?? {}).find(([label]) => label.trim().toLowerCase() === key)?.[1];
    return mapped && categories.includes(mapped) ? mapped : undefined;
  }
}

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}

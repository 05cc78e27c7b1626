import type { CategoryId } from './categories';

export type Sentiment = 'negative' | 'neutral' | 'positive';
export type Language = 'ko' | 'en' | 'mixed';

export interface MoneyAmount {
  /** The amount as written ("5만원", "$120"). */
  raw: string;
  value: number;
  currency: 'KRW' | 'USD' | 'JPY' | 'EUR' | 'CNY';
}

export interface Quantity {
  raw: string;
  value: number;
  /** Normalised unit: "pcs", "box", "kg", "bottle", "pair", "set", ... */
  unit: string;
}

export interface TriageEntities {
  orderNumbers: string[];
  trackingNumbers: string[];
  /** A company name when the sender names one (B2B), else null. */
  company: string | null;
  quantities: Quantity[];
  amounts: MoneyAmount[];
}

export interface ClassifyContext {
  /** Earlier messages of the same conversation, oldest first. */
  previousMessages?: string[];
  /** The button the visitor picked in the widget flow (a category id or the button's label). */
  flowChoice?: string;
}

export interface ClassifyInput {
  text: string;
  context?: ClassifyContext;
}

export interface TriageOutput {
  category: CategoryId;
  /** Calibrated probability of `category`, 0..1. */
  confidence: number;
  sentiment: Sentiment;
  urgent: boolean;
  language: Language;
  entities: TriageEntities;
  /** Set when the text looks like an attempt to instruct the AI; the pipeline must not auto-send. */
  injectionSuspected?: boolean;
  /** Probability per category, for review screens and thresholds. */
  scores?: Record<CategoryId, number>;
}

export interface LabelledExample {
  text: string;
  category: CategoryId;
  sentiment?: Sentiment;
  urgent?: boolean;
  /** Where the example came from: the shipped starter set, an agent correction, an import... */
  source?: string;
}

export interface ClassifierInfo {
  provider: string;
  model: string;
  /** Changes whenever the model is retrained, so stored results can name the exact model. */
  version: string;
  trainingSetSize: number;
  categories: CategoryId[];
}

export interface Classifier {
  classify(input: ClassifyInput): Promise<TriageOutput>;
  info(): ClassifierInfo;
}

/** Classifiers that learn from examples (the offline model) also accept new examples without a restart. */
export interface TrainableClassifier extends Classifier {
  retrain(extraExamples: LabelledExample[]): Promise<ClassifierInfo>;
}

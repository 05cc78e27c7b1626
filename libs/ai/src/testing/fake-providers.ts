/**
 * Fakes for code that depends on the AI ports (pipeline, controllers): deterministic, instant, and
 * configurable per test. They record their inputs so tests can assert what was asked.
 */
import type { Classifier, ClassifierInfo, ClassifyInput, Draft, DraftInput, Drafter, TriageOutput } from '../ports';

export const EMPTY_ENTITIES: TriageOutput['entities'] = { orderNumbers: [], trackingNumbers: [], company: null, quantities: [], amounts: [] };

export class FakeClassifier implements Classifier {
  readonly calls: ClassifyInput[] = [];

  constructor(private readonly respond: (input: ClassifyInput) => Partial<TriageOutput> = () => ({})) {}

  async classify(input: ClassifyInput): Promise<TriageOutput> {
    this.calls.push(input);
    return { category: 'general', confidence: 0.9, sentiment: 'neutral', urgent: false, language: 'ko', entities: EMPTY_ENTITIES, ...this.respond(input) };
  }

  info(): ClassifierInfo {
    return { provider: 'fake', model: 'fake-classifier', version: 'test', trainingSetSize: 0, categories: ['general'] };
  }
}

export class FakeDrafter implements Drafter {
  readonly calls: DraftInput[] = [];

  constructor(private readonly respond: (input: DraftInput) => Partial<Draft> = () => ({})) {}

  async draft(input: DraftInput): Promise<Draft> {
    this.calls.push(input);
    return { body: 'fake draft', sources: [], confidence: 0.9, needsHuman: false, reason: 'answered_from_sources', ...this.respond(input) };
  }
}

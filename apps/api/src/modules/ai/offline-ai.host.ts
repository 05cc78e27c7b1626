import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { ClassifierInfo, Classifier, ClassifyInput, Draft, DraftInput, Drafter, TriageOutput } from '@parley/ai';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { createOfflineTaskHandler, type OfflineTask, type OfflineTaskResults } from './offline-ai.tasks';

const WORKER_FILE = join(__dirname, 'offline-ai.worker.js');

/**
 * Hosts the offline AI in one worker thread (tasks queue there, the event loop of the API stays free),
 * or inline when the compiled worker is absent (running from sources). Exposes the offline model as the
 * Classifier and Drafter ports so the AI runtime can use it directly or as its fallback.
 */
@Injectable()
export class OfflineAiHost implements OnApplicationShutdown {
  private readonly logger = new Logger('OfflineAi');
  private readonly pool: Piscina | null;
  private readonly runTask: (task: OfflineTask) => Promise<unknown>;
  private latestInfo: ClassifierInfo | null = null;
  trainedAt: Date | null = null;

  constructor() {
    if (existsSync(WORKER_FILE)) {
      // One thread: the model is state, and tasks are short; training blocks only this thread.
      // Started on first use (a process that runs no AI jobs may never need it).
      const pool = new Piscina({ filename: WORKER_FILE, minThreads: 0, maxThreads: 1, idleTimeout: Number.POSITIVE_INFINITY });
      this.pool = pool;
      this.runTask = (task) => pool.run(task);
    } else {
      this.pool = null;
      this.runTask = createOfflineTaskHandler();
    }
  }

  get threaded(): boolean {
    return this.pool !== null;
  }

  run<K extends OfflineTask['kind']>(task: Extract<OfflineTask, { kind: K }>): Promise<OfflineTaskResults[K]> {
    return this.runTask(task) as Promise<OfflineTaskResults[K]>;
  }

  async init(init: Extract<OfflineTask, { kind: 'init' }>['init']): Promise<ClassifierInfo> {
    const started = Date.now();
    this.latestInfo = await this.run({ kind: 'init', init });
    this.trainedAt = new Date();
    this.logger.log(`offline model ${this.latestInfo.version} trained on ${this.latestInfo.trainingSetSize} examples in ${Date.now() - started} ms${this.pool ? ' (worker thread)' : ''}`);
    return this.latestInfo;
  }

  async retrain(examples: Extract<OfflineTask, { kind: 'retrain' }>['examples']): Promise<ClassifierInfo> {
    this.latestInfo = await this.run({ kind: 'retrain', examples });
    this.trainedAt = new Date();
    return this.latestInfo;
  }

  /** The trained model's info, or null before the first training finished. */
  get loadedInfo(): ClassifierInfo | null {
    return this.latestInfo;
  }

  info(): ClassifierInfo {
    if (!this.latestInfo) throw new Error('offline AI not initialised');
    return this.latestInfo;
  }

  /** The offline model as the Classifier port. */
  readonly classifier: Classifier = {
    classify: (input: ClassifyInput): Promise<TriageOutput> => this.run({ kind: 'classify', input }),
    info: () => this.info(),
  };

  /** The offline drafter as the Drafter port. */
  readonly drafter: Drafter = {
    draft: (input: DraftInput): Promise<Draft> => this.run({ kind: 'draft', input }),
  };

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.destroy();
  }
}

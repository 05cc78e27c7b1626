import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { WorkspaceStore } from '../../../core/api/workspace.store';
import { MessageKey } from '../../../core/i18n/messages';
import { TPipe } from '../../../core/i18n/t.pipe';
import { CategoryLabelPipe } from '../category-label.pipe';
import { ConversationStore } from './conversation.store';

/**
 * What the AI made of the latest question: category, confidence, sentiment, urgency. Choosing
 * another category corrects it at once; the correction is kept as a training example.
 */
@Component({
  selector: 'pl-triage-badge',
  imports: [TPipe, CategoryLabelPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="triage-title">
      <h2 id="triage-title" class="panel-title">{{ 'conversations.triage.title' | t }}</h2>
      @if (triage(); as t) {
        <div class="badge-row">
          <span class="category" data-testid="triage-category" [attr.data-category]="category()">{{ category() | categoryLabel }}</span>
          @if (t.correctedCategory) {
            <span class="corrected">{{ 'conversations.triage.corrected' | t }}</span>
          }
          @if (t.urgent) {
            <span class="urgent">{{ 'conversations.priority.urgent' | t }}</span>
          }
        </div>
        <dl class="facts">
          @if (t.confidence !== null) {
            <div>
              <dt>{{ 'conversations.triage.confidence' | t }}</dt>
              <dd>{{ percent(t.confidence) }}%</dd>
            </div>
          }
          @if (sentimentKey(); as key) {
            <div>
              <dt>{{ 'conversations.triage.sentiment' | t }}</dt>
              <dd>{{ key | t }}</dd>
            </div>
          }
        </dl>
        <label for="category-override">{{ 'conversations.triage.change' | t }}</label>
        <select id="category-override" class="pl-select" [disabled]="saving()" (change)="correct($event)">
          @for (c of workspace.categories.items(); track c.key) {
            <option [value]="c.key" [selected]="c.key === category()">{{ c.key | categoryLabel }}</option>
          }
        </select>
        <p class="status" role="status">
          @if (result() === 'saved') {
            {{ 'conversations.triage.saved' | t }}
          } @else if (result() === 'failed') {
            {{ 'conversations.triage.failed' | t }}
          }
        </p>
      } @else if (failedTriage()) {
        <p class="muted">{{ 'conversations.triage.error' | t }}</p>
      } @else {
        <p class="muted">{{ 'conversations.triage.none' | t }}</p>
      }
    </section>
  `,
  styles: `
    .badge-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.375rem;
      margin-bottom: 0.375rem;
    }
    .category {
      padding: 0.125rem 0.625rem;
      border-radius: 999px;
      background: var(--pl-accent-soft);
      color: var(--pl-accent-hover);
      font-weight: 700;
    }
    .corrected {
      color: var(--pl-text-muted);
      font-size: 0.75rem;
    }
    .urgent {
      padding: 0 0.5rem;
      border-radius: 999px;
      background: var(--pl-danger-soft);
      color: var(--pl-danger);
      font-size: 0.75rem;
      font-weight: 700;
    }
    .facts {
      display: flex;
      gap: 1rem;
      margin: 0 0 0.5rem;
      font-size: 0.8125rem;
    }
    dt {
      color: var(--pl-text-muted);
    }
    dd {
      margin: 0;
      font-weight: 600;
    }
    label {
      font-size: 0.8125rem;
    }
    .status {
      min-height: 1.25rem;
      margin: 0.25rem 0 0;
      color: var(--pl-text-muted);
      font-size: 0.8125rem;
    }
    .muted {
      margin: 0;
      color: var(--pl-text-muted);
    }
  `,
})
export class TriageBadge {
  protected readonly store = inject(ConversationStore);
  protected readonly workspace = inject(WorkspaceStore);
  protected readonly triage = this.store.triage;
  protected readonly saving = signal(false);
  protected readonly result = signal<'saved' | 'failed' | null>(null);

  protected readonly category = computed(() => {
    const t = this.triage();
    return t ? (t.correctedCategory ?? t.category ?? '') : '';
  });
  protected readonly sentimentKey = computed<MessageKey | null>(() => {
    const sentiment = this.triage()?.sentiment;
    return sentiment ? (`conversations.sentiment.${sentiment}` as const) : null;
  });
  protected readonly failedTriage = computed(() => {
    const all = this.store.triageResults();
    return all.length > 0 && all[all.length - 1].status === 'failed';
  });

  constructor() {
    this.workspace.categories.ensure();
    // "Saved" belongs to the result it was said of; a newer triage (a new message) clears it.
    let shownId: string | undefined;
    effect(() => {
      const id = this.triage()?.id;
      if (id === shownId) return;
      shownId = id;
      untracked(() => this.result.set(null));
    });
  }

  protected percent(value: number): number {
    return Math.round(value * 100);
  }

  protected async correct(event: Event): Promise<void> {
    const select = event.target as HTMLSelectElement;
    const triage = this.triage();
    if (!triage || select.value === this.category()) return;
    this.saving.set(true);
    this.result.set(null);
    const ok = await this.store.correctCategory(triage.id, select.value);
    this.saving.set(false);
    this.result.set(ok ? 'saved' : 'failed');
    if (!ok) select.value = this.category();
  }
}

import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, signal } from '@angular/core';
import type { FlowDefinition, FlowStep, LocalizedText } from '@parley/shared/contracts';
import { localizedFlowText } from '@parley/shared/domain';
import type { MessageKey } from '../../core/i18n/messages';
import { TPipe } from '../../core/i18n/t.pipe';

type Lang = 'ko' | 'en';

interface PreviewTurn {
  /** The button the visitor clicked to get here (none for the start step). */
  clicked: string | null;
  step: FlowStep | null;
}

/**
 * The flow as a visitor sees it in the widget: the start step's message and buttons, in Korean or
 * English (the other language when one is blank, as the widget does). Clicking a button walks the
 * preview to its step; nothing is sent anywhere.
 */
@Component({
  selector: 'pl-flow-preview',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="st-panel" aria-labelledby="flow-preview-title">
      <div class="head">
        <h2 id="flow-preview-title">{{ 'flows.preview' | t }}</h2>
        <div class="langs" role="group" [attr.aria-label]="'flows.previewLanguage' | t">
          @for (l of langs; track l) {
            <button type="button" class="pl-button st-small" [attr.aria-pressed]="lang() === l" (click)="lang.set(l)">{{ langKey(l) | t }}</button>
          }
        </div>
      </div>
      <div class="widget" [attr.lang]="lang()" aria-live="polite">
        @for (turn of turns(); track $index; let last = $last) {
          @if (turn.clicked !== null) {
            <p class="bubble visitor">{{ turn.clicked }}</p>
          }
          @if (turn.step; as step) {
            <p class="bubble bot">{{ text(step.message) || ('flows.previewEmpty' | t) }}</p>
            @if (last) {
              @switch (step.kind) {
                @case ('menu') {
                  <div class="choices">
                    @for (b of step.buttons; track b.id) {
                      <button type="button" class="choice" (click)="follow(b.label, b.next)">{{ text(b.label) || '…' }}</button>
                    }
                  </div>
                }
                @default {
                  <p class="kind">{{ kindPreviewKey(step.kind) | t }}</p>
                }
              }
            }
          } @else {
            <p class="kind">{{ 'flows.previewNoStep' | t }}</p>
          }
        }
      </div>
      @if (turns().length > 1) {
        <button type="button" class="link" (click)="restart()">{{ 'flows.previewRestart' | t }}</button>
      }
    </section>
  `,
  styles: `
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
    }
    .head h2 {
      margin: 0;
    }
    .langs {
      display: inline-flex;
      gap: 0.25rem;
    }
    .langs [aria-pressed='true'] {
      border-color: var(--pl-accent);
      background: var(--pl-accent-soft);
    }
    .widget {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      margin: 0.75rem 0 0.5rem;
      padding: 0.75rem;
      border-radius: 12px;
      background: var(--pl-bg);
    }
    .bubble {
      max-width: 85%;
      margin: 0;
      padding: 0.5rem 0.75rem;
      border-radius: 12px;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .bot {
      align-self: flex-start;
      background: var(--pl-surface);
      border: 1px solid var(--pl-border);
    }
    .visitor {
      align-self: flex-end;
      background: var(--pl-accent);
      color: var(--pl-on-accent);
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem;
    }
    .choice {
      padding: 0.375rem 0.75rem;
      border: 1px solid var(--pl-accent);
      border-radius: 999px;
      background: var(--pl-surface);
      color: var(--pl-accent);
      font-weight: 600;
      cursor: pointer;
    }
    .kind {
      margin: 0;
      color: var(--pl-text-muted);
      font-size: 0.8125rem;
      font-style: italic;
    }
  `,
})
export class FlowPreview {
  readonly definition = input.required<FlowDefinition>();

  protected readonly langs: readonly Lang[] = ['ko', 'en'];
  protected readonly lang = signal<Lang>('ko');
  /** Step ids the preview walked through and the labels clicked on the way; a new start step begins again. */
  readonly #path = linkedSignal<string, { clicked: LocalizedText; stepId: string }[]>({
    source: () => this.definition().startStepId,
    computation: () => [],
  });

  protected readonly turns = computed<PreviewTurn[]>(() => {
    const def = this.definition();
    const path = this.#path();
    const start: { clicked: LocalizedText | null; stepId: string } = { clicked: null, stepId: def.startStepId };
    return [start, ...path].map((p) => ({
      clicked: p.clicked ? this.text(p.clicked) : null,
      step: def.steps.find((s) => s.id === p.stepId) ?? null,
    }));
  });

  protected text(value: LocalizedText): string {
    return localizedFlowText(value, this.lang());
  }

  protected follow(label: LocalizedText, next: string): void {
    this.#path.update((path) => [...path, { clicked: label, stepId: next }]);
  }

  protected restart(): void {
    this.#path.set([]);
  }

  protected langKey(lang: Lang): MessageKey {
    return `flows.lang.${lang}`;
  }

  protected kindPreviewKey(kind: FlowStep['kind']): MessageKey {
    return `flows.previewKind.${kind}`;
  }
}

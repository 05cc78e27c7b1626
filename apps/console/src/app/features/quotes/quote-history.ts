import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import type { QuoteHistoryEntry } from '@parley/shared/contracts';
import { WorkspaceStore } from '../../core/api/workspace.store';
import { I18nService } from '../../core/i18n/i18n.service';
import { MESSAGES, type MessageKey } from '../../core/i18n/messages';
import { TPipe } from '../../core/i18n/t.pipe';
import { QuoteDetailStore } from './quote-detail.store';
import { statusKey } from './quote-status';

/** What happened to the request, newest first: created, edited, assigned, status moves, quotes sent. */
@Component({
  selector: 'pl-quote-history',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="quote-history-title">
      <h2 id="quote-history-title" class="panel-title">{{ 'quotes.history.title' | t }}</h2>
      <ol class="timeline">
        @for (entry of entries(); track $index) {
          <li>
            <span class="what">
              {{ action(entry) }}
              @if (entry.from && entry.to && entry.from !== entry.to) {
                <span class="move">{{ status(entry.from) }} → {{ status(entry.to) }}</span>
              }
            </span>
            <span class="by">{{ actor(entry) }} · <time [attr.datetime]="entry.at">{{ when(entry.at) }}</time></span>
            @if (note(entry); as note) {
              <span class="note">{{ note }}</span>
            }
          </li>
        } @empty {
          <li class="by">{{ 'quotes.history.empty' | t }}</li>
        }
      </ol>
    </section>
  `,
  styles: `
    .timeline {
      display: grid;
      gap: 0.5rem;
      margin: 0;
      padding: 0 0 0 0.875rem;
      border-left: 2px solid var(--pl-border);
      list-style: none;
      font-size: 0.875rem;
    }
    li {
      display: grid;
    }
    .what {
      font-weight: 600;
    }
    .move {
      margin-left: 0.375rem;
      color: var(--pl-text-muted);
      font-weight: 400;
    }
    .by {
      color: var(--pl-text-muted);
      font-size: 0.8125rem;
    }
    .note {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
})
export class QuoteHistory {
  readonly #store = inject(QuoteDetailStore);
  readonly #workspace = inject(WorkspaceStore);
  readonly #i18n = inject(I18nService);

  protected readonly entries = computed(() => [...(this.#store.quote()?.history ?? [])].reverse());

  protected action(entry: QuoteHistoryEntry): string {
    const key = `quotes.history.action.${entry.action}`;
    // A kind of entry this console does not know yet still shows, by its name.
    return key in MESSAGES.en ? this.#i18n.t(key as MessageKey) : entry.action;
  }

  protected status(status: NonNullable<QuoteHistoryEntry['from']>): string {
    return this.#i18n.t(statusKey(status));
  }

  protected actor(entry: QuoteHistoryEntry): string {
    if (entry.actor === 'agent') return (entry.actorId && this.#workspace.agentNames().get(entry.actorId)) || this.#i18n.t('quotes.history.actor.agent');
    return this.#i18n.t(`quotes.history.actor.${entry.actor}`);
  }

  /** An assignment's note is the new assignee's id: show their name. */
  protected note(entry: QuoteHistoryEntry): string | null {
    if (entry.action !== 'assigned') return entry.note;
    if (!entry.note) return this.#i18n.t('quotes.unassigned');
    return this.#workspace.agentNames().get(entry.note) ?? null;
  }

  protected when(iso: string): string {
    return new Intl.DateTimeFormat(this.#i18n.locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(iso));
  }
}

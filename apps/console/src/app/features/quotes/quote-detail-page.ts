import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { WorkspaceStore } from '../../core/api/workspace.store';
import { I18nService } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { QuoteDetailStore } from './quote-detail.store';
import { QuoteFieldsForm } from './quote-fields-form';
import { QuoteHistory } from './quote-history';
import { QuoteSendPanel } from './quote-send-panel';
import { quoteNumber } from './quote-format';
import { moveKey, sourceKey, statusKey } from './quote-status';

/** One quote request: status and its moves, assignment, the editable request, sending a quote, the history. */
@Component({
  selector: 'pl-quote-detail-page',
  imports: [RouterLink, TPipe, QuoteFieldsForm, QuoteSendPanel, QuoteHistory],
  providers: [QuoteDetailStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './quote-detail-page.html',
  styleUrl: './quote-detail-page.css',
})
export class QuoteDetailPage {
  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly store = inject(QuoteDetailStore);
  protected readonly workspace = inject(WorkspaceStore);
  readonly #i18n = inject(I18nService);
  protected readonly statusKey = statusKey;
  protected readonly moveKey = moveKey;
  protected readonly sourceKey = sourceKey;

  protected readonly number = computed(() => {
    const quote = this.store.quote();
    return quote ? quoteNumber(quote.displayId) : '';
  });
  protected readonly who = computed(() => {
    const c = this.store.quote()?.contact;
    return c?.company ?? c?.name ?? c?.email ?? this.#i18n.t('quotes.unknownContact');
  });
  protected readonly agents = computed(() => this.workspace.agents.items().filter((a) => !a.disabled));
  protected readonly inboxName = computed(() => {
    const inboxId = this.store.quote()?.inboxId;
    return inboxId ? (this.workspace.inboxNames().get(inboxId) ?? null) : null;
  });

  constructor() {
    this.workspace.agents.ensure();
    this.workspace.inboxes.ensure();
    effect(() => {
      const id = this.id();
      untracked(() => this.store.load(id));
    });
  }

  protected assign(event: Event): void {
    void this.store.assign((event.target as HTMLSelectElement).value || null);
  }

  protected created(iso: string): string {
    return new Intl.DateTimeFormat(this.#i18n.locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(iso));
  }
}

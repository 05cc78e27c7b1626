import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { QUOTE_CURRENCIES, QUOTE_LIMITS } from '@parley/shared/contracts';
import { WorkspaceStore } from '../../core/api/workspace.store';
import { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages';
import { TPipe } from '../../core/i18n/t.pipe';
import { QuoteDetailStore } from './quote-detail.store';
import { SendQuoteForm, localDate } from './quote-form';
import { formatMoney, quoteNumber } from './quote-format';

/** The offer sent (with its PDF) and the form that sends one, first or revised, when the status allows it. */
@Component({
  selector: 'pl-quote-send-panel',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './quote-send-panel.html',
  styleUrl: './quote-send-panel.css',
})
export class QuoteSendPanel {
  protected readonly store = inject(QuoteDetailStore);
  readonly #workspace = inject(WorkspaceStore);
  readonly #i18n = inject(I18nService);
  protected readonly messageMax = QUOTE_LIMITS.notes;
  protected readonly locales = [
    { value: 'ko', label: '한국어' },
    { value: 'en', label: 'English' },
  ] as const;

  protected readonly currencies = computed(() => {
    const own = this.store.sendForm()?.currency;
    return [...new Set<string>([...QUOTE_CURRENCIES, ...(own ? [own] : [])])];
  });
  protected readonly today = computed(() => localDate(this.store.today()));
  protected readonly pdfName = computed(() => {
    const quote = this.store.quote();
    return quote ? `${quoteNumber(quote.displayId)}.pdf` : 'quote.pdf';
  });

  protected money(amount: number, currency: string): string {
    return formatMoney(amount, currency, this.#i18n.locale());
  }

  protected when(iso: string): string {
    return new Intl.DateTimeFormat(this.#i18n.locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(iso));
  }

  protected day(date: string): string {
    const [y, m, d] = date.split('-').map(Number);
    return new Intl.DateTimeFormat(this.#i18n.locale(), { dateStyle: 'medium' }).format(new Date(y, m - 1, d));
  }

  protected sender(id: string | null): string {
    return (id && this.#workspace.agentNames().get(id)) || this.#i18n.t('quotes.someone');
  }

  /** The problem with a field: the console's own check first, else what the API said. */
  protected error(field: keyof SendQuoteForm): string | null {
    const key: MessageKey | undefined = this.store.sendErrors()[field];
    return key ? this.#i18n.t(key) : (this.store.sendServerErrors()[field] ?? null);
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}

import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { QUOTE_CURRENCIES, QUOTE_LIMITS } from '@parley/shared/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages';
import { TPipe } from '../../core/i18n/t.pipe';
import { QuoteDetailStore } from './quote-detail.store';
import type { QuoteItemForm } from './quote-form';

type ItemField = keyof QuoteItemForm;

/** The request as the customer (or the AI) wrote it, editable: items, deadline, destination, notes, contact. */
@Component({
  selector: 'pl-quote-fields-form',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './quote-fields-form.html',
  styleUrl: './quote-fields-form.css',
})
export class QuoteFieldsForm {
  protected readonly store = inject(QuoteDetailStore);
  readonly #i18n = inject(I18nService);
  protected readonly limits = QUOTE_LIMITS;

  /** The offered currencies, plus an item's own when it is another one. */
  protected readonly currencies = computed(() => {
    const own = this.store.form()?.items.map((i) => i.currency) ?? [];
    return [...new Set<string>([...QUOTE_CURRENCIES, ...own.filter(Boolean)])];
  });

  /** The problem with a field: the console's own check first, else what the API said. */
  protected error(path: string, key: MessageKey | undefined): string | null {
    if (key) return this.#i18n.t(key);
    return this.store.formServerErrors()[path] ?? null;
  }

  protected itemError(index: number, field: ItemField): string | null {
    return this.error(`items.${index}.${field}`, this.store.formErrors().item[index]?.[field]);
  }

  protected itemLabel(index: number, field: MessageKey): string {
    return this.#i18n.t('quotes.items.cellLabel', { n: index + 1, field: this.#i18n.t(field) });
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected upper(event: Event): string {
    return this.value(event).toUpperCase();
  }
}

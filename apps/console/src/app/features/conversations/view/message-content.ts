import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MessageDto } from '@parley/shared/contracts';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TPipe } from '../../../core/i18n/t.pipe';
import { formatMoney, quoteNumber } from '../../quotes/quote-format';

/**
 * A message's body and its structured parts: a sent quote as a small card (instead of its text),
 * the buttons a flow step showed as inert chips, a clicked button marked as such. Everything is
 * interpolated text: customer text is data, never HTML.
 */
@Component({
  selector: 'pl-message-content',
  imports: [RouterLink, TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let content = message().content;
    @if (content?.quote; as quote) {
      <div class="quote" data-testid="message-quote">
        <span class="quote-title">{{ 'conversations.quote.sent' | t: { number: number() } }}</span>
        <span class="quote-amount">{{ amount() }}</span>
        <span class="quote-valid">{{ 'conversations.quote.validUntil' | t: { date: validUntil() } }}</span>
        <a [routerLink]="['/quotes', quote.quoteRequestId]">{{ 'conversations.quote.open' | t: { number: number() } }}</a>
      </div>
    } @else {
      @if (content?.flowChoice) {
        <span class="clicked">{{ 'conversations.flow.clicked' | t }}</span>
      }
      <p class="body">{{ message().body }}</p>
      @if (content?.flowStep; as step) {
        @if (step.buttons.length) {
          <ul class="chips" [attr.aria-label]="'conversations.flow.buttonsShown' | t">
            @for (button of step.buttons; track button.id) {
              <li>{{ button.label }}</li>
            }
          </ul>
        }
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .body {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .clicked {
      display: inline-block;
      margin-bottom: 0.125rem;
      color: var(--pl-text-muted);
      font-size: 0.75rem;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      margin: 0.375rem 0 0;
      padding: 0;
      list-style: none;
    }
    .chips li {
      padding: 0.125rem 0.625rem;
      border: 1px solid var(--pl-border-strong);
      border-radius: 999px;
      background: var(--pl-surface);
      color: var(--pl-text-muted);
      font-size: 0.8125rem;
    }
    .quote {
      display: grid;
      gap: 0.125rem;
      min-width: 12rem;
    }
    .quote-title {
      font-weight: 600;
    }
    .quote-amount {
      font-size: 1.0625rem;
      font-weight: 700;
    }
    .quote-valid {
      color: var(--pl-text-muted);
      font-size: 0.8125rem;
    }
  `,
})
export class MessageContent {
  readonly message = input.required<MessageDto>();
  readonly #i18n = inject(I18nService);

  protected readonly number = computed(() => {
    const quote = this.message().content?.quote;
    return quote ? quoteNumber(quote.displayId) : '';
  });
  protected readonly validUntil = computed(() => {
    const date = this.message().content?.quote?.validUntil;
    if (!date) return '';
    const [y, m, d] = date.split('-').map(Number);
    return new Intl.DateTimeFormat(this.#i18n.locale(), { dateStyle: 'medium' }).format(new Date(y, m - 1, d));
  });
  protected readonly amount = computed(() => {
    const quote = this.message().content?.quote;
    return quote ? formatMoney(quote.amount, quote.currency, this.#i18n.locale()) : '';
  });
}

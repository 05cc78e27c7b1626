import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { I18nService } from './i18n.service';
import { LOCALES, Locale } from './messages';
import { TPipe } from './t.pipe';

const SHORT_LABEL: Record<Locale, string> = { ko: 'KO', en: 'EN' };

/**
 * KO/EN switch. Each option's accessible name keeps the visible text (for voice control) and adds
 * the language's own name, so it is recognisable whatever the current locale.
 */
@Component({
  selector: 'pl-locale-toggle',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="toggle" role="group" [attr.aria-label]="'locale.label' | t">
      @for (option of options; track option.locale) {
        <button
          type="button"
          [attr.lang]="option.locale"
          [attr.aria-label]="option.short + ' ' + option.name"
          [title]="option.name"
          [attr.aria-pressed]="i18n.locale() === option.locale"
          (click)="i18n.setLocale(option.locale)"
        >
          {{ option.short }}
        </button>
      }
    </div>
  `,
  styles: `
    .toggle {
      display: inline-flex;
      border: 1px solid var(--pl-border-strong);
      border-radius: var(--pl-radius);
      overflow: hidden;
      background: var(--pl-surface);
    }
    button {
      min-width: 2.5rem;
      padding: 0.3rem 0.6rem;
      border: 0;
      background: transparent;
      color: var(--pl-text-muted);
      font: inherit;
      font-size: 0.8125rem;
      font-weight: 600;
      cursor: pointer;
    }
    button + button {
      border-left: 1px solid var(--pl-border-strong);
    }
    button:hover {
      color: var(--pl-text);
      background: var(--pl-surface-hover);
    }
    button[aria-pressed='true'] {
      color: var(--pl-on-accent);
      background: var(--pl-accent);
    }
    button:focus-visible {
      outline-offset: -3px;
    }
  `,
})
export class LocaleToggle {
  protected readonly i18n = inject(I18nService);
  protected readonly options = LOCALES.map((locale) => ({
    locale,
    short: SHORT_LABEL[locale],
    name: this.i18n.t(`locale.${locale}`),
  }));
}

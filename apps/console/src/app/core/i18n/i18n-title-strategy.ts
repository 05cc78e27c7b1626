import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { I18nService } from './i18n.service';
import { MESSAGES, MessageKey } from './messages';

/**
 * Route `title`s are message keys. The document title is "<page> · Parley" in the current
 * locale and follows locale changes without a navigation.
 */
@Injectable({ providedIn: 'root' })
export class I18nTitleStrategy extends TitleStrategy {
  readonly #title = inject(Title);
  readonly #i18n = inject(I18nService);
  readonly #pageKey = signal<MessageKey | null>(null);

  constructor() {
    super();
    effect(() => {
      const appName = this.#i18n.t('app.name');
      const key = this.#pageKey();
      this.#title.setTitle(key ? `${this.#i18n.t(key)} · ${appName}` : appName);
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const title = this.buildTitle(snapshot);
    this.#pageKey.set(
      title && title in MESSAGES.en ? (title as MessageKey) : null,
    );
  }
}

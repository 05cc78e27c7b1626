import { Pipe, PipeTransform, inject } from '@angular/core';
import { I18nService, MessageParams } from './i18n.service';
import { MessageKey } from './messages';

/**
 * `{{ 'login.title' | t }}`. Impure on purpose: the lookup reads the locale signal on every
 * render, which registers the dependency and re-renders OnPush views when the locale changes.
 * A pure pipe would be skipped (same arguments) and would lose that dependency.
 */
@Pipe({ name: 't', pure: false })
export class TPipe implements PipeTransform {
  readonly #i18n = inject(I18nService);

  transform(key: MessageKey, params?: MessageParams): string {
    return this.#i18n.t(key, params);
  }
}

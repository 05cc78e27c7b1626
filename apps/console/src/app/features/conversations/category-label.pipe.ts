import { Pipe, PipeTransform, inject } from '@angular/core';
import { WorkspaceStore } from '../../core/api/workspace.store';
import { I18nService } from '../../core/i18n/i18n.service';
import { MESSAGES, MessageKey } from '../../core/i18n/messages';

/**
 * `{{ 'shipping' | categoryLabel }}`: the built-in categories in the UI language, a workspace's own
 * categories by the label an admin gave them, else the key. Impure like `t`: it follows the locale.
 */
@Pipe({ name: 'categoryLabel', pure: false })
export class CategoryLabelPipe implements PipeTransform {
  readonly #i18n = inject(I18nService);
  readonly #workspace = inject(WorkspaceStore);

  transform(key: string | null | undefined): string {
    if (!key) return '';
    const messageKey = `conversations.category.${key}`;
    if (messageKey in MESSAGES.en) return this.#i18n.t(messageKey as MessageKey);
    return this.#workspace.categories.items().find((c) => c.key === key)?.label ?? key;
  }
}

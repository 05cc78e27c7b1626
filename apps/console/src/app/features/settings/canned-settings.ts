import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { CannedResponseDto } from '@parley/shared/contracts';
import { LIMITS } from '@parley/shared/domain';
import { I18nService } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { ConfirmAction } from './confirm-action';
import { ListEditor } from './list-editor';
import { SettingsApi } from './settings-api';
import { CannedForm, validateCanned } from './settings-forms';

/** Canned responses agents insert by shortcode. */
@Component({
  selector: 'pl-canned-settings',
  imports: [TPipe, ConfirmAction],
  templateUrl: './canned-settings.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CannedSettings {
  readonly #api = inject(SettingsApi);
  protected readonly contentMax = LIMITS.messageBodyMax;

  protected readonly editor = new ListEditor(
    {
      load: () => this.#api.cannedResponses(),
      empty: { shortCode: '', content: '' } as CannedForm,
      toForm: (item: CannedResponseDto): CannedForm => ({ shortCode: item.shortCode, content: item.content }),
      validate: validateCanned,
      toBody: (form: CannedForm) => ({ shortCode: form.shortCode.trim(), content: form.content }),
      create: (body) => this.#api.createCanned(body),
      update: (id, body) => this.#api.updateCanned(id, body),
      remove: (id) => this.#api.deleteCanned(id),
    },
    inject(I18nService),
  );

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}

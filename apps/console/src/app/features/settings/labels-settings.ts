import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { LabelDto } from '@parley/shared/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { ConfirmAction } from './confirm-action';
import { ListEditor } from './list-editor';
import { SettingsApi } from './settings-api';
import { LabelForm, validateLabel } from './settings-forms';

/** Labels agents put on conversations: create, rename, recolour, delete. */
@Component({
  selector: 'pl-labels-settings',
  imports: [TPipe, ConfirmAction],
  templateUrl: './labels-settings.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LabelsSettings {
  readonly #api = inject(SettingsApi);

  protected readonly editor = new ListEditor(
    {
      load: () => this.#api.labels(),
      empty: { name: '', color: '#2c5bc9', description: '' } as LabelForm,
      toForm: (label: LabelDto): LabelForm => ({ name: label.name, color: label.color, description: label.description ?? '' }),
      validate: validateLabel,
      toBody: (form: LabelForm) => ({ name: form.name.trim(), color: form.color, description: form.description.trim() || null }),
      create: (body) => this.#api.createLabel(body),
      update: (id, body) => this.#api.updateLabel(id, body),
      remove: (id) => this.#api.deleteLabel(id),
    },
    inject(I18nService),
  );

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}

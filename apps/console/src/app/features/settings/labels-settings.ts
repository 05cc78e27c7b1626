import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import type { LabelDto } from '@parley/shared/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { ConfirmAction } from './confirm-action';
import { SettingsApi, errorMessage } from './settings-api';
import { LabelForm, hasErrors, validateLabel } from './settings-forms';

const EMPTY: LabelForm = { name: '', color: '#2c5bc9', description: '' };

/** Labels agents put on conversations: create, rename, recolour, delete. */
@Component({
  selector: 'pl-labels-settings',
  imports: [TPipe, ConfirmAction],
  templateUrl: './labels-settings.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LabelsSettings {
  readonly #api = inject(SettingsApi);
  readonly #i18n = inject(I18nService);

  protected readonly labels = signal<LabelDto[]>([]);
  protected readonly loadFailed = signal(false);

  /** The label being edited ('new' for the create form) and its fields. */
  protected readonly editingId = signal<string>('new');
  protected readonly form = signal<LabelForm>(EMPTY);
  protected readonly submitted = signal(false);
  protected readonly errors = computed(() =>
    this.submitted() ? validateLabel(this.form()) : {},
  );
  protected readonly saving = signal(false);
  protected readonly notice = signal<{ ok: boolean; text: string } | null>(
    null,
  );

  constructor() {
    this.#api.labels().subscribe({
      next: (list) => this.labels.set(list),
      error: () => this.loadFailed.set(true),
    });
  }

  protected startEdit(label: LabelDto): void {
    this.editingId.set(label.id);
    this.form.set({
      name: label.name,
      color: label.color,
      description: label.description ?? '',
    });
    this.submitted.set(false);
    this.notice.set(null);
  }

  protected cancel(): void {
    this.editingId.set('new');
    this.form.set(EMPTY);
    this.submitted.set(false);
  }

  protected patch(patch: Partial<LabelForm>): void {
    this.form.update((f) => ({ ...f, ...patch }));
  }

  protected save(): void {
    this.submitted.set(true);
    const form = this.form();
    if (hasErrors(validateLabel(form)) || this.saving()) return;
    this.saving.set(true);
    const body = {
      name: form.name.trim(),
      color: form.color,
      description: form.description.trim() || null,
    };
    const id = this.editingId();
    const call =
      id === 'new'
        ? this.#api.createLabel(body)
        : this.#api.updateLabel(id, body);
    call.subscribe({
      next: (saved) => {
        this.labels.update((list) =>
          id === 'new'
            ? [...list, saved]
            : list.map((l) => (l.id === saved.id ? saved : l)),
        );
        this.saving.set(false);
        this.cancel();
        this.notice.set({ ok: true, text: this.#i18n.t('settings.saved') });
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.notice.set({
          ok: false,
          text: errorMessage(e) ?? this.#i18n.t('settings.saveFailed'),
        });
      },
    });
  }

  protected remove(label: LabelDto): void {
    this.#api.deleteLabel(label.id).subscribe({
      next: () => {
        this.labels.update((list) => list.filter((l) => l.id !== label.id));
        if (this.editingId() === label.id) this.cancel();
      },
      error: (e: unknown) =>
        this.notice.set({
          ok: false,
          text: errorMessage(e) ?? this.#i18n.t('settings.saveFailed'),
        }),
    });
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}

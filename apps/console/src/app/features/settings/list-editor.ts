import { computed, signal } from '@angular/core';
import { apiErrorMessage } from '../../core/http/api-error';
import type { Observable } from 'rxjs';
import type { I18nService } from '../../core/i18n/i18n.service';
import { hasErrors } from './settings-forms';

export interface ListEditorConfig<T, F, B, E extends object> {
  load: () => Observable<T[]>;
  /** The create form's fields. */
  empty: F;
  toForm: (item: T) => F;
  /** Errors by field (undefined = fine). */
  validate: (form: F) => E;
  toBody: (form: F) => B;
  create: (body: B) => Observable<T>;
  update: (id: string, body: B) => Observable<T>;
  remove: (id: string) => Observable<unknown>;
}

/**
 * The state of a settings list with one inline form (labels, canned responses): the items, the form
 * for a new item or the one being edited, validation shown after the first submit, save and delete
 * with a notice. Methods are bound so templates can call them directly.
 */
export class ListEditor<T extends { id: string }, F, B, E extends object> {
  readonly items = signal<T[]>([]);
  readonly loadFailed = signal(false);
  /** The item being edited, or 'new' for the create form. */
  readonly editingId = signal<string>('new');
  readonly form: ReturnType<typeof signal<F>>;
  readonly submitted = signal(false);
  readonly errors = computed<Partial<E>>(() => (this.submitted() ? this.config.validate(this.form()) : {}));
  readonly saving = signal(false);
  readonly notice = signal<{ ok: boolean; text: string } | null>(null);

  constructor(
    private readonly config: ListEditorConfig<T, F, B, E>,
    private readonly i18n: I18nService,
  ) {
    this.form = signal<F>(config.empty);
    config.load().subscribe({
      next: (list) => this.items.set(list),
      error: () => this.loadFailed.set(true),
    });
  }

  readonly startEdit = (item: T): void => {
    this.editingId.set(item.id);
    this.form.set(this.config.toForm(item));
    this.submitted.set(false);
    this.notice.set(null);
  };

  readonly cancel = (): void => {
    this.editingId.set('new');
    this.form.set(this.config.empty);
    this.submitted.set(false);
  };

  readonly patch = (patch: Partial<F>): void => {
    this.form.update((f) => ({ ...f, ...patch }));
  };

  readonly save = (): void => {
    this.submitted.set(true);
    const form = this.form();
    if (hasErrors(this.config.validate(form)) || this.saving()) return;
    this.saving.set(true);
    const body = this.config.toBody(form);
    const id = this.editingId();
    (id === 'new' ? this.config.create(body) : this.config.update(id, body)).subscribe({
      next: (saved) => {
        this.items.update((list) => (id === 'new' ? [...list, saved] : list.map((i) => (i.id === saved.id ? saved : i))));
        this.saving.set(false);
        this.cancel();
        this.notice.set({ ok: true, text: this.i18n.t('settings.saved') });
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.failed(e);
      },
    });
  };

  readonly remove = (item: T): void => {
    this.config.remove(item.id).subscribe({
      next: () => {
        this.items.update((list) => list.filter((i) => i.id !== item.id));
        if (this.editingId() === item.id) this.cancel();
      },
      error: (e: unknown) => this.failed(e),
    });
  };

  private failed(e: unknown): void {
    this.notice.set({ ok: false, text: apiErrorMessage(e) ?? this.i18n.t('settings.saveFailed') });
  }
}

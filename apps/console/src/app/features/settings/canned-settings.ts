import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import type { CannedResponseDto } from '@parley/shared/contracts';
import { LIMITS } from '@parley/shared/domain';
import { I18nService } from '../../core/i18n/i18n.service';
import { TPipe } from '../../core/i18n/t.pipe';
import { ConfirmAction } from './confirm-action';
import { SettingsApi, errorMessage } from './settings-api';
import { CannedForm, hasErrors, validateCanned } from './settings-forms';

const EMPTY: CannedForm = { shortCode: '', content: '' };

/** Canned responses agents insert by shortcode. */
@Component({
  selector: 'pl-canned-settings',
  imports: [TPipe, ConfirmAction],
  templateUrl: './canned-settings.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CannedSettings {
  readonly #api = inject(SettingsApi);
  readonly #i18n = inject(I18nService);
  protected readonly contentMax = LIMITS.messageBodyMax;

  protected readonly items = signal<CannedResponseDto[]>([]);
  protected readonly loadFailed = signal(false);
  protected readonly editingId = signal<string>('new');
  protected readonly form = signal<CannedForm>(EMPTY);
  protected readonly submitted = signal(false);
  protected readonly errors = computed(() =>
    this.submitted() ? validateCanned(this.form()) : {},
  );
  protected readonly saving = signal(false);
  protected readonly notice = signal<{ ok: boolean; text: string } | null>(
    null,
  );

  constructor() {
    this.#api.cannedResponses().subscribe({
      next: (list) => this.items.set(list),
      error: () => this.loadFailed.set(true),
    });
  }

  protected startEdit(item: CannedResponseDto): void {
    this.editingId.set(item.id);
    this.form.set({ shortCode: item.shortCode, content: item.content });
    this.submitted.set(false);
    this.notice.set(null);
  }

  protected cancel(): void {
    this.editingId.set('new');
    this.form.set(EMPTY);
    this.submitted.set(false);
  }

  protected patch(patch: Partial<CannedForm>): void {
    this.form.update((f) => ({ ...f, ...patch }));
  }

  protected save(): void {
    this.submitted.set(true);
    const form = this.form();
    if (hasErrors(validateCanned(form)) || this.saving()) return;
    this.saving.set(true);
    const body = { shortCode: form.shortCode.trim(), content: form.content };
    const id = this.editingId();
    const call =
      id === 'new'
        ? this.#api.createCanned(body)
        : this.#api.updateCanned(id, body);
    call.subscribe({
      next: (saved) => {
        this.items.update((list) =>
          id === 'new'
            ? [...list, saved]
            : list.map((c) => (c.id === saved.id ? saved : c)),
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

  protected remove(item: CannedResponseDto): void {
    this.#api.deleteCanned(item.id).subscribe({
      next: () => {
        this.items.update((list) => list.filter((c) => c.id !== item.id));
        if (this.editingId() === item.id) this.cancel();
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

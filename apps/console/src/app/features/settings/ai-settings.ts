import { apiErrorMessage } from '../../core/http/api-error';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  CATEGORY_POLICIES,
  type AiStatusDto,
  type CategoryDto,
  type CategoryPolicy,
} from '@parley/shared/contracts';
import { switchMap, timer } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { MessageKey } from '../../core/i18n/messages';
import { TPipe } from '../../core/i18n/t.pipe';
import { SettingsApi } from './settings-api';
import {
  CategoryForm,
  EMPTY_CATEGORY,
  THRESHOLD,
  categoryRequest,
  hasErrors,
  validThreshold,
  validateCategory,
} from './settings-forms';

interface RowEdit {
  policy: CategoryPolicy;
  threshold: string;
}

/** AI policy per category (draft / auto / off and the auto-send bar), new categories, the model's status. */
@Component({
  selector: 'pl-ai-settings',
  imports: [TPipe],
  templateUrl: './ai-settings.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AiSettings {
  readonly #api = inject(SettingsApi);
  readonly #i18n = inject(I18nService);
  readonly #destroyRef = inject(DestroyRef);
  protected readonly policies = CATEGORY_POLICIES;
  protected readonly threshold = THRESHOLD;

  protected readonly status = signal<AiStatusDto | null>(null);
  protected readonly statusFailed = signal(false);
  protected readonly retrainRequested = signal(false);
  protected readonly retrainError = signal<string | null>(null);

  protected readonly categories = signal<CategoryDto[]>([]);
  protected readonly loadFailed = signal(false);
  protected readonly edits = signal<Record<string, RowEdit>>({});
  protected readonly rowSaving = signal<string | null>(null);
  protected readonly rowNotice = signal<{
    id: string;
    ok: boolean;
    text: string;
  } | null>(null);

  protected readonly form = signal<CategoryForm>(EMPTY_CATEGORY);
  protected readonly submitted = signal(false);
  protected readonly errors = computed(() =>
    this.submitted() ? validateCategory(this.form()) : {},
  );
  protected readonly creating = signal(false);
  protected readonly createNotice = signal<{
    ok: boolean;
    text: string;
  } | null>(null);

  readonly #dateFormat = computed(
    () =>
      new Intl.DateTimeFormat(this.#i18n.locale(), {
        dateStyle: 'medium',
        timeStyle: 'short',
      }),
  );

  constructor() {
    this.#loadStatus();
    this.#api.categories().subscribe({
      next: (list) => this.#setCategories(list),
      error: () => this.loadFailed.set(true),
    });
  }

  #setCategories(list: CategoryDto[]): void {
    const sorted = [...list].sort(
      (a, b) => a.position - b.position || a.key.localeCompare(b.key),
    );
    this.categories.set(sorted);
    this.edits.set(
      Object.fromEntries(
        sorted.map((c) => [
          c.id,
          { policy: c.policy, threshold: String(c.autoSendThreshold) },
        ]),
      ),
    );
  }

  #loadStatus(): void {
    this.#api.aiStatus().subscribe({
      next: (s) => {
        this.status.set(s);
        this.statusFailed.set(false);
        if (s.offlineModel.retraining) this.#pollStatus();
      },
      error: () => this.statusFailed.set(true),
    });
  }

  #pollStatus(): void {
    timer(2000)
      .pipe(
        switchMap(() => this.#api.aiStatus()),
        takeUntilDestroyed(this.#destroyRef),
      )
      .subscribe({
        next: (s) => {
          this.status.set(s);
          if (s.offlineModel.retraining) this.#pollStatus();
        },
        error: () => undefined,
      });
  }

  protected retrain(): void {
    if (this.retrainRequested() || this.status()?.offlineModel.retraining)
      return;
    this.retrainRequested.set(true);
    this.retrainError.set(null);
    this.#api.retrain().subscribe({
      next: (s) => {
        this.status.set(s);
        this.retrainRequested.set(false);
        if (s.offlineModel.retraining) this.#pollStatus();
      },
      error: (e: unknown) => {
        this.retrainRequested.set(false);
        this.retrainError.set(
          apiErrorMessage(e) ?? this.#i18n.t('settings.saveFailed'),
        );
      },
    });
  }

  protected edit(id: string, patch: Partial<RowEdit>): void {
    this.edits.update((all) => ({ ...all, [id]: { ...all[id], ...patch } }));
    this.rowNotice.set(null);
  }

  protected rowInvalid(id: string): boolean {
    const edit = this.edits()[id];
    return !!edit && !validThreshold(Number(edit.threshold));
  }

  protected dirty(category: CategoryDto): boolean {
    const edit = this.edits()[category.id];
    return (
      !!edit &&
      (edit.policy !== category.policy ||
        Number(edit.threshold) !== category.autoSendThreshold)
    );
  }

  protected saveRow(category: CategoryDto): void {
    const edit = this.edits()[category.id];
    if (!edit || this.rowInvalid(category.id) || this.rowSaving()) return;
    this.rowSaving.set(category.id);
    this.#api
      .updateCategory(category.id, {
        policy: edit.policy,
        autoSendThreshold: Number(edit.threshold),
      })
      .subscribe({
        next: (saved) => {
          this.categories.update((list) =>
            list.map((c) => (c.id === saved.id ? saved : c)),
          );
          this.edit(saved.id, {
            policy: saved.policy,
            threshold: String(saved.autoSendThreshold),
          });
          this.rowSaving.set(null);
          this.rowNotice.set({
            id: saved.id,
            ok: true,
            text: this.#i18n.t('settings.saved'),
          });
        },
        error: (e: unknown) => {
          this.rowSaving.set(null);
          this.rowNotice.set({
            id: category.id,
            ok: false,
            text: apiErrorMessage(e) ?? this.#i18n.t('settings.saveFailed'),
          });
        },
      });
  }

  protected patch(patch: Partial<CategoryForm>): void {
    this.form.update((f) => ({ ...f, ...patch }));
    this.createNotice.set(null);
  }

  protected create(): void {
    this.submitted.set(true);
    if (hasErrors(validateCategory(this.form())) || this.creating()) return;
    this.creating.set(true);
    this.#api.createCategory(categoryRequest(this.form())).subscribe({
      next: (category) => {
        this.#setCategories([...this.categories(), category]);
        this.form.set(EMPTY_CATEGORY);
        this.submitted.set(false);
        this.creating.set(false);
        this.createNotice.set({
          ok: true,
          text: this.#i18n.t('settings.ai.created', { label: category.label }),
        });
        this.#loadStatus();
      },
      error: (e: unknown) => {
        this.creating.set(false);
        this.createNotice.set({
          ok: false,
          text: apiErrorMessage(e) ?? this.#i18n.t('settings.saveFailed'),
        });
      },
    });
  }

  protected policyKey(policy: CategoryPolicy): MessageKey {
    return `settings.policy.${policy}`;
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected when(iso: string | null): string {
    return iso ? this.#dateFormat().format(new Date(iso)) : '—';
  }
}

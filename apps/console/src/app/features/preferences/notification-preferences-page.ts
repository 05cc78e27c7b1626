import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NOTIFICATION_ALERT_TYPES, type NotificationAlertType, type NotificationPreferencesDto } from '@parley/shared/contracts';
import { I18nService } from '../../core/i18n/i18n.service';
import { MESSAGES, type MessageKey } from '../../core/i18n/messages';
import { TPipe } from '../../core/i18n/t.pipe';
import { PreferencesApi } from './preferences-api';

/**
 * Which staff alerts also reach the signed-in agent by email, one switch per alert type. Rendered
 * from the contract's list, so a new type shows up (by its name until it has a text here).
 */
@Component({
  selector: 'pl-notification-preferences-page',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="page-title">{{ 'preferences.notifications.title' | t }}</h1>
    <p class="page-lead">{{ 'preferences.notifications.lead' | t }}</p>

    @if (loadFailed()) {
      <div class="box error" role="alert">
        <p>{{ 'preferences.notifications.loadFailed' | t }}</p>
        <button type="button" class="pl-button" (click)="load()">{{ 'common.retry' | t }}</button>
      </div>
    } @else if (prefs(); as p) {
      @if (!p.emailEnabled) {
        <p class="box note" id="email-off" role="note">{{ 'preferences.notifications.emailOff' | t }}</p>
      }
      <fieldset class="box" [attr.aria-describedby]="p.emailEnabled ? null : 'email-off'">
        <legend>{{ 'preferences.notifications.email' | t }}</legend>
        <ul>
          @for (type of types; track type) {
            <li>
              <label class="switch">
                <input
                  type="checkbox"
                  role="switch"
                  [checked]="!!p.email[type]"
                  [attr.aria-describedby]="hintKey(type) ? 'pref-' + type + '-hint' : null"
                  [attr.aria-busy]="saving() === type"
                  (change)="toggle(type, $event)"
                />
                <span>{{ label(type) }}</span>
              </label>
              @if (hintKey(type); as hint) {
                <p class="hint" [id]="'pref-' + type + '-hint'">{{ hint | t }}</p>
              }
            </li>
          }
        </ul>
      </fieldset>
      <p class="status" [class.error]="saveFailed()" [attr.role]="saveFailed() ? 'alert' : 'status'">
        @if (saveFailed()) {
          {{ 'preferences.notifications.saveFailed' | t }}
        } @else if (saved()) {
          {{ 'preferences.notifications.saved' | t }}
        }
      </p>
    } @else {
      <p role="status">{{ 'common.loading' | t }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 44rem;
    }
    .box {
      margin: 1rem 0 0;
      padding: 0.875rem 1rem;
      border: 1px solid var(--pl-border);
      border-radius: var(--pl-radius-lg);
      background: var(--pl-surface);
    }
    .note {
      border-color: #fedf89;
      background: #fffaeb;
      color: #93370d;
    }
    .error {
      color: var(--pl-danger);
    }
    legend {
      padding: 0 0.25rem;
      font-weight: 600;
    }
    ul {
      display: grid;
      gap: 0.75rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .switch {
      display: flex;
      align-items: center;
      gap: 0.625rem;
      margin: 0;
      font-weight: 600;
    }
    .switch input {
      width: 1.125rem;
      height: 1.125rem;
    }
    .hint {
      margin: 0.125rem 0 0 1.75rem;
      color: var(--pl-text-muted);
      font-size: 0.8125rem;
    }
    .status {
      min-height: 1.5rem;
      margin: 0.5rem 0 0;
      color: #116b35;
      font-size: 0.875rem;
    }
    .status.error {
      color: var(--pl-danger);
    }
  `,
})
export class NotificationPreferencesPage {
  readonly #api = inject(PreferencesApi);
  readonly #i18n = inject(I18nService);
  protected readonly types = NOTIFICATION_ALERT_TYPES;

  protected readonly prefs = signal<NotificationPreferencesDto | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly saving = signal<NotificationAlertType | null>(null);
  protected readonly saved = signal(false);
  protected readonly saveFailed = signal(false);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loadFailed.set(false);
    this.#api.notifications().subscribe({
      next: (prefs) => this.prefs.set(prefs),
      error: () => this.loadFailed.set(true),
    });
  }

  protected label(type: NotificationAlertType): string {
    const key = `preferences.alert.${type}`;
    return key in MESSAGES.en ? this.#i18n.t(key as MessageKey) : type.replace(/_/g, ' ');
  }

  protected hintKey(type: NotificationAlertType): MessageKey | null {
    const key = `preferences.alert.${type}.hint`;
    return key in MESSAGES.en ? (key as MessageKey) : null;
  }

  /** Saved at once; the switch goes back if the API refuses. */
  protected toggle(type: NotificationAlertType, event: Event): void {
    const input = event.target as HTMLInputElement;
    const before = this.prefs();
    if (!before) return;
    const on = input.checked;
    this.prefs.set({ ...before, email: { ...before.email, [type]: on } });
    this.saving.set(type);
    this.saved.set(false);
    this.saveFailed.set(false);
    this.#api.updateNotifications({ email: { [type]: on } }).subscribe({
      next: (prefs) => {
        this.prefs.set(prefs);
        this.saving.set(null);
        this.saved.set(true);
      },
      error: () => {
        this.prefs.update((p) => (p ? { ...p, email: { ...p.email, [type]: before.email[type] } } : p));
        input.checked = before.email[type] ?? false;
        this.saving.set(null);
        this.saveFailed.set(true);
      },
    });
  }
}

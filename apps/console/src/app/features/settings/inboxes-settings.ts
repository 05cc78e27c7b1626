import { apiErrorMessage } from '../../core/http/api-error';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  computed,
  inject,
  signal,
} from '@angular/core';
import type { InboxDto } from '@parley/shared/contracts';
import {
  INBOX_CHANNELS,
  type InboxChannel,
  type Weekday,
} from '@parley/shared/domain';
import { I18nService } from '../../core/i18n/i18n.service';
import { MessageKey } from '../../core/i18n/messages';
import { TPipe } from '../../core/i18n/t.pipe';
import { copyText } from './clipboard';
import { ConfirmAction } from './confirm-action';
import { SettingsApi } from './settings-api';
import {
  AFTER_HOURS_REPLY_MAX,
  DayForm,
  InboxForm,
  WEEKDAYS,
  hoursForm,
  inboxErrorCount,
  inboxRequest,
  validateInbox,
  widgetSnippet,
} from './settings-forms';

type Notice = { ok: boolean; text: string } | null;

function formFor(inbox: InboxDto): InboxForm {
  return {
    name: inbox.name,
    originsText: inbox.allowedOrigins.join('\n'),
    identityEnforced: inbox.identityEnforced,
    hours: hoursForm(inbox.businessHours),
    // An API without after-hours replies leaves these out.
    afterHoursEnabled: inbox.afterHoursReplyEnabled ?? false,
    afterHoursReply: inbox.afterHoursReply ?? '',
  };
}

/** Inboxes: name, business hours, allowed origins, the widget snippet, the identity secret and its switch. */
@Component({
  selector: 'pl-inboxes-settings',
  imports: [TPipe, ConfirmAction],
  templateUrl: './inboxes-settings.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InboxesSettings {
  readonly #api = inject(SettingsApi);
  readonly #i18n = inject(I18nService);
  readonly #document = inject(DOCUMENT);
  protected readonly weekdays = WEEKDAYS;
  protected readonly channels = INBOX_CHANNELS;
  protected readonly afterHoursMax = AFTER_HOURS_REPLY_MAX;

  protected readonly inboxes = signal<InboxDto[]>([]);
  protected readonly loadFailed = signal(false);
  protected readonly selectedId = signal<string | null>(null);
  protected readonly selected = computed(
    () => this.inboxes().find((i) => i.id === this.selectedId()) ?? null,
  );

  protected readonly form = signal<InboxForm | null>(null);
  protected readonly submitted = signal(false);
  protected readonly errors = computed(() => {
    const form = this.form();
    return form && this.submitted() ? validateInbox(form) : null;
  });
  protected readonly saving = signal(false);
  protected readonly notice = signal<Notice>(null);

  protected readonly snippet = computed(() => {
    const inbox = this.selected();
    const origin = this.#document.defaultView?.location.origin ?? '';
    return inbox ? widgetSnippet(origin, inbox.publicToken) : '';
  });
  protected readonly copied = signal<'snippet' | 'secret' | 'failed' | null>(
    null,
  );

  protected readonly secret = signal<string | null>(null);
  protected readonly secretBusy = signal(false);
  protected readonly secretError = signal<string | null>(null);

  protected readonly newName = signal('');
  protected readonly newChannel = signal<InboxChannel>('web_widget');
  protected readonly createError = signal<string | null>(null);
  protected readonly creating = signal(false);

  constructor() {
    this.#api.inboxes().subscribe({
      next: (list) => {
        this.inboxes.set(list);
        if (list.length) this.select(list[0]);
      },
      error: () => this.loadFailed.set(true),
    });
  }

  protected select(inbox: InboxDto): void {
    this.selectedId.set(inbox.id);
    this.form.set(formFor(inbox));
    this.submitted.set(false);
    this.notice.set(null);
    this.secret.set(null);
    this.secretError.set(null);
    this.copied.set(null);
  }

  protected patch(patch: Partial<InboxForm>): void {
    this.form.update((f) => (f ? { ...f, ...patch } : f));
    this.notice.set(null);
  }

  protected patchHours(patch: Partial<InboxForm['hours']>): void {
    this.form.update((f) =>
      f ? { ...f, hours: { ...f.hours, ...patch } } : f,
    );
  }

  protected patchDay(day: Weekday, patch: Partial<DayForm>): void {
    this.form.update((f) =>
      f
        ? {
            ...f,
            hours: {
              ...f.hours,
              days: {
                ...f.hours.days,
                [day]: { ...f.hours.days[day], ...patch },
              },
            },
          }
        : f,
    );
  }

  protected channelKey(channel: InboxChannel): MessageKey {
    return `settings.channel.${channel}`;
  }

  protected dayKey(day: Weekday): MessageKey {
    return `settings.day.${day}`;
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected save(): void {
    const form = this.form();
    const inbox = this.selected();
    if (!form || !inbox || this.saving()) return;
    this.submitted.set(true);
    if (inboxErrorCount(validateInbox(form))) return;
    this.saving.set(true);
    this.#api.updateInbox(inbox.id, inboxRequest(form)).subscribe({
      next: (saved) => {
        this.inboxes.update((list) =>
          list.map((i) => (i.id === saved.id ? saved : i)),
        );
        this.form.set(formFor(saved));
        this.submitted.set(false);
        this.saving.set(false);
        this.notice.set({ ok: true, text: this.#i18n.t('settings.saved') });
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.notice.set({
          ok: false,
          text: apiErrorMessage(e) ?? this.#i18n.t('settings.saveFailed'),
        });
      },
    });
  }

  protected create(): void {
    const name = this.newName().trim();
    if (!name) {
      this.createError.set(this.#i18n.t('settings.error.nameRequired'));
      return;
    }
    if (this.creating()) return;
    this.creating.set(true);
    this.createError.set(null);
    this.#api.createInbox({ name, channel: this.newChannel() }).subscribe({
      next: (inbox) => {
        this.inboxes.update((list) => [...list, inbox]);
        this.newName.set('');
        this.creating.set(false);
        this.select(inbox);
      },
      error: (e: unknown) => {
        this.creating.set(false);
        this.createError.set(
          apiErrorMessage(e) ?? this.#i18n.t('settings.saveFailed'),
        );
      },
    });
  }

  protected showSecret(): void {
    const inbox = this.selected();
    if (!inbox || this.secretBusy()) return;
    this.secretBusy.set(true);
    this.#api.inboxSecrets(inbox.id).subscribe({
      next: (s) => {
        this.secret.set(s.identitySecret);
        this.secretBusy.set(false);
      },
      error: (e: unknown) => {
        this.secretBusy.set(false);
        this.secretError.set(
          apiErrorMessage(e) ?? this.#i18n.t('settings.loadFailed'),
        );
      },
    });
  }

  protected rotate(): void {
    const inbox = this.selected();
    if (!inbox || this.secretBusy()) return;
    this.secretBusy.set(true);
    this.#api.rotateSecret(inbox.id).subscribe({
      next: (s) => {
        this.secret.set(s.identitySecret);
        this.secretBusy.set(false);
        this.notice.set({
          ok: true,
          text: this.#i18n.t('settings.inbox.rotated'),
        });
      },
      error: (e: unknown) => {
        this.secretBusy.set(false);
        this.secretError.set(
          apiErrorMessage(e) ?? this.#i18n.t('settings.saveFailed'),
        );
      },
    });
  }

  protected async copy(what: 'snippet' | 'secret'): Promise<void> {
    const text = what === 'snippet' ? this.snippet() : this.secret();
    if (!text) return;
    this.copied.set((await copyText(this.#document, text)) ? what : 'failed');
  }

  protected selectAll(event: Event): void {
    (event.target as HTMLTextAreaElement | HTMLInputElement).select();
  }
}

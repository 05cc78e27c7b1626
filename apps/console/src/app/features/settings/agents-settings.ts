import { apiErrorMessage } from '../../core/http/api-error';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  computed,
  inject,
  signal,
} from '@angular/core';
import type { AgentDto, UpdateAgentRequest } from '@parley/shared/contracts';
import { AGENT_ROLES, type AgentRole } from '@parley/shared/domain';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { MessageKey } from '../../core/i18n/messages';
import { TPipe } from '../../core/i18n/t.pipe';
import { copyText } from './clipboard';
import { SettingsApi } from './settings-api';
import {
  InviteForm,
  PASSWORD_MIN,
  hasErrors,
  temporaryPassword,
  validateInvite,
} from './settings-forms';

const emptyInvite = (): InviteForm => ({
  name: '',
  email: '',
  password: temporaryPassword(),
  role: 'agent',
});

/** Agents: invite with a temporary password, change role, disable or re-enable. */
@Component({
  selector: 'pl-agents-settings',
  imports: [TPipe],
  templateUrl: './agents-settings.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgentsSettings {
  readonly #api = inject(SettingsApi);
  readonly #i18n = inject(I18nService);
  readonly #document = inject(DOCUMENT);
  protected readonly me = inject(AuthService).agent;
  protected readonly roles = AGENT_ROLES;
  protected readonly passwordMin = PASSWORD_MIN;

  protected readonly agents = signal<AgentDto[]>([]);
  protected readonly loadFailed = signal(false);
  protected readonly busyId = signal<string | null>(null);
  protected readonly rowNotice = signal<{
    id: string;
    ok: boolean;
    text: string;
  } | null>(null);

  protected readonly form = signal<InviteForm>(emptyInvite());
  protected readonly submitted = signal(false);
  protected readonly errors = computed(() =>
    this.submitted() ? validateInvite(this.form()) : {},
  );
  protected readonly inviting = signal(false);
  protected readonly inviteError = signal<string | null>(null);
  /** Shown once after an invite, to hand over. */
  protected readonly invited = signal<{
    name: string;
    email: string;
    password: string;
  } | null>(null);
  protected readonly copied = signal<boolean | null>(null);

  constructor() {
    this.#api.agents().subscribe({
      next: (list) => this.agents.set(list),
      error: () => this.loadFailed.set(true),
    });
  }

  protected isMe(agent: AgentDto): boolean {
    return agent.id === this.me()?.id;
  }

  protected roleKey(role: AgentRole): MessageKey {
    return `role.${role}`;
  }

  protected setRole(agent: AgentDto, event: Event): void {
    const role = (event.target as HTMLSelectElement).value as AgentRole;
    if (role !== agent.role) this.#update(agent, { role });
  }

  protected toggleDisabled(agent: AgentDto): void {
    this.#update(agent, { disabled: !agent.disabled });
  }

  #update(agent: AgentDto, patch: UpdateAgentRequest): void {
    if (this.busyId()) return;
    this.busyId.set(agent.id);
    this.rowNotice.set(null);
    this.#api.updateAgent(agent.id, patch).subscribe({
      next: (saved) => {
        this.agents.update((list) =>
          list.map((a) => (a.id === saved.id ? saved : a)),
        );
        this.busyId.set(null);
        this.rowNotice.set({
          id: saved.id,
          ok: true,
          text: this.#i18n.t('settings.saved'),
        });
      },
      error: (e: unknown) => {
        // Put the select back to the stored role.
        this.agents.update((list) => [...list]);
        this.busyId.set(null);
        this.rowNotice.set({
          id: agent.id,
          ok: false,
          text: apiErrorMessage(e) ?? this.#i18n.t('settings.saveFailed'),
        });
      },
    });
  }

  protected patch(patch: Partial<InviteForm>): void {
    this.form.update((f) => ({ ...f, ...patch }));
    this.inviteError.set(null);
  }

  protected regenerate(): void {
    this.patch({ password: temporaryPassword() });
  }

  protected invite(): void {
    this.submitted.set(true);
    const form = this.form();
    if (hasErrors(validateInvite(form)) || this.inviting()) return;
    this.inviting.set(true);
    this.invited.set(null);
    this.copied.set(null);
    this.#api
      .createAgent({
        name: form.name.trim(),
        email: form.email.trim(),
        password: form.password,
        role: form.role,
      })
      .subscribe({
        next: (agent) => {
          this.agents.update((list) => [...list, agent]);
          this.invited.set({
            name: agent.name,
            email: agent.email,
            password: form.password,
          });
          this.form.set(emptyInvite());
          this.submitted.set(false);
          this.inviting.set(false);
        },
        error: (e: unknown) => {
          this.inviting.set(false);
          this.inviteError.set(
            apiErrorMessage(e) ?? this.#i18n.t('settings.saveFailed'),
          );
        },
      });
  }

  protected async copyPassword(): Promise<void> {
    const invited = this.invited();
    if (invited)
      this.copied.set(await copyText(this.#document, invited.password));
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}

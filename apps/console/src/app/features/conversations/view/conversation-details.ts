import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import type { UpdateConversationRequest } from '@parley/shared/contracts';
import { CONVERSATION_PRIORITIES, CONVERSATION_STATUSES, canTransition } from '@parley/shared/domain';
import { WorkspaceStore } from '../../../core/api/workspace.store';
import { AuthService } from '../../../core/auth/auth.service';
import { TPipe } from '../../../core/i18n/t.pipe';
import { ConversationStore } from './conversation.store';

/** Status, priority, assignee, team and labels of the open conversation; each change is saved at once. */
@Component({
  selector: 'pl-conversation-details',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.conversation(); as c) {
      <section class="panel" aria-labelledby="details-title">
        <h2 id="details-title" class="panel-title">{{ 'conversations.details.title' | t }}</h2>
        <div class="grid">
          <div class="field">
            <label for="detail-status">{{ 'conversations.details.status' | t }}</label>
            <select id="detail-status" class="pl-select" [disabled]="store.saving()" (change)="save({ status: $any(value($event)) })">
              @for (s of statuses; track s.value) {
                <option [value]="s.value" [selected]="s.value === c.status" [disabled]="!canTransition(c.status, s.value)">
                  {{ s.key | t }}
                </option>
              }
            </select>
          </div>
          <div class="field">
            <label for="detail-priority">{{ 'conversations.details.priority' | t }}</label>
            <select id="detail-priority" class="pl-select" [disabled]="store.saving()" (change)="save({ priority: $any(value($event)) })">
              @for (p of priorities; track p.value) {
                <option [value]="p.value" [selected]="p.value === c.priority">{{ p.key | t }}</option>
              }
            </select>
          </div>
          <div class="field">
            <label for="detail-assignee">{{ 'conversations.details.assignee' | t }}</label>
            <select id="detail-assignee" class="pl-select" [disabled]="store.saving()" (change)="save({ assigneeId: value($event) })">
              <option value="" [selected]="!c.assigneeId">{{ 'conversations.details.unassigned' | t }}</option>
              @for (a of agents(); track a.id) {
                <option [value]="a.id" [selected]="a.id === c.assigneeId">{{ a.name }}</option>
              }
            </select>
            @if (c.assigneeId !== meId()) {
              <button type="button" class="link" [disabled]="store.saving()" (click)="save({ assigneeId: meId() })">
                {{ 'conversations.details.assignMe' | t }}
              </button>
            }
          </div>
          <div class="field">
            <label for="detail-team">{{ 'conversations.details.team' | t }}</label>
            <select id="detail-team" class="pl-select" [disabled]="store.saving()" (change)="save({ teamId: value($event) })">
              <option value="" [selected]="!c.teamId">{{ 'conversations.details.noTeam' | t }}</option>
              @for (team of workspace.teams.items(); track team.id) {
                <option [value]="team.id" [selected]="team.id === c.teamId">{{ team.name }}</option>
              }
            </select>
          </div>
        </div>
        <fieldset class="labels">
          <legend>{{ 'conversations.details.labels' | t }}</legend>
          @for (label of workspace.labels.items(); track label.id) {
            <label class="check">
              <input
                type="checkbox"
                [checked]="labelNames().has(label.name)"
                [disabled]="store.saving()"
                (change)="toggleLabel(label.name)"
              />
              <span class="swatch" [style.background]="label.color" aria-hidden="true"></span>
              {{ label.name }}
            </label>
          } @empty {
            <p class="muted">{{ 'conversations.details.noLabels' | t }}</p>
          }
        </fieldset>
        @if (store.updateError(); as code) {
          <p class="error" role="alert">
            {{ (code === 'invalid_transition' ? 'conversations.details.invalidTransition' : 'conversations.details.failed') | t }}
          </p>
        }
      </section>
    }
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 0.5rem 0.75rem;
    }
    .field label {
      margin-bottom: 0.125rem;
      font-size: 0.8125rem;
    }
    .field .link {
      margin-top: 0.125rem;
      font-size: 0.8125rem;
    }
    .labels {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      margin: 0.75rem 0 0;
      padding: 0;
      border: 0;
    }
    legend {
      margin-bottom: 0.25rem;
      padding: 0;
      font-size: 0.8125rem;
      font-weight: 600;
    }
    .check {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      margin: 0;
      font-weight: 400;
    }
    .swatch {
      width: 0.625rem;
      height: 0.625rem;
      border-radius: 2px;
    }
    .muted {
      margin: 0;
      color: var(--pl-text-muted);
      font-size: 0.8125rem;
    }
    .error {
      margin: 0.5rem 0 0;
      color: var(--pl-danger);
      font-size: 0.8125rem;
    }
  `,
})
export class ConversationDetails {
  protected readonly store = inject(ConversationStore);
  protected readonly workspace = inject(WorkspaceStore);
  readonly #auth = inject(AuthService);
  protected readonly canTransition = canTransition;
  protected readonly statuses = CONVERSATION_STATUSES.map((value) => ({ value, key: `conversations.status.${value}` as const }));
  protected readonly priorities = CONVERSATION_PRIORITIES.map((value) => ({ value, key: `conversations.priority.${value}` as const }));
  protected readonly meId = computed(() => this.#auth.agent()?.id ?? null);
  protected readonly agents = computed(() => this.workspace.agents.items().filter((a) => !a.disabled));
  protected readonly labelNames = computed(() => new Set(this.store.conversation()?.labels.map((l) => l.name) ?? []));

  constructor() {
    this.workspace.agents.ensure();
    this.workspace.teams.ensure();
    this.workspace.labels.ensure();
  }

  protected value(event: Event): string | null {
    return (event.target as HTMLSelectElement).value || null;
  }

  protected save(changes: UpdateConversationRequest): void {
    void this.store.update(changes);
  }

  protected toggleLabel(name: string): void {
    const names = new Set(this.labelNames());
    if (names.has(name)) names.delete(name);
    else names.add(name);
    this.save({ labels: [...names] });
  }
}

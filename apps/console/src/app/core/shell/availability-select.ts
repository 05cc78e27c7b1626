import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AGENT_AVAILABILITIES, AgentAvailability } from '@parley/shared/domain';
import { firstValueFrom } from 'rxjs';
import { WorkspaceApi } from '../api/workspace.api';
import { AuthService } from '../auth/auth.service';
import { TPipe } from '../i18n/t.pipe';
import { AgentRealtime } from '../realtime/agent-realtime';

/**
 * Online / busy / offline. Set over the socket when it is up (the API then tells the widgets
 * whether someone is there), else over REST. Changes made in another tab arrive as presence events.
 */
@Component({
  selector: 'pl-availability-select',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label class="sr-only" for="availability">{{ 'availability.label' | t }}</label>
    <span class="dot" [attr.data-availability]="availability()" aria-hidden="true"></span>
    <select id="availability" class="pl-select" [value]="availability()" [disabled]="saving()" (change)="choose($event)">
      @for (option of options; track option.value) {
        <option [value]="option.value" [selected]="option.value === availability()">{{ option.key | t }}</option>
      }
    </select>
    @if (failed()) {
      <span class="sr-only" role="alert">{{ 'availability.failed' | t }}</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
    }
    .dot {
      width: 0.625rem;
      height: 0.625rem;
      border-radius: 50%;
      background: #98a2b3;
    }
    .dot[data-availability='online'] {
      background: #12b76a;
    }
    .dot[data-availability='busy'] {
      background: #f79009;
    }
  `,
})
export class AvailabilitySelect {
  readonly #auth = inject(AuthService);
  readonly #realtime = inject(AgentRealtime);
  readonly #api = inject(WorkspaceApi);
  protected readonly options = AGENT_AVAILABILITIES.map((value) => ({ value, key: `availability.${value}` as const }));
  protected readonly availability = computed<AgentAvailability>(() => this.#auth.agent()?.availability ?? 'offline');
  protected readonly saving = signal(false);
  protected readonly failed = signal(false);

  constructor() {
    this.#realtime
      .on('presence.updated')
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((event) => {
        const agent = this.#auth.agent();
        if (agent && event.agentId === agent.id && event.availability !== agent.availability)
          this.#auth.updateAgent({ ...agent, availability: event.availability });
      });
  }

  protected async choose(event: Event): Promise<void> {
    const select = event.target as HTMLSelectElement;
    const value = select.value as AgentAvailability;
    const agent = this.#auth.agent();
    if (!agent || value === agent.availability) return;
    this.saving.set(true);
    this.failed.set(false);
    this.#auth.updateAgent({ ...agent, availability: value });
    const ack = await this.#realtime.request('presence.set', { availability: value });
    if (!ack.ok) {
      try {
        this.#auth.updateAgent(await firstValueFrom(this.#api.updateMe({ availability: value })));
      } catch {
        this.#auth.updateAgent({ ...(this.#auth.agent() ?? agent), availability: agent.availability });
        select.value = agent.availability;
        this.failed.set(true);
      }
    }
    this.saving.set(false);
  }
}

import { Injectable, Signal, computed, inject, signal } from '@angular/core';
import type { AgentDto, CannedResponseDto, CategoryDto, InboxDto, LabelDto, TeamDto } from '@parley/shared/contracts';
import { Observable } from 'rxjs';
import { AiApi } from './ai.api';
import { WorkspaceApi } from './workspace.api';

/** A list fetched once on first use and shared; `reload()` after it changed (e.g. in Settings). */
export class CachedList<T> {
  readonly #items = signal<readonly T[]>([]);
  readonly #loaded = signal(false);
  #inFlight = false;

  readonly items: Signal<readonly T[]> = this.#items.asReadonly();
  readonly loaded: Signal<boolean> = this.#loaded.asReadonly();

  constructor(private readonly fetch: () => Observable<T[]>) {}

  /** Fetches the list unless it is loaded or loading. Failures leave it empty; the next call tries again. */
  ensure(): void {
    if (this.#loaded() || this.#inFlight) return;
    this.reload();
  }

  reload(): void {
    this.#inFlight = true;
    this.fetch().subscribe({
      next: (items) => {
        this.#items.set(items);
        this.#loaded.set(true);
        this.#inFlight = false;
      },
      error: () => (this.#inFlight = false),
    });
  }
}

/**
 * Reference data every screen needs (inbox names, labels, agents for assignment, categories,
 * canned responses), loaded lazily and shared. Call `x.ensure()` where a list is shown.
 */
@Injectable({ providedIn: 'root' })
export class WorkspaceStore {
  readonly #api = inject(WorkspaceApi);
  readonly #ai = inject(AiApi);

  readonly inboxes = new CachedList<InboxDto>(() => this.#api.inboxes());
  readonly labels = new CachedList<LabelDto>(() => this.#api.labels());
  readonly teams = new CachedList<TeamDto>(() => this.#api.teams());
  readonly agents = new CachedList<AgentDto>(() => this.#api.agents());
  readonly cannedResponses = new CachedList<CannedResponseDto>(() => this.#api.cannedResponses());
  readonly categories = new CachedList<CategoryDto>(() => this.#ai.categories());

  readonly agentNames = computed(() => new Map(this.agents.items().map((a) => [a.id, a.name])));
  readonly inboxNames = computed(() => new Map(this.inboxes.items().map((i) => [i.id, i.name])));
}

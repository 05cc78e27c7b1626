import { Injectable, computed, effect, inject, signal } from '@angular/core';
import { WorkspaceStore } from '../api/workspace.store';
import { readItem, removeItem, writeItem } from '../storage/local-storage';

export const INBOX_STORAGE_KEY = 'parley.inbox';

/**
 * The inbox the agent works in, chosen in the top bar (null = all their inboxes). Persisted per
 * browser. Lists that can be narrowed to one inbox (conversations, review, reports) read `id()`.
 */
@Injectable({ providedIn: 'root' })
export class CurrentInbox {
  readonly #workspace = inject(WorkspaceStore);
  readonly #id = signal<string | null>(readItem(INBOX_STORAGE_KEY));

  readonly id = this.#id.asReadonly();
  readonly inbox = computed(() => this.#workspace.inboxes.items().find((i) => i.id === this.#id()) ?? null);

  constructor() {
    // An inbox deleted, or one the agent no longer belongs to: back to all inboxes.
    effect(() => {
      const id = this.#id();
      const { inboxes } = this.#workspace;
      if (id && inboxes.loaded() && !inboxes.items().some((i) => i.id === id)) this.select(null);
    });
  }

  select(id: string | null): void {
    if (id === this.#id()) return;
    this.#id.set(id);
    if (id) writeItem(INBOX_STORAGE_KEY, id);
    else removeItem(INBOX_STORAGE_KEY);
  }
}

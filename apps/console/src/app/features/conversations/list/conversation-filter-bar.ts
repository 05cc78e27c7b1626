import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import type { ConversationCountsDto } from '@parley/shared/contracts';
import { CONVERSATION_PRIORITIES } from '@parley/shared/domain';
import { WorkspaceStore } from '../../../core/api/workspace.store';
import { I18nService } from '../../../core/i18n/i18n.service';
import { MessageKey } from '../../../core/i18n/messages';
import { TPipe } from '../../../core/i18n/t.pipe';
import { CategoryLabelPipe } from '../category-label.pipe';
import { AssigneeFilter, ConversationFilters, StatusFilter } from './conversation-filters';

const SEARCH_DEBOUNCE_MS = 300;

const STATUS_OPTIONS: readonly { value: StatusFilter; key: MessageKey }[] = [
  { value: 'open', key: 'conversations.status.open' },
  { value: 'pending', key: 'conversations.status.pending' },
  { value: 'snoozed', key: 'conversations.status.snoozed' },
  { value: 'resolved', key: 'conversations.status.resolved' },
  { value: 'all', key: 'conversations.filter.allStatuses' },
];

const ASSIGNEE_OPTIONS: readonly { value: AssigneeFilter; key: MessageKey }[] = [
  { value: 'me', key: 'conversations.filter.mine' },
  { value: 'unassigned', key: 'conversations.filter.unassigned' },
  { value: 'all', key: 'conversations.filter.everyone' },
];

/** Search and filters of the conversation list, with how many conversations each holds (when the API says). */
@Component({
  selector: 'pl-conversation-filter-bar',
  imports: [TPipe, CategoryLabelPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './conversation-filter-bar.html',
  styleUrl: './conversation-filter-bar.css',
})
export class ConversationFilterBar {
  readonly filters = input.required<ConversationFilters>();
  readonly counts = input<ConversationCountsDto | null>(null);
  readonly filtersChange = output<ConversationFilters>();

  protected readonly workspace = inject(WorkspaceStore);
  readonly #i18n = inject(I18nService);
  private readonly searchInput = viewChild.required<ElementRef<HTMLInputElement>>('search');

  protected readonly statusOptions = STATUS_OPTIONS;
  protected readonly assigneeOptions = ASSIGNEE_OPTIONS;
  protected readonly priorities = CONVERSATION_PRIORITIES.map((value) => ({ value, key: `conversations.priority.${value}` as const }));
  protected readonly query = signal('');
  protected readonly moreOpen = signal(false);
  #searchTimer: ReturnType<typeof setTimeout> | null = null;

  /** Filters beyond status and assignee that are on, for the "More filters (2)" button. */
  protected readonly extraCount = computed(() => {
    const f = this.filters();
    return [f.category, f.label, f.priority && f.priority !== 'urgent' ? f.priority : null].filter(Boolean).length;
  });

  constructor() {
    this.workspace.categories.ensure();
    this.workspace.labels.ensure();
    // The URL (back button, a shared link) wins over what is typed.
    effect(() => this.query.set(this.filters().q));
    inject(DestroyRef).onDestroy(() => this.#searchTimer && clearTimeout(this.#searchTimer));
  }

  focusSearch(): void {
    const input = this.searchInput().nativeElement;
    input.focus();
    input.select();
  }

  protected statusCount(value: StatusFilter): number | null {
    const counts = this.counts();
    if (!counts || value === 'all') return null;
    return counts.status[value] ?? null;
  }

  protected assigneeCount(value: AssigneeFilter): number | null {
    const counts = this.counts();
    if (!counts) return null;
    return value === 'me' ? counts.mine : value === 'unassigned' ? counts.unassigned : counts.all;
  }

  protected categoryCount(key: string): number | null {
    return this.counts()?.byCategory[key] ?? null;
  }

  protected countLabel(key: MessageKey, count: number | null): string {
    const label = this.#i18n.t(key);
    return count === null ? label : `${label}, ${this.#i18n.t('conversations.filter.count', { count })}`;
  }

  protected set(changes: Partial<ConversationFilters>): void {
    this.filtersChange.emit({ ...this.filters(), ...changes });
  }

  protected toggleUrgent(): void {
    this.set({ priority: this.filters().priority === 'urgent' ? null : 'urgent' });
  }

  protected onSearchInput(value: string): void {
    this.query.set(value);
    if (this.#searchTimer) clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.searchNow(), SEARCH_DEBOUNCE_MS);
  }

  protected searchNow(): void {
    if (this.#searchTimer) clearTimeout(this.#searchTimer);
    this.#searchTimer = null;
    const q = this.query().trim();
    if (q !== this.filters().q) this.set({ q });
  }

  protected clearSearch(): void {
    this.query.set('');
    this.searchNow();
    this.searchInput().nativeElement.focus();
  }

  protected selectValue(event: Event): string | null {
    return (event.target as HTMLSelectElement).value || null;
  }

  protected reset(): void {
    this.set({ category: null, label: null, priority: null });
  }
}

import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, untracked, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterOutlet } from '@angular/router';
import { TPipe } from '../../core/i18n/t.pipe';
import { CurrentInbox } from '../../core/shell/current-inbox';
import { Shortcuts } from '../../core/shortcuts/shortcuts';
import { ConversationFilterBar } from './list/conversation-filter-bar';
import { ConversationFilters, filtersFromParams, filtersToParams } from './list/conversation-filters';
import { ConversationList } from './list/conversation-list';
import { ConversationListStore } from './list/conversation-list.store';

/**
 * The conversations screen: the filtered list beside the open conversation (one pane at a time on
 * narrow screens). The URL's query parameters hold the filters; the top bar's inbox is one of them.
 */
@Component({
  selector: 'pl-conversations-page',
  imports: [RouterOutlet, TPipe, ConversationFilterBar, ConversationList],
  providers: [ConversationListStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="layout" [class.has-open]="store.openId() !== null">
      <section class="list-pane" aria-labelledby="conversations-title">
        <div class="list-head">
          <h1 id="conversations-title" class="page-title">{{ 'nav.conversations' | t }}</h1>
          <pl-conversation-filter-bar [filters]="filters()" [counts]="store.counts()" (filtersChange)="applyFilters($event)" />
        </div>
        <pl-conversation-list labelledBy="conversations-title" />
      </section>
      <div class="view-pane">
        <router-outlet />
      </div>
    </div>
  `,
  styleUrl: './conversations-page.css',
})
export class ConversationsPage {
  protected readonly store = inject(ConversationListStore);
  readonly #router = inject(Router);
  readonly #inbox = inject(CurrentInbox);
  readonly #shortcuts = inject(Shortcuts);
  private readonly filterBar = viewChild.required(ConversationFilterBar);
  private readonly list = viewChild.required(ConversationList);

  readonly #params = toSignal(inject(ActivatedRoute).queryParams, { requireSync: true });
  readonly #urlFilters = computed(() => filtersFromParams(this.#params()));
  /** The URL's filters, with the inbox chosen in the top bar (the two are kept in step below). */
  protected readonly filters = computed<ConversationFilters>(() => ({ ...this.#urlFilters(), inboxId: this.#inbox.id() }));

  constructor() {
    effect(() => this.store.setFilters(this.filters()));
    this.#syncInboxWithUrl();
    this.#shortcuts.register(
      [
        { keys: 'j', descriptionKey: 'conversations.shortcut.next', group: 'list', action: () => this.open(1) },
        { keys: 'k', descriptionKey: 'conversations.shortcut.previous', group: 'list', action: () => this.open(-1) },
        { keys: '/', descriptionKey: 'conversations.shortcut.search', group: 'list', action: () => this.filterBar().focusSearch() },
      ],
      inject(DestroyRef),
    );
  }

  protected applyFilters(filters: ConversationFilters): void {
    if (filters.inboxId !== this.#inbox.id()) this.#inbox.select(filters.inboxId);
    this.#setQuery(filtersToParams(filters));
  }

  /** j/k: the next or previous conversation of the list, with the keyboard focus on its row. */
  protected open(step: 1 | -1): void {
    const next = this.store.neighbour(this.store.openId(), step);
    if (!next) return;
    void this.#router.navigate(['/conversations', next.id], { queryParamsHandling: 'preserve' }).then(() => this.list().focusRow(next.id));
  }

  /** Keeps the current path (list or open conversation) and changes only the query. */
  #setQuery(params: Record<string, string | null>, replaceUrl = false): void {
    const tree = this.#router.parseUrl(this.#router.url);
    const query = { ...tree.queryParams, ...params };
    tree.queryParams = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== null && v !== undefined));
    void this.#router.navigateByUrl(tree, { replaceUrl });
  }

  /**
   * The inbox lives in the top bar (remembered per browser) and in the URL (links, back button).
   * When the URL changes it wins; when the agent switches inbox the URL follows.
   */
  #syncInboxWithUrl(): void {
    let previousUrl: string | null | undefined;
    effect(() => {
      const fromUrl = this.#urlFilters().inboxId;
      const chosen = this.#inbox.id();
      untracked(() => {
        const first = previousUrl === undefined;
        const urlChanged = fromUrl !== previousUrl;
        previousUrl = fromUrl;
        if (fromUrl === chosen) return;
        if (urlChanged && (fromUrl !== null || !first)) this.#inbox.select(fromUrl);
        else this.#setQuery({ inbox: chosen }, true);
      });
    });
  }
}

import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorMessage } from '../../core/http/api-error';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import type {
  ArticleSuggestionDto,
  KnowledgeArticleDto,
  KnowledgeSearchResult,
} from '@parley/shared/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { MessageKey } from '../../core/i18n/messages';
import { TPipe } from '../../core/i18n/t.pipe';
import {
  ARTICLE_LIMITS,
  ArticleDraft,
  EMPTY_ARTICLE,
  articleRequest,
  draftFromArticle,
  draftFromSuggestion,
  validateArticle,
} from './article-form';
import {
  ImportProblem,
  KnowledgeApi,
  importProblems,
} from './knowledge-api';
import { MarkdownView } from './markdown-view';

type Load = 'loading' | 'ready' | 'error';

/** Articles the drafter cites: list with usage, Markdown editor and preview, import, test search, suggestions. */
@Component({
  selector: 'pl-knowledge-page',
  imports: [TPipe, MarkdownView],
  templateUrl: './knowledge-page.html',
  styleUrl: './knowledge-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class KnowledgePage {
  readonly #api = inject(KnowledgeApi);
  readonly #i18n = inject(I18nService);
  protected readonly isAdmin = inject(AuthService).isAdmin;
  protected readonly limits = ARTICLE_LIMITS;

  private readonly titleInput =
    viewChild<ElementRef<HTMLInputElement>>('titleInput');
  private readonly editorHeading =
    viewChild<ElementRef<HTMLElement>>('editorHeading');

  protected readonly articles = signal<KnowledgeArticleDto[]>([]);
  protected readonly listState = signal<Load>('loading');
  protected readonly listFilter = signal('');
  protected readonly visibleArticles = computed(() => {
    const q = this.listFilter().trim().toLowerCase();
    const all = this.articles();
    return q
      ? all.filter(
          (a) =>
            a.title.toLowerCase().includes(q) ||
            a.tags.some((t) => t.toLowerCase().includes(q)),
        )
      : all;
  });

  /** null: nothing open; 'new': a new article; otherwise the open article's id. */
  protected readonly openId = signal<string | null>(null);
  protected readonly openArticle = computed(
    () => this.articles().find((a) => a.id === this.openId()) ?? null,
  );
  protected readonly draft = signal<ArticleDraft>(EMPTY_ARTICLE);
  protected readonly submitted = signal(false);
  protected readonly errors = computed(() =>
    this.submitted() ? validateArticle(this.draft()) : {},
  );
  protected readonly saving = signal(false);
  protected readonly saveError = signal<string | null>(null);
  protected readonly saved = signal(false);
  protected readonly confirmingDelete = signal(false);

  protected readonly importing = signal(false);
  protected readonly importNotice = signal<{
    ok: boolean;
    text: string;
    problems: ImportProblem[];
  } | null>(null);

  protected readonly query = signal('');
  protected readonly searching = signal(false);
  protected readonly searchResult = signal<KnowledgeSearchResult | null>(null);
  protected readonly searchFailed = signal(false);

  protected readonly suggestions = signal<ArticleSuggestionDto[]>([]);
  protected readonly suggestionsState = signal<Load | 'unavailable'>('loading');

  readonly #dateFormat = computed(
    () => new Intl.DateTimeFormat(this.#i18n.locale(), { dateStyle: 'medium' }),
  );

  constructor() {
    this.#loadList();
    this.#api.suggestions().subscribe({
      next: (list) => {
        this.suggestions.set(list);
        this.suggestionsState.set('ready');
      },
      error: (e: unknown) =>
        this.suggestionsState.set(
          e instanceof HttpErrorResponse && e.status === 404
            ? 'unavailable'
            : 'error',
        ),
    });
  }

  #loadList(): void {
    this.#api.list().subscribe({
      next: (list) => {
        this.articles.set(list);
        this.listState.set('ready');
      },
      error: () => this.listState.set('error'),
    });
  }

  protected reload(): void {
    this.listState.set('loading');
    this.#loadList();
  }

  protected count(value: number | undefined): string {
    // The counts arrive with a newer API; an older one leaves them out.
    return value === undefined ? '—' : String(value);
  }

  protected open(article: KnowledgeArticleDto): void {
    this.openId.set(article.id);
    this.#startEditing(draftFromArticle(article));
  }

  protected newArticle(prefill: ArticleDraft = EMPTY_ARTICLE): void {
    this.openId.set('new');
    this.#startEditing(prefill);
    setTimeout(() => this.titleInput()?.nativeElement.focus());
  }

  protected fromSuggestion(s: ArticleSuggestionDto): void {
    this.newArticle(draftFromSuggestion(s));
  }

  protected close(): void {
    this.openId.set(null);
  }

  #startEditing(draft: ArticleDraft): void {
    this.draft.set(draft);
    this.submitted.set(false);
    this.saveError.set(null);
    this.saved.set(false);
    this.confirmingDelete.set(false);
    setTimeout(() => {
      if (!this.isAdmin()) this.editorHeading()?.nativeElement.focus();
    });
  }

  protected edit(field: keyof ArticleDraft, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement)
      .value;
    this.draft.update((d) => ({ ...d, [field]: value }));
    this.saved.set(false);
  }

  protected save(): void {
    this.submitted.set(true);
    if (Object.keys(validateArticle(this.draft())).length || this.saving())
      return;
    this.saving.set(true);
    this.saveError.set(null);
    const id = this.openId();
    const request = articleRequest(this.draft());
    const call =
      id && id !== 'new'
        ? this.#api.update(id, request)
        : this.#api.create(request);
    call.subscribe({
      next: (article) => {
        this.articles.update((list) => [
          article,
          ...list.filter((a) => a.id !== article.id),
        ]);
        this.openId.set(article.id);
        this.saving.set(false);
        this.saved.set(true);
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.saveError.set(
          apiErrorMessage(e) ?? this.#i18n.t('knowledge.saveFailed'),
        );
      },
    });
  }

  protected remove(): void {
    const id = this.openId();
    if (!id || id === 'new' || this.saving()) return;
    this.saving.set(true);
    this.#api.remove(id).subscribe({
      next: () => {
        this.articles.update((list) => list.filter((a) => a.id !== id));
        this.saving.set(false);
        this.openId.set(null);
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.confirmingDelete.set(false);
        this.saveError.set(
          apiErrorMessage(e) ?? this.#i18n.t('knowledge.deleteFailed'),
        );
      },
    });
  }

  protected importFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file || this.importing()) return;
    this.importing.set(true);
    this.importNotice.set(null);
    this.#api.import(file).subscribe({
      next: (result) => {
        this.importing.set(false);
        this.importNotice.set({
          ok: true,
          text: this.#i18n.t('knowledge.importDone', {
            file: file.name,
            created: result.created,
            updated: result.updated,
          }),
          problems: [],
        });
        this.#loadList();
      },
      error: (e: unknown) => {
        this.importing.set(false);
        this.importNotice.set({
          ok: false,
          text:
            apiErrorMessage(e) ??
            this.#i18n.t('knowledge.importFailed', { file: file.name }),
          problems: importProblems(e),
        });
      },
    });
  }

  protected search(): void {
    const q = this.query().trim();
    if (!q || this.searching()) return;
    this.searching.set(true);
    this.searchFailed.set(false);
    this.#api.search(q).subscribe({
      next: (result) => {
        this.searchResult.set(result);
        this.searching.set(false);
      },
      error: () => {
        this.searchFailed.set(true);
        this.searching.set(false);
      },
    });
  }

  protected errorKey(field: keyof ArticleDraft): MessageKey | null {
    return this.errors()[field] ?? null;
  }

  protected date(iso: string): string {
    return this.#dateFormat().format(new Date(iso));
  }

  protected percent(value: number): number {
    return Math.round(value * 100);
  }
}

import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import type { KnowledgeArticleDto } from '@parley/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { AiApi } from '../../../core/api/ai.api';
import { TPipe } from '../../../core/i18n/t.pipe';

/**
 * A knowledge article a draft cited, in a modal dialog. The Markdown source is shown as text
 * (no HTML is rendered), so nothing in an article can run in the console.
 */
@Component({
  selector: 'pl-article-dialog',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="article-title" (close)="article.set(null)">
      <div class="head">
        <h2 id="article-title">{{ article()?.title ?? title() }}</h2>
        <button type="button" class="pl-button" (click)="close()">{{ 'common.close' | t }}</button>
      </div>
      @if (state() === 'loading') {
        <p role="status">{{ 'common.loading' | t }}</p>
      } @else if (state() === 'failed') {
        <p role="alert">{{ 'conversations.article.failed' | t }}</p>
      } @else if (article(); as a) {
        @if (a.tags.length) {
          <p class="tags">{{ a.tags.join(' · ') }}</p>
        }
        <div class="body">{{ a.body }}</div>
      }
    </dialog>
  `,
  styles: `
    dialog {
      width: min(42rem, calc(100vw - 2rem));
      max-height: calc(100vh - 4rem);
      padding: 1.25rem 1.5rem;
      border: 1px solid var(--pl-border);
      border-radius: var(--pl-radius-lg);
      box-shadow: var(--pl-shadow);
    }
    dialog::backdrop {
      background: rgb(16 24 40 / 35%);
    }
    .head {
      display: flex;
      align-items: flex-start;
      justify-content: space-between;
      gap: 1rem;
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.125rem;
    }
    .tags {
      margin: 0 0 0.5rem;
      color: var(--pl-text-muted);
      font-size: 0.8125rem;
    }
    .body {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
})
export class ArticleDialog {
  readonly #ai = inject(AiApi);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  protected readonly article = signal<KnowledgeArticleDto | null>(null);
  protected readonly title = signal('');
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');

  async open(id: string, title: string): Promise<void> {
    this.title.set(title);
    this.article.set(null);
    this.state.set('loading');
    const dialog = this.dialog().nativeElement;
    if (typeof dialog.showModal === 'function' && !dialog.open) dialog.showModal();
    else dialog.setAttribute('open', '');
    try {
      this.article.set(await firstValueFrom(this.#ai.article(id)));
      this.state.set('ready');
    } catch {
      this.state.set('failed');
    }
  }

  close(): void {
    const dialog = this.dialog().nativeElement;
    if (typeof dialog.close === 'function') dialog.close();
    else dialog.removeAttribute('open');
  }
}

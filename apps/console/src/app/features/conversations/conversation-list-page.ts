import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TPipe } from '../../core/i18n/t.pipe';

/** The conversation list. Nothing to list until the API serves conversations. */
@Component({
  selector: 'pl-conversation-list-page',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="page-title">{{ 'nav.conversations' | t }}</h1>
    <section class="empty" aria-labelledby="conversations-empty-title">
      <h2 id="conversations-empty-title">
        {{ 'conversations.emptyTitle' | t }}
      </h2>
      <p>{{ 'conversations.emptyBody' | t }}</p>
    </section>
  `,
  styles: `
    .empty {
      max-width: 32rem;
      margin: 3rem auto;
      padding: 2.5rem 2rem;
      text-align: center;
      background: var(--pl-surface);
      border: 1px dashed var(--pl-border-strong);
      border-radius: var(--pl-radius-lg);
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.125rem;
    }
    p {
      margin: 0;
      color: var(--pl-text-muted);
    }
  `,
})
export class ConversationListPage {}

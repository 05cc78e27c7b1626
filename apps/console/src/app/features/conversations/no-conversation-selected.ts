import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TPipe } from '../../core/i18n/t.pipe';

/** Beside the list while no conversation is open. */
@Component({
  selector: 'pl-no-conversation-selected',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="hint">
      <p class="title">{{ 'conversations.none.title' | t }}</p>
      <p>{{ 'conversations.none.body' | t }}</p>
    </div>
  `,
  styles: `
    :host {
      display: grid;
      place-items: center;
      height: 100%;
      padding: 2rem;
    }
    .hint {
      max-width: 26rem;
      text-align: center;
      color: var(--pl-text-muted);
    }
    .title {
      margin: 0 0 0.25rem;
      color: var(--pl-text);
      font-weight: 600;
    }
    p {
      margin: 0;
    }
  `,
})
export class NoConversationSelected {}

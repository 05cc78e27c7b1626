import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ConversationStatus } from '@parley/shared/domain';
import { MessageKey } from '../../../core/i18n/messages';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TPipe } from '../../../core/i18n/t.pipe';
import { ConversationStore } from './conversation.store';

/** Who the contact is and their earlier conversations. Everything they typed is shown as text. */
@Component({
  selector: 'pl-contact-panel',
  imports: [RouterLink, TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="contact-title">
      <h2 id="contact-title" class="panel-title">{{ 'conversations.contact.title' | t }}</h2>
      <p class="name">{{ name() }}</p>
      <dl class="facts">
        @if (email(); as email) {
          <div>
            <dt>{{ 'conversations.contact.email' | t }}</dt>
            <dd>
              <a [href]="'mailto:' + email">{{ email }}</a>
            </dd>
          </div>
        }
        @if (store.contact()?.phone; as phone) {
          <div>
            <dt>{{ 'conversations.contact.phone' | t }}</dt>
            <dd>{{ phone }}</dd>
          </div>
        }
        @if (company(); as company) {
          <div>
            <dt>{{ 'conversations.contact.company' | t }}</dt>
            <dd>{{ company }}</dd>
          </div>
        }
        @if (store.contact()?.locale; as locale) {
          <div>
            <dt>{{ 'conversations.contact.language' | t }}</dt>
            <dd>{{ locale }}</dd>
          </div>
        }
      </dl>
      @if (verified() !== null) {
        <p class="identity" [class.verified]="verified()">
          {{ (verified() ? 'conversations.contact.verified' : 'conversations.contact.unverified') | t }}
        </p>
      }
      <h3>{{ 'conversations.contact.previous' | t }}</h3>
      @if (store.previousConversations().length) {
        <ul class="previous">
          @for (p of store.previousConversations(); track p.id) {
            <li>
              <a [routerLink]="['/conversations', p.id]" queryParamsHandling="preserve">
                <span class="ref">#{{ p.displayId }}</span>
                <span class="status">{{ statusKey(p.status) | t }}</span>
                <span class="preview">{{ p.lastMessagePreview ?? '' }}</span>
              </a>
            </li>
          }
        </ul>
      } @else {
        <p class="muted">{{ 'conversations.contact.noPrevious' | t }}</p>
      }
    </section>
  `,
  styles: `
    .name {
      margin: 0 0 0.25rem;
      font-weight: 700;
      overflow-wrap: anywhere;
    }
    .facts {
      margin: 0 0 0.5rem;
      font-size: 0.875rem;
    }
    .facts div {
      display: flex;
      gap: 0.5rem;
    }
    dt {
      flex: none;
      width: 4.5rem;
      color: var(--pl-text-muted);
    }
    dd {
      margin: 0;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .identity {
      margin: 0 0 0.5rem;
      color: var(--pl-text-muted);
      font-size: 0.8125rem;
    }
    .identity.verified {
      color: #067647;
      font-weight: 600;
    }
    h3 {
      margin: 0.5rem 0 0.25rem;
      font-size: 0.8125rem;
    }
    .previous {
      margin: 0;
      padding: 0;
      list-style: none;
      font-size: 0.8125rem;
    }
    .previous a {
      display: flex;
      gap: 0.375rem;
      padding: 0.25rem 0;
      color: var(--pl-text);
      text-decoration: none;
    }
    .previous a:hover .preview {
      text-decoration: underline;
    }
    .ref {
      flex: none;
      font-variant-numeric: tabular-nums;
    }
    .status {
      flex: none;
      color: var(--pl-text-muted);
    }
    .preview {
      overflow: hidden;
      color: var(--pl-text-muted);
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .muted {
      margin: 0;
      color: var(--pl-text-muted);
      font-size: 0.8125rem;
    }
  `,
})
export class ContactPanel {
  protected readonly store = inject(ConversationStore);
  readonly #i18n = inject(I18nService);
  readonly #summary = computed(() => this.store.conversation()?.contact ?? null);
  protected readonly name = computed(() => this.store.contact()?.name ?? this.#summary()?.name ?? this.#i18n.t('conversations.anonymous'));
  protected readonly email = computed(() => this.store.contact()?.email ?? this.#summary()?.email ?? null);
  protected readonly company = computed(() => this.store.contact()?.company ?? this.#summary()?.company ?? null);
  /** Whether the host site vouched for the contact in this inbox (identity HMAC); null before the conversation loads. */
  protected readonly verified = computed<boolean | null>(() => this.store.conversation()?.identityVerified ?? null);

  protected statusKey(status: ConversationStatus): MessageKey {
    return `conversations.status.${status}`;
  }
}

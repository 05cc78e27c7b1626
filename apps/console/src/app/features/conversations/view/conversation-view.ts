import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  untracked,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { DraftSourceDto } from '@parley/shared/contracts';
import { I18nService } from '../../../core/i18n/i18n.service';
import { MessageKey } from '../../../core/i18n/messages';
import { TPipe } from '../../../core/i18n/t.pipe';
import { Shortcuts } from '../../../core/shortcuts/shortcuts';
import { Clock } from '../../../core/time/clock';
import { ConversationListStore } from '../list/conversation-list.store';
import { ArticleDialog } from './article-dialog';
import { Composer } from './composer';
import { ContactPanel } from './contact-panel';
import { ConversationDetails } from './conversation-details';
import { ConversationStore } from './conversation.store';
import { DraftPanel } from './draft-panel';
import { flowSummary } from './flow-summary';
import { formatDuration, slaStatus } from './sla';
import { Thread } from './thread';
import { TriageBadge } from './triage-badge';

/** One conversation: thread, AI draft and reply box, with triage, details and the contact beside them. */
@Component({
  selector: 'pl-conversation-view',
  imports: [RouterLink, TPipe, Thread, DraftPanel, Composer, TriageBadge, ConversationDetails, ContactPanel, ArticleDialog],
  providers: [ConversationStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './conversation-view.html',
  styleUrl: './conversation-view.css',
})
export class ConversationView {
  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly store = inject(ConversationStore);
  readonly #list = inject(ConversationListStore, { optional: true });
  readonly #i18n = inject(I18nService);
  readonly #clock = inject(Clock);
  private readonly draftPanel = viewChild(DraftPanel);
  private readonly composer = viewChild(Composer);
  private readonly articleDialog = viewChild.required(ArticleDialog);

  protected readonly contactName = computed(() => {
    const c = this.store.conversation()?.contact;
    return c?.name ?? c?.email ?? this.#i18n.t('conversations.anonymous');
  });

  protected readonly sla = computed(() => {
    const c = this.store.conversation();
    if (!c) return null;
    const status = slaStatus(c, this.#clock.now());
    switch (status.kind) {
      case 'none':
        return null;
      case 'due':
        return { tone: status.soon ? 'warn' : 'ok', key: 'conversations.sla.due' as MessageKey, time: formatDuration(status.remainingMs) };
      case 'overdue':
        return { tone: 'bad', key: 'conversations.sla.overdue' as MessageKey, time: formatDuration(status.overdueMs) };
      case 'met':
        return { tone: 'ok', key: 'conversations.sla.met' as MessageKey, time: formatDuration(status.tookMs) };
      case 'missed':
        return { tone: 'bad', key: 'conversations.sla.missed' as MessageKey, time: formatDuration(status.lateMs) };
    }
  });

  protected readonly flowPath = computed(() => flowSummary(this.store.conversation()?.flow));

  protected readonly statusKey = computed<MessageKey | null>(() => {
    const status = this.store.conversation()?.status;
    return status ? `conversations.status.${status}` : null;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.store.load(id);
        this.#list?.openId.set(id);
      });
    });
    const destroyRef = inject(DestroyRef);
    destroyRef.onDestroy(() => this.#list?.openId.set(null));
    inject(Shortcuts).register(
      [
        { keys: 'a', descriptionKey: 'conversations.shortcut.approve', group: 'conversation', action: () => this.draftPanel()?.approve() },
        { keys: 'e', descriptionKey: 'conversations.shortcut.edit', group: 'conversation', action: () => this.draftPanel()?.edit() },
        {
          keys: 'r',
          descriptionKey: 'conversations.shortcut.reject',
          group: 'conversation',
          action: () => this.draftPanel()?.startReject(),
        },
        {
          keys: 'R',
          descriptionKey: 'conversations.shortcut.regenerate',
          group: 'conversation',
          action: () => this.draftPanel()?.regenerate(),
        },
        { keys: 'c', descriptionKey: 'conversations.shortcut.reply', group: 'conversation', action: () => this.composer()?.focus() },
        {
          keys: 'n',
          descriptionKey: 'conversations.shortcut.note',
          group: 'conversation',
          action: () => {
            this.composer()?.togglePrivate();
            this.composer()?.focus();
          },
        },
      ],
      destroyRef,
    );
    // Back on the tab: what arrived meanwhile is now read.
    const document = inject(DOCUMENT);
    const onVisible = () => this.store.markRead();
    document.addEventListener('visibilitychange', onVisible);
    destroyRef.onDestroy(() => document.removeEventListener('visibilitychange', onVisible));
  }

  protected openArticle(source: DraftSourceDto): void {
    void this.articleDialog().open(source.id, source.title);
  }

  protected resolveOrReopen(): void {
    const status = this.store.conversation()?.status;
    if (status) void this.store.update({ status: status === 'resolved' ? 'open' : 'resolved' });
  }
}

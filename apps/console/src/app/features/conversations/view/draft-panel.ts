import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, output, viewChild } from '@angular/core';
import type { DraftSourceDto } from '@parley/shared/contracts';
import { WorkspaceStore } from '../../../core/api/workspace.store';
import { I18nService } from '../../../core/i18n/i18n.service';
import { MessageKey } from '../../../core/i18n/messages';
import { TPipe } from '../../../core/i18n/t.pipe';
import { ConversationStore } from './conversation.store';
import { DraftAction, canAct, draftPanelView } from './draft-panel-state';

const OUTCOME_KEYS: Partial<Record<string, MessageKey>> = {
  approved: 'conversations.draft.outcome.approved',
  edited: 'conversations.draft.outcome.edited',
  rejected: 'conversations.draft.outcome.rejected',
  auto_sent: 'conversations.draft.outcome.autoSent',
  failed: 'conversations.draft.outcome.failed',
};

/**
 * The AI's proposed reply: its text (streamed while the model writes), cited sources, and the
 * agent's choices: Approve & send, Edit then send, Reject with a reason, Regenerate.
 */
@Component({
  selector: 'pl-draft-panel',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './draft-panel.html',
  styleUrl: './draft-panel.css',
})
export class DraftPanel {
  protected readonly store = inject(ConversationStore);
  readonly #workspace = inject(WorkspaceStore);
  readonly #i18n = inject(I18nService);
  readonly openArticle = output<DraftSourceDto>();
  private readonly editor = viewChild<ElementRef<HTMLTextAreaElement>>('editor');
  private readonly reason = viewChild<ElementRef<HTMLInputElement>>('reason');
  private readonly approveButton = viewChild<ElementRef<HTMLButtonElement>>('approveButton');

  protected readonly state = this.store.draftPanel;
  protected readonly view = computed(() => draftPanelView(this.state()));
  protected readonly actionable = computed(() => canAct(this.state()));
  protected readonly confidence = computed(() => {
    const draft = this.state().draft;
    return draft ? Math.round(draft.confidence * 100) : null;
  });
  protected readonly outcomeKey = computed(() => OUTCOME_KEYS[this.state().draft?.status ?? ''] ?? null);
  protected readonly reviewer = computed(() => {
    const id = this.state().draft?.reviewedById;
    return id ? (this.#workspace.agentNames().get(id) ?? '') : '';
  });

  /** Keyboard shortcuts and buttons share these; each is a no-op when the state does not allow it. */
  approve(): void {
    void this.store.act('approve');
  }

  edit(): void {
    if (!this.actionable()) return;
    this.store.dispatch({ type: 'edit' });
    setTimeout(() => this.editor()?.nativeElement.focus());
  }

  startReject(): void {
    if (!this.actionable()) return;
    this.store.dispatch({ type: 'startReject' });
    setTimeout(() => this.reason()?.nativeElement.focus());
  }

  regenerate(): void {
    void this.store.act('regenerate');
  }

  protected submit(action: DraftAction): void {
    void this.store.act(action);
  }

  protected cancel(): void {
    this.store.dispatch({ type: 'cancel' });
    setTimeout(() => this.approveButton()?.nativeElement.focus());
  }

  protected sourceKindKey(source: DraftSourceDto): MessageKey {
    return source.kind === 'article' ? 'conversations.draft.source.article' : 'conversations.draft.source.approvedReply';
  }

  protected reviewedAt(): string {
    const at = this.state().draft?.reviewedAt;
    return at ? new Intl.DateTimeFormat(this.#i18n.locale(), { hour: '2-digit', minute: '2-digit' }).format(Date.parse(at)) : '';
  }
}

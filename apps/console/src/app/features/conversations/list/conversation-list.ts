import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, viewChildren } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ConversationDto } from '@parley/shared/contracts';
import { WorkspaceStore } from '../../../core/api/workspace.store';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TPipe } from '../../../core/i18n/t.pipe';
import { Clock } from '../../../core/time/clock';
import { CategoryLabelPipe } from '../category-label.pipe';
import { ConversationListStore } from './conversation-list.store';
import { relativeTime } from './relative-time';

/**
 * The rows of the conversation list. Each row is a link (Tab moves between rows; ↑/↓ too);
 * unread conversations are bold with a count, the open one is marked `aria-current`.
 */
@Component({
  selector: 'pl-conversation-list',
  imports: [RouterLink, TPipe, CategoryLabelPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './conversation-list.html',
  styleUrl: './conversation-list.css',
})
export class ConversationList {
  readonly labelledBy = input.required<string>();
  protected readonly store = inject(ConversationListStore);
  protected readonly workspace = inject(WorkspaceStore);
  readonly #i18n = inject(I18nService);
  readonly #clock = inject(Clock);
  private readonly links = viewChildren<ElementRef<HTMLAnchorElement>>('rowLink');

  /** Re-rendered every minute, not every second: relative times change no faster. */
  readonly #minute = computed(() => Math.floor(this.#clock.now() / 60_000));
  protected readonly showInbox = computed(() => !this.store.filters().inboxId && this.workspace.inboxes.items().length > 1);

  protected when(c: ConversationDto): string {
    this.#minute();
    return relativeTime(c.lastActivityAt, this.#clock.now(), this.#i18n.locale());
  }

  protected contactName(c: ConversationDto): string {
    return c.contact.name ?? c.contact.email ?? this.#i18n.t('conversations.anonymous');
  }

  protected rowLabel(c: ConversationDto): string {
    const parts = [`#${c.displayId}`, this.contactName(c)];
    if (c.agentUnreadCount) parts.push(this.#i18n.t('conversations.list.unread', { count: c.agentUnreadCount }));
    if (c.priority === 'urgent') parts.push(this.#i18n.t('conversations.priority.urgent'));
    if (c.draftWaiting) parts.push(this.#i18n.t('conversations.list.draftWaiting'));
    return parts.join(', ');
  }

  /** Moves the focus to the row of `id` (j/k keep the list and the keyboard focus together). */
  focusRow(id: string): void {
    const link = this.links().find((l) => l.nativeElement.dataset['id'] === id);
    link?.nativeElement.focus();
    link?.nativeElement.scrollIntoView({ block: 'nearest' });
  }

  protected moveFocus(event: Event, step: 1 | -1): void {
    const links = this.links().map((l) => l.nativeElement);
    const index = links.indexOf(event.target as HTMLAnchorElement);
    const next = links[index + step];
    if (!next) return;
    event.preventDefault();
    next.focus();
  }
}

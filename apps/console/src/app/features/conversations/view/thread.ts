import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  afterRenderEffect,
  computed,
  inject,
  viewChild,
} from '@angular/core';
import { WorkspaceStore } from '../../../core/api/workspace.store';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TPipe } from '../../../core/i18n/t.pipe';
import { ConversationStore, ThreadMessage } from './conversation.store';
import { MessageContent } from './message-content';

/** How close to the bottom counts as "reading the latest": new messages then scroll into view. */
const STICK_TO_BOTTOM_PX = 120;

/**
 * The thread: the contact's messages, replies, private notes and activity, oldest first. Every
 * body is rendered as text (interpolation), never as HTML: customer text is data.
 */
@Component({
  selector: 'pl-thread',
  imports: [TPipe, MessageContent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './thread.html',
  styleUrl: './thread.css',
})
export class Thread {
  protected readonly store = inject(ConversationStore);
  readonly #workspace = inject(WorkspaceStore);
  readonly #i18n = inject(I18nService);
  readonly #destroyRef = inject(DestroyRef);
  private readonly scroller = viewChild.required<ElementRef<HTMLElement>>('scroller');
  #renderedCount = 0;
  #lastId: string | null = null;
  /** Whether the agent was reading the latest messages before the last change (measured on scroll, before new content grows the list). */
  #atBottom = true;

  protected readonly contactName = computed(() => {
    const c = this.store.conversation()?.contact;
    return c?.name ?? c?.email ?? this.#i18n.t('conversations.anonymous');
  });

  constructor() {
    this.#workspace.agents.ensure();
    // The draft panel and reply box grow and shrink under the thread: keep the latest message in view.
    afterNextRender(() => {
      if (typeof ResizeObserver === 'undefined') return;
      const element = this.scroller().nativeElement;
      const observer = new ResizeObserver(() => {
        if (this.#atBottom) element.scrollTop = element.scrollHeight;
      });
      observer.observe(element);
      this.#destroyRef.onDestroy(() => observer.disconnect());
    });
    afterRenderEffect({
      read: () => {
        const messages = this.store.messages();
        const last = messages[messages.length - 1];
        const element = this.scroller().nativeElement;
        const appended = last && last.id !== this.#lastId;
        const typingShown = this.store.typing() !== null;
        // First render: jump to the end. Later: follow new messages unless the agent scrolled up to read.
        if ((this.#renderedCount === 0 && messages.length) || ((appended || typingShown) && (this.#atBottom || last?.pending))) {
          element.scrollTop = element.scrollHeight;
          this.#atBottom = true;
        }
        this.#renderedCount = messages.length;
        this.#lastId = last?.id ?? null;
      },
    });
  }

  protected onScroll(): void {
    const element = this.scroller().nativeElement;
    this.#atBottom = element.scrollHeight - element.scrollTop - element.clientHeight < STICK_TO_BOTTOM_PX;
  }

  protected sender(m: ThreadMessage): string {
    if (m.senderType === 'contact') return this.contactName();
    // A flow step is the inbox's button scenario talking, not an AI reply.
    if (m.senderType === 'bot') return this.#i18n.t(m.content?.flowStep ? 'conversations.thread.flow' : 'conversations.thread.bot');
    if (m.senderType === 'system') return this.#i18n.t('conversations.thread.system');
    return (m.senderId && this.#workspace.agentNames().get(m.senderId)) || this.#i18n.t('conversations.thread.agent');
  }

  protected time(m: ThreadMessage): string {
    return new Intl.DateTimeFormat(this.#i18n.locale(), { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(
      Date.parse(m.createdAt),
    );
  }

  protected seen(m: ThreadMessage): boolean {
    return m.messageType === 'outgoing' && !m.private && !m.pending && m.seq <= this.store.contactReadSeq();
  }

  protected async loadOlder(): Promise<void> {
    const element = this.scroller().nativeElement;
    const fromBottom = element.scrollHeight - element.scrollTop;
    await this.store.loadOlder();
    // Keep the agent's place: older messages appear above what they were reading.
    requestAnimationFrame(() => (element.scrollTop = element.scrollHeight - fromBottom));
  }
}

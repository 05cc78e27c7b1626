import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import type { CannedResponseDto } from '@parley/shared/contracts';
import { LIMITS } from '@parley/shared/domain';
import { WorkspaceStore } from '../../../core/api/workspace.store';
import { TPipe } from '../../../core/i18n/t.pipe';
import { cannedQuery, insertCanned, matchCanned } from './canned';
import { ConversationStore } from './conversation.store';

/**
 * The agent's own reply or private note. `/shortcode` suggests canned responses (↑/↓, Enter or
 * Tab to insert); Enter sends, Shift+Enter starts a new line. Typing is shown to the contact,
 * except in a private note.
 */
@Component({
  selector: 'pl-composer',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './composer.html',
  styleUrl: './composer.css',
})
export class Composer {
  protected readonly store = inject(ConversationStore);
  protected readonly workspace = inject(WorkspaceStore);
  private readonly input = viewChild.required<ElementRef<HTMLTextAreaElement>>('input');

  protected readonly maxLength = LIMITS.messageBodyMax;
  protected readonly text = signal('');
  protected readonly isPrivate = signal(false);
  protected readonly sending = signal(false);
  protected readonly failed = signal(false);
  readonly #query = signal<string | null>(null);
  protected readonly active = signal(0);

  protected readonly suggestions = computed(() => {
    const query = this.#query();
    return query === null ? [] : matchCanned(this.workspace.cannedResponses.items(), query);
  });

  constructor() {
    this.workspace.cannedResponses.ensure();
  }

  focus(): void {
    this.input().nativeElement.focus();
  }

  togglePrivate(): void {
    this.isPrivate.update((p) => !p);
    if (this.isPrivate()) this.store.stopTyping();
  }

  protected onInput(): void {
    const el = this.input().nativeElement;
    this.text.set(el.value);
    this.failed.set(false);
    this.#query.set(cannedQuery(el.value, el.selectionStart ?? el.value.length));
    this.active.set(0);
    if (el.value.trim()) this.store.typingInput(this.isPrivate());
    else this.store.stopTyping();
  }

  protected onKeydown(event: KeyboardEvent): void {
    const suggestions = this.suggestions();
    if (suggestions.length) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.active.update((i) => (i + step + suggestions.length) % suggestions.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        this.insert(suggestions[this.active()]);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        this.#query.set(null);
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      // Korean IME: Enter that ends a composition must not send the half-typed syllable.
      event.preventDefault();
      void this.send();
    }
  }

  protected insert(canned: CannedResponseDto): void {
    const el = this.input().nativeElement;
    const { text, caret } = insertCanned(el.value, el.selectionStart ?? el.value.length, canned.content);
    el.value = text;
    el.setSelectionRange(caret, caret);
    this.text.set(text);
    this.#query.set(null);
    el.focus();
  }

  protected async send(): Promise<void> {
    const body = this.text().trim();
    if (!body || this.sending()) return;
    this.sending.set(true);
    const el = this.input().nativeElement;
    // Cleared at once; a failed send stays in the thread with a Retry button.
    el.value = '';
    this.text.set('');
    this.#query.set(null);
    const ok = await this.store.send(body, this.isPrivate());
    this.failed.set(!ok);
    this.sending.set(false);
  }
}

import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { MessageKey } from '../i18n/messages';
import { TPipe } from '../i18n/t.pipe';
import { ShortcutGroup, Shortcuts } from './shortcuts';

const GROUPS: readonly { group: ShortcutGroup; titleKey: MessageKey }[] = [
  { group: 'general', titleKey: 'shortcuts.group.general' },
  { group: 'navigation', titleKey: 'shortcuts.group.navigation' },
  { group: 'list', titleKey: 'shortcuts.group.list' },
  { group: 'conversation', titleKey: 'shortcuts.group.conversation' },
];

/** The `?` overlay: every shortcut active on the current screen, by group. A modal dialog; Escape closes it. */
@Component({
  selector: 'pl-shortcut-help',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="shortcut-help-title" (close)="shown.set(false)" (cancel)="shown.set(false)">
      <div class="head">
        <h2 id="shortcut-help-title">{{ 'shortcuts.title' | t }}</h2>
        <button type="button" class="pl-button" (click)="close()">{{ 'common.close' | t }}</button>
      </div>
      @if (shown()) {
        <div class="groups">
          @for (section of sections(); track section.group) {
            <section>
              <h3>{{ section.titleKey | t }}</h3>
              <dl>
                @for (shortcut of section.shortcuts; track shortcut.keys) {
                  <div class="row">
                    <dt>
                      @for (key of shortcut.keys.split(' '); track $index) {
                        @if (!$first) {
                          <span class="then">{{ 'shortcuts.then' | t }}</span>
                        }
                        <kbd>{{ key }}</kbd>
                      }
                    </dt>
                    <dd>{{ shortcut.descriptionKey | t }}</dd>
                  </div>
                }
              </dl>
            </section>
          }
        </div>
      }
    </dialog>
  `,
  styles: `
    dialog {
      width: min(44rem, calc(100vw - 2rem));
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
      align-items: center;
      justify-content: space-between;
      margin-bottom: 0.75rem;
    }
    h2 {
      margin: 0;
      font-size: 1.125rem;
    }
    .groups {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr));
      gap: 1rem 2rem;
    }
    h3 {
      margin: 0 0 0.375rem;
      font-size: 0.8125rem;
      color: var(--pl-text-muted);
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    dl {
      margin: 0;
    }
    .row {
      display: flex;
      justify-content: space-between;
      gap: 1rem;
      padding: 0.25rem 0;
    }
    dt {
      flex: none;
    }
    dd {
      margin: 0;
      text-align: right;
    }
    kbd {
      display: inline-block;
      min-width: 1.6rem;
      padding: 0.05rem 0.4rem;
      border: 1px solid var(--pl-border-strong);
      border-bottom-width: 2px;
      border-radius: 4px;
      background: var(--pl-bg);
      font: inherit;
      font-size: 0.8125rem;
      text-align: center;
    }
    .then {
      margin: 0 0.25rem;
      color: var(--pl-text-muted);
      font-size: 0.75rem;
    }
  `,
})
export class ShortcutHelp {
  readonly #shortcuts = inject(Shortcuts);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  protected readonly shown = signal(false);

  protected readonly sections = computed(() => {
    const active = this.#shortcuts.active();
    return GROUPS.map((g) => ({ ...g, shortcuts: active.filter((s) => s.group === g.group) })).filter((g) => g.shortcuts.length);
  });

  isOpen(): boolean {
    return this.shown();
  }

  open(): void {
    const dialog = this.dialog().nativeElement;
    this.shown.set(true);
    if (dialog.open) return;
    // jsdom (unit tests) has no showModal.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  }

  close(): void {
    const dialog = this.dialog().nativeElement;
    if (typeof dialog.close === 'function') dialog.close();
    else dialog.removeAttribute('open');
    this.shown.set(false);
  }
}

import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, inject, input, output, signal, viewChild } from '@angular/core';
import { TPipe } from '../../core/i18n/t.pipe';

/**
 * A button for an action that cannot be undone (delete, rotate a secret): the first press asks
 * "Delete X?" in place, with the action and Cancel; the focus follows so a keyboard user is never
 * left on a button that vanished. Styled by the settings page's `st-*` rules.
 */
@Component({
  selector: 'pl-confirm-action',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'st-confirm-host' },
  template: `
    @if (asking()) {
      <span class="st-confirm" role="group" [attr.aria-label]="question()">
        <span>{{ question() }}</span>
        <button #confirm type="button" class="pl-button st-danger" [class.st-small]="small()" (click)="confirmAction()">
          {{ label() }}
        </button>
        <button type="button" class="pl-button" [class.st-small]="small()" (click)="cancel()">
          {{ 'settings.cancel' | t }}
        </button>
      </span>
    } @else {
      <button
        #trigger
        type="button"
        class="pl-button st-danger"
        [class.st-small]="small()"
        [attr.aria-label]="triggerLabel() || null"
        [attr.aria-disabled]="busy() || null"
        (click)="ask()"
      >
        {{ label() }}
      </button>
    }
  `,
})
export class ConfirmAction {
  /** The button's text, and the action's in the question. */
  readonly label = input.required<string>();
  /** "Delete Website hook?" */
  readonly question = input.required<string>();
  /** A fuller accessible name for the first button when the label alone is ambiguous in a list ("Delete Website hook"). */
  readonly triggerLabel = input<string>('');
  readonly small = input(false);
  readonly busy = input(false);
  readonly confirmed = output<void>();

  readonly #injector = inject(Injector);
  private readonly confirmButton = viewChild<ElementRef<HTMLButtonElement>>('confirm');
  private readonly triggerButton = viewChild<ElementRef<HTMLButtonElement>>('trigger');
  protected readonly asking = signal(false);

  protected ask(): void {
    if (this.busy()) return;
    this.asking.set(true);
    afterNextRender(() => this.confirmButton()?.nativeElement.focus(), { injector: this.#injector });
  }

  protected cancel(): void {
    this.asking.set(false);
    afterNextRender(() => this.triggerButton()?.nativeElement.focus(), { injector: this.#injector });
  }

  protected confirmAction(): void {
    this.asking.set(false);
    this.confirmed.emit();
  }
}

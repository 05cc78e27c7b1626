import { ChangeDetectionStrategy, Component, DOCUMENT, inject, input, signal } from '@angular/core';
import { TPipe } from '../../core/i18n/t.pipe';
import { copyText } from './clipboard';

/** A secret shown once, read-only, selected on focus, with a Copy button that says whether it worked. */
@Component({
  selector: 'pl-secret-box',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="st-box">
      <label [for]="fieldId()">{{ label() }}</label>
      <input [id]="fieldId()" class="st-code" type="text" readonly spellcheck="false" [value]="secret()" (focus)="select($event)" />
      @if (hint()) {
        <p class="st-hint">{{ hint() }}</p>
      }
      <div class="st-row">
        <button type="button" class="pl-button st-small" (click)="copy()">{{ 'settings.copy' | t }}</button>
        <span role="status" class="st-muted">
          @if (copied() === 'ok') {
            {{ 'settings.copied' | t }}
          } @else if (copied() === 'failed') {
            {{ 'settings.copyFailed' | t }}
          }
        </span>
      </div>
    </div>
  `,
})
export class SecretBox {
  readonly secret = input.required<string>();
  readonly label = input.required<string>();
  readonly hint = input('');
  readonly fieldId = input('secret-value');

  readonly #document = inject(DOCUMENT);
  protected readonly copied = signal<'ok' | 'failed' | null>(null);

  protected async copy(): Promise<void> {
    this.copied.set((await copyText(this.#document, this.secret())) ? 'ok' : 'failed');
  }

  protected select(event: Event): void {
    (event.target as HTMLInputElement).select();
  }
}

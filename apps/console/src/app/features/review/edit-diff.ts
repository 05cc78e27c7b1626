import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import { TPipe } from '../../core/i18n/t.pipe';
import { wordDiff } from './word-diff';

/** The AI draft against what was sent: removed words struck through, added words underlined. Text only. */
@Component({
  selector: 'pl-edit-diff',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p class="diff">
    @for (segment of segments(); track $index) {
      @switch (segment.op) {
        @case ('delete') {
          <del
            ><span class="sr-only">[{{ 'review.removed' | t }}: </span
            >{{ segment.text }}<span class="sr-only">]</span></del
          >
        }
        @case ('insert') {
          <ins
            ><span class="sr-only">[{{ 'review.added' | t }}: </span
            >{{ segment.text }}<span class="sr-only">]</span></ins
          >
        }
        @default {
          <span>{{ segment.text }}</span>
        }
      }
    }
  </p>`,
  styles: `
    .diff {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    del {
      background: var(--pl-danger-soft);
      color: var(--pl-danger);
      text-decoration: line-through;
    }
    del + ins {
      margin-left: 0.25em;
    }
    ins {
      background: #e7f6ec;
      color: #116b35;
      text-decoration: underline;
    }
  `,
})
export class EditDiff {
  readonly before = input.required<string>();
  readonly after = input.required<string>();

  protected readonly segments = computed(() =>
    wordDiff(this.before(), this.after()),
  );
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MessageKey } from '../i18n/messages';
import { TPipe } from '../i18n/t.pipe';

/** Stands in for a section that is not built yet; the route passes its heading in `data`. */
@Component({
  selector: 'pl-placeholder-page',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="page-title">{{ heading() | t }}</h1>
    <p class="page-lead">{{ 'placeholder.body' | t }}</p>
  `,
})
export class PlaceholderPage {
  readonly heading = input.required<MessageKey>();
}

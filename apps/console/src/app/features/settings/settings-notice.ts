import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export type SettingsNoticeValue = { ok: boolean; text: string; details?: readonly string[] } | null;

/** The result line under a settings form: polite when it worked, an alert when it did not. */
@Component({
  selector: 'pl-settings-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (notice(); as n) {
      <div [class]="n.ok ? 'st-ok' : 'st-error'" [attr.role]="n.ok ? 'status' : 'alert'">
        {{ n.text }}
        @for (detail of n.details ?? []; track $index) {
          <span class="st-block">{{ detail }}</span>
        }
      </div>
    }
  `,
})
export class SettingsNotice {
  readonly notice = input<SettingsNoticeValue>(null);
}

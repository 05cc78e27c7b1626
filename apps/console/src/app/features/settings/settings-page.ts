import {
  ChangeDetectionStrategy,
  Component,
  ViewEncapsulation,
} from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { MessageKey } from '../../core/i18n/messages';
import { TPipe } from '../../core/i18n/t.pipe';

const SECTIONS: readonly { path: string; labelKey: MessageKey }[] = [
  { path: '.', labelKey: 'settings.section.inboxes' },
  { path: 'ai', labelKey: 'settings.section.ai' },
  { path: 'agents', labelKey: 'settings.section.agents' },
  { path: 'labels', labelKey: 'settings.section.labels' },
  { path: 'canned-responses', labelKey: 'settings.section.canned' },
  { path: 'flows', labelKey: 'settings.section.flows' },
  { path: 'webhooks', labelKey: 'settings.section.webhooks' },
];

/**
 * The admin-only settings frame. Its stylesheet is not encapsulated so the section pages share
 * one set of form and table styles; every rule is scoped under this element.
 */
@Component({
  selector: 'pl-settings-page',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  styleUrls: ['./settings.css', './settings-lists.css'],
  template: `
    <h1 class="page-title">{{ 'nav.settings' | t }}</h1>
    <p class="page-lead">{{ 'settings.lead' | t }}</p>
    <nav class="st-tabs" [attr.aria-label]="'settings.sections' | t">
      <ul>
        @for (section of sections; track section.path) {
          <li>
            <a
              [routerLink]="section.path"
              routerLinkActive="active"
              [routerLinkActiveOptions]="{ exact: section.path === '.' }"
              ariaCurrentWhenActive="page"
              >{{ section.labelKey | t }}</a
            >
          </li>
        }
      </ul>
    </nav>
    <router-outlet />
  `,
})
export class SettingsPage {
  protected readonly sections = SECTIONS;
}

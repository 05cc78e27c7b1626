import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { WorkspaceStore } from '../api/workspace.store';
import { TPipe } from '../i18n/t.pipe';
import { CurrentInbox } from './current-inbox';

/** Top-bar choice of inbox; "All inboxes" shows every inbox the agent belongs to. */
@Component({
  selector: 'pl-inbox-switcher',
  imports: [TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label class="sr-only" for="inbox-switcher">{{ 'shell.inbox' | t }}</label>
    <select id="inbox-switcher" class="pl-select" [value]="current.id() ?? ''" (change)="select($event)">
      <option value="">{{ 'shell.allInboxes' | t }}</option>
      @for (inbox of workspace.inboxes.items(); track inbox.id) {
        <option [value]="inbox.id" [selected]="inbox.id === current.id()">{{ inbox.name }}</option>
      }
    </select>
  `,
})
export class InboxSwitcher implements OnInit {
  protected readonly workspace = inject(WorkspaceStore);
  protected readonly current = inject(CurrentInbox);

  ngOnInit(): void {
    this.workspace.inboxes.ensure();
  }

  protected select(event: Event): void {
    this.current.select((event.target as HTMLSelectElement).value || null);
  }
}

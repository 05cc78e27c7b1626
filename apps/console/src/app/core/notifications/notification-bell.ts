import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18nService } from '../i18n/i18n.service';
import { MessageKey } from '../i18n/messages';
import { TPipe } from '../i18n/t.pipe';
import { AlertKind, ConsoleAlert, NotificationCenter } from './notification-center';

const KIND_KEYS: Record<AlertKind, MessageKey> = {
  conversation: 'notifications.kind.conversation',
  urgent: 'notifications.kind.urgent',
  draft: 'notifications.kind.draft',
  contact: 'notifications.kind.contact',
  quote: 'notifications.kind.quote',
  quote_accepted: 'notifications.kind.quote_accepted',
  quote_declined: 'notifications.kind.quote_declined',
};

/** The bell in the top bar: unread count, a panel of recent alerts, and a live region announcing new ones. */
@Component({
  selector: 'pl-notification-bell',
  imports: [RouterLink, TPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:click)': 'closeIfOutside($event)', '(keydown.escape)': 'close(true)' },
  template: `
    <button
      #toggle
      type="button"
      class="bell"
      [attr.aria-expanded]="open()"
      aria-controls="notification-panel"
      [attr.aria-label]="buttonLabel()"
      (click)="toggleOpen()"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      @if (center.unread(); as unread) {
        <span class="badge" aria-hidden="true">{{ unread > 99 ? '99+' : unread }}</span>
      }
    </button>
    @if (open()) {
      <div id="notification-panel" class="panel" role="region" [attr.aria-label]="'notifications.title' | t">
        <div class="panel-head">
          <h2>{{ 'notifications.title' | t }}</h2>
          @if (center.unread()) {
            <button type="button" class="link" (click)="center.markAllRead()">{{ 'notifications.markAllRead' | t }}</button>
          }
        </div>
        @if (center.alerts().length) {
          <ul>
            @for (alert of center.alerts(); track alert.id) {
              <li [class.unread]="!alert.read">
                <a [routerLink]="alert.route" (click)="follow(alert)">
                  <span class="kind" [attr.data-kind]="alert.kind">{{ kindKey(alert) | t }}</span>
                  <span class="what">{{ describe(alert) }}</span>
                  <time [attr.datetime]="iso(alert.at)">{{ time(alert.at) }}</time>
                </a>
              </li>
            }
          </ul>
        } @else {
          <p class="empty">{{ 'notifications.empty' | t }}</p>
        }
        <a class="settings" routerLink="/preferences/notifications" (click)="open.set(false)">{{ 'notifications.preferences' | t }}</a>
      </div>
    }
    <div class="sr-only" aria-live="polite">{{ announcement() }}</div>
  `,
  styles: `
    :host {
      position: relative;
      display: inline-block;
    }
    .bell {
      position: relative;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 2.5rem;
      height: 2.5rem;
      border: 1px solid var(--pl-border-strong);
      border-radius: var(--pl-radius);
      background: var(--pl-surface);
      cursor: pointer;
    }
    .badge {
      position: absolute;
      top: -0.4rem;
      right: -0.4rem;
      min-width: 1.25rem;
      padding: 0 0.3rem;
      border-radius: 999px;
      background: var(--pl-danger);
      color: #fff;
      font-size: 0.6875rem;
      font-weight: 700;
      line-height: 1.25rem;
    }
    .panel {
      position: absolute;
      right: 0;
      z-index: 30;
      width: min(22rem, 90vw);
      max-height: 70vh;
      margin-top: 0.375rem;
      overflow: auto;
      background: var(--pl-surface);
      border: 1px solid var(--pl-border);
      border-radius: var(--pl-radius-lg);
      box-shadow: var(--pl-shadow);
    }
    .panel-head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      padding: 0.625rem 0.875rem;
      border-bottom: 1px solid var(--pl-border);
    }
    h2 {
      margin: 0;
      font-size: 0.9375rem;
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li a {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 0 0.5rem;
      padding: 0.5rem 0.875rem;
      color: var(--pl-text);
      text-decoration: none;
      border-bottom: 1px solid var(--pl-border);
    }
    li a:hover {
      background: var(--pl-surface-hover);
    }
    li.unread a {
      background: var(--pl-accent-soft);
    }
    .kind {
      font-weight: 600;
    }
    .kind[data-kind='urgent'] {
      color: var(--pl-danger);
    }
    .what {
      grid-column: 1;
      color: var(--pl-text-muted);
      font-size: 0.8125rem;
    }
    time {
      grid-row: 1;
      grid-column: 2;
      color: var(--pl-text-muted);
      font-size: 0.75rem;
    }
    .empty {
      margin: 0;
      padding: 1rem 0.875rem;
      color: var(--pl-text-muted);
    }
    .settings {
      display: block;
      padding: 0.5rem 0.875rem;
      font-size: 0.8125rem;
    }
  `,
})
export class NotificationBell {
  protected readonly center = inject(NotificationCenter);
  readonly #i18n = inject(I18nService);
  readonly #host = inject(ElementRef<HTMLElement>);
  private readonly toggleButton = viewChild.required<ElementRef<HTMLButtonElement>>('toggle');
  protected readonly open = signal(false);

  protected readonly buttonLabel = computed(() => {
    const unread = this.center.unread();
    const title = this.#i18n.t('notifications.title');
    return unread ? `${title}, ${this.#i18n.t('notifications.unread', { count: unread })}` : title;
  });

  protected readonly announcement = computed(() => {
    const latest = this.center.latest();
    return latest && !latest.read ? `${this.#i18n.t(KIND_KEYS[latest.kind])}: ${this.describe(latest)}` : '';
  });

  protected kindKey(alert: ConsoleAlert): MessageKey {
    return KIND_KEYS[alert.kind];
  }

  protected describe(alert: ConsoleAlert): string {
    const ref = alert.ref ?? (alert.displayId !== null ? `#${alert.displayId}` : this.#i18n.t('notifications.aConversation'));
    return alert.contactName ? `${ref} · ${alert.contactName}` : ref;
  }

  protected time(at: number): string {
    return new Intl.DateTimeFormat(this.#i18n.locale(), { hour: '2-digit', minute: '2-digit' }).format(at);
  }

  protected iso(at: number): string {
    return new Date(at).toISOString();
  }

  protected toggleOpen(): void {
    this.open.update((o) => !o);
  }

  protected follow(alert: ConsoleAlert): void {
    this.center.markRead(alert.id);
    this.open.set(false);
  }

  protected close(refocus: boolean): void {
    if (!this.open()) return;
    this.open.set(false);
    if (refocus) this.toggleButton().nativeElement.focus();
  }

  protected closeIfOutside(event: Event): void {
    if (this.open() && !this.#host.nativeElement.contains(event.target as Node)) this.open.set(false);
  }
}

import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, OnInit, computed, inject, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthService } from '../auth/auth.service';
import { LocaleToggle } from '../i18n/locale-toggle';
import { MessageKey } from '../i18n/messages';
import { TPipe } from '../i18n/t.pipe';
import { NotificationBell } from '../notifications/notification-bell';
import { NotificationCenter } from '../notifications/notification-center';
import { AgentRealtime } from '../realtime/agent-realtime';
import { ShortcutHelp } from '../shortcuts/shortcut-help';
import { Shortcut, Shortcuts } from '../shortcuts/shortcuts';
import { AvailabilitySelect } from './availability-select';
import { InboxSwitcher } from './inbox-switcher';

interface NavItem {
  path: string;
  labelKey: MessageKey;
  /** Second key after `g` (`g c` opens Conversations). */
  key: string;
}

const NAV_ITEMS: readonly NavItem[] = [
  { path: '/conversations', labelKey: 'nav.conversations', key: 'c' },
  { path: '/quotes', labelKey: 'nav.quotes', key: 'q' },
  { path: '/review', labelKey: 'nav.review', key: 'v' },
  { path: '/knowledge', labelKey: 'nav.knowledge', key: 'k' },
  { path: '/reports', labelKey: 'nav.reports', key: 'r' },
];
const ADMIN_NAV_ITEMS: readonly NavItem[] = [{ path: '/settings', labelKey: 'nav.settings', key: 's' }];

const NAV_SHORTCUT_KEYS: Record<string, MessageKey> = {
  '/conversations': 'shortcuts.goConversations',
  '/quotes': 'shortcuts.goQuotes',
  '/review': 'shortcuts.goReview',
  '/knowledge': 'shortcuts.goKnowledge',
  '/reports': 'shortcuts.goReports',
  '/settings': 'shortcuts.goSettings',
};

/** The signed-in frame: top bar, left navigation and the routed main area. Opens the live connection. */
@Component({
  selector: 'pl-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    LocaleToggle,
    TPipe,
    InboxSwitcher,
    AvailabilitySelect,
    NotificationBell,
    ShortcutHelp,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell implements OnInit {
  readonly #auth = inject(AuthService);
  readonly #router = inject(Router);
  readonly #destroyRef = inject(DestroyRef);
  readonly #shortcuts = inject(Shortcuts);
  protected readonly realtime = inject(AgentRealtime);
  readonly #notifications = inject(NotificationCenter);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly help = viewChild.required(ShortcutHelp);

  protected readonly agent = this.#auth.agent;
  protected readonly roleKey = computed<MessageKey | null>(() => {
    const role = this.agent()?.role;
    return role ? (`role.${role}` as const) : null;
  });
  protected readonly navItems = computed(() => (this.#auth.isAdmin() ? [...NAV_ITEMS, ...ADMIN_NAV_ITEMS] : NAV_ITEMS));

  constructor() {
    this.#shortcuts.register(
      [
        { keys: '?', descriptionKey: 'shortcuts.help', group: 'general', action: () => this.toggleHelp() },
        ...[...NAV_ITEMS, ...ADMIN_NAV_ITEMS].map((item): Shortcut => ({
          keys: `g ${item.key}`,
          descriptionKey: NAV_SHORTCUT_KEYS[item.path],
          group: 'navigation',
          // Settings stays admin-only whatever the shortcut says (the route guard checks too).
          action: () => {
            if (this.navItems().includes(item)) void this.#router.navigateByUrl(item.path);
          },
        })),
      ],
      this.#destroyRef,
    );
  }

  ngOnInit(): void {
    // The stored agent may be stale (role or name changed, or the session revoked); the
    // interceptor handles an expired token, other failures keep showing what we have.
    this.#auth
      .reloadAgent()
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe({ error: () => undefined });
    this.#notifications.start(this.#destroyRef);
    this.realtime.start();
  }

  protected logout(): void {
    this.#auth.logout();
  }

  protected toggleHelp(): void {
    const help = this.help();
    if (help.isOpen()) help.close();
    else help.open();
  }

  /** In-page link: with `<base href="/">` a plain `#main` href would navigate to `/#main`. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}

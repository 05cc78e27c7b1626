import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  OnInit,
  computed,
  inject,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthService } from '../auth/auth.service';
import { LocaleToggle } from '../i18n/locale-toggle';
import { MessageKey } from '../i18n/messages';
import { TPipe } from '../i18n/t.pipe';

interface NavItem {
  path: string;
  labelKey: MessageKey;
}

const NAV_ITEMS: readonly NavItem[] = [
  { path: '/conversations', labelKey: 'nav.conversations' },
  { path: '/review', labelKey: 'nav.review' },
  { path: '/knowledge', labelKey: 'nav.knowledge' },
  { path: '/reports', labelKey: 'nav.reports' },
];
const ADMIN_NAV_ITEMS: readonly NavItem[] = [
  { path: '/settings', labelKey: 'nav.settings' },
];

/** The signed-in frame: top bar, left navigation and the routed main area. */
@Component({
  selector: 'pl-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, LocaleToggle, TPipe],
  templateUrl: './shell.html',
  styleUrl: './shell.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell implements OnInit {
  readonly #auth = inject(AuthService);
  readonly #destroyRef = inject(DestroyRef);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly agent = this.#auth.agent;
  protected readonly roleKey = computed<MessageKey | null>(() => {
    const role = this.agent()?.role;
    return role ? (`role.${role}` as const) : null;
  });
  protected readonly navItems = computed(() =>
    this.#auth.isAdmin() ? [...NAV_ITEMS, ...ADMIN_NAV_ITEMS] : NAV_ITEMS,
  );

  ngOnInit(): void {
    // The stored agent may be stale (role or name changed, or the session revoked); the
    // interceptor handles an expired token, other failures keep showing what we have.
    this.#auth
      .reloadAgent()
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe({ error: () => undefined });
  }

  protected logout(): void {
    this.#auth.logout();
  }

  /** In-page link: with `<base href="/">` a plain `#main` href would navigate to `/#main`. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}

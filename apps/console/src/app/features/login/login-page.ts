import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { Router } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { apiErrorCode } from '../../core/http/api-error';
import { LocaleToggle } from '../../core/i18n/locale-toggle';
import { MessageKey } from '../../core/i18n/messages';
import { TPipe } from '../../core/i18n/t.pipe';

@Component({
  selector: 'pl-login-page',
  imports: [ReactiveFormsModule, LocaleToggle, TPipe],
  templateUrl: './login-page.html',
  styleUrl: './login-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  readonly #auth = inject(AuthService);
  readonly #router = inject(Router);
  readonly #destroyRef = inject(DestroyRef);

  /** Query parameters, bound by the router. */
  readonly returnUrl = input<string>();
  readonly reason = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly errorKey = signal<MessageKey | null>(null);
  protected readonly sessionExpired = computed(
    () => this.reason() === 'expired' && !this.errorKey(),
  );
  /** Field errors show once a field was left or the form was submitted, not while typing the first time. */
  protected readonly submitted = signal(false);

  private readonly emailInput =
    viewChild.required<ElementRef<HTMLInputElement>>('emailInput');
  private readonly passwordInput =
    viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');

  protected submit(): void {
    if (this.submitting()) return;
    this.submitted.set(true);
    this.errorKey.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      (this.form.controls.email.invalid
        ? this.emailInput()
        : this.passwordInput()
      ).nativeElement.focus();
      return;
    }

    this.submitting.set(true);
    const { email, password } = this.form.getRawValue();
    this.#auth
      .login({ email: email.trim(), password })
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe({
        next: () =>
          void this.#router.navigateByUrl(safeReturnUrl(this.returnUrl())),
        error: (error: unknown) => {
          this.submitting.set(false);
          const key = loginErrorKey(error);
          this.errorKey.set(key);
          if (key === 'login.error.invalidCredentials') {
            this.form.controls.password.reset();
            this.submitted.set(false);
            this.passwordInput().nativeElement.focus();
          }
        },
      });
  }

  protected showError(control: 'email' | 'password'): boolean {
    const c = this.form.controls[control];
    return c.invalid && (c.touched || this.submitted());
  }
}

export function loginErrorKey(error: unknown): MessageKey {
  switch (apiErrorCode(error)) {
    case 'invalid_credentials':
      return 'login.error.invalidCredentials';
    case 'agent_disabled':
      return 'login.error.agentDisabled';
    case 'rate_limited':
      return 'login.error.rateLimited';
  }
  if (error instanceof HttpErrorResponse) {
    if (error.status === 0) return 'login.error.network';
    if (error.status === 401) return 'login.error.invalidCredentials';
    if (error.status === 429) return 'login.error.rateLimited';
  }
  return 'login.error.unknown';
}

/** Only paths inside the console; anything else (absolute or protocol-relative URLs, the login page itself) goes home. */
function safeReturnUrl(url: string | undefined): string {
  if (
    !url ||
    !url.startsWith('/') ||
    url.startsWith('//') ||
    url.startsWith('/\\') ||
    url.startsWith('/login')
  )
    return '/';
  return url;
}

import { inject } from '@angular/core';
import { CanActivateChildFn, CanActivateFn, Router } from '@angular/router';
import { AuthService } from './auth.service';

/** Lets a signed-in agent through; anyone else goes to /login and comes back here after signing in. */
export const authGuard: CanActivateFn & CanActivateChildFn = (
  _route,
  state,
) => {
  if (inject(AuthService).isAuthenticated()) return true;
  const returnUrl = state.url && state.url !== '/' ? state.url : undefined;
  return inject(Router).createUrlTree(['/login'], {
    queryParams: returnUrl ? { returnUrl } : {},
  });
};

/** The login page is for signed-out visitors; a signed-in agent goes straight to the console. */
export const guestGuard: CanActivateFn = () =>
  !inject(AuthService).isAuthenticated() || inject(Router).createUrlTree(['/']);

/** Admin-only sections; hiding the link is not enough when the URL is typed in. */
export const adminGuard: CanActivateFn = () =>
  inject(AuthService).isAdmin() || inject(Router).createUrlTree(['/']);

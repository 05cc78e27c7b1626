import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  ActivatedRouteSnapshot,
  Router,
  RouterStateSnapshot,
  UrlTree,
  provideRouter,
} from '@angular/router';
import { aSession, anAgent, storeSignedIn } from '../../../testing/fixtures';
import { adminGuard, authGuard, guestGuard } from './auth.guard';

describe('auth guards', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
  });
  afterEach(() => localStorage.clear());

  function run(guard: typeof authGuard | typeof guestGuard, url: string) {
    const route = {} as ActivatedRouteSnapshot;
    const state = { url } as RouterStateSnapshot;
    return TestBed.runInInjectionContext(() => guard(route, state));
  }

  function serialized(result: unknown): string {
    expect(result).toBeInstanceOf(UrlTree);
    return TestBed.inject(Router).serializeUrl(result as UrlTree);
  }

  describe('authGuard', () => {
    it('redirects a signed-out visitor to /login, remembering where they were going', () => {
      expect(serialized(run(authGuard, '/reports?range=7d'))).toBe(
        '/login?returnUrl=%2Freports%3Frange%3D7d',
      );
    });

    it('does not add a returnUrl for the home page', () => {
      expect(serialized(run(authGuard, '/'))).toBe('/login');
    });

    it('lets a signed-in agent through', () => {
      storeSignedIn();
      expect(run(authGuard, '/conversations')).toBe(true);
    });
  });

  describe('guestGuard', () => {
    it('shows the login page to a signed-out visitor', () => {
      expect(run(guestGuard, '/login')).toBe(true);
    });

    it('sends a signed-in agent to the console instead', () => {
      storeSignedIn();
      expect(serialized(run(guestGuard, '/login'))).toBe('/');
    });
  });

  describe('adminGuard', () => {
    it('lets an admin in', () => {
      storeSignedIn(aSession({ agent: anAgent({ role: 'admin' }) }));
      expect(run(adminGuard, '/settings')).toBe(true);
    });

    it('sends an agent without the admin role home', () => {
      storeSignedIn(aSession({ agent: anAgent({ role: 'agent' }) }));
      expect(serialized(run(adminGuard, '/settings'))).toBe('/');
    });
  });
});

import { Routes } from '@angular/router';
import { adminGuard, authGuard, guestGuard } from './core/auth/auth.guard';

const placeholderPage = () =>
  import('./core/shell/placeholder-page').then((m) => m.PlaceholderPage);

/** Route `title`s are i18n message keys (see I18nTitleStrategy). */
export const appRoutes: Routes = [
  {
    path: 'login',
    canActivate: [guestGuard],
    loadChildren: () =>
      import('./features/login/login.routes').then((m) => m.loginRoutes),
  },
  {
    path: '',
    canActivate: [authGuard],
    canActivateChild: [authGuard],
    loadComponent: () => import('./core/shell/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'conversations' },
      {
        path: 'conversations',
        loadChildren: () =>
          import('./features/conversations/conversations.routes').then(
            (m) => m.conversationsRoutes,
          ),
      },
      {
        path: 'review',
        title: 'nav.review',
        data: { heading: 'nav.review' },
        loadComponent: placeholderPage,
      },
      {
        path: 'knowledge',
        title: 'nav.knowledge',
        data: { heading: 'nav.knowledge' },
        loadComponent: placeholderPage,
      },
      {
        path: 'reports',
        title: 'nav.reports',
        data: { heading: 'nav.reports' },
        loadComponent: placeholderPage,
      },
      {
        path: 'settings',
        title: 'nav.settings',
        data: { heading: 'nav.settings' },
        canActivate: [adminGuard],
        loadComponent: placeholderPage,
      },
    ],
  },
  { path: '**', redirectTo: '' },
];

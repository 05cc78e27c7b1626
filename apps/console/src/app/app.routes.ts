import { Routes } from '@angular/router';
import { adminGuard, authGuard, guestGuard } from './core/auth/auth.guard';

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
        path: 'quotes',
        loadChildren: () => import('./features/quotes/quotes.routes').then((m) => m.quotesRoutes),
      },
      {
        path: 'preferences',
        loadChildren: () => import('./features/preferences/preferences.routes').then((m) => m.preferencesRoutes),
      },
      {
        path: 'review',
        loadChildren: () =>
          import('./features/review/review.routes').then((m) => m.reviewRoutes),
      },
      {
        path: 'knowledge',
        loadChildren: () =>
          import('./features/knowledge/knowledge.routes').then(
            (m) => m.knowledgeRoutes,
          ),
      },
      {
        path: 'reports',
        loadChildren: () =>
          import('./features/reports/reports.routes').then(
            (m) => m.reportsRoutes,
          ),
      },
      {
        path: 'settings',
        canActivate: [adminGuard],
        loadChildren: () =>
          import('./features/settings/settings.routes').then(
            (m) => m.settingsRoutes,
          ),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];

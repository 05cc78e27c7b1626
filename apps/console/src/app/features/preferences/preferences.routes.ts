import { Routes } from '@angular/router';
import { NotificationPreferencesPage } from './notification-preferences-page';

/** The signed-in agent's own settings (every role). */
export const preferencesRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'notifications' },
  { path: 'notifications', title: 'preferences.notifications.title', component: NotificationPreferencesPage },
];

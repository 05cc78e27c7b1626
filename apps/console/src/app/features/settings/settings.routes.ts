import { Routes } from '@angular/router';
import { AgentsSettings } from './agents-settings';
import { AiSettings } from './ai-settings';
import { CannedSettings } from './canned-settings';
import { InboxesSettings } from './inboxes-settings';
import { LabelsSettings } from './labels-settings';
import { SettingsPage } from './settings-page';

/** Mounted behind adminGuard; the API refuses these calls to non-admins as well. */
export const settingsRoutes: Routes = [
  {
    path: '',
    component: SettingsPage,
    children: [
      // Inboxes are the first section, at /settings itself.
      {
        path: '',
        pathMatch: 'full',
        title: 'settings.title.inboxes',
        component: InboxesSettings,
      },
      { path: 'inboxes', pathMatch: 'full', redirectTo: '' },
      { path: 'ai', title: 'settings.title.ai', component: AiSettings },
      {
        path: 'agents',
        title: 'settings.title.agents',
        component: AgentsSettings,
      },
      {
        path: 'labels',
        title: 'settings.title.labels',
        component: LabelsSettings,
      },
      {
        path: 'canned-responses',
        title: 'settings.title.canned',
        component: CannedSettings,
      },
      // The two largest sections load when opened.
      {
        path: 'flows',
        title: 'settings.title.flows',
        loadComponent: () => import('./flows-settings').then((m) => m.FlowsSettings),
      },
      {
        path: 'webhooks',
        title: 'settings.title.webhooks',
        loadComponent: () => import('./webhooks-settings').then((m) => m.WebhooksSettings),
      },
    ],
  },
];

import { Routes } from '@angular/router';
import { ConversationsPage } from './conversations-page';
import { NoConversationSelected } from './no-conversation-selected';

/** Route `title`s are i18n message keys. `:id` is bound to the view's `id` input. */
export const conversationsRoutes: Routes = [
  {
    path: '',
    component: ConversationsPage,
    children: [
      { path: '', title: 'nav.conversations', component: NoConversationSelected },
      {
        path: ':id',
        title: 'conversations.view.title',
        loadComponent: () => import('./view/conversation-view').then((m) => m.ConversationView),
      },
    ],
  },
];

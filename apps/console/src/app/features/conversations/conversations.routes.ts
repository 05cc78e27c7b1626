import { Routes } from '@angular/router';
import { ConversationListPage } from './conversation-list-page';

export const conversationsRoutes: Routes = [
  { path: '', title: 'nav.conversations', component: ConversationListPage },
];

import { Routes } from '@angular/router';
import { KnowledgePage } from './knowledge-page';

export const knowledgeRoutes: Routes = [
  { path: '', title: 'nav.knowledge', component: KnowledgePage },
];

import { Routes } from '@angular/router';
import { QuoteBoardPage } from './quote-board-page';

/** Route `title`s are i18n message keys. `:id` is bound to the detail page's `id` input. */
export const quotesRoutes: Routes = [
  { path: '', title: 'nav.quotes', component: QuoteBoardPage },
  {
    path: ':id',
    title: 'quotes.detail.title',
    loadComponent: () => import('./quote-detail-page').then((m) => m.QuoteDetailPage),
  },
];

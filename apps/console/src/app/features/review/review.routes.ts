import { Routes } from '@angular/router';
import { ReviewLogPage } from './review-log-page';

export const reviewRoutes: Routes = [
  { path: '', title: 'nav.review', component: ReviewLogPage },
];

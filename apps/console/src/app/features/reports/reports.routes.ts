import { Routes } from '@angular/router';
import { ReportsPage } from './reports-page';

export const reportsRoutes: Routes = [
  { path: '', title: 'nav.reports', component: ReportsPage },
];

import { InitialSchema1795244424659 } from './1795244424659-initial-schema';

/** In order. New migrations: npm run db:migration:generate -- apps/api/src/core/database/migrations/<name>, then add here. */
export const MIGRATIONS = [InitialSchema1795244424659];

import { InitialSchema1795244424659 } from './1795244424659-initial-schema';
import { SearchIndexes1795250000000 } from './1795250000000-search-indexes';
import { LiveChat1795260000000 } from './1795260000000-live-chat';

/** In order. New migrations: npm run db:migration:generate -- apps/api/src/core/database/migrations/<name>, then add here. */
export const MIGRATIONS = [InitialSchema1795244424659, SearchIndexes1795250000000, LiveChat1795260000000];

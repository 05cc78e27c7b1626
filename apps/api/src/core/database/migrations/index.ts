import { InitialSchema1795244424659 } from './1795244424659-initial-schema';
import { SearchIndexes1795250000000 } from './1795250000000-search-indexes';
import { LiveChat1795260000000 } from './1795260000000-live-chat';
import { AiPipeline1795270000000 } from './1795270000000-ai-pipeline';
import { AfterHours1795280000000 } from './1795280000000-after-hours';
import { Webhooks1795290000000 } from './1795290000000-webhooks';
import { Notifications1795300000000 } from './1795300000000-notifications';
import { MessageContent1795310000000 } from './1795310000000-message-content';
import { Flows1795320000000 } from './1795320000000-flows';
import { QuoteRequests1795330000000 } from './1795330000000-quote-requests';
import { ConversationHotUpdates1795340000000 } from './1795340000000-conversation-hot-updates';

/** In order. New migrations: npm run db:migration:generate -- apps/api/src/core/database/migrations/<name>, then add here. */
export const MIGRATIONS = [InitialSchema1795244424659, SearchIndexes1795250000000, LiveChat1795260000000, AiPipeline1795270000000, AfterHours1795280000000, Webhooks1795290000000, Notifications1795300000000, MessageContent1795310000000, Flows1795320000000, QuoteRequests1795330000000, ConversationHotUpdates1795340000000];

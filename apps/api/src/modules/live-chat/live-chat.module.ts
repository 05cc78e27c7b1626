import { Module } from '@nestjs/common';
import { AuthModule } from '../../core/auth/auth.module';
import { AgentsModule } from '../agents/agents.module';
import { ContactsModule } from '../contacts/contacts.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { FlowsModule } from '../flows/flows.module';
import { InboxesModule } from '../inboxes/inboxes.module';
import { MessagesModule } from '../messages/messages.module';
import { QuotesModule } from '../quotes/quotes.module';
import { AfterHoursService } from './after-hours.service';
import { AgentNames } from './agent-names';
import { AgentsGateway } from './agents.gateway';
import { LiveChatService } from './live-chat.service';
import { PresenceService } from './presence.service';
import { RateLimits } from './rate-limits';
import { RealtimeFanout } from './realtime-fanout';
import { WidgetAssetsController } from './widget-assets.controller';
import { WidgetGateway } from './widget.gateway';
import { WidgetSessionsController } from './widget-sessions.controller';

/** Live chat: the widget's REST and socket, the console's socket, presence and fan-out. */
@Module({
  imports: [AuthModule, AgentsModule, InboxesModule, ContactsModule, ConversationsModule, MessagesModule, FlowsModule, QuotesModule],
  controllers: [WidgetSessionsController, WidgetAssetsController],
  providers: [AfterHoursService, LiveChatService, PresenceService, RateLimits, AgentNames, WidgetGateway, AgentsGateway, RealtimeFanout],
})
export class LiveChatModule {}

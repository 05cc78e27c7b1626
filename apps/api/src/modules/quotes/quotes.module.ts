import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactsModule } from '../contacts/contacts.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { InboxesModule } from '../inboxes/inboxes.module';
import { RateLimits } from '../live-chat/rate-limits';
import { MessagesModule } from '../messages/messages.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PublicQuotesController } from './public-quotes.controller';
import { QuoteAnswersService } from './quote-answers.service';
import { QuoteExpiryService } from './quote-expiry.service';
import { QuoteIntakeService } from './quote-intake.service';
import { QuoteRequest } from './quote-request.entity';
import { QuoteSendingService } from './quote-sending.service';
import { QuotesController } from './quotes.controller';
import { QuotesService } from './quotes.service';

/**
 * B2B quote requests: the agents' board, intake (web form, widget, AI proposal), sending quotes
 * (PDF, email, chat), the customer's signed page, expiry. The live-chat module imports it for the
 * widget's `quote.submit`; it owns an instance of the live-chat rate limiter (same limits and, with
 * Redis, the same counters) rather than importing that module back.
 */
@Module({
  imports: [TypeOrmModule.forFeature([QuoteRequest]), InboxesModule, ContactsModule, ConversationsModule, MessagesModule, NotificationsModule],
  controllers: [QuotesController, PublicQuotesController],
  providers: [QuotesService, QuoteIntakeService, QuoteSendingService, QuoteAnswersService, QuoteExpiryService, RateLimits],
  exports: [QuoteIntakeService],
})
export class QuotesModule {}

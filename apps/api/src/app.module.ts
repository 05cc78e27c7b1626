import { DynamicModule, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { AuditModule } from './core/audit/audit.module';
import { AuthModule } from './core/auth/auth.module';
import { AppConfig } from './core/config/app-config';
import { ConfigModule } from './core/config/config.module';
import { DatabaseModule } from './core/database/database.module';
import { SeedModule } from './core/database/seeds/seed.module';
import { HealthModule } from './core/health/health.module';
import { JobsModule } from './core/jobs/jobs.module';
import { MetricsModule } from './core/metrics/metrics.module';
import { AiModule } from './modules/ai/ai.module';
import { AgentsModule } from './modules/agents/agents.module';
import { CannedResponsesModule } from './modules/canned-responses/canned-responses.module';
import { ContactsModule } from './modules/contacts/contacts.module';
import { FlowsModule } from './modules/flows/flows.module';
import { ConversationsModule } from './modules/conversations/conversations.module';
import { InboxesModule } from './modules/inboxes/inboxes.module';
import { KnowledgeModule } from './modules/knowledge/knowledge.module';
import { LabelsModule } from './modules/labels/labels.module';
import { LiveChatModule } from './modules/live-chat/live-chat.module';
import { MessagesModule } from './modules/messages/messages.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { QuotesModule } from './modules/quotes/quotes.module';
import { ReplyDraftsModule } from './modules/reply-drafts/reply-drafts.module';
import { ReportsModule } from './modules/reports/reports.module';
import { TeamsModule } from './modules/teams/teams.module';
import { TriageModule } from './modules/triage/triage.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const consoleDir = config.consoleDir;
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        EventEmitterModule.forRoot(),
        DatabaseModule,
        AuditModule,
        AuthModule,
        HealthModule,
        MetricsModule,
        JobsModule,
        SeedModule,
        AgentsModule,
        TeamsModule,
        InboxesModule,
        ContactsModule,
        ConversationsModule,
        MessagesModule,
        LabelsModule,
        CannedResponsesModule,
        KnowledgeModule,
        LiveChatModule,
        AiModule,
        ReplyDraftsModule,
        TriageModule,
        ReportsModule,
        WebhooksModule,
        NotificationsModule,
        FlowsModule,
        QuotesModule,
        // The console (Angular build) on `/`, with the SPA fallback; API paths are never shadowed.
        ...(existsSync(consoleDir)
          ? [ServeStaticModule.forRoot({ rootPath: consoleDir, exclude: ['/api/{*rest}', '/metrics', '/widget.js', '/widget/{*rest}', '/demo'], serveStaticOptions: { index: 'index.html', maxAge: '1h' } })]
          : []),
      ],
    };
  }
}

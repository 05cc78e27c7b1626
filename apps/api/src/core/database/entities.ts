import { AuditLog } from '../audit/audit-log.entity';
import { RefreshToken } from '../auth/refresh-token.entity';
import { Agent } from '../../modules/agents/agent.entity';
import { CannedResponse } from '../../modules/canned-responses/canned-response.entity';
import { Contact } from '../../modules/contacts/contact.entity';
import { ContactInbox } from '../../modules/contacts/contact-inbox.entity';
import { Conversation } from '../../modules/conversations/conversation.entity';
import { Inbox } from '../../modules/inboxes/inbox.entity';
import { KnowledgeArticle } from '../../modules/knowledge/knowledge-article.entity';
import { Label } from '../../modules/labels/label.entity';
import { Message } from '../../modules/messages/message.entity';
import { Team } from '../../modules/teams/team.entity';
import { AiCategory } from '../../modules/ai/ai-category.entity';
import { TrainingExample } from '../../modules/ai/training-example.entity';
import { KnowledgeChunk } from '../../modules/knowledge/knowledge-chunk.entity';
import { ReplyDraft } from '../../modules/reply-drafts/reply-draft.entity';
import { TriageResult } from '../../modules/triage/triage-result.entity';
import { WebhookDelivery } from '../../modules/webhooks/webhook-delivery.entity';
import { Webhook } from '../../modules/webhooks/webhook.entity';
import { FollowUp } from '../../modules/notifications/follow-up.entity';
import { NotificationMailWindow } from '../../modules/notifications/notification-mail-window.entity';
import { NotificationPreference } from '../../modules/notifications/notification-preference.entity';
import { PendingNotification } from '../../modules/notifications/pending-notification.entity';
import { SlaWarning } from '../../modules/notifications/sla-warning.entity';
import { Flow } from '../../modules/flows/flow.entity';
import { QuoteRequest } from '../../modules/quotes/quote-request.entity';

/** Every entity, listed once for the app and the TypeORM CLI (no globs: the API is bundled). */
export const ENTITIES = [Agent, RefreshToken, Team, Inbox, Contact, ContactInbox, Conversation, Message, Label, CannedResponse, KnowledgeArticle, AuditLog, AiCategory, TrainingExample, KnowledgeChunk, TriageResult, ReplyDraft, Webhook, WebhookDelivery, NotificationPreference, PendingNotification, NotificationMailWindow, SlaWarning, FollowUp, Flow, QuoteRequest];

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

/** Every entity, listed once for the app and the TypeORM CLI (no globs: the API is bundled). */
export const ENTITIES = [Agent, RefreshToken, Team, Inbox, Contact, ContactInbox, Conversation, Message, Label, CannedResponse, KnowledgeArticle, AuditLog];

import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { firstResponseDueAt } from '@parley/shared/domain';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Agent } from '../../../modules/agents/agent.entity';
import { AgentsService } from '../../../modules/agents/agents.service';
import { CannedResponse } from '../../../modules/canned-responses/canned-response.entity';
import { Contact } from '../../../modules/contacts/contact.entity';
import { ContactInbox } from '../../../modules/contacts/contact-inbox.entity';
import { Conversation } from '../../../modules/conversations/conversation.entity';
import { defaultFlowRow } from '../../../modules/flows/default-flow';
import { Flow } from '../../../modules/flows/flow.entity';
import { Inbox } from '../../../modules/inboxes/inbox.entity';
import { KnowledgeArticle } from '../../../modules/knowledge/knowledge-article.entity';
import { Label } from '../../../modules/labels/label.entity';
import { appendMessage } from '../../../modules/messages/append-message';
import { AppConfig } from '../../config/app-config';
import { DEMO_ARTICLES, DEMO_BUSINESS_HOURS, DEMO_CANNED, DEMO_CONVERSATIONS, DEMO_INBOXES, DEMO_LABELS } from './demo-content';

const SEED_LOCK = 72_610_002;

/** First start: the first admin, then (unless PARLEY_DEMO=0) the demo workspace into an empty database. */
@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seed');
  private settle!: (error?: unknown) => void;
  /** Resolves when seeding is over (or was not needed): later boot work reads what it wrote. */
  readonly completed = new Promise<void>((resolve, reject) => {
    this.settle = (error) => (error ? reject(error) : resolve());
  });

  constructor(
    private readonly config: AppConfig,
    private readonly agents: AgentsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    this.completed.catch(() => undefined); // the boot error is thrown from onApplicationBootstrap itself
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.seed();
      this.settle();
    } catch (e) {
      this.settle(e);
      throw e;
    }
  }

  private async seed(): Promise<void> {
    // Several API processes may start together: one seeds, the others wait for the lock and find it done.
    await this.withLock(async () => {
      await this.agents.ensureFirstAdmin(this.config.env.PARLEY_ADMIN_EMAIL, this.config.env.PARLEY_ADMIN_PASSWORD);
      if (this.config.env.PARLEY_DEMO && (await this.db.getRepository(Inbox).count()) === 0) {
        await this.db.transaction((m) => this.seedDemo(m));
        this.logger.log(`Demo workspace seeded: ${DEMO_INBOXES.length} inboxes, ${DEMO_CONVERSATIONS.length} conversations, ${DEMO_ARTICLES.length} knowledge articles`);
      }
    });
  }

  private async withLock(fn: () => Promise<void>): Promise<void> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [SEED_LOCK]);
      await fn();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK]).catch(() => undefined);
      await runner.release();
    }
  }

  private async seedDemo(m: EntityManager): Promise<void> {
    const admins = await m.find(Agent, { where: { role: 'admin' } });
    const inboxes = new Map<string, Inbox>();
    for (const def of DEMO_INBOXES) {
      const inbox = await m.save(
        m.create(Inbox, {
          name: def.name,
          channel: def.channel,
          publicToken: randomBytes(16).toString('base64url'),
          identitySecret: randomBytes(32).toString('hex'),
          businessHours: DEMO_BUSINESS_HOURS,
          allowedOrigins: [],
          members: admins,
        }),
      );
      await m.insert(Flow, defaultFlowRow(inbox));
      inboxes.set(def.key, inbox);
    }
    const labels = new Map<string, Label>();
    for (const l of DEMO_LABELS) labels.set(l.name, await m.save(m.create(Label, l)));
    for (const c of DEMO_CANNED) await m.save(m.create(CannedResponse, c));
    for (const a of DEMO_ARTICLES) await m.save(m.create(KnowledgeArticle, a));

    const now = Date.now();
    // Oldest first so display ids follow the story.
    const ordered = [...DEMO_CONVERSATIONS].sort((a, b) => b.lines[0][2] - a.lines[0][2]);
    for (const demo of ordered) {
      const inbox = inboxes.get(demo.inbox)!;
      const contact = await m.save(m.create(Contact, { ...demo.contact, customAttributes: {} }));
      const contactInbox = await m.save(m.create(ContactInbox, { contactId: contact.id, inboxId: inbox.id, sourceId: `demo:${contact.id}` }));
      const openedAt = new Date(now - demo.lines[0][2] * 60_000);
      const conv = await m.save(
        m.create(Conversation, {
          inboxId: inbox.id,
          contactId: contact.id,
          contactInboxId: contactInbox.id,
          priority: demo.priority,
          lastActivityAt: openedAt,
          firstResponseDueAt: firstResponseDueAt(openedAt, demo.priority),
          labels: demo.labels.map((n) => labels.get(n)!),
        }),
      );
      for (const [who, body, minutesAgo] of demo.lines) {
        const { message: msg } = await appendMessage(m, {
          conversationId: conv.id,
          messageType: who === 'contact' ? 'incoming' : 'outgoing',
          senderType: who,
          senderId: who === 'contact' ? contact.id : (admins[0]?.id ?? null),
          body,
        });
        const at = new Date(now - minutesAgo * 60_000);
        await m.update('messages', msg.id, { createdAt: at });
        await m.update(Conversation, conv.id, { lastActivityAt: at, ...(who === 'agent' && { firstRespondedAt: at }) });
      }
      await m.update(Conversation, conv.id, { status: demo.status });
    }
  }
}

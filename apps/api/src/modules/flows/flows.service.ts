import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { ConversationFlowState, FlowChoice, FlowDefinition, FlowDto, FlowStep, MessageContent } from '@parley/shared/contracts';
import { CONVERSATION_PRIORITIES, firstResponseDueAt, localizedFlowText, validateFlowDefinition, type ConversationPriority } from '@parley/shared/domain';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService, type Actor } from '../../core/audit/audit.service';
import type { AuthAgent } from '../../core/auth/decorators';
import { AppException } from '../../core/errors/app.exception';
import { AiCategoriesService } from '../ai/ai-categories.service';
import { Conversation } from '../conversations/conversation.entity';
import { ConversationsService } from '../conversations/conversations.service';
import { InboxesService } from '../inboxes/inboxes.service';
import { appendMessage, type AppendResult } from '../messages/append-message';
import { CONVERSATION_UPDATED, type ConversationChangedEvent } from '../messages/message.events';
import { MessagesService } from '../messages/messages.service';
import { defaultFlowRow } from './default-flow';
import { Flow } from './flow.entity';
import type { UpdateFlowDto } from './dto/flow.dto';
import { ttlCache } from '../../core/cache/ttl-cache';

/** Flows are read on every widget session and button click; an edit reaches other processes within this. */
const CACHE_MS = 10_000;
/** A visitor going round a menu forever must not grow the conversation row without bound. */
const MAX_CHOICES = 100;
/** A visitor asking for a person makes the conversation at least this urgent. */
const HANDOFF_PRIORITY: ConversationPriority = 'high';

/** A button click checked against the inbox's current flow, with what the bot answers. */
export interface ResolvedChoice {
  choice: FlowChoice;
  /** The button's label in the visitor's language: the body of the visitor's message. */
  label: string;
  target: FlowStep;
  locale: 'ko' | 'en';
}

export interface AppliedChoice {
  step: AppendResult;
  changes: Record<string, { from: unknown; to: unknown }>;
}

/**
 * Flows: an inbox's button scenario. Admins edit it (checked by the shared flow rules and the known
 * categories), the widget shows it, and a visitor's click is recorded on the conversation and answered
 * with the next step as a bot message.
 */
@Injectable()
export class FlowsService {
  private readonly cache = ttlCache<string, Flow>({ max: 1_000, ttl: CACHE_MS, fetchMethod: (inboxId) => this.load(inboxId) });

  constructor(
    @InjectRepository(Flow) private readonly flows: Repository<Flow>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly inboxes: InboxesService,
    private readonly categories: AiCategoriesService,
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  toDto(f: Flow): FlowDto {
    return { inboxId: f.inboxId, enabled: f.enabled, definition: f.definition, updatedAt: f.updatedAt.toISOString() };
  }

  async get(agent: AuthAgent, inboxId: string): Promise<FlowDto> {
    await this.inboxes.assertVisible(agent, inboxId);
    return this.toDto(await this.load(inboxId));
  }

  async update(inboxId: string, dto: UpdateFlowDto, actor: Actor): Promise<FlowDto> {
    await this.inboxes.find(inboxId);
    const categories = (await this.categories.list()).map((c) => c.key);
    const errors = validateFlowDefinition(dto.definition, { categories });
    if (errors.length) {
      const details = errors.map((e) => ({ path: e.path ? `definition.${e.path}` : 'definition', message: e.message }));
      throw new AppException('validation_failed', `The flow breaks ${details.length} rule${details.length === 1 ? '' : 's'}, first: ${details[0].path} ${details[0].message}`, details);
    }
    const definition = clean(dto.definition);
    await this.db.transaction(async (m) => {
      await m.upsert(Flow, { inboxId, enabled: dto.enabled, definition, updatedBy: actor.id, updatedAt: new Date() }, ['inboxId']);
      await this.audit.record({ actor, action: 'flow.updated', entityType: 'flow', entityId: inboxId, changes: { enabled: dto.enabled, steps: definition.steps.length } }, m);
    });
    this.cache.delete(inboxId);
    return this.toDto(await this.flows.findOneByOrFail({ inboxId }));
  }

  /** What the widget shows: the enabled flow, or null. Cached: this runs on every session. */
  async forWidget(inboxId: string): Promise<FlowDefinition | null> {
    const flow = await this.cached(inboxId);
    return flow.enabled ? flow.definition : null;
  }

  /** Checks a click against the inbox's current (enabled) flow; anything else is `invalid_payload`. */
  async resolveChoice(inboxId: string, choice: FlowChoice, locale: 'ko' | 'en'): Promise<ResolvedChoice> {
    const flow = await this.cached(inboxId);
    if (!flow.enabled) throw new AppException('invalid_payload', 'This inbox has no flow');
    const step = flow.definition.steps.find((s) => s.id === choice.stepId);
    const button = step?.buttons.find((b) => b.id === choice.buttonId);
    const target = button && flow.definition.steps.find((s) => s.id === button.next);
    if (!step || !button || !target) throw new AppException('invalid_payload', `The flow has no button ${choice.buttonId} in step ${choice.stepId}`);
    return { choice: { stepId: step.id, buttonId: button.id }, label: localizedFlowText(button.label, locale), target, locale };
  }

  /**
   * Inside the transaction that stored the visitor's click: records the choice on the conversation
   * (its category, and a handoff raising the priority), then posts the target step as a bot message.
   */
  async applyChoice(m: EntityManager, conversationId: string, resolved: ResolvedChoice, actor: Actor): Promise<AppliedChoice> {
    const c = await m.findOneOrFail(Conversation, { where: { id: conversationId }, lock: { mode: 'pessimistic_write' } });
    const { target } = resolved;
    const before: ConversationFlowState = c.flow ?? { choices: [], category: null, handoff: false };
    const flow: ConversationFlowState = {
      choices: [...before.choices, { ...resolved.choice, label: resolved.label }].slice(-MAX_CHOICES),
      category: target.category ?? before.category,
      handoff: before.handoff || target.kind === 'handoff',
    };
    const changes: AppliedChoice['changes'] = { flow: { from: c.flow, to: flow } };
    const patch: Partial<Conversation> = { flow };
    if (target.kind === 'handoff' && rank(c.priority) < rank(HANDOFF_PRIORITY)) {
      changes['priority'] = { from: c.priority, to: HANDOFF_PRIORITY };
      patch.priority = HANDOFF_PRIORITY;
      // The first-response clock follows the new priority from now, unless it was already tighter.
      const due = firstResponseDueAt(new Date(), HANDOFF_PRIORITY);
      if (!c.firstRespondedAt && (!c.firstResponseDueAt || due < c.firstResponseDueAt)) patch.firstResponseDueAt = due;
    }
    await m.update(Conversation, conversationId, patch);
    if (changes['priority']) {
      await this.audit.record({ actor, action: 'conversation.updated', entityType: 'conversation', entityId: conversationId, changes: { priority: changes['priority'] } }, m);
      await appendMessage(m, { conversationId, messageType: 'activity', senderType: 'system', senderId: null, body: `The visitor asked for a person: priority ${changes['priority'].from} → ${HANDOFF_PRIORITY}` });
    }
    const content: MessageContent = {
      flowStep: { stepId: target.id, kind: target.kind, buttons: target.buttons.map((b) => ({ id: b.id, label: localizedFlowText(b.label, resolved.locale) })) },
    };
    const step = await appendMessage(m, { conversationId, messageType: 'template', senderType: 'bot', senderId: null, body: localizedFlowText(target.message, resolved.locale), content });
    return { step, changes };
  }

  /** After the click's transaction committed: agents see the conversation change, the visitor the next step. */
  async announceChoice(inboxId: string, conversationId: string, applied: AppliedChoice): Promise<void> {
    this.events.emit(CONVERSATION_UPDATED, { conversation: await this.conversations.load(conversationId), changes: applied.changes } satisfies ConversationChangedEvent);
    this.messages.announce(applied.step, inboxId);
  }

  /** The inbox's flow; an inbox from before flows existed gets the default one on first read. */
  private async load(inboxId: string): Promise<Flow> {
    const found = await this.flows.findOneBy({ inboxId });
    if (found) return found;
    const inbox = await this.inboxes.find(inboxId);
    await this.flows.createQueryBuilder().insert().values(defaultFlowRow(inbox)).orIgnore().execute();
    return this.flows.findOneByOrFail({ inboxId });
  }

  private async cached(inboxId: string): Promise<Flow> {
    return (await this.cache.fetch(inboxId))!;
  }
}

const rank = (p: ConversationPriority) => CONVERSATION_PRIORITIES.indexOf(p);

/** Only the fields of a flow, whatever else the request carried (the rules already refused unknown ones). */
function clean(d: FlowDefinition): FlowDefinition {
  return {
    startStepId: d.startStepId,
    steps: d.steps.map((s) => ({
      id: s.id,
      kind: s.kind,
      message: { ko: s.message.ko, en: s.message.en },
      buttons: s.buttons.map((b) => ({ id: b.id, label: { ko: b.label.ko, en: b.label.en }, next: b.next })),
      category: s.category ?? null,
    })),
  };
}

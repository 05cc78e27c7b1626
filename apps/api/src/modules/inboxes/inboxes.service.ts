import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { AgentDto, InboxDto, InboxSecretsDto } from '@parley/shared/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource, In, Repository } from 'typeorm';
import type { Actor } from '../../core/audit/audit.service';
import { AuditService } from '../../core/audit/audit.service';
import type { AuthAgent } from '../../core/auth/decorators';
import { AppException, NotFoundException } from '../../core/errors/app.exception';
import { Agent } from '../agents/agent.entity';
import { toAgentDto } from '../agents/agents.service';
import { defaultFlowRow } from '../flows/default-flow';
import { Flow } from '../flows/flow.entity';
import { Inbox } from './inbox.entity';
import type { CreateInboxDto, UpdateInboxDto } from './dto/inbox.dto';

@Injectable()
export class InboxesService {
  constructor(
    @InjectRepository(Inbox) private readonly inboxes: Repository<Inbox>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  toDto(i: Inbox): InboxDto {
    return {
      id: i.id,
      name: i.name,
      channel: i.channel,
      publicToken: i.publicToken,
      businessHours: i.businessHours,
      allowedOrigins: i.allowedOrigins,
      identityEnforced: i.identityEnforced,
      afterHoursReplyEnabled: i.afterHoursReplyEnabled,
      afterHoursReply: i.afterHoursReply,
      createdAt: i.createdAt.toISOString(),
    };
  }

  /** Inbox ids an agent may see; `null` means every inbox (admins). */
  async visibleInboxIds(agent: Pick<AuthAgent, 'id' | 'role'>): Promise<string[] | null> {
    if (agent.role === 'admin') return null;
    const rows: { inbox_id: string }[] = await this.db.query('SELECT inbox_id FROM inbox_members WHERE agent_id = $1', [agent.id]);
    return rows.map((r) => r.inbox_id);
  }

  async assertVisible(agent: Pick<AuthAgent, 'id' | 'role'>, inboxId: string): Promise<void> {
    const ids = await this.visibleInboxIds(agent);
    if (ids && !ids.includes(inboxId)) throw new NotFoundException('Inbox', inboxId);
  }

  async list(agent: AuthAgent): Promise<InboxDto[]> {
    const ids = await this.visibleInboxIds(agent);
    const rows = await this.inboxes.find({ where: ids ? { id: In(ids) } : {}, order: { createdAt: 'ASC' } });
    return rows.map((i) => this.toDto(i));
  }

  async get(agent: AuthAgent, id: string): Promise<InboxDto> {
    await this.assertVisible(agent, id);
    return this.toDto(await this.find(id));
  }

  async find(id: string): Promise<Inbox> {
    const inbox = await this.inboxes.findOne({ where: { id } });
    if (!inbox) throw new NotFoundException('Inbox', id);
    return inbox;
  }

  async getSecrets(id: string): Promise<InboxSecretsDto> {
    const inbox = await this.inboxes.createQueryBuilder('i').addSelect('i.identitySecret').where('i.id = :id', { id }).getOne();
    if (!inbox) throw new NotFoundException('Inbox', id);
    return { ...this.toDto(inbox), identitySecret: inbox.identitySecret };
  }

  async create(dto: CreateInboxDto, actor: Actor): Promise<InboxDto> {
    const saved = await this.db.transaction(async (m) => {
      const inbox = await m.save(
        m.create(Inbox, {
          name: dto.name.trim(),
          channel: dto.channel,
          businessHours: dto.businessHours ?? null,
          allowedOrigins: dto.allowedOrigins ?? [],
          identityEnforced: dto.identityEnforced ?? false,
          afterHoursReplyEnabled: dto.afterHoursReplyEnabled ?? true,
          afterHoursReply: dto.afterHoursReply ?? null,
          publicToken: randomBytes(16).toString('base64url'),
          identitySecret: randomBytes(32).toString('hex'),
        }),
      );
      await m.insert(Flow, defaultFlowRow(inbox));
      await this.audit.record({ actor, action: 'inbox.created', entityType: 'inbox', entityId: inbox.id, changes: { name: inbox.name, channel: inbox.channel } }, m);
      return inbox;
    });
    return this.toDto(await this.find(saved.id));
  }

  async update(id: string, dto: UpdateInboxDto, actor: Actor): Promise<InboxDto> {
    await this.find(id);
    await this.db.transaction(async (m) => {
      await m.update(Inbox, id, { ...dto });
      await this.audit.record({ actor, action: 'inbox.updated', entityType: 'inbox', entityId: id, changes: { ...dto } }, m);
    });
    return this.toDto(await this.find(id));
  }

  async rotateSecret(id: string, actor: Actor): Promise<InboxSecretsDto> {
    await this.find(id);
    await this.db.transaction(async (m) => {
      await m.update(Inbox, id, { identitySecret: randomBytes(32).toString('hex') });
      await this.audit.record({ actor, action: 'inbox.secret_rotated', entityType: 'inbox', entityId: id }, m);
    });
    return this.getSecrets(id);
  }

  async remove(id: string, actor: Actor): Promise<void> {
    if (!(await this.audit.deleteAudited(Inbox, 'inbox', id, actor))) throw new NotFoundException('Inbox', id);
  }

  async members(id: string): Promise<AgentDto[]> {
    const inbox = await this.inboxes.findOne({ where: { id }, relations: { members: true } });
    if (!inbox) throw new NotFoundException('Inbox', id);
    return (inbox.members ?? []).map(toAgentDto);
  }

  async setMembers(id: string, agentIds: string[], actor: Actor): Promise<AgentDto[]> {
    const inbox = await this.find(id);
    const unique = [...new Set(agentIds)];
    const agents = unique.length ? await this.db.getRepository(Agent).findBy({ id: In(unique) }) : [];
    if (agents.length !== unique.length) throw new AppException('validation_failed', 'agentIds contains an unknown agent', { field: 'agentIds' });
    await this.db.transaction(async (m) => {
      inbox.members = agents;
      await m.save(inbox);
      await this.audit.record({ actor, action: 'inbox.members_set', entityType: 'inbox', entityId: id, changes: { agentIds: unique } }, m);
    });
    return this.members(id);
  }
}

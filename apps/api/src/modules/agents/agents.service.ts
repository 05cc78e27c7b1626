import { EventEmitter2 } from '@nestjs/event-emitter';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { AgentDto } from '@parley/shared/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import type { Actor } from '../../core/audit/audit.service';
import { AuditService } from '../../core/audit/audit.service';
import { hashPassword } from '../../core/auth/passwords';
import { AppException, NotFoundException } from '../../core/errors/app.exception';
import { Agent } from './agent.entity';
import { AGENT_UPDATED, type AgentUpdatedEvent } from './agent.events';
import type { CreateAgentDto, UpdateAgentDto, UpdateMeDto } from './dto/agent.dto';

export function toAgentDto(a: Agent): AgentDto {
  return { id: a.id, name: a.name, email: a.email, role: a.role, availability: a.availability, disabled: a.disabled, createdAt: a.createdAt.toISOString() };
}

@Injectable()
export class AgentsService {
  private readonly logger = new Logger(AgentsService.name);

  constructor(
    @InjectRepository(Agent) private readonly agents: Repository<Agent>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  toDto(a: Agent): AgentDto {
    return toAgentDto(a);
  }

  findActive(id: string): Promise<Agent | null> {
    return this.agents.findOne({ where: { id, disabled: false } });
  }

  findByEmailWithPassword(email: string): Promise<Agent | null> {
    return this.agents.createQueryBuilder('a').addSelect('a.passwordHash').where('a.email = :email', { email: email.trim().toLowerCase() }).getOne();
  }

  async get(id: string): Promise<AgentDto> {
    const agent = await this.agents.findOne({ where: { id } });
    if (!agent) throw new NotFoundException('Agent', id);
    return this.toDto(agent);
  }

  async list(): Promise<AgentDto[]> {
    return (await this.agents.find({ order: { name: 'ASC' } })).map((a) => this.toDto(a));
  }

  async create(dto: CreateAgentDto, actor: Actor): Promise<AgentDto> {
    const email = dto.email.trim().toLowerCase();
    if (await this.agents.exists({ where: { email } })) throw new AppException('conflict', `An agent with e-mail ${email} already exists`);
    const passwordHash = await hashPassword(dto.password);
    const agent = await this.db.transaction(async (m) => {
      const saved = await m.save(m.create(Agent, { name: dto.name.trim(), email, passwordHash, role: dto.role ?? 'agent' }));
      await this.audit.record({ actor, action: 'agent.created', entityType: 'agent', entityId: saved.id, changes: { email, role: saved.role } }, m);
      return saved;
    });
    return this.get(agent.id);
  }

  async update(id: string, dto: UpdateAgentDto, actor: Actor): Promise<AgentDto> {
    const changes = await this.db.transaction(async (m) => {
      const agent = await m.findOne(Agent, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!agent) throw new NotFoundException('Agent', id);
      const losesAdmin = agent.role === 'admin' && !agent.disabled && (dto.disabled === true || (dto.role !== undefined && dto.role !== 'admin'));
      if (losesAdmin) {
        const admins = await m.count(Agent, { where: { role: 'admin', disabled: false } });
        if (admins <= 1) throw new AppException('conflict', 'The last active admin cannot be disabled or demoted');
      }
      const changes: Record<string, unknown> = {};
      for (const key of ['name', 'role', 'disabled', 'availability'] as const) {
        if (dto[key] !== undefined && dto[key] !== agent[key]) changes[key] = { from: agent[key], to: dto[key] };
      }
      if (Object.keys(changes).length === 0) return changes;
      await m.update(Agent, id, { ...dto });
      await this.audit.record({ actor, action: dto.disabled === true ? 'agent.disabled' : 'agent.updated', entityType: 'agent', entityId: id, changes }, m);
      return changes;
    });
    // REST or socket, the console and the widgets hear about it the same way.
    if (Object.keys(changes).length) this.events.emit(AGENT_UPDATED, { agentId: id, changes } satisfies AgentUpdatedEvent);
    return this.get(id);
  }

  updateMe(id: string, dto: UpdateMeDto): Promise<AgentDto> {
    return this.update(id, dto, { type: 'agent', id });
  }

  /**
   * The first admin: from PARLEY_ADMIN_EMAIL / PARLEY_ADMIN_PASSWORD, or, when they are unset,
   * admin@parley.local with a generated password printed once. There is no default password.
   */
  async ensureFirstAdmin(email: string | undefined, password: string | undefined): Promise<void> {
    if ((await this.agents.count()) > 0) return;
    const generated = !password;
    const plain = password ?? randomBytes(18).toString('base64url');
    const address = (email ?? 'admin@parley.local').toLowerCase();
    await this.create({ name: 'Admin', email: address, password: plain, role: 'admin' }, { type: 'system', id: null });
    if (generated) {
      // Printed once, on the first start only; it is not stored anywhere in clear.
      this.logger.warn(`First admin created. Sign in as ${address} with password: ${plain}  (shown once; change it or set PARLEY_ADMIN_PASSWORD)`);
    } else {
      this.logger.log(`First admin created: ${address}`);
    }
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { TeamDto } from '@parley/shared/contracts';
import { DataSource, In, Repository } from 'typeorm';
import { AuditService, type Actor } from '../../core/audit/audit.service';
import { AppException, NotFoundException } from '../../core/errors/app.exception';
import { Agent } from '../agents/agent.entity';
import { Team } from './team.entity';
import type { CreateTeamDto, UpdateTeamDto } from './team.dto';

@Injectable()
export class TeamsService {
  constructor(
    @InjectRepository(Team) private readonly teams: Repository<Team>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  private toDto = (t: Team): TeamDto & { memberIds: string[] } => ({ id: t.id, name: t.name, description: t.description, memberIds: (t.members ?? []).map((a) => a.id) });

  async list() {
    return (await this.teams.find({ relations: { members: true }, order: { name: 'ASC' } })).map(this.toDto);
  }

  async exists(id: string): Promise<boolean> {
    return this.teams.exists({ where: { id } });
  }

  async create(dto: CreateTeamDto, actor: Actor) {
    if (await this.teams.exists({ where: { name: dto.name } })) throw new AppException('conflict', `Team ${dto.name} already exists`);
    return this.db.transaction(async (m) => {
      const team = await m.save(m.create(Team, { name: dto.name, description: dto.description ?? null, members: [] }));
      await this.audit.record({ actor, action: 'team.created', entityType: 'team', entityId: team.id, changes: { name: team.name } }, m);
      return this.toDto(team);
    });
  }

  async update(id: string, dto: UpdateTeamDto, actor: Actor) {
    const team = await this.teams.findOne({ where: { id }, relations: { members: true } });
    if (!team) throw new NotFoundException('Team', id);
    if (dto.memberIds) {
      const agents = dto.memberIds.length ? await this.db.getRepository(Agent).findBy({ id: In(dto.memberIds) }) : [];
      if (agents.length !== new Set(dto.memberIds).size) throw new AppException('validation_failed', 'memberIds contains an unknown agent', [{ field: 'memberIds', errors: ['unknown agent'] }]);
      team.members = agents;
    }
    if (dto.name !== undefined) team.name = dto.name;
    if (dto.description !== undefined) team.description = dto.description;
    return this.db.transaction(async (m) => {
      const saved = await m.save(team);
      await this.audit.record({ actor, action: 'team.updated', entityType: 'team', entityId: id, changes: { ...dto } }, m);
      return this.toDto(saved);
    });
  }

  async remove(id: string, actor: Actor): Promise<void> {
    if (!(await this.audit.deleteAudited(Team, 'team', id, actor))) throw new NotFoundException('Team', id);
  }
}

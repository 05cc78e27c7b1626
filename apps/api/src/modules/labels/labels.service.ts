import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { LabelDto } from '@parley/shared/contracts';
import { DataSource, In, Repository } from 'typeorm';
import { AuditService, type Actor } from '../../core/audit/audit.service';
import { AppException, NotFoundException } from '../../core/errors/app.exception';
import { Label } from './label.entity';
import type { CreateLabelDto, UpdateLabelDto } from './label.dto';

@Injectable()
export class LabelsService {
  constructor(
    @InjectRepository(Label) private readonly labels: Repository<Label>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  private toDto = (l: Label): LabelDto => ({ id: l.id, name: l.name, color: l.color, description: l.description });

  async list(): Promise<LabelDto[]> {
    return (await this.labels.find({ order: { name: 'ASC' } })).map(this.toDto);
  }

  /** Labels by name; unknown names are a validation error naming them. */
  async findByNames(names: string[]): Promise<Label[]> {
    const unique = [...new Set(names)];
    if (unique.length === 0) return [];
    const found = await this.labels.findBy({ name: In(unique) });
    const missing = unique.filter((n) => !found.some((l) => l.name === n));
    if (missing.length) throw new AppException('validation_failed', `Unknown label(s): ${missing.join(', ')}`, [{ field: 'labels', errors: missing }]);
    return found;
  }

  async create(dto: CreateLabelDto, actor: Actor): Promise<LabelDto> {
    if (await this.labels.exists({ where: { name: dto.name } })) throw new AppException('conflict', `Label ${dto.name} already exists`);
    return this.db.transaction(async (m) => {
      const label = await m.save(m.create(Label, { name: dto.name, color: dto.color ?? '#6b7280', description: dto.description ?? null }));
      await this.audit.record({ actor, action: 'label.created', entityType: 'label', entityId: label.id, changes: { name: label.name } }, m);
      return this.toDto(label);
    });
  }

  async update(id: string, dto: UpdateLabelDto, actor: Actor): Promise<LabelDto> {
    const label = await this.labels.findOne({ where: { id } });
    if (!label) throw new NotFoundException('Label', id);
    return this.db.transaction(async (m) => {
      await m.update(Label, id, { ...dto });
      await this.audit.record({ actor, action: 'label.updated', entityType: 'label', entityId: id, changes: { ...dto } }, m);
      return this.toDto({ ...label, ...dto } as Label);
    });
  }

  async remove(id: string, actor: Actor): Promise<void> {
    if (!(await this.audit.deleteAudited(Label, 'label', id, actor))) throw new NotFoundException('Label', id);
  }
}

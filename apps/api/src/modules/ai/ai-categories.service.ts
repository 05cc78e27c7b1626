import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { CategoryDto } from '@parley/shared/contracts';
import { DataSource, Repository } from 'typeorm';
import { AuditService, type Actor } from '../../core/audit/audit.service';
import { AppException, NotFoundException } from '../../core/errors/app.exception';
import { AiCategory } from './ai-category.entity';
import type { CreateCategoryDto, UpdateCategoryDto } from './ai-category.dto';
import { AiService } from './ai.service';
import { TrainingExample } from './training-example.entity';
import { ttlCache } from '../../core/cache/ttl-cache';

const CACHE_MS = 5_000;

/** The workspace's triage categories and their reply policies (admin-editable). */
@Injectable()
export class AiCategoriesService {
  private readonly cache = ttlCache<'all', CategoryDto[]>({
    max: 1,
    ttl: CACHE_MS,
    fetchMethod: async () => (await this.categories.find({ order: { position: 'ASC', key: 'ASC' } })).map(this.toDto),
  });

  constructor(
    @InjectRepository(AiCategory) private readonly categories: Repository<AiCategory>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly ai: AiService,
  ) {}

  private toDto = (c: AiCategory): CategoryDto => ({
    id: c.id,
    key: c.key,
    label: c.label,
    description: c.description,
    policy: c.policy,
    autoSendThreshold: c.autoSendThreshold,
    position: c.position,
  });

  async list(): Promise<CategoryDto[]> {
    return (await this.cache.fetch('all'))!;
  }

  async byKey(key: string): Promise<CategoryDto | undefined> {
    return (await this.list()).find((c) => c.key === key);
  }

  /** A new category; its examples (and description) teach the offline model at once (retrained in the background). */
  async create(dto: CreateCategoryDto, actor: Actor): Promise<CategoryDto> {
    if (await this.categories.exists({ where: { key: dto.key } })) throw new AppException('conflict', `Category ${dto.key} already exists`);
    const seeds = [...(dto.examples ?? []), ...(dto.description ? [dto.description] : [])];
    if (seeds.length === 0) {
      throw new AppException('validation_failed', 'A new category needs examples or a description to learn from', [{ field: 'examples', errors: ['give at least one example message'] }]);
    }
    const created = await this.db.transaction(async (m) => {
      const [{ p: position }] = await m.query(`SELECT coalesce(max(position), -1) + 1 AS p FROM ai_categories`);
      const category = await m.save(
        m.create(AiCategory, { key: dto.key, label: dto.label, description: dto.description ?? null, policy: dto.policy ?? 'draft', autoSendThreshold: dto.autoSendThreshold ?? 0.85, position }),
      );
      await m.save(seeds.map((text) => m.create(TrainingExample, { text, category: dto.key, source: 'category_seed', createdById: actor.id })));
      await this.audit.record({ actor, action: 'ai_category.created', entityType: 'ai_category', entityId: category.id, changes: { key: dto.key, label: dto.label, examples: seeds.length } }, m);
      return this.toDto(category);
    });
    this.cache.clear();
    this.ai.setCategories(await this.list());
    this.ai.scheduleRetrain();
    return created;
  }

  async update(id: string, dto: UpdateCategoryDto, actor: Actor): Promise<CategoryDto> {
    const category = await this.categories.findOne({ where: { id } });
    if (!category) throw new NotFoundException('Category', id);
    const updated = await this.db.transaction(async (m) => {
      await m.update(AiCategory, id, { ...dto });
      await this.audit.record({ actor, action: 'ai_category.updated', entityType: 'ai_category', entityId: id, changes: { ...dto } }, m);
      return this.toDto({ ...category, ...dto } as AiCategory);
    });
    this.cache.clear();
    this.ai.setCategories(await this.list());
    return updated;
  }
}

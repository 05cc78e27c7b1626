import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { CannedResponseDto } from '@parley/shared/contracts';
import { DataSource, ILike, Repository } from 'typeorm';
import { AuditService, type Actor } from '../../core/audit/audit.service';
import { AppException, NotFoundException } from '../../core/errors/app.exception';
import { CannedResponse } from './canned-response.entity';
import type { CreateCannedResponseDto, UpdateCannedResponseDto } from './canned-response.dto';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class CannedResponsesService {
  constructor(
    @InjectRepository(CannedResponse) private readonly canned: Repository<CannedResponse>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  private toDto = (c: CannedResponse): CannedResponseDto => ({ id: c.id, shortCode: c.shortCode, content: c.content, createdAt: c.createdAt.toISOString() });

  async list(q?: string): Promise<CannedResponseDto[]> {
    const rows = await this.canned.find({ where: q ? { shortCode: ILike(`${escapeLike(q)}%`) } : {}, order: { shortCode: 'ASC' }, take: 200 });
    return rows.map(this.toDto);
  }

  async create(dto: CreateCannedResponseDto, actor: Actor): Promise<CannedResponseDto> {
    if (await this.canned.exists({ where: { shortCode: dto.shortCode } })) throw new AppException('conflict', `Short code ${dto.shortCode} is taken`);
    return this.db.transaction(async (m) => {
      const row = await m.save(m.create(CannedResponse, dto));
      await this.audit.record({ actor, action: 'canned_response.created', entityType: 'canned_response', entityId: row.id, changes: { shortCode: row.shortCode } }, m);
      return this.toDto(row);
    });
  }

  async update(id: string, dto: UpdateCannedResponseDto, actor: Actor): Promise<CannedResponseDto> {
    const row = await this.canned.findOne({ where: { id } });
    if (!row) throw new NotFoundException('Canned response', id);
    return this.db.transaction(async (m) => {
      await m.update(CannedResponse, id, { ...dto });
      await this.audit.record({ actor, action: 'canned_response.updated', entityType: 'canned_response', entityId: id, changes: { ...dto } }, m);
      return this.toDto({ ...row, ...dto });
    });
  }

  async remove(id: string, actor: Actor): Promise<void> {
    if (!(await this.audit.deleteAudited(CannedResponse, 'canned_response', id, actor))) throw new NotFoundException('Canned response', id);
  }
}

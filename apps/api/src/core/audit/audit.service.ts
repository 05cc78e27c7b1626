import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditLogDto } from '@parley/shared/contracts';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AuditLog } from './audit-log.entity';

export interface Actor {
  type: 'agent' | 'contact' | 'system';
  id: string | null;
}

export interface AuditEntry {
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  changes?: Record<string, unknown> | null;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Records inside the caller's transaction when given its manager, so the log and the change commit together. */
  async record(entry: AuditEntry, manager: EntityManager = this.db.manager): Promise<void> {
    const row = manager.create(AuditLog, {
      actorType: entry.actor.type,
      actorId: entry.actor.id,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      changes: entry.changes ?? null,
    });
    await manager.save(row);
  }

  /** Deletes one row and records it in the same transaction; false when there was no such row. */
  async deleteAudited(entity: EntityTarget<ObjectLiteral>, entityType: string, id: string, actor: Actor): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const r = await m.delete(entity, id);
      if (r.affected) await this.record({ actor, action: `${entityType}.deleted`, entityType, entityId: id }, m);
      return !!r.affected;
    });
  }

  async list(filter: { entityType?: string; entityId?: string; limit?: number }): Promise<AuditLogDto[]> {
    const rows = await this.db.getRepository(AuditLog).find({
      where: { ...(filter.entityType && { entityType: filter.entityType }), ...(filter.entityId && { entityId: filter.entityId }) },
      order: { createdAt: 'DESC' },
      take: Math.min(filter.limit ?? 50, 200),
    });
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  }
}

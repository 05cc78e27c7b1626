import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const TTL_MS = 60_000;

/** Agent display names for visitor-facing messages, cached briefly (they rarely change). */
@Injectable()
export class AgentNames {
  private readonly cache = new Map<string, { name: string; at: number }>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Resolves the names of the agents who sent any of `messages` (one query for those not cached yet),
   * then answers synchronously. Messages from contacts and the system cost nothing.
   */
  async load(messages: readonly { senderType: string; senderId: string | null }[]): Promise<(id: string) => string | null> {
    const now = Date.now();
    const ids = messages.filter((m) => m.senderType === 'agent').map((m) => m.senderId);
    const missing = [...new Set(ids.filter((id): id is string => !!id && !((this.cache.get(id)?.at ?? 0) > now - TTL_MS)))];
    if (missing.length) {
      const rows: { id: string; name: string }[] = await this.db.query('SELECT id, name FROM agents WHERE id = ANY($1::uuid[])', [missing]);
      for (const r of rows) this.cache.set(r.id, { name: r.name, at: now });
    }
    return (id) => this.cache.get(id)?.name ?? null;
  }
}

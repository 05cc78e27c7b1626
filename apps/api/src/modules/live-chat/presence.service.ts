import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InboxAvailability } from '@parley/shared/contracts';
import { isOpenAt, nextOpening } from '@parley/shared/domain';
import { DataSource } from 'typeorm';
import { InboxesService } from '../inboxes/inboxes.service';

/** An agent counts as present for this long after the console's last heartbeat. */
const SEEN_WINDOW_SECONDS = 90;
const HEARTBEAT_MS = 30_000;
/** What we tell visitors while someone is online; a simple, honest promise. */
const EXPECTED_REPLY_MINUTES = 5;

/**
 * Agent presence across API processes: each process refreshes `last_seen_at` for the agents
 * connected to it; an agent is online when their availability is `online` and they were seen
 * within the window. Visitors see an inbox as online when it is inside business hours and one
 * of its agents is online.
 */
@Injectable()
export class PresenceService implements OnModuleInit, OnModuleDestroy {
  private readonly connected = new Map<string, number>();
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly inboxes: InboxesService,
  ) {}

  onModuleInit() {
    this.timer = setInterval(() => void this.heartbeat().catch(() => undefined), HEARTBEAT_MS);
    this.timer.unref();
  }

  onModuleDestroy() {
    clearInterval(this.timer);
  }

  async connect(agentId: string): Promise<void> {
    this.connected.set(agentId, (this.connected.get(agentId) ?? 0) + 1);
    await this.touch([agentId]);
  }

  async disconnect(agentId: string): Promise<boolean> {
    const left = (this.connected.get(agentId) ?? 1) - 1;
    if (left > 0) {
      this.connected.set(agentId, left);
      return false;
    }
    this.connected.delete(agentId);
    // Gone from this process: let the window lapse at once unless another process refreshes it.
    await this.db.query(`UPDATE agents SET last_seen_at = now() - interval '${SEEN_WINDOW_SECONDS} seconds' WHERE id = $1`, [agentId]);
    return true;
  }

  async availability(inboxId: string, at = new Date()): Promise<InboxAvailability> {
    const inbox = await this.inboxes.find(inboxId);
    const open = isOpenAt(inbox.businessHours, at);
    const next = open ? null : nextOpening(inbox.businessHours, at);
    const [{ count }] = await this.db.query(
      `SELECT count(*)::int AS count FROM agents a
        WHERE a.availability = 'online' AND NOT a.disabled AND a.last_seen_at > now() - interval '${SEEN_WINDOW_SECONDS} seconds'
          AND (a.role = 'admin' OR EXISTS (SELECT 1 FROM inbox_members im WHERE im.agent_id = a.id AND im.inbox_id = $1))`,
      [inboxId],
    );
    const online = open && count > 0;
    return { online, expectedReplyMinutes: online ? EXPECTED_REPLY_MINUTES : null, nextOpenAt: next?.toISOString() ?? null };
  }

  private async heartbeat(): Promise<void> {
    if (this.connected.size) await this.touch([...this.connected.keys()]);
  }

  private async touch(ids: string[]): Promise<void> {
    await this.db.query('UPDATE agents SET last_seen_at = now() WHERE id = ANY($1::uuid[])', [ids]);
  }
}

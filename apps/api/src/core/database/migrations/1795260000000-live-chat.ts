import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read receipts, agent presence, and the socket.io Postgres adapter's table for large payloads. */
export class LiveChat1795260000000 implements MigrationInterface {
  name = 'LiveChat1795260000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "conversations" ADD "contact_last_read_seq" integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "conversations" ADD "agent_last_read_seq" integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "agents" ADD "last_seen_at" TIMESTAMP(3) WITH TIME ZONE`);
    await q.query(`CREATE TABLE IF NOT EXISTS "socket_io_attachments" ("id" bigserial UNIQUE, "created_at" timestamptz DEFAULT now(), "payload" bytea)`);
    // The widget reopens the visitor's latest conversation in an inbox.
    await q.query(`CREATE INDEX "ix_conversations_contact_inbox_activity" ON "conversations" ("contact_inbox_id", "last_activity_at")`);
    await q.query(`DROP INDEX "ix_conversations_contact_inbox"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "ix_conversations_contact_inbox" ON "conversations" ("contact_inbox_id")`);
    await q.query(`DROP INDEX "ix_conversations_contact_inbox_activity"`);
    await q.query(`DROP TABLE "socket_io_attachments"`);
    await q.query(`ALTER TABLE "agents" DROP COLUMN "last_seen_at"`);
    await q.query(`ALTER TABLE "conversations" DROP COLUMN "agent_last_read_seq"`);
    await q.query(`ALTER TABLE "conversations" DROP COLUMN "contact_last_read_seq"`);
  }
}

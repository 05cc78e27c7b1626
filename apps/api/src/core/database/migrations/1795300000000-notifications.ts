import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff alert email (per-agent preferences, pending alerts batched into digests, each agent's mail window),
 * one SLA warning per conversation, follow-ups to contacts who left, and contacts' unsubscribe.
 */
export class Notifications1795300000000 implements MigrationInterface {
  name = 'Notifications1795300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "notification_preferences" (
      "agent_id" uuid NOT NULL PRIMARY KEY REFERENCES "agents"("id") ON DELETE CASCADE,
      "email" jsonb NOT NULL DEFAULT '{}',
      "updated_at" timestamptz(3) NOT NULL DEFAULT now())`);

    await q.query(`CREATE TABLE "pending_notifications" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "agent_id" uuid NOT NULL REFERENCES "agents"("id") ON DELETE CASCADE,
      "alert_type" varchar(40) NOT NULL,
      "conversation_id" uuid REFERENCES "conversations"("id") ON DELETE CASCADE,
      "title" varchar(300) NOT NULL,
      "url" varchar(2048) NOT NULL,
      "created_at" timestamptz(3) NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX "ix_pending_notifications_agent" ON "pending_notifications" ("agent_id", "created_at")`);

    await q.query(`CREATE TABLE "notification_mail_windows" (
      "agent_id" uuid NOT NULL PRIMARY KEY REFERENCES "agents"("id") ON DELETE CASCADE,
      "last_sent_at" timestamptz(3),
      "flush_at" timestamptz(3))`);

    await q.query(`CREATE TABLE "sla_warnings" (
      "conversation_id" uuid NOT NULL PRIMARY KEY REFERENCES "conversations"("id") ON DELETE CASCADE,
      "created_at" timestamptz(3) NOT NULL DEFAULT now())`);

    await q.query(`CREATE TABLE "follow_ups" (
      "message_id" uuid NOT NULL PRIMARY KEY REFERENCES "messages"("id") ON DELETE CASCADE,
      "conversation_id" uuid NOT NULL REFERENCES "conversations"("id") ON DELETE CASCADE,
      "through_seq" integer NOT NULL,
      "channel" varchar(10) NOT NULL,
      "recipient" varchar(320) NOT NULL,
      "created_at" timestamptz(3) NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX "ix_follow_ups_conversation" ON "follow_ups" ("conversation_id", "through_seq")`);

    await q.query(`ALTER TABLE "contacts" ADD "unsubscribed_at" timestamptz(3)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "contacts" DROP COLUMN "unsubscribed_at"`);
    await q.query(`DROP TABLE "follow_ups"`);
    await q.query(`DROP TABLE "sla_warnings"`);
    await q.query(`DROP TABLE "notification_mail_windows"`);
    await q.query(`DROP TABLE "pending_notifications"`);
    await q.query(`DROP TABLE "notification_preferences"`);
  }
}

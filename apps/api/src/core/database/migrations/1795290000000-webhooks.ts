import { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbound webhooks and their delivery log (newest first per webhook; pending rows for the boot sweep). */
export class Webhooks1795290000000 implements MigrationInterface {
  name = 'Webhooks1795290000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "webhooks" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "url" varchar(2048) NOT NULL,
      "events" text[] NOT NULL,
      "description" text,
      "secret" varchar(100) NOT NULL,
      "enabled" boolean NOT NULL DEFAULT true,
      "include_private" boolean NOT NULL DEFAULT false,
      "disabled_reason" text,
      "created_at" timestamptz(3) NOT NULL DEFAULT now(),
      "updated_at" timestamptz(3) NOT NULL DEFAULT now())`);

    await q.query(`CREATE TYPE "webhook_delivery_status" AS ENUM ('pending', 'succeeded', 'failed')`);
    await q.query(`CREATE TABLE "webhook_deliveries" (
      "id" uuid NOT NULL PRIMARY KEY,
      "webhook_id" uuid NOT NULL REFERENCES "webhooks"("id") ON DELETE CASCADE,
      "event" varchar(60) NOT NULL,
      "payload" jsonb NOT NULL,
      "status" "webhook_delivery_status" NOT NULL DEFAULT 'pending',
      "attempts" integer NOT NULL DEFAULT 0,
      "last_status_code" integer,
      "last_error" text,
      "last_duration_ms" integer,
      "next_attempt_at" timestamptz(3),
      "delivered_at" timestamptz(3),
      "created_at" timestamptz(3) NOT NULL DEFAULT now(),
      "updated_at" timestamptz(3) NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX "ix_webhook_deliveries_log" ON "webhook_deliveries" ("webhook_id", "created_at", "id")`);
    await q.query(`CREATE INDEX "ix_webhook_deliveries_pending" ON "webhook_deliveries" ("created_at") WHERE status = 'pending'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "webhook_deliveries"`);
    await q.query(`DROP TYPE "webhook_delivery_status"`);
    await q.query(`DROP TABLE "webhooks"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** After-hours auto-reply per inbox (on by default, custom text optional) and when a conversation last got one. */
export class AfterHours1795280000000 implements MigrationInterface {
  name = 'AfterHours1795280000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "inboxes" ADD "after_hours_reply_enabled" boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE "inboxes" ADD "after_hours_reply" text`);
    await q.query(`ALTER TABLE "conversations" ADD "auto_replied_at" TIMESTAMP(3) WITH TIME ZONE`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "conversations" DROP COLUMN "auto_replied_at"`);
    await q.query(`ALTER TABLE "inboxes" DROP COLUMN "after_hours_reply"`);
    await q.query(`ALTER TABLE "inboxes" DROP COLUMN "after_hours_reply_enabled"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Flows: one button scenario per inbox (existing inboxes get the default one when it is first read),
 * and the triage signal that decided a result's category (`flow` when the visitor's button choice did).
 */
export class Flows1795320000000 implements MigrationInterface {
  name = 'Flows1795320000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "flows" (
      "inbox_id" uuid NOT NULL PRIMARY KEY REFERENCES "inboxes"("id") ON DELETE CASCADE,
      "enabled" boolean NOT NULL DEFAULT true,
      "definition" jsonb NOT NULL,
      "updated_at" timestamptz(3) NOT NULL DEFAULT now(),
      "updated_by" uuid REFERENCES "agents"("id") ON DELETE SET NULL)`);
    await q.query(`ALTER TABLE "triage_results" ADD "signal" varchar(20)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "triage_results" DROP COLUMN "signal"`);
    await q.query(`DROP TABLE "flows"`);
  }
}

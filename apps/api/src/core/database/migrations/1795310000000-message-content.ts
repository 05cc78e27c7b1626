import { MigrationInterface, QueryRunner } from 'typeorm';

/** Structured message parts (flow buttons, a sent quote) and the flow choices on a conversation. Both null by default: no row is rewritten. */
export class MessageContent1795310000000 implements MigrationInterface {
  name = 'MessageContent1795310000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "messages" ADD "content" jsonb`);
    await q.query(`ALTER TABLE "conversations" ADD "flow" jsonb`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "conversations" DROP COLUMN "flow"`);
    await q.query(`ALTER TABLE "messages" DROP COLUMN "content"`);
  }
}

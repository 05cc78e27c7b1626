import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every message updates its conversation row (seq, preview, unread counts). Free space on each page
 * lets Postgres write the new row version beside the old one without touching any index (a HOT update)
 * whenever no indexed column changes, which `appendMessage` arranges for bursts within a second.
 */
export class ConversationHotUpdates1795340000000 implements MigrationInterface {
  name = 'ConversationHotUpdates1795340000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "conversations" SET (fillfactor = 70)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "conversations" RESET (fillfactor)`);
  }
}

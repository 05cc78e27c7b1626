import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * AI triage and drafting: categories with their reply policy, triage results, reply drafts, training
 * examples from corrections, knowledge chunks with embeddings (pgvector when the server has it,
 * otherwise real[] ranked in process), and the conversation's latest category
 * for list filters.
 */
export class AiPipeline1795270000000 implements MigrationInterface {
  name = 'AiPipeline1795270000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "category_policy" AS ENUM ('draft', 'auto', 'off')`);
    await q.query(`CREATE TABLE "ai_categories" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "key" varchar(40) NOT NULL UNIQUE,
      "label" varchar(80) NOT NULL,
      "description" text,
      "policy" "category_policy" NOT NULL DEFAULT 'draft',
      "auto_send_threshold" real NOT NULL DEFAULT 0.85,
      "position" integer NOT NULL DEFAULT 0,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`INSERT INTO "ai_categories" ("key", "label", "description", "position") VALUES
      ('order', 'Order', 'Placing, changing or checking an order, product availability, purchase-agency requests.', 0),
      ('shipping', 'Shipping', 'Delivery status, tracking, customs, shipping fees and times, parcel forwarding.', 1),
      ('b2b_quote', 'B2B quote', 'Business buyers asking for quotes, bulk or wholesale prices, samples, invoices for companies.', 2),
      ('payment', 'Payment', 'Paying, payment methods, failed or double charges, receipts, deposits.', 3),
      ('return_refund', 'Return / refund', 'Returns, exchanges, refunds, damaged or wrong items.', 4),
      ('general', 'General', 'Everything else: greetings, business hours, account questions, feedback.', 5)`);

    await q.query(`CREATE TABLE "triage_results" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "message_id" uuid NOT NULL REFERENCES "messages"("id") ON DELETE CASCADE,
      "conversation_id" uuid NOT NULL REFERENCES "conversations"("id") ON DELETE CASCADE,
      "status" varchar(20) NOT NULL,
      "category" varchar(40),
      "confidence" real,
      "sentiment" varchar(10),
      "urgent" boolean NOT NULL DEFAULT false,
      "language" varchar(8),
      "entities" jsonb,
      "scores" jsonb,
      "injection_suspected" boolean NOT NULL DEFAULT false,
      "corrected_category" varchar(40),
      "corrected_by_id" uuid REFERENCES "agents"("id") ON DELETE SET NULL,
      "corrected_at" timestamptz,
      "error" text,
      "attempts" integer NOT NULL DEFAULT 1,
      "provider" varchar(20),
      "model" varchar(160),
      "prompt_version" varchar(80),
      "latency_ms" integer,
      "fallback_error" text,
      "created_at" timestamptz(3) NOT NULL DEFAULT now(),
      "updated_at" timestamptz(3) NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX "uq_triage_results_message" ON "triage_results" ("message_id")`);
    await q.query(`CREATE INDEX "ix_triage_results_conversation" ON "triage_results" ("conversation_id", "created_at")`);
    await q.query(`CREATE INDEX "ix_triage_results_category" ON "triage_results" ("category", "created_at")`);

    await q.query(`CREATE TYPE "reply_draft_status" AS ENUM ('proposed', 'approved', 'edited', 'rejected', 'auto_sent', 'superseded', 'failed')`);
    await q.query(`CREATE TABLE "reply_drafts" (
      "id" uuid NOT NULL PRIMARY KEY,
      "conversation_id" uuid NOT NULL REFERENCES "conversations"("id") ON DELETE CASCADE,
      "message_id" uuid NOT NULL REFERENCES "messages"("id") ON DELETE CASCADE,
      "status" "reply_draft_status" NOT NULL DEFAULT 'proposed',
      "body" text NOT NULL,
      "sources" jsonb NOT NULL DEFAULT '[]',
      "confidence" real NOT NULL,
      "needs_human" boolean NOT NULL,
      "reason" varchar(40) NOT NULL,
      "detail" text,
      "category" varchar(40),
      "final_body" text,
      "sent_message_id" uuid REFERENCES "messages"("id") ON DELETE SET NULL,
      "reviewed_by_id" uuid REFERENCES "agents"("id") ON DELETE SET NULL,
      "reviewed_at" timestamptz,
      "reject_reason" text,
      "flag_note" text,
      "flagged_by_id" uuid REFERENCES "agents"("id") ON DELETE SET NULL,
      "flagged_at" timestamptz,
      "provider" varchar(20),
      "model" varchar(160),
      "prompt_version" varchar(80),
      "latency_ms" integer,
      "fallback_error" text,
      "created_at" timestamptz(3) NOT NULL DEFAULT now(),
      "updated_at" timestamptz(3) NOT NULL DEFAULT now())`);
    // One live draft per message; regenerating supersedes the previous one.
    await q.query(`CREATE UNIQUE INDEX "uq_reply_drafts_message_live" ON "reply_drafts" ("message_id") WHERE status <> 'superseded'`);
    // The console's "draft waiting" filter and marker.
    await q.query(`CREATE INDEX "ix_reply_drafts_proposed" ON "reply_drafts" ("conversation_id") WHERE status = 'proposed'`);
    await q.query(`CREATE INDEX "ix_reply_drafts_conversation" ON "reply_drafts" ("conversation_id", "created_at")`);
    await q.query(`CREATE INDEX "ix_reply_drafts_status" ON "reply_drafts" ("status", "created_at", "id")`);
    await q.query(`CREATE INDEX "ix_reply_drafts_created" ON "reply_drafts" ("created_at", "id")`);

    await q.query(`CREATE TABLE "training_examples" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "text" text NOT NULL,
      "category" varchar(40) NOT NULL,
      "source" varchar(20) NOT NULL,
      "message_id" uuid REFERENCES "messages"("id") ON DELETE SET NULL,
      "created_by_id" uuid REFERENCES "agents"("id") ON DELETE SET NULL,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX "uq_training_examples_message" ON "training_examples" ("message_id") WHERE message_id IS NOT NULL`);

    await q.query(`CREATE TABLE "knowledge_chunks" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "article_id" uuid NOT NULL REFERENCES "knowledge_articles"("id") ON DELETE CASCADE,
      "position" integer NOT NULL,
      "text" text NOT NULL,
      "embedding" real[],
      "embedding_model" varchar(160))`);
    await q.query(`CREATE UNIQUE INDEX "uq_knowledge_chunks_position" ON "knowledge_chunks" ("article_id", "position")`);
    const [vector] = await q.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'vector'`);
    if (vector) {
      await q.query(`CREATE EXTENSION IF NOT EXISTS vector`);
      // Dimensions depend on the embedding model, so no fixed-size column and no ANN index: an exact scan.
      await q.query(`ALTER TABLE "knowledge_chunks" ADD "embedding_vector" vector`);
    }

    // No index of its own: every message updates the conversation row, and a category filter is selective
    // enough when walked along the activity index.
    await q.query(`ALTER TABLE "conversations" ADD "category" varchar(40)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "conversations" DROP COLUMN "category"`);
    await q.query(`DROP TABLE "knowledge_chunks"`);
    await q.query(`DROP TABLE "training_examples"`);
    await q.query(`DROP TABLE "reply_drafts"`);
    await q.query(`DROP TYPE "reply_draft_status"`);
    await q.query(`DROP TABLE "triage_results"`);
    await q.query(`DROP TABLE "ai_categories"`);
    await q.query(`DROP TYPE "category_policy"`);
  }
}

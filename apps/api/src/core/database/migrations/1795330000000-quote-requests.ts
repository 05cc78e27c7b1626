import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quote requests: the board's lists (newest first by status, inbox and assignee), one AI proposal per
 * conversation at most, widget submissions idempotent per visitor, and the quoted ones the expiry sweep
 * looks at. The latest quote PDF is kept on the row (a few tens of kB, never selected by default).
 */
export class QuoteRequests1795330000000 implements MigrationInterface {
  name = 'QuoteRequests1795330000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "quote_request_status" AS ENUM ('new', 'in_review', 'quoted', 'accepted', 'declined', 'expired')`);
    await q.query(`CREATE TYPE "quote_request_source" AS ENUM ('widget', 'public_form', 'agent', 'ai_proposal')`);
    await q.query(`CREATE SEQUENCE "quote_requests_display_id_seq"`);
    await q.query(`CREATE TABLE "quote_requests" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "display_id" integer NOT NULL DEFAULT nextval('quote_requests_display_id_seq'),
      "status" "quote_request_status" NOT NULL DEFAULT 'new',
      "source" "quote_request_source" NOT NULL,
      "proposed" boolean NOT NULL DEFAULT false,
      "inbox_id" uuid REFERENCES "inboxes"("id") ON DELETE CASCADE,
      "conversation_id" uuid REFERENCES "conversations"("id") ON DELETE SET NULL,
      "contact_id" uuid REFERENCES "contacts"("id") ON DELETE SET NULL,
      "contact_inbox_id" uuid REFERENCES "contact_inboxes"("id") ON DELETE SET NULL,
      "client_request_id" uuid,
      "contact" jsonb NOT NULL DEFAULT '{}',
      "items" jsonb NOT NULL,
      "deadline" date,
      "destination_country" char(2),
      "notes" text,
      "assignee_id" uuid REFERENCES "agents"("id") ON DELETE SET NULL,
      "offer" jsonb,
      "offer_version" integer NOT NULL DEFAULT 0,
      "offer_pdf" bytea,
      "locale" varchar(10),
      "responded_at" timestamptz(3),
      "history" jsonb NOT NULL DEFAULT '[]',
      "created_at" timestamptz(3) NOT NULL DEFAULT now(),
      "updated_at" timestamptz(3) NOT NULL DEFAULT now())`);
    await q.query(`ALTER SEQUENCE "quote_requests_display_id_seq" OWNED BY "quote_requests"."display_id"`);
    await q.query(`CREATE UNIQUE INDEX "uq_quote_requests_display_id" ON "quote_requests" ("display_id")`);
    await q.query(`CREATE INDEX "ix_quote_requests_created" ON "quote_requests" ("created_at", "id")`);
    await q.query(`CREATE INDEX "ix_quote_requests_status_created" ON "quote_requests" ("status", "created_at", "id")`);
    await q.query(`CREATE INDEX "ix_quote_requests_inbox_created" ON "quote_requests" ("inbox_id", "created_at", "id")`);
    await q.query(`CREATE INDEX "ix_quote_requests_assignee_created" ON "quote_requests" ("assignee_id", "created_at", "id")`);
    await q.query(`CREATE INDEX "ix_quote_requests_conversation" ON "quote_requests" ("conversation_id")`);
    await q.query(`CREATE INDEX "ix_quote_requests_contact" ON "quote_requests" ("contact_id")`);
    await q.query(`CREATE UNIQUE INDEX "uq_quote_requests_ai_proposal" ON "quote_requests" ("conversation_id") WHERE source = 'ai_proposal'`);
    await q.query(`CREATE UNIQUE INDEX "uq_quote_requests_client_request" ON "quote_requests" ("contact_inbox_id", "client_request_id") WHERE client_request_id IS NOT NULL`);
    // YYYY-MM-DD compares as text; only quoted rows can expire.
    await q.query(`CREATE INDEX "ix_quote_requests_quoted_valid_until" ON "quote_requests" ((offer ->> 'validUntil')) WHERE status = 'quoted'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "quote_requests"`);
    await q.query(`DROP TYPE "quote_request_source"`);
    await q.query(`DROP TYPE "quote_request_status"`);
  }
}

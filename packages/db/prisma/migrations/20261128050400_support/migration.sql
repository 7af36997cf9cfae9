-- Support (issue 7): a public help center written by platform staff, and tickets between a store's team and
-- platform staff.
--
-- How staff see every store's tickets without weakening tenant isolation: support_tickets and
-- support_messages are ordinary tenant-owned tables (FORCE'd RLS on tenant_id), and a small platform-level
-- table, support_ticket_index, holds each ticket's headline (store, number, subject, status, assignee, last
-- message time). The code that changes a ticket writes its index row in the same transaction, in the
-- ticket's own database, so the index never disagrees with the ticket. The staff queue reads only the index;
-- a staff member opening a ticket reads it through forTenant(ticket's tenant), like any tenant read.
-- Chosen over a SECURITY DEFINER view or function because those would read tenant tables around RLS with the
-- owner's rights (and only in the pooled database), while the index needs no privilege beyond the
-- application role's and works the same in a dedicated database. Its policies let anyone read it (it is what
-- the queue lists) but let a transaction write only the rows of the tenant it is scoped to.

CREATE TYPE "SupportTicketStatus" AS ENUM ('OPEN', 'WAITING_ON_STAFF', 'WAITING_ON_TENANT', 'CLOSED');
CREATE TYPE "SupportTicketPriority" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT');
CREATE TYPE "SupportAuthorKind" AS ENUM ('TENANT', 'STAFF');

-- Platform table: help center articles, one row per language; public once published.
CREATE TABLE "help_articles" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "published_at" TIMESTAMPTZ(3),
    "author_user_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "help_articles_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "help_articles_locale_known" CHECK ("locale" IN ('en', 'pt-BR')),
    CONSTRAINT "help_articles_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
CREATE UNIQUE INDEX "help_articles_slug_key" ON "help_articles"("slug");
CREATE INDEX "help_articles_locale_published_category_idx" ON "help_articles"("locale", "published", "category");

-- Platform table: what platform staff did outside any one store. Append-only, like audit_logs.
CREATE TABLE "platform_audit_logs" (
    "id" TEXT NOT NULL,
    "actor_user_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "request_id" TEXT,
    "ip" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "platform_audit_logs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "platform_audit_logs_created_at_idx" ON "platform_audit_logs"("created_at" DESC);
CREATE INDEX "platform_audit_logs_target_type_target_id_idx" ON "platform_audit_logs"("target_type", "target_id");

REVOKE UPDATE, DELETE, TRUNCATE ON TABLE "platform_audit_logs" FROM vitrine_app;

CREATE FUNCTION platform_audit_logs_refuse_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION 'platform_audit_logs is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER platform_audit_logs_append_only
  BEFORE UPDATE OR DELETE ON "platform_audit_logs"
  FOR EACH ROW EXECUTE FUNCTION platform_audit_logs_refuse_change();

CREATE TRIGGER platform_audit_logs_no_truncate
  BEFORE TRUNCATE ON "platform_audit_logs"
  FOR EACH STATEMENT EXECUTE FUNCTION platform_audit_logs_refuse_change();

-- Tickets and their messages: tenant-owned. User ids carry no foreign key (see schema.prisma).
CREATE TABLE "support_tickets" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "status" "SupportTicketStatus" NOT NULL DEFAULT 'OPEN',
    "priority" "SupportTicketPriority" NOT NULL DEFAULT 'NORMAL',
    "created_by_user_id" TEXT NOT NULL,
    "assigned_staff_user_id" TEXT,
    "last_message_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "support_tickets_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "support_tickets_number_positive" CHECK ("number" > 0),
    CONSTRAINT "support_tickets_closed_at_iff_closed" CHECK (("status" = 'CLOSED') = ("closed_at" IS NOT NULL))
);
CREATE UNIQUE INDEX "support_tickets_tenant_id_id_key" ON "support_tickets"("tenant_id", "id");
CREATE UNIQUE INDEX "support_tickets_tenant_id_number_key" ON "support_tickets"("tenant_id", "number");
CREATE INDEX "support_tickets_tenant_id_last_message_at_idx" ON "support_tickets"("tenant_id", "last_message_at" DESC);
CREATE INDEX "support_tickets_tenant_id_status_last_message_at_idx" ON "support_tickets"("tenant_id", "status", "last_message_at" DESC);
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "support_messages" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "ticket_id" TEXT NOT NULL,
    "author_user_id" TEXT NOT NULL,
    "author_kind" "SupportAuthorKind" NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "support_messages_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "support_messages_tenant_id_ticket_id_created_at_idx" ON "support_messages"("tenant_id", "ticket_id", "created_at");
ALTER TABLE "support_messages" ADD CONSTRAINT "support_messages_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "support_messages" ADD CONSTRAINT "support_messages_tenant_id_ticket_id_fkey" FOREIGN KEY ("tenant_id", "ticket_id") REFERENCES "support_tickets"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

ALTER TABLE "support_tickets" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "support_tickets" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "support_tickets"
  USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());

ALTER TABLE "support_messages" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "support_messages" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "support_messages"
  USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());

-- The staff queue's index (see the top of this file). Its row goes when the ticket goes.
CREATE TABLE "support_ticket_index" (
    "ticket_id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "status" "SupportTicketStatus" NOT NULL,
    "priority" "SupportTicketPriority" NOT NULL,
    "assigned_staff_user_id" TEXT,
    "last_author_kind" "SupportAuthorKind" NOT NULL,
    "last_message_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "support_ticket_index_pkey" PRIMARY KEY ("ticket_id")
);
CREATE INDEX "support_ticket_index_tenant_id_last_message_at_idx" ON "support_ticket_index"("tenant_id", "last_message_at" DESC);
CREATE INDEX "support_ticket_index_last_message_at_ticket_id_idx" ON "support_ticket_index"("last_message_at" DESC, "ticket_id" DESC);
CREATE INDEX "support_ticket_index_status_last_message_at_idx" ON "support_ticket_index"("status", "last_message_at" DESC);
CREATE INDEX "support_ticket_index_assigned_staff_user_id_last_message_at_idx" ON "support_ticket_index"("assigned_staff_user_id", "last_message_at" DESC);
ALTER TABLE "support_ticket_index" ADD CONSTRAINT "support_ticket_index_tenant_id_ticket_id_fkey" FOREIGN KEY ("tenant_id", "ticket_id") REFERENCES "support_tickets"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

ALTER TABLE "support_ticket_index" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "support_ticket_index" FORCE ROW LEVEL SECURITY;
CREATE POLICY index_read ON "support_ticket_index" FOR SELECT USING (true);
CREATE POLICY index_insert ON "support_ticket_index" FOR INSERT WITH CHECK ("tenant_id" = app_current_tenant());
CREATE POLICY index_update ON "support_ticket_index" FOR UPDATE
  USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
CREATE POLICY index_delete ON "support_ticket_index" FOR DELETE USING ("tenant_id" = app_current_tenant());

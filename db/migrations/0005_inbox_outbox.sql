CREATE TABLE "inbox_updates" (
	"update_id" bigint PRIMARY KEY NOT NULL,
	"chat_id" bigint NOT NULL,
	"payload" text,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"available_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"handled_at" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "inbox_updates_state_check" CHECK ("inbox_updates"."state" in ('pending', 'done', 'dead'))
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"chat_id" bigint NOT NULL,
	"method" text NOT NULL,
	"payload" text,
	"priority" smallint DEFAULT 1 NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"available_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"message_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text,
	"erased" boolean DEFAULT false NOT NULL,
	CONSTRAINT "outbox_messages_key_unique" UNIQUE("key"),
	CONSTRAINT "outbox_messages_state_check" CHECK ("outbox_messages"."state" in ('pending', 'sending', 'sent', 'dead', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "inbox_updates_pending_idx" ON "inbox_updates" USING btree ("chat_id","update_id") WHERE "inbox_updates"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "inbox_updates_handled_idx" ON "inbox_updates" USING btree ("handled_at");--> statement-breakpoint
CREATE INDEX "outbox_messages_open_idx" ON "outbox_messages" USING btree ("chat_id","id") WHERE "outbox_messages"."state" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "outbox_messages_queue_idx" ON "outbox_messages" USING btree ("priority","available_at","id") WHERE "outbox_messages"."state" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "outbox_messages_chat_idx" ON "outbox_messages" USING btree ("chat_id","created_at");
CREATE TABLE "ticket_ratings" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"score" integer,
	"comment" text,
	"rated_at" timestamp with time zone,
	CONSTRAINT "ticket_ratings_score_check" CHECK ("ticket_ratings"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "relayed_messages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "relayed_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ticket_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"source_chat_id" bigint NOT NULL,
	"source_message_id" integer NOT NULL,
	"target_chat_id" bigint NOT NULL,
	"target_message_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "relayed_messages_direction_check" CHECK ("relayed_messages"."direction" in ('to_staff', 'to_customer'))
);
--> statement-breakpoint
CREATE TABLE "staff_audit" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staff_audit_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"telegram_user_id" bigint NOT NULL,
	"chat_id" bigint NOT NULL,
	"topic_id" integer,
	"ticket_id" uuid,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff_members" ADD COLUMN "username" text;--> statement-breakpoint
ALTER TABLE "staff_members" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "ticket_topics" ADD COLUMN "card_message_id" integer;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "kind" text DEFAULT 'fault' NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "contact_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "contacted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ticket_ratings" ADD CONSTRAINT "ticket_ratings_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relayed_messages" ADD CONSTRAINT "relayed_messages_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_audit" ADD CONSTRAINT "staff_audit_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "relayed_messages_source_unique" ON "relayed_messages" USING btree ("source_chat_id","source_message_id","target_chat_id");--> statement-breakpoint
CREATE INDEX "relayed_messages_target_idx" ON "relayed_messages" USING btree ("target_chat_id","target_message_id");--> statement-breakpoint
CREATE INDEX "staff_audit_at_idx" ON "staff_audit" USING btree ("at");--> statement-breakpoint
CREATE INDEX "staff_members_username_idx" ON "staff_members" USING btree ("username");--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_kind_check" CHECK ("tickets"."kind" in ('fault', 'question'));
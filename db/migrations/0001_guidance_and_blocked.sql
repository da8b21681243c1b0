CREATE TABLE "guidance_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"chat_id" bigint NOT NULL,
	"locale" text NOT NULL,
	"category" text NOT NULL,
	"symptom_id" text NOT NULL,
	"description" text NOT NULL,
	"check_back_at" timestamp with time zone NOT NULL,
	"outcome" text,
	"outcome_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "guidance_cases_outcome_check" CHECK ("guidance_cases"."outcome" in ('working', 'still_broken', 'unconfirmed'))
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "blocked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "guidance_cases" ADD CONSTRAINT "guidance_cases_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guidance_cases_customer_idx" ON "guidance_cases" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "guidance_cases_outcome_idx" ON "guidance_cases" USING btree ("outcome","check_back_at");
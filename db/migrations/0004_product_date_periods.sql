ALTER TABLE "product_reports" ADD COLUMN "purchase_period" jsonb;--> statement-breakpoint
ALTER TABLE "product_reports" ADD COLUMN "production_period" jsonb;
import { date, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { DatePeriod } from '../../core/index.ts';
import { instant } from './columns.ts';
import { customers } from './customers.ts';

/**
 * A product as a customer reported it. Proof photos are personal data (invoices carry names). A
 * ticket whose product was never named (a hazard's "not sure") keeps its photos here, `category`
 * null.
 */
export const productReports = pgTable(
  'product_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    /** `null` for photos kept with a ticket whose product the customer did not name. */
    category: text('category'),
    modelNumber: text('model_number'),
    /** The first day of `purchase_period` (kept as a date for queries). */
    purchaseDate: date('purchase_date', { mode: 'string' }),
    /** The purchase date as precisely as the customer knew it (a month, a season…). */
    purchasePeriod: jsonb('purchase_period').$type<DatePeriod>(),
    productionDate: date('production_date', { mode: 'string' }),
    productionPeriod: jsonb('production_period').$type<DatePeriod>(),
    proofPhotoFileIds: text('proof_photo_file_ids').array().notNull().default([]),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('product_reports_customer_idx').on(t.customerId)],
);

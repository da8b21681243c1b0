import { timestamp } from 'drizzle-orm/pg-core';

/** An instant, stored with its time zone and read back as a `Date`. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPostgresDatabase, DATABASE_URL } from '../support/db.ts';
import { runSurge, type SurgeFigures } from '../support/surge.ts';

const skip = DATABASE_URL
  ? undefined
  : 'DATABASE_URL is not set (the embedded database has one connection: a surge is PostgreSQL work)';

/**
 * A surge at twice the send budget, in real time with a scaled budget: 5 messages a second
 * instead of Telegram's 30 (so 10 updates a second for 20 s, a quarter from new customers), which
 * keeps the test to a minute on a shared machine. The shape is the issue's: the queue grows the
 * whole time, yet every new customer's first reply arrives within 5 s, nothing is lost, each chat
 * keeps its order, the bot stays within the limit, and customers who wait see "typing…". The
 * benchmark runs the same surge at the real budget for 60 s.
 */
describe.skipIf(skip)(
  `a surge at twice the send budget${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let figures: SurgeFigures;
    let drop: () => Promise<void> = async () => {};
    beforeAll(async () => {
      const database = await createTestPostgresDatabase();
      drop = database.drop;
      figures = await runSurge({ budget: 5, seconds: 20, env: { DATABASE_URL: database.url } });
    }, 300_000);
    afterAll(() => drop());

    it('answers every new customer within 5 s and the webhook at once', () => {
      expect(figures.newCustomers).toBeGreaterThanOrEqual(40);
      expect(figures.firstReplyMax).toBeLessThanOrEqual(5_000);
      expect(figures.webhookP99).toBeLessThan(2_000);
    });

    it('loses nothing, keeps each chat in order and stays within the budget', () => {
      expect(figures.updates).toBe(200);
      expect(figures.lost).toBe(0);
      expect(figures.outOfOrder).toBe(0);
      expect(figures.tooManyRequests).toBe(0);
    });

    it('shows the typing action to customers whose reply waits', () => {
      expect(figures.typingShown).toBeGreaterThan(0);
    });
  },
);

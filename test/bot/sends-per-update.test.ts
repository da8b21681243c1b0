import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_MIX, playJourneys } from '../support/journeys.ts';
import { openRecordedBot } from '../support/recorded-bot.ts';

describe('one message per turn over the standard journey mix', () => {
  let bot: Awaited<ReturnType<typeof openRecordedBot>>;
  beforeAll(async () => {
    bot = await openRecordedBot();
  }, 60_000);
  afterAll(() => bot.close());

  // 32 sends for 30 updates (1.07) until a hazard's urgent ticket was filed at the report: the
  // hazard journey's three intake answers now reach the ticket's staff topic as they are given
  // (35, 1.17) — staff have the phone number even if the customer, told to leave, never confirms.
  it('sends at most 1.2 messages per customer update (report, guidance, intake, hazard, check-back)', async () => {
    const figures = await playJourneys(bot.target, bot.telegram, JOURNEY_MIX);
    expect(figures.updates).toBeGreaterThanOrEqual(30);
    expect(figures.sendsPerUpdate).toBeLessThanOrEqual(1.2);
  }, 60_000);
});

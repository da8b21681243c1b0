import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_MIX, playJourneys } from '../support/journeys.ts';
import { openRecordedBot } from '../support/recorded-bot.ts';

describe('one message per turn over the standard journey mix', () => {
  let bot: Awaited<ReturnType<typeof openRecordedBot>>;
  beforeAll(async () => {
    bot = await openRecordedBot();
  }, 60_000);
  afterAll(() => bot.close());

  it('sends at most 1.15 messages per customer update (report, guidance, intake, hazard, check-back)', async () => {
    const figures = await playJourneys(bot.target, bot.telegram, JOURNEY_MIX);
    expect(figures.updates).toBeGreaterThanOrEqual(30);
    expect(figures.sendsPerUpdate).toBeLessThanOrEqual(1.15);
  }, 60_000);
});

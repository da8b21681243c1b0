import { JOURNEY_MIX, playJourneys } from '../support/journeys.ts';
import { openRecordedBot } from '../support/recorded-bot.ts';

/**
 * Messages sent per customer update over the standard journey mix (issue 14), by the real bot
 * against a recorded Bot API: `sends_per_update` counts new messages (the send budget),
 * `edits_per_update` the edits (a guided step replacing the one before, buttons taken off).
 */
export async function measureSends(): Promise<Record<string, number>> {
  const bot = await openRecordedBot({
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  });
  try {
    const figures = await playJourneys(bot.target, bot.telegram, JOURNEY_MIX);
    return {
      journey_updates: figures.updates,
      sends_per_update: Math.round(figures.sendsPerUpdate * 1000) / 1000,
      edits_per_update: Math.round((figures.edits / figures.updates) * 1000) / 1000,
    };
  } finally {
    await bot.close();
  }
}

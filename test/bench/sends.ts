import { JOURNEY_MIX, playJourneys } from '../support/journeys.ts';
import { openRecordedBot } from '../support/recorded-bot.ts';
import { openBenchStorage } from './environment.ts';

/**
 * Messages sent per customer update over the standard journey mix (issue 14), by the real bot
 * against a recorded Bot API: `sends_per_update` counts new messages (the send budget),
 * `edits_per_update` the edits (a guided step replacing the one before, buttons taken off).
 */
export async function measureSends(): Promise<Record<string, number>> {
  // A fresh database each run: the journeys' customers are known by fixed ids, and a customer the
  // database remembers from an earlier run is asked fewer questions (the script would go astray).
  const storage = await openBenchStorage();
  const bot = await openRecordedBot(
    storage.database === 'postgres' ? { DATABASE_URL: storage.env.DATABASE_URL as string } : {},
  );
  try {
    const figures = await playJourneys(bot.target, bot.telegram, JOURNEY_MIX);
    return {
      journey_updates: figures.updates,
      sends_per_update: Math.round(figures.sendsPerUpdate * 1000) / 1000,
      edits_per_update: Math.round((figures.edits / figures.updates) * 1000) / 1000,
    };
  } finally {
    await bot.close();
    await storage.dispose();
  }
}

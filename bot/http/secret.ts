import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The webhook secret to register when `WEBHOOK_SECRET` is unset: derived from the bot token, so it
 * is unguessable without the token and every instance of one bot derives the same one (a random
 * secret per instance would let the last instance's `setWebhook` lock the others out). 43
 * characters of `A-Z a-z 0-9 _ -`, as Telegram allows.
 */
export function deriveWebhookSecret(token: string): string {
  return createHmac('sha256', token).update('frontline webhook secret v1').digest('base64url');
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Compares a presented secret with the expected one in constant time: both are hashed to 32 bytes
 * first, so neither the position of the first difference nor the length leaks through timing.
 */
export function isSameSecret(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  return timingSafeEqual(digest(presented), digest(expected));
}

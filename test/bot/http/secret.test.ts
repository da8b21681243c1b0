import { describe, expect, it } from 'vitest';
import { deriveWebhookSecret, isSameSecret } from '../../../bot/http/index.ts';

describe('the webhook secret', () => {
  it('is derived from the token: the same for every instance of one bot, different per bot', () => {
    const a = deriveWebhookSecret('123:AAA-first-token-000000000');
    expect(deriveWebhookSecret('123:AAA-first-token-000000000')).toBe(a);
    expect(deriveWebhookSecret('123:AAA-other-token-000000000')).not.toBe(a);
  });

  it('is what Telegram accepts as secret_token: 1-256 characters of A-Z a-z 0-9 _ -', () => {
    expect(deriveWebhookSecret('123:AAA-first-token-000000000')).toMatch(/^[\w-]{1,256}$/);
  });

  it('does not contain the token it is derived from', () => {
    const token = '123:AAA-first-token-000000000';
    expect(deriveWebhookSecret(token)).not.toContain('first-token');
  });

  it.each([
    ['the same secret', 'abc-123', true],
    ['another secret of the same length', 'abc-124', false],
    ['a prefix of the secret', 'abc-12', false],
    ['the secret and more', 'abc-1234', false],
    ['an empty header', '', false],
    ['no header', undefined, false],
  ])('compares %s: %s', (_title, presented, same) => {
    expect(isSameSecret(presented, 'abc-123')).toBe(same);
  });
});

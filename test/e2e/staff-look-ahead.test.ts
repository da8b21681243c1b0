import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffHarness } from '../support/staff-harness.ts';

/**
 * With a staff forum the bot looks at the chat's state (a person's hold) before the conversation
 * sees a customer's message; that look makes no customer. Only a message that reaches the
 * conversation's turn does, as without a forum.
 */
describe('the staff hold check ahead of a turn', () => {
  const h = new StaffHarness();
  beforeAll(() => h.start(), 90_000);
  afterAll(() => h.stop(), 30_000);

  it('makes no customer for a first message the conversation does not take (a voice note, a sticker); the first it takes does', async () => {
    const zoe = h.customer('Zoe');
    await h.says(zoe, zoe.id, { voice: 'voice-1' }, /can't listen to voice messages/);
    await h.says(zoe, zoe.id, { sticker: 'sticker-1' }, /I can read text, photos/);
    expect(await h.repos.customers.findByTelegramId(zoe.id)).toBeUndefined();

    await h.says(zoe, zoe.id, 'my fridge is too cold, the vegetables freeze', /Step 1 of/);
    expect(await h.repos.customers.findByTelegramId(zoe.id)).toMatchObject({
      telegramUserId: zoe.id,
      language: 'en',
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_CHAT, StaffHarness } from '../support/staff-harness.ts';

/**
 * Staff hear why a visit window is refused, the same way for a typed /schedule and a suggested
 * window's button: a button pressed after its window has passed says so (not "I could not read a
 * visit window"), and a window beyond the booking horizon names the horizon.
 */
describe('a refused visit window tells staff why', () => {
  const h = new StaffHarness();
  beforeAll(() => h.start(), 90_000);
  afterAll(() => h.stop(), 30_000);

  it('a suggested window pressed after it has passed: "That time has passed."', async () => {
    const ida = h.staffMember('Ida');
    h.advanceTo(10);
    const { topicId } = await h.fileTicket(h.customer('Jo'));
    const offer = await h.says(ida, STAFF_CHAT, '/schedule', /./, { topicId });
    const first = offer.reply_markup?.inline_keyboard?.[0]?.[0];
    expect(first?.callback_data).toMatch(/^st:win:/);
    // Three days later the suggested window is in the past.
    h.clock.advance(3 * 24 * 3_600_000);
    const refused = await h.presses(ida, STAFF_CHAT, new RegExp(`^${literal(first?.text)}$`), /./, {
      topicId,
    });
    expect(refused.text).toBe('That time has passed.');
  });

  it('a typed window beyond the horizon names the horizon (30 days by default)', async () => {
    const ida = h.staffMember('Ida');
    const { topicId } = await h.fileTicket(h.customer('Kim'));
    const refused = await h.says(ida, STAFF_CHAT, '/schedule 2027-01-20 9-11', /./, { topicId });
    expect(refused.text).toBe('That is more than 30 days ahead.');
  });
});

const literal = (text = '') => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

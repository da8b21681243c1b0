import { sql } from 'drizzle-orm';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVersioned } from '../../db/index.ts';
import { rowsOf } from '../../db/migrate.ts';
import { openRecordedBot } from '../support/recorded-bot.ts';

const CHAT = 8_311;

/**
 * A turn reads the customer, the state and the check-back in one statement, which also makes a
 * new customer; when a concurrent insert made the customer first it reads nothing, and the turn
 * reads the three apart. Here every turn's read of this chat loses that race (the customer made as
 * a concurrent turn would have made it), and the staff-hold check's look ahead finds nothing.
 */
describe('a turn whose one-statement read lost the first-message race', () => {
  let recorded: Awaited<ReturnType<typeof openRecordedBot>>;
  let nextId = 1;
  let lost = 0;
  const update = (body: Record<string, unknown>): Update =>
    ({ update_id: 700_000 + nextId, ...body }) as unknown as Update;
  const from = { id: CHAT, is_bot: false, first_name: 'Test', language_code: 'en' };
  const chat = { id: CHAT, type: 'private', first_name: 'Test' };
  const say = (text: string) => {
    const id = nextId++;
    return recorded.deliver(update({ message: { message_id: id, date: 0, chat, from, text } }));
  };
  const press = (label: RegExp) => {
    const button = recorded.telegram.buttonIn(CHAT, label);
    if (!button) throw new Error(`no button ${label}`);
    const id = nextId++;
    return recorded.deliver(
      update({
        callback_query: {
          id: String(id),
          from,
          chat_instance: 'test',
          data: button.data,
          message: { message_id: button.message.messageId, date: 0, chat, text: '' },
        },
      }),
    );
  };
  const texts = () =>
    recorded.telegram.messages.filter((m) => m.chatId === CHAT).map((m) => m.text);
  const db = () => recorded.app.database.db;

  beforeAll(async () => {
    recorded = await openRecordedBot();
    const { repos } = recorded.app.deps;
    const turns = repos.turns;
    repos.turns = {
      ...turns,
      async read(input) {
        // A turn's read (the staff-hold check's look ahead makes no customer, and reads nothing).
        if (input.make) {
          lost += 1;
          await repos.customers.ensure(input.telegramUserId, input.language, input.at);
        }
        return {
          customer: undefined,
          state: { value: undefined, version: 0 },
          awaiting: undefined,
          waiting: undefined,
          handled: false,
        };
      },
    };
  }, 60_000);
  afterAll(() => recorded.close());

  it('reads them apart: one customer, the state carried on, a check-back answered in words', async () => {
    await say('my fridge is too cold, the vegetables freeze');
    expect(texts().at(-1)).toMatch(/Step 1 of/);
    await press(/Fixed/);
    expect(texts().at(-1)).toMatch(/check back in 2 hours/);
    // The state read apart fenced the save: each turn raised its version.
    expect((await loadVersioned(db(), `conv:${CHAT}`, recorded.clock.now())).version).toBe(2);

    recorded.clock.advance(2 * 3_600_000);
    await recorded.settle();
    expect(texts().at(-1)).toMatch(/Is it still working\?/);
    await say('yes all good now thanks');
    expect(texts().at(-1)).toMatch(/closed this as solved/);

    expect(lost).toBe(3);
    const rows = rowsOf<{ customers: number; outcome: string }>(
      await db().execute(sql`select
        (select count(*)::int from customers where telegram_user_id = ${CHAT}) as customers,
        (select outcome from guidance_cases where chat_id = ${CHAT}) as outcome`),
    );
    expect(rows).toEqual([{ customers: 1, outcome: 'working' }]);
  });
});

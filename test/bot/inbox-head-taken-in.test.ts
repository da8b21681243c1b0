import { sql } from 'drizzle-orm';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { markUpdateHandled } from '../../db/index.ts';
import { rowsOf } from '../../db/migrate.ts';
import { createTestPostgresDatabase, DATABASE_URL } from '../support/db.ts';
import { openRecordedBot } from '../support/recorded-bot.ts';

/**
 * An update taken in while no other update of its chat was pending is the chat's head: the
 * chat's run in this process handles it without reading it back from the inbox. Handled
 * elsewhere meanwhile, it commits nothing; with an earlier update pending, the run reads the
 * inbox and keeps the chat's order. On PGlite, and on PostgreSQL when `DATABASE_URL` is set.
 */
describe("the chat's head taken in by this process", () => {
  let recorded: Awaited<ReturnType<typeof openRecordedBot>>;
  let nextId = 1;
  const textUpdate = (chatId: number, text: string): Update => {
    const id = nextId++;
    return {
      update_id: 910_000 + id,
      message: {
        message_id: id,
        date: 0,
        chat: { id: chatId, type: 'private', first_name: 'Test' },
        from: { id: chatId, is_bot: false, first_name: 'Test', language_code: 'en' },
        text,
      },
    } as unknown as Update;
  };
  const texts = (chatId: number) =>
    recorded.telegram.messages.filter((m) => m.chatId === chatId).map((m) => m.text);
  const state = async (updateId: number) =>
    rowsOf<{ state: string }>(
      await recorded.app.database.db.execute(
        sql`select state from inbox_updates where update_id = ${updateId}`,
      ),
    )[0]?.state;

  /** An update another instance took in (this process never saw it arrive). */
  const takenInElsewhere = (update: Update) =>
    recorded.frontline.inbox.inbox.accept(
      [
        {
          updateId: update.update_id,
          chatId: update.message?.chat.id ?? 0,
          payload: update as never,
        },
      ],
      recorded.clock.now(),
    );
  /** Both updates handled, the greeting's answer first (as the first test's chat got it). */
  const expectHandledInOrder = async (chat: number, earlier: Update, later: Update) => {
    expect(await state(earlier.update_id)).toBe('done');
    expect(await state(later.update_id)).toBe('done');
    const replies = texts(chat);
    expect(replies).toHaveLength(2);
    expect(replies[0]).toBe(texts(8_401)[0]);
    expect(replies[1]).not.toBe(replies[0]);
  };

  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const server = DATABASE_URL ? await createTestPostgresDatabase() : undefined;
    dropDatabase = server?.drop;
    recorded = await openRecordedBot(server ? { DATABASE_URL: server.url } : {});
  }, 60_000);
  afterAll(async () => {
    await recorded.close();
    await dropDatabase?.();
  });

  it('is handled without reading the inbox for it', async () => {
    const chat = 8_401;
    const reads = vi.spyOn(recorded.frontline.inbox.inbox, 'headAndMore');
    try {
      const update = textUpdate(chat, 'hello');
      await recorded.deliver(update);
      expect(reads).not.toHaveBeenCalled();
      expect(await state(update.update_id)).toBe('done');
      expect(texts(chat)).toHaveLength(1);
    } finally {
      reads.mockRestore();
    }
  });

  it('commits nothing when another instance handled it meanwhile, and the next update is handled', async () => {
    const chat = 8_402;
    const first = textUpdate(chat, 'my washing machine does not drain');
    await recorded.frontline.receive([first]);
    // Another instance took the chat from the inbox and committed the update's turn first.
    expect(
      await markUpdateHandled(recorded.app.database.db, first.update_id, recorded.clock.now()),
    ).toBe(true);
    await recorded.frontline.inbox.runChat(chat);
    await recorded.frontline.sender.drain();
    expect(texts(chat)).toEqual([]);

    const second = textUpdate(chat, 'hello');
    await recorded.deliver(second);
    expect(await state(second.update_id)).toBe('done');
    expect(texts(chat)).toHaveLength(1);
  });

  it('drops a head handled elsewhere once another update of its chat is taken in here, never running it again', async () => {
    const chat = 8_405;
    const first = textUpdate(chat, 'hello');
    await recorded.frontline.receive([first]);
    // Another instance handled it, then took in the chat's next update (still pending)…
    expect(
      await markUpdateHandled(recorded.app.database.db, first.update_id, recorded.clock.now()),
    ).toBe(true);
    const next = textUpdate(chat, 'my washing machine does not drain');
    await takenInElsewhere(next);
    // …and the one after it comes here: not alone, so the chat's run reads the inbox.
    const last = textUpdate(chat, 'it shows E21');
    const handled = vi.spyOn(recorded.frontline.bot, 'handleUpdate');
    try {
      await recorded.frontline.receive([last]);
      await recorded.frontline.inbox.runChat(chat);
      await recorded.frontline.sender.drain();
      expect(handled.mock.calls.map(([update]) => update.update_id)).toEqual([
        next.update_id,
        last.update_id,
      ]);
    } finally {
      handled.mockRestore();
    }
    expect(await state(next.update_id)).toBe('done');
    expect(await state(last.update_id)).toBe('done');
  });

  it("keeps the chat's order when an earlier update is taken in elsewhere after this one was taken in alone", async () => {
    const chat = 8_404;
    const earlier = textUpdate(chat, 'hello');
    const later = textUpdate(chat, 'my washing machine does not drain');
    // This process takes in the later update while nothing of the chat is pending (its head)…
    await recorded.frontline.receive([later]);
    // …and another instance's insert of the earlier one commits before the chat's run here.
    await takenInElsewhere(earlier);
    await recorded.frontline.inbox.runChat(chat);
    await recorded.frontline.sender.drain();
    await expectHandledInOrder(chat, earlier, later);
  });

  it("reads the inbox when an earlier update of the chat is pending, and keeps the chat's order", async () => {
    const chat = 8_403;
    const earlier = textUpdate(chat, 'hello');
    const later = textUpdate(chat, 'my washing machine does not drain');
    // The earlier update is taken in by another instance (not this process's head).
    await takenInElsewhere(earlier);
    const reads = vi.spyOn(recorded.frontline.inbox.inbox, 'headAndMore');
    try {
      await recorded.deliver(later);
      expect(reads).toHaveBeenCalled();
    } finally {
      reads.mockRestore();
    }
    await expectHandledInOrder(chat, earlier, later);
  });
});

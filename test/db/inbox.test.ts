import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { eraseChatUpdates } from '../../db/inbox/inbox.ts';
import { createInbox, markUpdateHandled, type NewInboxUpdate } from '../../db/index.ts';
import { inboxUpdates } from '../../db/schema/index.ts';
import { createTestClock, describeOnDatabases } from '../support/db.ts';

let nextId = 5_000_000 + (process.pid % 1000) * 1000;
const update = (chatId: number, id = ++nextId): NewInboxUpdate => ({
  updateId: id,
  chatId,
  payload: { update_id: id, message: { text: 'hello', chat: { id: chatId } } },
});

describeOnDatabases('the durable inbox', (database) => {
  const inbox = () => createInbox(database().handle.db);
  const clock = createTestClock();

  it('takes an update in once, however often it is delivered', async () => {
    const first = update(71);
    expect(await inbox().accept([first], clock.now())).toEqual([first.updateId]);
    expect(await inbox().accept([first, first], clock.now())).toEqual([]);
    const [a, b] = await Promise.all([
      inbox().accept([update(71, first.updateId + 100_000)], clock.now()),
      inbox().accept([update(71, first.updateId + 100_000)], clock.now()),
    ]);
    expect([...(a ?? []), ...(b ?? [])]).toHaveLength(1);
  });

  it("says whether an update taken in was its chat's only pending one", async () => {
    const chat = 77;
    const u1 = update(chat);
    const u2 = update(chat);
    expect(await inbox().acceptAlone([u1], clock.now())).toEqual([
      { updateId: u1.updateId, alone: true },
    ]);
    // Behind a pending update, and taken in again: not alone, then nothing new.
    expect(await inbox().acceptAlone([u2], clock.now())).toEqual([
      { updateId: u2.updateId, alone: false },
    ]);
    expect(await inbox().acceptAlone([u2], clock.now())).toEqual([]);
    await markUpdateHandled(database().handle.db, u1.updateId, clock.now());
    await markUpdateHandled(database().handle.db, u2.updateId, clock.now());
    const u3 = update(chat);
    expect(await inbox().acceptAlone([u3], clock.now())).toEqual([
      { updateId: u3.updateId, alone: true },
    ]);
    // Another chat's pending update does not count, nor another chat's update taken in with it;
    // two of one chat taken in together are neither alone.
    const other = update(78);
    expect(await inbox().acceptAlone([other], clock.now())).toEqual([
      { updateId: other.updateId, alone: true },
    ]);
    const [b1, b2, c1, c2] = [update(79), update(80), update(81), update(81)];
    expect(
      await inbox().acceptAlone([b1, b2, c1, c2, b1] as NewInboxUpdate[], clock.now()),
    ).toEqual([
      { updateId: b1.updateId, alone: true },
      { updateId: b2.updateId, alone: true },
      { updateId: c1.updateId, alone: false },
      { updateId: c2.updateId, alone: false },
    ]);
    // What it stored is what `accept` stores: the head reads it back the same.
    expect((await inbox().head(78, clock.now()))?.payload).toEqual(other.payload);
  });

  it('takes concurrent calls in together, each call answered for its own updates', async () => {
    const shared = inbox();
    const lone = update(82);
    const [d1, d2] = [update(83), update(83)];
    const again = update(84);
    // One call starts a statement; the three made meanwhile go in the next one, together.
    const calls = await Promise.all([
      shared.acceptAlone([lone], clock.now()),
      shared.acceptAlone([d1], clock.now()),
      shared.acceptAlone([d2, again], clock.now()),
      shared.acceptAlone([again], clock.now()),
    ]);
    expect(calls).toEqual([
      [{ updateId: lone.updateId, alone: true }],
      // Two updates of one chat in one statement: neither is said alone.
      [{ updateId: d1.updateId, alone: false }],
      [
        { updateId: d2.updateId, alone: false },
        { updateId: again.updateId, alone: true },
      ],
      // The same update in two calls is taken in once, by the first call that gave it.
      [],
    ]);
    expect((await shared.head(83, clock.now()))?.updateId).toBe(d1.updateId);
    expect(await shared.acceptAlone([d1, d2], clock.now())).toEqual([]);
  });

  it('takes in the rest of a group whose statement one update made fail', async () => {
    const shared = inbox();
    const [first, x, y] = [update(85), update(86), update(86)];
    // Not an update id the column takes: the group's statement fails, each call runs alone.
    const refused = { ...update(87), updateId: 1.5 };
    const calls = await Promise.allSettled([
      shared.acceptAlone([first], clock.now()),
      shared.acceptAlone([x], clock.now()),
      shared.acceptAlone([refused], clock.now()),
      shared.acceptAlone([y], clock.now()),
    ]);
    expect(calls.map((c) => c.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    // Run one after another, the later update of a chat sees the earlier one pending.
    expect(calls[1]).toEqual({
      status: 'fulfilled',
      value: [{ updateId: x.updateId, alone: true }],
    });
    expect(calls[3]).toEqual({
      status: 'fulfilled',
      value: [{ updateId: y.updateId, alone: false }],
    });
    expect((await shared.head(86, clock.now()))?.updateId).toBe(x.updateId);
  });

  it("hands out a chat's oldest pending update only, and chats oldest first", async () => {
    const chatA = 72;
    const chatB = 73;
    const b1 = update(chatB);
    const a1 = update(chatA);
    const a2 = update(chatA);
    await inbox().accept([a2, b1, a1], clock.now());
    const due = await inbox().dueChats(clock.now(), 100);
    expect(due.indexOf(chatB)).toBeLessThan(due.indexOf(chatA));
    expect((await inbox().head(chatA, clock.now()))?.updateId).toBe(a1.updateId);
    expect(await markUpdateHandled(database().handle.db, a1.updateId, clock.now())).toBe(true);
    // Handled once: a second commit of the same update is refused.
    expect(await markUpdateHandled(database().handle.db, a1.updateId, clock.now())).toBe(false);
    expect((await inbox().head(chatA, clock.now()))?.updateId).toBe(a2.updateId);
  });

  it('says with the head whether another update of the chat waits behind it', async () => {
    const chat = 76;
    const u1 = update(chat);
    const u2 = update(chat);
    await inbox().accept([u1, u2], clock.now());
    expect(await inbox().headAndMore(chat, clock.now())).toMatchObject({
      update: { updateId: u1.updateId },
      more: true,
    });
    await markUpdateHandled(database().handle.db, u1.updateId, clock.now());
    expect(await inbox().headAndMore(chat, clock.now())).toMatchObject({
      update: { updateId: u2.updateId },
      more: false,
    });
    await markUpdateHandled(database().handle.db, u2.updateId, clock.now());
    expect(await inbox().headAndMore(chat, clock.now())).toEqual({
      update: undefined,
      more: false,
    });
  });

  it('keeps a failed update first in its chat until its retry falls due, and keeps a dead one', async () => {
    const chat = 74;
    const u1 = update(chat);
    const u2 = update(chat);
    await inbox().accept([u1, u2], clock.now());
    const later = new Date(clock.now().getTime() + 60_000);
    await inbox().recordFailure(u1.updateId, { retryAt: later }, 'Error: boom', clock.now());
    // Its retry is not due: the chat waits (the later update does not overtake it).
    expect(await inbox().head(chat, clock.now())).toBeUndefined();
    expect(await inbox().dueChats(clock.now(), 1000)).not.toContain(chat);
    const retried = await inbox().head(chat, later);
    expect(retried).toMatchObject({ updateId: u1.updateId, attempts: 1 });
    await inbox().recordFailure(u1.updateId, { dead: true }, 'Error: boom', later);
    expect(await inbox().state(u1.updateId)).toBe('dead');
    expect((await inbox().head(chat, later))?.updateId).toBe(u2.updateId);
  });

  it("erasure leaves a chat's handled and dead updates a stand-in id, no content and no failure text", async () => {
    const chat = 77;
    const dead = update(chat);
    await inbox().accept([dead], clock.now());
    await inbox().recordFailure(
      dead.updateId,
      { dead: true },
      'Failed query: update "customers" set "contact_name" = $1 … Wanda Okafor',
      clock.now(),
    );
    const { db } = database().handle;
    await eraseChatUpdates(db, chat, -4242);
    const [row] = await db
      .select()
      .from(inboxUpdates)
      .where(eq(inboxUpdates.updateId, dead.updateId));
    expect(row).toMatchObject({ chatId: -4242, payload: null, lastError: null, state: 'dead' });
  });

  it('drops a handled update’s content at once and the row after the retention', async () => {
    const u = update(75);
    await inbox().accept([u], clock.now());
    await inbox().markHandled(u.updateId, clock.now());
    expect(await inbox().state(u.updateId)).toBe('done');
    expect(await inbox().prune(new Date(clock.now().getTime() - 1))).toBe(0);
    expect(await inbox().prune(new Date(clock.now().getTime() + 1))).toBeGreaterThanOrEqual(1);
    expect(await inbox().state(u.updateId)).toBeUndefined();
  });
});

describe('inbox rows', () => {
  it('name the chat of every kind of update, and the user when there is no chat', async () => {
    const { toInboxUpdate } = await import('../../bot/services/inbox-intake.ts');
    const chat = { id: 9, type: 'private' };
    expect(toInboxUpdate({ update_id: 1, message: { chat } } as never).chatId).toBe(9);
    expect(
      toInboxUpdate({
        update_id: 2,
        callback_query: { from: { id: 8 }, message: { chat } },
      } as never).chatId,
    ).toBe(9);
    expect(
      toInboxUpdate({ update_id: 3, my_chat_member: { chat: { id: -5 } } } as never).chatId,
    ).toBe(-5);
    expect(toInboxUpdate({ update_id: 4, inline_query: { from: { id: 8 } } } as never).chatId).toBe(
      8,
    );
  });
});

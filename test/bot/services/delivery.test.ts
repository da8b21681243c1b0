import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDelivery } from '../../../bot/services/outbox.ts';
import { createInbox } from '../../../db/index.ts';
import { openTestPglite, type TestDatabase, uniqueTelegramId } from '../../support/db.ts';

describe('delivery: updates marked handled in its transactions', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestPglite();
  }, 60_000);
  afterAll(() => database.close());

  const setup = async () => {
    const db = database.handle.db;
    const inbox = createInbox(db);
    const chatId = uniqueTelegramId();
    const updateId = uniqueTelegramId();
    await inbox.accept([{ updateId, chatId, payload: { update_id: updateId } }], new Date());
    let woken = 0;
    const delivery = createDelivery(db, new Api('42:delivery'), () => {
      woken += 1;
    });
    return { inbox, delivery, updateId, woken: () => woken };
  };

  it('tells the inbox worker, once, that a committed turn marked its update handled', async () => {
    const { inbox, delivery, updateId, woken } = await setup();
    expect(delivery.committedUpdate(updateId)).toBe(false);
    await delivery.commit((tx) => delivery.markHandled(tx, updateId, new Date()));
    expect(await inbox.state(updateId)).toBe('done');
    expect(woken()).toBe(1);
    expect(delivery.committedUpdate(updateId)).toBe(true);
    expect(delivery.committedUpdate(updateId)).toBe(false);
  });

  it('does not count a mark whose transaction rolled back, nor an update handled already', async () => {
    const { inbox, delivery, updateId } = await setup();
    await expect(
      delivery.commit(async (tx) => {
        await delivery.markHandled(tx, updateId, new Date());
        throw new Error('the turn failed');
      }),
    ).rejects.toThrow('the turn failed');
    expect(await inbox.state(updateId)).toBe('pending');
    expect(delivery.committedUpdate(updateId)).toBe(false);

    await inbox.markHandled(updateId, new Date());
    expect(await delivery.commit((tx) => delivery.markHandled(tx, updateId, new Date()))).toBe(
      false,
    );
    expect(delivery.committedUpdate(updateId)).toBe(false);
  });
});

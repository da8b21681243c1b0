import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ERASED_TEXT, type GuidanceOutcome, type NewJob } from '../../core/index.ts';
import { createRepositories, StorageError } from '../../db/index.ts';
import { describeOnDatabases, uniqueTelegramId } from '../support/db.ts';

const at = new Date('2024-03-14T02:00:00Z');
const checkBackAt = new Date('2024-03-14T04:00:00Z');
const answeredAt = new Date('2024-03-14T04:05:00Z');

describeOnDatabases('guidance repository', (database) => {
  const repos = () => createRepositories(database().handle.db);
  const open = async (options?: { jobs?: NewJob[] }) => {
    const { id: customerId } = await repos().customers.ensure(uniqueTelegramId(), 'zh-Hant', at);
    return repos().guidance.open(
      {
        customerId,
        chatId: 7_123_456_789,
        locale: 'zh-Hant',
        category: 'washing_machine',
        symptomId: 'washing_machine.no-water-inlet',
        description: '洗衣機唔入水',
        checkBackAt,
      },
      at,
      options,
    );
  };
  const casesOf = async (customerId: string) => {
    const result = await database().handle.db.execute(
      sql`select count(*)::int as n from guidance_cases where customer_id = ${customerId}`,
    );
    return (result as unknown as { rows: { n: number }[] }).rows[0]?.n;
  };

  it('opens a guided case awaiting its check-back and reads it back exactly', async () => {
    const opened = await open();
    expect(opened).toEqual({
      id: expect.any(String),
      customerId: expect.any(String),
      chatId: 7_123_456_789,
      locale: 'zh-Hant',
      category: 'washing_machine',
      symptomId: 'washing_machine.no-water-inlet',
      description: '洗衣機唔入水',
      checkBackAt,
      outcome: null,
      outcomeAt: null,
      createdAt: at,
    });
    expect(await repos().guidance.get(opened.id)).toEqual(opened);
  });

  it('schedules its check-back job with it, keyed and addressed by the new id', async () => {
    const opened = await open({
      jobs: [
        {
          kind: 'checkback',
          dueAt: checkBackAt,
          key: 'checkback:{guidanceId}',
          payload: { locale: 'zh-Hant' },
        },
      ],
    });
    expect(await repos().jobs.findByKey(`checkback:${opened.id}`)).toMatchObject({
      kind: 'checkback',
      state: 'pending',
      dueAt: checkBackAt,
      payload: { locale: 'zh-Hant', guidanceId: opened.id },
      createdAt: at,
    });
  });

  it('opens no case when its job cannot be scheduled (a key already taken)', async () => {
    const taken = `checkback:taken:${process.pid}`;
    await repos().jobs.enqueue(
      { kind: 'checkback', dueAt: checkBackAt, key: taken, payload: {} },
      at,
    );
    const { id: customerId } = await repos().customers.ensure(uniqueTelegramId(), 'zh-Hant', at);
    const failed = repos().guidance.open(
      {
        customerId,
        chatId: 7_123_456_789,
        locale: 'zh-Hant',
        category: 'washing_machine',
        symptomId: 'washing_machine.no-water-inlet',
        description: '洗衣機唔入水',
        checkBackAt,
      },
      at,
      { jobs: [{ kind: 'checkback', dueAt: checkBackAt, key: taken, payload: {} }] },
    );
    await expect(failed).rejects.toThrow(StorageError);
    expect(await casesOf(customerId)).toBe(0);
  });

  it('records the first outcome only: a later answer or the expiry changes nothing', async () => {
    const { id } = await open();
    expect(await repos().guidance.recordOutcome(id, 'still_broken', answeredAt)).toBe(true);
    expect(await repos().guidance.recordOutcome(id, 'working', checkBackAt)).toBe(false);
    expect(await repos().guidance.recordOutcome(id, 'unconfirmed', checkBackAt)).toBe(false);
    expect(await repos().guidance.get(id)).toMatchObject({
      outcome: 'still_broken',
      outcomeAt: answeredAt,
    });
  });

  it("finds the chat's check-back that is due and unanswered, the latest first, and no other", async () => {
    const chatId = uniqueTelegramId();
    const { id: customerId } = await repos().customers.ensure(chatId, 'en', at);
    const openAt = (due: Date, description: string) =>
      repos().guidance.open(
        {
          customerId,
          chatId,
          locale: 'en',
          category: 'refrigerator',
          symptomId: 'refrigerator.too-cold',
          description,
          checkBackAt: due,
        },
        at,
      );
    expect(await repos().guidance.awaitingAnswer(chatId, answeredAt)).toBeUndefined();
    const earlier = await openAt(checkBackAt, 'first');
    const later = await openAt(new Date(checkBackAt.getTime() + 60_000), 'second');
    // Not due yet: the question has not been asked.
    expect(await repos().guidance.awaitingAnswer(chatId, at)).toBeUndefined();
    expect(await repos().guidance.awaitingAnswer(chatId, answeredAt)).toMatchObject({
      id: later.id,
    });
    await repos().guidance.recordOutcome(later.id, 'working', answeredAt);
    expect(await repos().guidance.awaitingAnswer(chatId, answeredAt)).toMatchObject({
      id: earlier.id,
    });
    await repos().guidance.recordOutcome(earlier.id, 'unconfirmed', answeredAt);
    expect(await repos().guidance.awaitingAnswer(chatId, answeredAt)).toBeUndefined();
    expect(await repos().guidance.awaitingAnswer(chatId + 1, answeredAt)).toBeUndefined();
  });

  it('lets exactly one of many racing answers win', async () => {
    const { id } = await open();
    const outcomes: GuidanceOutcome[] = ['working', 'still_broken', 'unconfirmed'];
    const tries = Array.from({ length: 12 }, (_, i) => outcomes[i % 3] as GuidanceOutcome);
    const won = await Promise.all(
      tries.map((outcome) => repos().guidance.recordOutcome(id, outcome, answeredAt)),
    );
    expect(won.filter(Boolean)).toHaveLength(1);
    const winner = tries[won.indexOf(true)];
    expect((await repos().guidance.get(id))?.outcome).toBe(winner);
  });

  it('finds no case, and records nothing, for an unknown or malformed id', async () => {
    const unknown = '00000000-0000-4000-8000-000000000009';
    expect(await repos().guidance.get(unknown)).toBeUndefined();
    expect(await repos().guidance.recordOutcome(unknown, 'working', at)).toBe(false);
    expect(await repos().guidance.get('not-a-uuid')).toBeUndefined();
    expect(await repos().guidance.recordOutcome("x'; drop table jobs;--", 'working', at)).toBe(
      false,
    );
  });

  describe('erasure', () => {
    it("blanks only that customer's descriptions and keeps the outcomes", async () => {
      const mine = await open();
      const theirs = await open();
      await repos().guidance.recordOutcome(mine.id, 'working', answeredAt);
      const summary = await repos().customers.erase(mine.customerId, answeredAt);
      expect(summary?.guidanceCases).toBe(1);
      expect(await repos().guidance.get(mine.id)).toMatchObject({
        description: ERASED_TEXT,
        outcome: 'working',
        category: 'washing_machine',
        symptomId: 'washing_machine.no-water-inlet',
      });
      expect((await repos().guidance.get(theirs.id))?.description).toBe('洗衣機唔入水');
    });
  });
});

import { randomInt } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { expect, it } from 'vitest';
import {
  commitPlainTurn,
  commitTurnTail,
  createCustomerRepo,
  createInbox,
  createTranscriptRepo,
  enqueueMessages,
  loadVersioned,
  markUpdateHandled,
  type PlainTurn,
  StaleStateError,
  saveVersioned,
} from '../../db/index.ts';
import { inboxUpdates, outboxMessages, transcriptEntries } from '../../db/schema/index.ts';
import { createTestClock, describeOnDatabases, uniqueTelegramId } from '../support/db.ts';

describeOnDatabases('a plain turn committed in one statement', (database) => {
  const clock = createTestClock();
  const db = () => database().handle.db;

  /** A chat with one pending update and a customer; the turn that answers it, at `version`. */
  async function pendingTurn(version = 0, chatId = uniqueTelegramId()): Promise<PlainTurn> {
    const updateId = randomInt(1e9, 2e9);
    await createInbox(db()).accept(
      [{ updateId, chatId, payload: { update_id: updateId } }],
      clock.now(),
    );
    const customer = await createCustomerRepo(db()).ensure(chatId, 'en', clock.now());
    return {
      updateId,
      at: clock.now(),
      state: {
        key: `chat:${chatId}`,
        value: { step: version + 1, said: 'half an emoji \uD83D' },
        version,
        expiresAt: new Date(clock.now().getTime() + 3_600_000),
      },
      messages: [
        {
          key: `turn:${updateId}:clear`,
          chatId,
          method: 'editMessageReplyMarkup',
          payload: { message_id: 7 },
          priority: 'turn',
        },
        {
          key: `turn:${updateId}:0`,
          chatId,
          method: 'sendMessage',
          payload: { text: 'hello' },
          priority: 'turn',
        },
      ],
      transcript: [
        { customerId: customer.id, direction: 'in', text: 'my fridge' },
        { customerId: customer.id, direction: 'out', text: 'hello' },
      ],
    };
  }

  const written = async (turn: PlainTurn) => {
    const [update] = await db()
      .select()
      .from(inboxUpdates)
      .where(eq(inboxUpdates.updateId, turn.updateId));
    const messages = await db()
      .select()
      .from(outboxMessages)
      .where(
        inArray(
          outboxMessages.key,
          turn.messages.map((m) => m.key),
        ),
      )
      .orderBy(outboxMessages.id);
    const transcript = await db()
      .select()
      .from(transcriptEntries)
      .where(eq(transcriptEntries.customerId, turn.transcript[0]?.customerId ?? ''))
      .orderBy(transcriptEntries.id);
    const state = await loadVersioned(db(), turn.state.key, clock.now());
    return { update, messages, transcript, state };
  };

  it('marks the update, saves the state, queues the replies in order and keeps the transcript', async () => {
    const turn = await pendingTurn();
    expect(await commitPlainTurn(db(), turn)).toBe(true);
    const { update, messages, transcript, state } = await written(turn);
    expect(update).toMatchObject({ state: 'done', payload: null });
    expect(state).toEqual({ value: { step: 1, said: 'half an emoji \uFFFD' }, version: 1 });
    expect(messages.map((m) => [m.key, m.method, JSON.parse(m.payload ?? '{}')])).toEqual([
      [`turn:${turn.updateId}:clear`, 'editMessageReplyMarkup', { message_id: 7 }],
      [`turn:${turn.updateId}:0`, 'sendMessage', { text: 'hello' }],
    ]);
    // Nothing was written to the chat in the window before: a first reply.
    expect(messages.map((m) => m.priority)).toEqual([0, 0]);
    expect(transcript.map((e) => [e.direction, e.text])).toEqual([
      ['in', 'my fridge'],
      ['out', 'hello'],
    ]);
  });

  it('writes nothing for an update handled already, and says so', async () => {
    const turn = await pendingTurn();
    expect(await markUpdateHandled(db(), turn.updateId, clock.now())).toBe(true);
    expect(await commitPlainTurn(db(), turn)).toBe(false);
    const { messages, transcript, state } = await written(turn);
    expect({ messages, transcript, state }).toEqual({
      messages: [],
      transcript: [],
      state: { value: undefined, version: 0 },
    });
  });

  it('writes nothing over a state saved since it was read, and leaves the update pending', async () => {
    const turn = await pendingTurn();
    await saveVersioned(db(), turn.state.key, { other: true }, 0, turn.state.expiresAt);
    await expect(commitPlainTurn(db(), turn)).rejects.toBeInstanceOf(StaleStateError);
    const { update, messages, transcript, state } = await written(turn);
    expect(update?.state).toBe('pending');
    expect({ messages, transcript, state }).toEqual({
      messages: [],
      transcript: [],
      state: { value: { other: true }, version: 1 },
    });
  });

  it('of two commits of one update, exactly one writes', async () => {
    const turn = await pendingTurn();
    const outcomes = await Promise.allSettled([
      commitPlainTurn(db(), turn),
      commitPlainTurn(db(), turn),
    ]);
    const committed = outcomes.filter((o) => o.status === 'fulfilled' && o.value === true);
    expect(committed).toHaveLength(1);
    const { messages, transcript, state } = await written(turn);
    expect(messages).toHaveLength(2);
    expect(transcript).toHaveLength(2);
    expect(state.version).toBe(1);
  });

  it('of two turns of one chat read at one version, exactly one writes', async () => {
    const first = await pendingTurn();
    const chatId = first.messages[0]?.chatId as number;
    const second = await pendingTurn(0, chatId);
    const outcomes = await Promise.allSettled([
      commitPlainTurn(db(), first),
      commitPlainTurn(db(), second),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled' && o.value === true)).toHaveLength(1);
    // The other writes nothing: stale when the first committed before it, or refused (`false`)
    // when it came first, its chat's earlier update still pending (an update is handled only as
    // its chat's oldest pending one).
    const loser = outcomes.find((o) => !(o.status === 'fulfilled' && o.value === true));
    if (loser?.status === 'rejected') expect(loser.reason).toBeInstanceOf(StaleStateError);
    else expect(loser).toEqual({ status: 'fulfilled', value: false });
    expect((await loadVersioned(db(), first.state.key, clock.now())).version).toBe(1);
    const pending = await db()
      .select({ state: inboxUpdates.state })
      .from(inboxUpdates)
      .where(inArray(inboxUpdates.updateId, [first.updateId, second.updateId]));
    expect(pending.map((u) => u.state).sort()).toEqual(['done', 'pending']);
  });

  it('refuses an update while an earlier update of its chat is pending, and writes nothing', async () => {
    const one = await pendingTurn();
    const chatId = one.messages[0]?.chatId as number;
    const other = await pendingTurn(0, chatId);
    const [earlier, later] = one.updateId < other.updateId ? [one, other] : [other, one];
    expect(await commitPlainTurn(db(), later)).toBe(false);
    expect(await markUpdateHandled(db(), later.updateId, clock.now())).toBe(false);
    expect((await loadVersioned(db(), earlier.state.key, clock.now())).version).toBe(0);
    expect(await commitPlainTurn(db(), earlier)).toBe(true);
    expect(await markUpdateHandled(db(), later.updateId, clock.now())).toBe(true);
  });

  it('queues a later reply behind the chat’s earlier messages', async () => {
    const first = await pendingTurn();
    await commitPlainTurn(db(), first);
    const chatId = first.messages[0]?.chatId as number;
    const second = await pendingTurn(1, chatId);
    expect(await commitPlainTurn(db(), { ...second, messages: second.messages.slice(1) })).toBe(
      true,
    );
    const { messages } = await written(second);
    expect(messages.map((m) => m.priority)).toEqual([1]);
  });
  it('turns of one shape share a statement built once, each writing its own values', async () => {
    const first = await pendingTurn();
    const second = await pendingTurn();
    const later = new Date(clock.now().getTime() + 60_000);
    const asked = (turn: PlainTurn): PlainTurn => ({
      ...turn,
      messages: [
        { ...(turn.messages[1] as PlainTurn['messages'][number]), priority: 2 },
        {
          key: `turn:${turn.updateId}:later`,
          chatId: turn.messages[0]?.chatId as number,
          method: 'sendMessage',
          payload: { text: `later ${turn.updateId}` },
          availableAt: later,
          erased: true,
        },
      ],
    });
    expect(await commitPlainTurn(db(), asked(first))).toBe(true);
    expect(await commitPlainTurn(db(), asked(second))).toBe(true);
    for (const turn of [first, second]) {
      const [sent, due] = await db()
        .select()
        .from(outboxMessages)
        .where(
          inArray(outboxMessages.key, [`turn:${turn.updateId}:0`, `turn:${turn.updateId}:later`]),
        )
        .orderBy(outboxMessages.id);
      expect([sent?.priority, sent?.erased, JSON.parse(sent?.payload ?? '{}')]).toEqual([
        2,
        false,
        { text: 'hello' },
      ]);
      expect([
        due?.priority,
        due?.erased,
        due?.availableAt,
        JSON.parse(due?.payload ?? '{}'),
      ]).toEqual([1, true, later, { text: `later ${turn.updateId}` }]);
    }
  });

  it('commits a turn with no replies and no transcript (a shape of its own)', async () => {
    const turn = { ...(await pendingTurn()), messages: [], transcript: [] };
    expect(await commitPlainTurn(db(), turn)).toBe(true);
    const [update] = await db()
      .select()
      .from(inboxUpdates)
      .where(eq(inboxUpdates.updateId, turn.updateId));
    expect(update?.state).toBe('done');
    expect((await loadVersioned(db(), turn.state.key, clock.now())).version).toBe(1);
  });

  /** What a turn wrote, with its keys and ids made comparable across chats. */
  const comparable = async (turn: PlainTurn) => {
    const { messages, transcript, state } = await written(turn);
    return {
      state,
      messages: messages.map((m) => ({
        ...m,
        id: 0,
        key: m.key.replace(String(turn.updateId), 'U'),
        chatId: 0,
      })),
      transcript: transcript.map((e) => ({ ...e, id: 0, customerId: '' })),
    };
  };

  it('a turn with effects ends in one statement writing what saveVersioned, enqueueMessages and appendAll write', async () => {
    for (const [version, erased] of [
      [0, false],
      [1, true],
    ] as const) {
      const apart = await pendingTurn(version);
      const tail = await pendingTurn(version);
      for (const turn of [apart, tail]) {
        if (version > 0)
          await saveVersioned(db(), turn.state.key, { before: true }, 0, turn.state.expiresAt);
        turn.messages = turn.messages.map((m) => ({ ...m, erased }));
      }
      await database().handle.db.transaction(async (tx) => {
        await markUpdateHandled(tx, apart.updateId, apart.at);
        await saveVersioned(tx, apart.state.key, apart.state.value, version, apart.state.expiresAt);
        await enqueueMessages(tx, apart.messages, apart.at);
        await createTranscriptRepo(tx).appendAll(
          apart.transcript.map((entry) => ({ ...entry, ticketId: null, at: apart.at })),
        );
      });
      await database().handle.db.transaction(async (tx) => {
        await markUpdateHandled(tx, tail.updateId, tail.at);
        await commitTurnTail(tx, tail);
      });
      expect(await comparable(tail)).toEqual(await comparable(apart));
      expect((await comparable(tail)).messages).toHaveLength(2);
    }
  });

  it('a turn’s tail over a state saved since writes nothing and throws', async () => {
    const turn = await pendingTurn();
    await saveVersioned(db(), turn.state.key, { other: true }, 0, turn.state.expiresAt);
    await expect(
      database().handle.db.transaction((tx) => commitTurnTail(tx, turn)),
    ).rejects.toBeInstanceOf(StaleStateError);
    const { messages, transcript, state } = await written(turn);
    expect({ messages, transcript, state }).toEqual({
      messages: [],
      transcript: [],
      state: { value: { other: true }, version: 1 },
    });
  });
});

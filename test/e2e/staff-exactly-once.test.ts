import { sql } from 'drizzle-orm';
import { Api } from 'grammy';
import type { Message, Update, UserFromGetMe } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../bot/create-bot.ts';
import { createMetrics } from '../../bot/metrics.ts';
import { ratingCommentKey } from '../../bot/services/chat-keys.ts';
import { AlreadyHandledError } from '../../bot/services/inbox-worker.ts';
import { createDelivery, type Delivery } from '../../bot/services/outbox.ts';
import { createOutboxSender } from '../../bot/services/outbox-sender.ts';
import { createRenderContext } from '../../bot/services/render-context.ts';
import { createStaffActions } from '../../bot/services/staff-actions.ts';
import { createStaffCustomers } from '../../bot/services/staff-customers.ts';
import { contactAlertKey, STAFF_JOBS } from '../../bot/services/staff-jobs.ts';
import { createStaffRatings } from '../../bot/services/staff-ratings.ts';
import { createStaffRelay } from '../../bot/services/staff-relay.ts';
import { createStaffTopics, staffPhotosKey } from '../../bot/services/staff-topics.ts';
import {
  ERASE_STAFF_MESSAGES_JOB,
  type EraseStaffMessagesPayload,
  type Job,
  type JsonObject,
  type NewTicket,
  type StaffMember,
  type Ticket,
  toZonedTime,
} from '../../core/index.ts';
import {
  acceptUpdates,
  createMemoryStore,
  createOutboxStore,
  customerTicketKeyPrefix,
  enqueueMessages,
  erasureKeyPrefix,
  markUpdateHandled,
  OUTBOX_PRIORITY,
  staffCardKey,
  staffPinKey,
} from '../../db/index.ts';
import { rowsOf } from '../../db/migrate.ts';
import type { StoredMessage } from '../support/bot-api-double.ts';
import { BOT, newTicket, STAFF_CHAT, StaffHarness, TOKEN } from '../support/staff-harness.ts';

const HAZARD = {
  priority: 'urgent' as const,
  triage: { label: 'hazard' as const, category: 'refrigerator' as const, symptomId: null },
};
const ALERT = /Hazard ticket .* contact the customer now/;
/** A ticket's card: the message with the Take button. */
const isCard = (message: StoredMessage) =>
  Boolean(message.reply_markup?.inline_keyboard?.flat().some((b) => /Take/.test(b.text)));

/**
 * The contact-promise alert is written with its ticket event in the alert job's transaction and
 * delivered by the outbox: a crash anywhere between the event and the post neither loses the
 * alert nor posts it twice. The bot's own sender is stopped, so each test decides when (and by
 * which sender: a fresh one over the same database, as after a restart) the alert goes out.
 */

/** A ticket whose customer sent no photos in the intake (none follow its card in the topic). */
const withoutPhotos = {
  product: {
    ...(newTicket('-').product as NonNullable<NewTicket['product']>),
    proofPhotoFileIds: [],
  },
};

describe('staff alerts and notices are posted exactly once across crashes', () => {
  const h = new StaffHarness();
  const deadLettered: string[] = [];
  beforeAll(async () => {
    await h.start();
    await h.stopSender();
  }, 90_000);
  afterAll(() => h.stop(), 30_000);

  /** A sender as a restarted process builds it: same database, nothing in memory. */
  const freshSender = () => {
    const metrics = createMetrics();
    const sender = createOutboxSender({
      db: h.app.deps.db,
      api: new Api(TOKEN, { apiRoot: h.double.apiRoot }),
      store: createMemoryStore(),
      clock: h.clock,
      log: h.app.deps.log,
      onBlocked: async () => {},
      recover: async (message, error) => h.frontline.staff.forum?.topics.recover(message, error),
      onDead: (message) => {
        deadLettered.push(message.key);
        metrics.sendsGivenUp.inc({ via: 'outbox', chat: 'group' });
      },
    });
    return { sender, metrics };
  };
  // Each staff request's update waits in the inbox (not due, so no worker takes it meanwhile).
  let nextUpdate = 91_000_000 + (process.pid % 1_000) * 100;

  /** A delivery whose transactions die before they commit (the process killed mid-work). */
  const crashingDelivery = (): Delivery => ({
    ...createDelivery(h.app.deps.db, new Api(TOKEN, { apiRoot: h.double.apiRoot }), () => {}),
    commit: (work) =>
      h.app.deps.db.transaction(async (tx) => {
        await work(tx);
        throw new Error('killed before commit');
      }),
  });
  /** Staff actions whose steps die inside their transaction (the process killed before the commit). */
  const crashingActions = () => {
    const forum = h.frontline.staff.forum;
    if (!forum) throw new Error('no staff forum');
    return createStaffActions(
      h.app.deps,
      forum.topics,
      createStaffCustomers(h.app.deps, crashingDelivery()),
      forum.access,
    );
  };
  const posted = (topicId: number) =>
    h.double.botMessages(STAFF_CHAT, topicId).filter((m) => ALERT.test(m.text ?? '')).length;
  const alertEvents = async (ticket: Ticket) =>
    (await h.repos.tickets.history(ticket.id)).filter((e) => e.type === 'contact_alert').length;
  const alertJob = async (ticket: Ticket) =>
    (await h.repos.jobs.findByKey(contactAlertKey(ticket.id, 'urgent'))) as Job;
  const outboxKeys = (job: Job, ticket: Ticket) => [
    `staff-topic:${ticket.id}:alert:${job.id}`,
    `staff-general:alert:${job.id}`,
  ];

  it('a job that dies before it commits leaves neither event nor message; its rerun raises the alert once', async () => {
    const { ticket, topicId } = await h.fileTicket(h.customer('Mei'), HAZARD);
    // The alert job ran with filing (it is due at once): event and messages committed together.
    const job = await alertJob(ticket);
    expect(job.state).toBe('done');
    expect(await alertEvents(ticket)).toBe(1);
    const outbox = createOutboxStore(h.app.deps.db);
    for (const key of outboxKeys(job, ticket))
      expect((await outbox.byKey(key))?.state).toBe('pending');
    // Nothing is posted while no sender runs (the process "died" after the commit).
    expect(posted(topicId)).toBe(0);
    expect(posted(0)).toBe(0);

    // The same job run again (a duplicate run, as after a lost lease) writes nothing more.
    const handler = h.frontline.jobHandlers[STAFF_JOBS.contactAlert];
    if (!handler) throw new Error('no contact alert handler');
    const controller = new AbortController();
    await handler(job, {
      now: h.clock.now(),
      signal: controller.signal,
      commit: (work) => h.app.deps.db.transaction(work),
    });
    expect(await alertEvents(ticket)).toBe(1);

    // A run that dies inside its transaction commits nothing at all: no event without its post.
    const other = await h.fileTicket(h.customer('Nils'), { ...HAZARD });
    const otherJob = await alertJob(other.ticket);
    const eventsBefore = await alertEvents(other.ticket);
    await expect(
      handler(
        { ...otherJob, id: `${otherJob.id}-crashed` },
        {
          now: h.clock.now(),
          signal: controller.signal,
          commit: (work) =>
            h.app.deps.db.transaction(async (tx) => {
              await work(tx);
              throw new Error('killed before commit');
            }),
        },
      ),
    ).rejects.toThrow('killed before commit');
    expect(await alertEvents(other.ticket)).toBe(eventsBefore);
    expect(await outbox.byKey(`staff-general:alert:${otherJob.id}-crashed`)).toBeUndefined();

    // The restarted process's sender posts each alert once, in its topic and in General.
    const { sender } = freshSender();
    await sender.drain(10_000);
    expect(posted(topicId)).toBe(1);
    expect(posted(other.topicId)).toBe(1);
    expect(posted(0)).toBe(2);
    const topicPost = await outbox.byKey(outboxKeys(job, ticket)[0] as string);
    expect(topicPost?.state).toBe('sent');
    expect(topicPost?.messageId).toEqual(expect.any(Number));

    // Later runs of the jobs and of another sender post nothing again.
    await h.runJobs();
    await freshSender().sender.drain(2_000);
    expect(posted(topicId)).toBe(1);
    expect(posted(0)).toBe(2);
  });

  it("a sender that dies mid-send leaves the topic's card and the alert behind it to the next sender once its lease runs out", async () => {
    const { ticket, topicId } = await h.fileTicket(h.customer('Olu'), HAZARD);
    await alertJob(ticket);
    // A sender claims the topic's card (written with the topic, before the alert) and dies before
    // Telegram answers (the staff chat is one chat: one message in flight, the rest wait behind).
    const claimed = await createOutboxStore(h.app.deps.db).claim({
      now: h.clock.now(),
      limit: 10,
      leaseMs: 60_000,
    });
    expect(claimed.map((m) => m.key)).toEqual([staffCardKey(ticket.id, topicId)]);

    const { sender } = freshSender();
    await sender.drain(1_000);
    expect(h.double.botMessages(STAFF_CHAT, topicId)).toHaveLength(0);
    expect(posted(topicId)).toBe(0);

    h.clock.advance(61_000);
    await sender.drain(10_000);
    // The card once, first in its topic and pinned (its id recorded as the topic's card), then the
    // alert once.
    const [card, ...rest] = h.double.botMessages(STAFF_CHAT, topicId);
    expect(card?.text).toContain(ticket.number);
    expect(card?.pinned).toBe(true);
    expect((await h.repos.tickets.topicOf(ticket.id))?.cardMessageId).toBe(card?.message_id);
    expect(rest.filter(isCard)).toHaveLength(0);
    expect(posted(topicId)).toBe(1);
    expect(await alertEvents(ticket)).toBe(1);
    expect(posted(0)).toBe(3);
  });

  it('an alert whose topic was deleted meanwhile goes to the recreated topic, once', async () => {
    const { ticket, topicId } = await h.fileTicket(h.customer('Pia'), HAZARD);
    h.double.deleteTopic(STAFF_CHAT, topicId);
    const { sender } = freshSender();
    await sender.drain(10_000);
    const moved = (await h.repos.tickets.topicOf(ticket.id))?.topicId as number;
    expect(moved).not.toBe(topicId);
    expect(posted(moved)).toBe(1);
    // The lost topic's card, still queued, found the topic gone: the new topic has one card of its
    // own (pinned), and the old one is settled unsent, not dead-lettered.
    const cards = h.double.botMessages(STAFF_CHAT, moved).filter(isCard);
    expect(cards).toHaveLength(1);
    expect(cards[0]?.pinned).toBe(true);
    const oldCard = await createOutboxStore(h.app.deps.db).byKey(staffCardKey(ticket.id, topicId));
    expect(oldCard).toMatchObject({ state: 'sent', messageId: null });
    expect(deadLettered).toEqual([]);
  });

  it('an alert Telegram refuses for good is dead-lettered, counted and logged, not dropped silently', async () => {
    const { ticket } = await h.fileTicket(h.customer('Quin'), HAZARD);
    const job = await alertJob(ticket);
    h.double.failNext('sendMessage', 400, 'Bad Request: chat not found', (p) =>
      ALERT.test(String(p.text)),
    );
    const { sender, metrics } = freshSender();
    await sender.drain(10_000);
    const outbox = createOutboxStore(h.app.deps.db);
    const states = await Promise.all(
      outboxKeys(job, ticket).map(async (key) => (await outbox.byKey(key))?.state),
    );
    expect(states).toContain('dead');
    expect(deadLettered.length).toBe(1);
    const text = await metrics.registry.getSingleMetricAsString('frontline_sends_given_up_total');
    expect(text).toMatch(/frontline_sends_given_up_total\{via="outbox",chat="group"\} 1/);
  });

  /** An erasure job for a ticket's topic, as `/forget` files it (the ticket's ids in the payload). */
  const eraseJob = async (ticket: Ticket, payload: Partial<EraseStaffMessagesPayload>) => {
    const topic = await h.repos.tickets.topicOf(ticket.id);
    if (!topic) throw new Error('no topic');
    const erasing: EraseStaffMessagesPayload = {
      chatId: STAFF_CHAT,
      topicId: topic.topicId,
      cardMessageId: topic.cardMessageId,
      messageIds: [],
      number: ticket.number,
      cancelled: true,
      ...payload,
    };
    const { job } = await h.repos.jobs.enqueue(
      {
        kind: ERASE_STAFF_MESSAGES_JOB,
        key: `erase-staff:test:${ticket.id}`,
        dueAt: h.clock.now(),
        payload: erasing as unknown as JsonObject,
      },
      h.clock.now(),
    );
    return job;
  };
  const eraseHandler = () => {
    const handler = h.frontline.jobHandlers[ERASE_STAFF_MESSAGES_JOB];
    if (!handler) throw new Error('no erasure handler');
    return handler;
  };
  const erasedNotices = (ticket: Ticket) =>
    h.double
      .botMessages(STAFF_CHAT, 0)
      .filter((m) =>
        (m.text ?? '').includes(`${ticket.number} was erased at the customer's request`),
      ).length;
  /**
   * Without the right to delete messages, which deleting a topic needs (the erasure's way round:
   * the bot may still delete its own messages), restored afterwards.
   */
  const withoutTopicRights = async (work: () => Promise<void>) => {
    h.double.setMember(STAFF_CHAT, BOT.id, 'administrator', {
      can_pin_messages: true,
      can_delete_messages: false,
      can_manage_topics: true,
    });
    try {
      await work();
    } finally {
      h.double.setMember(STAFF_CHAT, BOT.id, 'administrator');
    }
  };

  it("an erasure's deletions and notice are written with its job's completion: a crashed run deletes and tells nothing, a rerun writes nothing twice, a crash after the commit leaves them to the next sender", async () => {
    const { ticket, topicId } = await h.fileTicket(h.customer('Rex'));
    await freshSender().sender.drain(5_000);
    const job = await eraseJob(ticket, {});
    const outbox = createOutboxStore(h.app.deps.db);
    const keys = [`${erasureKeyPrefix(job.id)}topic`, `${erasureKeyPrefix(job.id)}card`];
    const signal = new AbortController().signal;
    // Killed inside its transaction: nothing is deleted and nothing written.
    await expect(
      eraseHandler()(job, {
        now: h.clock.now(),
        signal,
        commit: (work) =>
          h.app.deps.db.transaction(async (tx) => {
            await work(tx);
            throw new Error('killed before commit');
          }),
      }),
    ).rejects.toThrow('killed before commit');
    expect(h.double.topic(STAFF_CHAT, topicId)?.state).toBe('open');
    for (const key of [...keys, `staff-general:erased:${job.id}`])
      expect(await outbox.byKey(key), key).toBeUndefined();

    // The job runs again and commits, and once more by a duplicate run: each call written once.
    await h.runJobs();
    expect((await h.repos.jobs.findByKey(job.key as string))?.state).toBe('done');
    await eraseHandler()(job, {
      now: h.clock.now(),
      signal,
      commit: (work) => h.app.deps.db.transaction(work),
    });
    const written = rowsOf<{ key: string }>(
      await h.app.deps.db.execute(
        sql`select key from outbox_messages where key like ${`${erasureKeyPrefix(job.id)}%`} or key = ${`staff-general:erased:${job.id}`} order by id`,
      ),
    ).map((row) => row.key);
    expect(written).toEqual([...keys, `staff-general:erased:${job.id}`]);

    // The process dies after the commit, its sender mid-way through the topic's deletion (Telegram
    // deleted it, the send was never recorded): the next sender, once the lease runs out, finds
    // the topic gone (done, not dead-lettered), makes no call in its stead, and tells staff once.
    const [claimed] = await outbox.claim({ now: h.clock.now(), limit: 1, leaseMs: 60_000 });
    expect(claimed?.key).toBe(keys[0]);
    await new Api(TOKEN, { apiRoot: h.double.apiRoot }).deleteForumTopic(STAFF_CHAT, topicId);
    h.clock.advance(61_000);
    const deadBefore = deadLettered.length;
    const calls = h.double.calls.length;
    await freshSender().sender.drain(10_000);
    await freshSender().sender.drain(1_000);
    expect(h.double.topic(STAFF_CHAT, topicId)?.state).toBe('deleted');
    expect(await outbox.byKey(keys[0] as string)).toMatchObject({ state: 'sent', attempts: 2 });
    expect(await outbox.byKey(keys[1] as string)).toMatchObject({ state: 'sent', messageId: null });
    expect(deadLettered.slice(deadBefore)).toEqual([]);
    expect(h.double.calls.slice(calls).map((c) => `${c.method} ${c.ok}`)).toEqual([
      'deleteForumTopic false',
      'sendMessage true',
    ]);
    expect(erasedNotices(ticket)).toBe(1);
  });

  it('an erased topic someone already deleted in the app is done: nothing overwritten or deleted in its stead, nothing dead-lettered', async () => {
    const { ticket, topicId } = await h.fileTicket(h.customer('Ria'));
    await freshSender().sender.drain(5_000);
    const card = (await h.repos.tickets.topicOf(ticket.id))?.cardMessageId as number;
    expect(card).toBeGreaterThan(0);
    h.double.deleteTopic(STAFF_CHAT, topicId);
    const job = await eraseJob(ticket, { messageIds: [card] });
    await h.runJobs();
    const calls = h.double.calls.length;
    const deadBefore = deadLettered.length;
    await freshSender().sender.drain(10_000);
    const made = h.double.calls.slice(calls).map((c) => c.method);
    expect(made).toEqual(['deleteForumTopic', 'sendMessage']);
    expect(h.double.calls.at(-2)?.ok).toBe(false);
    expect(deadLettered.slice(deadBefore)).toEqual([]);
    expect(
      await createOutboxStore(h.app.deps.db).byKey(`${erasureKeyPrefix(job.id)}topic`),
    ).toMatchObject({ state: 'sent' });
    expect(erasedNotices(ticket)).toBe(1);
  });

  it("where the topic may not be deleted, the copies are deleted 100 a call; the card's overwrite, finding the card gone, is done and not posted again", async () => {
    // No intake photos: the card and the relayed copies are what the fallback deletes (the photos
    // posted after the card are not in the message map; README, erasure).
    const { ticket, topicId } = await h.fileTicket(h.customer('Sol'), withoutPhotos);
    await freshSender().sender.drain(5_000);
    const api = new Api(TOKEN, { apiRoot: h.double.apiRoot });
    // 150 copies of the customer's messages in the topic (as the relay leaves them).
    const copies: number[] = [];
    for (let n = 0; n < 150; n += 1)
      copies.push(
        (await api.sendMessage(STAFF_CHAT, `copy ${n}`, { message_thread_id: topicId })).message_id,
      );
    const card = (await h.repos.tickets.topicOf(ticket.id))?.cardMessageId as number;
    // Someone deleted the card by hand meanwhile.
    await api.deleteMessage(STAFF_CHAT, card);
    const job = await eraseJob(ticket, { messageIds: [...copies].reverse() });
    await h.runJobs();
    const calls = h.double.calls.length;
    const deadBefore = deadLettered.length;
    await withoutTopicRights(() => freshSender().sender.drain(10_000));
    const made = h.double.calls.slice(calls);
    expect(made.map((c) => `${c.method} ${c.ok}`)).toEqual([
      'deleteForumTopic false',
      'editMessageText false',
      'deleteMessages true',
      'deleteMessages true',
      'sendMessage true',
    ]);
    expect(
      made.filter((c) => c.method === 'deleteMessages').map((c) => c.payload.message_ids),
    ).toEqual([copies.slice(0, 100), copies.slice(100)]);
    expect(h.double.topic(STAFF_CHAT, topicId)?.state).toBe('open');
    expect(h.double.botMessages(STAFF_CHAT, topicId)).toEqual([]);
    // The topic's deletion, refused, is given up (the operator's to see); the card's overwrite,
    // finding the card gone, is done — and never sent as a new message.
    expect(deadLettered.slice(deadBefore)).toEqual([`${erasureKeyPrefix(job.id)}topic`]);
    expect(
      await createOutboxStore(h.app.deps.db).byKey(`${erasureKeyPrefix(job.id)}card`),
    ).toMatchObject({ state: 'sent', messageId: null });
    expect(
      h.double
        .botMessages(STAFF_CHAT)
        .filter((m) => /Erased at the customer's request/.test(m.text ?? '')),
    ).toEqual([]);
    expect(erasedNotices(ticket)).toBe(1);
  });

  it('a refusal of someone who is not staff is written with the update, once a minute per person, whichever instance handles it', async () => {
    const { ticket, topicId } = await h.fileTicket(h.customer('Ugo'));
    const mallory = { id: 990_000 + (process.pid % 1_000), is_bot: false, first_name: 'Mallory' };
    // A second instance over the same database, with a store of its own (no shared Redis).
    const other = createBot(
      { ...h.app.deps, store: createMemoryStore() },
      {
        token: TOKEN,
        apiRoot: h.double.apiRoot,
        botInfo: { ...BOT, is_bot: true } as UserFromGetMe,
        staff: { perMinute: 600, memberCacheMs: 0 },
      },
    );
    const attempt = (text: string): Update => {
      nextUpdate += 1;
      return {
        update_id: nextUpdate,
        message: {
          message_id: nextUpdate,
          date: Math.floor(h.clock.now().getTime() / 1000),
          chat: { id: STAFF_CHAT, type: 'supergroup', title: 'Service team', is_forum: true },
          from: mallory,
          text,
          entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]?.length ?? 0 }],
          message_thread_id: topicId,
          is_topic_message: true,
        },
      } as Update;
    };
    const refusals = async () =>
      rowsOf<{ key: string }>(
        await h.app.deps.db.execute(
          sql`select key from outbox_messages where key like ${`staff-general:refusal:${mallory.id}:%`} order by id`,
        ),
      );
    const audited = async () =>
      (await h.repos.audit.list(200)).filter((e) => e.telegramUserId === mallory.id).length;
    const refusedEvents = async () =>
      (await h.repos.tickets.history(ticket.id)).filter((e) => e.type === 'refused').length;

    const first = attempt('/take');
    await h.frontline.handle(first);
    expect(await refusals()).toHaveLength(1);
    // Half a minute later, the other instance refuses again: audited, not told again.
    h.clock.advance(30_000);
    const second = attempt('/close repaired');
    await other.handle(second);
    expect(await refusals()).toHaveLength(1);
    expect(await audited()).toBe(2);
    // The same update handled again (redelivered, or by the first instance) records nothing twice.
    await other.handle(second);
    await h.frontline.handle(first);
    expect(await audited()).toBe(2);
    expect(await refusedEvents()).toBe(2);
    // A minute after the first, they are told again, once.
    h.clock.advance(31_000);
    await other.handle(attempt('/reopen'));
    await h.frontline.handle(attempt('/note hi'));
    await h.double.waitFor(async () => (await audited()) === 4, 'the fourth attempt audited');
    expect(await refusals()).toHaveLength(2);

    await freshSender().sender.drain(10_000);
    const told = h.double
      .botMessages(STAFF_CHAT, topicId)
      .filter((m) => /Only the service team can use this/.test(m.text ?? ''));
    expect(told).toHaveLength(2);
  });

  it('a request for a person whose turn runs again (it failed after the request) is recorded and raised once', async () => {
    const sam = h.customer('Sam');
    const { id: customerId } = await h.repos.customers.ensure(sam.id, 'en', h.clock.now());
    const request = {
      customerId,
      chatId: sam.id,
      updateId: 7_000_001,
      description: 'the fridge hums loudly',
      render: createRenderContext(h.app.deps, 'en'),
    };
    // The turn dies before it commits: neither the ticket nor the alert's job is left behind.
    await expect(
      h.app.deps.db.transaction(async (tx) => {
        await h.frontline.staff.human.request(request, h.app.deps.reposOn(tx), tx);
        throw new Error('killed before commit');
      }),
    ).rejects.toThrow('killed before commit');
    expect(await h.repos.tickets.listByCustomer(customerId, { limit: 5 })).toHaveLength(0);
    expect(await h.repos.jobs.findByKey(`human-request:${sam.id}:7000001`)).toBeUndefined();
    const first = await h.frontline.staff.human.request(request);
    const again = await h.frontline.staff.human.request(request);
    expect(again.map((r) => r.text)).toEqual(first.map((r) => r.text));
    const [ticket] = await h.repos.tickets.listByCustomer(customerId, { limit: 5 });
    if (!ticket) throw new Error('no ticket');
    // One ticket and one alert job, keyed by the update; the job raises it, and runs once.
    expect(await h.repos.tickets.listByCustomer(customerId, { limit: 5 })).toHaveLength(1);
    expect(await h.repos.jobs.findByKey(`human-request:${sam.id}:7000001`)).toMatchObject({
      state: 'pending',
    });
    await h.runJobs();
    await h.runJobs();
    const requested = (await h.repos.tickets.history(ticket.id)).filter(
      (e) => e.type === 'human_requested',
    );
    expect(requested).toHaveLength(1);
    await freshSender().sender.drain(5_000);
    const asked = new RegExp(`${ticket.number}: the customer asks for a person`);
    const topicId = (await h.repos.tickets.topicOf(ticket.id))?.topicId as number;
    const count = (topic: number) =>
      h.double.botMessages(STAFF_CHAT, topic).filter((m) => asked.test(m.text ?? '')).length;
    expect(count(topicId)).toBe(1);
    expect(count(0)).toBe(1);
  });

  it("a customer's cancellation tells the topic and stops the alerts with the turn that cancels, not after it", async () => {
    const { ticket, topicId } = await h.fileTicket(h.customer('Tao'));
    const breach = () => h.repos.jobs.findByKey(contactAlertKey(ticket.id, 'breach'));
    expect((await breach())?.state).toBe('pending');
    const outbox = createOutboxStore(h.app.deps.db);
    const result = await h.repos.tickets.apply(
      ticket.id,
      {
        type: 'cancel',
        actor: { kind: 'customer', customerId: ticket.customerId },
        reason: 'customer',
      },
      h.clock.now(),
    );
    if (!result.ok) throw new Error('not cancelled');
    // The turn dies before it commits: no notice, the alerts still stand.
    await expect(
      h.app.deps.db.transaction(async (tx) => {
        await h.frontline.staff.human.customerCancelled(result.value, tx, 'turn:8000001');
        throw new Error('killed before commit');
      }),
    ).rejects.toThrow('killed before commit');
    expect(await outbox.byKey(`staff-topic:${ticket.id}:cancelled:turn:8000001`)).toBeUndefined();
    expect((await breach())?.state).toBe('pending');
    // It runs again and commits: both at once; the restarted sender posts the notice once.
    await h.app.deps.db.transaction((tx) =>
      h.frontline.staff.human.customerCancelled(result.value, tx, 'turn:8000001'),
    );
    expect((await breach())?.state).toBe('cancelled');
    await freshSender().sender.drain(5_000);
    await freshSender().sender.drain(1_000);
    const told = h.double
      .botMessages(STAFF_CHAT, topicId)
      .filter((m) => /The customer cancelled .* themselves/.test(m.text ?? ''));
    expect(told).toHaveLength(1);
  });

  it('an alert does not wait behind a backlog of background messages (check-backs in a surge)', async () => {
    const now = h.clock.now();
    const backlog = Array.from({ length: 30 }, (_, i) => ({
      key: `backlog:${now.getTime()}:${i}`,
      chatId: 5_000_000 + i,
      method: 'sendMessage',
      payload: { text: `check-back ${i}` },
      priority: OUTBOX_PRIORITY.background,
    }));
    await enqueueMessages(h.app.deps.db, backlog, now);
    const { ticket, topicId } = await h.fileTicket(h.customer('Uma'), HAZARD);
    const job = await alertJob(ticket);
    // One at a time, as the staff chat's line goes: the new topic's card, its pin and the
    // customer's photo (the fixture's ticket has one), then the alert, and nothing of the backlog
    // before it.
    const store = createOutboxStore(h.app.deps.db);
    const order: string[] = [];
    const alert = outboxKeys(job, ticket)[0] as string;
    while (!order.includes(alert) && order.length < 5) {
      const [next] = await store.claim({ now: h.clock.now(), limit: 1, leaseMs: 60_000 });
      if (!next) break;
      order.push(next.key);
      await store.markSent(next, null, h.clock.now());
    }
    expect(order).toEqual([
      staffCardKey(ticket.id, topicId),
      staffPinKey(ticket.id, topicId),
      staffPhotosKey(ticket.id, topicId, 0),
      alert,
    ]);
  });

  it("a customer's message is copied to the topic once, and the message map gets the copy's id when the outbox records it", async () => {
    const vic = h.customer('Vic');
    const { ticket, topicId } = await h.fileTicket(vic);
    // Waiting for a person: what the customer writes is copied to the topic (by the bot itself).
    const sent = h.double.send(vic, vic.id, { text: 'the door seal is torn at the bottom' });
    const copies = () => h.repos.relay.copiesOf(vic.id, sent.message_id);
    for (let tries = 0; (await copies()).length === 0; tries += 1) {
      if (tries > 250) throw new Error('the copy was not queued');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Queued, not sent: its id in the map is 0 until the outbox records the copy.
    expect((await copies())[0]?.targetMessageId).toBe(0);

    // The update's turn runs again (it failed after the relay): nothing is written twice.
    const message = { ...sent, chat: { id: vic.id, type: 'private' } } as never;
    await h.frontline.staff.forum?.relay.fromCustomer(ticket, message);
    expect(await copies()).toHaveLength(1);
    const lines = (await h.repos.transcript.list(ticket.customerId, { limit: 50 })).filter(
      (entry) =>
        entry.text === 'the door seal is torn at the bottom' && entry.ticketId === ticket.id,
    );
    expect(lines).toHaveLength(1);

    // A restarted process's sender copies it once; the map now names the copy in the topic.
    await freshSender().sender.drain(10_000);
    await freshSender().sender.drain(1_000);
    const inTopic = h.double
      .botMessages(STAFF_CHAT, topicId)
      .filter((m) => m.text === 'the door seal is torn at the bottom');
    expect(inTopic).toHaveLength(1);
    expect((await copies())[0]?.targetMessageId).toBe(inTopic[0]?.message_id);
  });

  it('a message whose update was handled already (a head run again from another instance) is not copied', async () => {
    const wren = h.customer('Wren');
    const { ticket } = await h.fileTicket(wren);
    const message = {
      message_id: 777_001,
      date: 0,
      chat: { id: wren.id, type: 'private' },
      from: { id: wren.id, is_bot: false, first_name: 'Wren' },
      text: 'the light inside stays off',
    } as never;
    const updateId = 7_770_001;
    await acceptUpdates(
      h.app.deps.db,
      [{ updateId, chatId: wren.id, payload: { update_id: updateId, message } }],
      h.clock.now(),
    );
    // Handled elsewhere (before the ticket was waiting, so not copied then): nothing now.
    expect(await markUpdateHandled(h.app.deps.db, updateId, h.clock.now())).toBe(true);
    await h.frontline.staff.forum?.relay.fromCustomer(ticket, message, updateId);
    expect(await h.repos.relay.copiesOf(wren.id, 777_001)).toHaveLength(0);
    const lines = (await h.repos.transcript.list(ticket.customerId, { limit: 50 })).filter(
      (entry) => entry.text === 'the light inside stays off',
    );
    expect(lines).toHaveLength(0);
    // The same message under an update not handled (here one not in the inbox) is copied.
    await h.frontline.staff.forum?.relay.fromCustomer(ticket, message, updateId + 1);
    expect(await h.repos.relay.copiesOf(wren.id, 777_001)).toHaveLength(1);
  });

  it('an update handled already (another instance committed it first) is neither relayed nor answered when run here', async () => {
    const yan = h.customer('Yan');
    const { ticket } = await h.fileTicket(yan);
    const repliesBefore = h.double.botMessages(yan.id).length;
    const update = (updateId: number, messageId: number) =>
      ({
        update_id: updateId,
        message: {
          message_id: messageId,
          date: 0,
          chat: { id: yan.id, type: 'private', first_name: 'Yan' },
          from: { id: yan.id, is_bot: false, first_name: 'Yan', language_code: 'en' },
          text: 'the drum still smells of mould',
        },
      }) as Update;
    // A second instance over the same database, with no loops of its own (its runs are the
    // test's); the harness's inbox loop is stopped meanwhile, so no other run takes the update.
    const here = createBot(h.app.deps, {
      token: TOKEN,
      apiRoot: h.double.apiRoot,
      botInfo: { ...BOT, is_bot: true } as UserFromGetMe,
      staff: { perMinute: 600, memberCacheMs: 0 },
    });
    /**
     * Taken in by `here` as the chat's head (run without reading the inbox), then handled by
     * another instance before `here` runs the chat: the run reads the turn and stops, with no copy
     * and no reply.
     */
    const runHandledElsewhere = async (updateId: number, messageId: number) => {
      await h.frontline.inbox.stop();
      try {
        await here.receive([update(updateId, messageId)]);
        expect(await markUpdateHandled(h.app.deps.db, updateId, h.clock.now())).toBe(true);
        expect(await here.inbox.runChat(yan.id)).toBe(0);
      } finally {
        h.frontline.inbox.start();
      }
      await freshSender().sender.drain(2_000);
      expect(await h.repos.relay.copiesOf(yan.id, messageId)).toHaveLength(0);
      expect(h.double.botMessages(yan.id)).toHaveLength(repliesBefore);
      expect(
        (await h.repos.transcript.list(ticket.customerId, { limit: 50 })).filter(
          (entry) => entry.text === 'the drum still smells of mould',
        ),
      ).toHaveLength(0);
    };
    // Waiting for a person (the filed ticket nobody has taken yet).
    await runHandledElsewhere(7_780_001, 778_001);
    // Held by a staff member: the held chat's copy is not made either.
    const customer = await h.repos.customers.findByTelegramId(yan.id);
    if (!customer) throw new Error('no customer');
    await createStaffCustomers(h.app.deps, crashingDelivery()).setHold(customer, {
      ticketNumber: ticket.number,
      staffId: 1,
    });
    await runHandledElsewhere(7_780_003, 778_003);
    await createStaffCustomers(h.app.deps, crashingDelivery()).setHold(customer, undefined);
    // The customer's next message, not handled anywhere, is copied and answered.
    await h.frontline.handle(update(7_780_002, 778_002));
    expect(await h.repos.relay.copiesOf(yan.id, 778_002)).toHaveLength(1);
    await freshSender().sender.drain(5_000);
    expect(h.double.botMessages(yan.id).length).toBeGreaterThan(repliesBefore);
  });

  it("an album's parts are written as they come, before their updates are marked handled: a crash in the wait loses none, the next process copies the album once, as an album, and a late part goes on its own", async () => {
    const ada = h.staffMember('Ada Album');
    const kai = h.customer('Kai');
    const { ticket, topicId } = await h.fileTicket(kai, withoutPhotos);
    await freshSender().sender.drain(5_000);
    const handled = async (chatId: number) =>
      rowsOf<{ n: number }>(
        await h.app.deps.db.execute(
          sql`select count(*)::int as n from inbox_updates where chat_id = ${chatId} and state = 'done'`,
        ),
      )[0]?.n ?? 0;
    const row = async (key: string) =>
      rowsOf<{ state: string; payload: string | null }>(
        await h.app.deps.db.execute(
          sql`select state, payload from outbox_messages where key = ${key}`,
        ),
      )[0];
    const idsIn = async (key: string) =>
      (JSON.parse((await row(key))?.payload ?? '{}') as { message_ids?: number[] }).message_ids;
    const mapped = async (chatId: number, ids: number[]) =>
      (await Promise.all(ids.map((id) => h.repos.relay.copiesOf(chatId, id)))).flat();

    // Kai (waiting for a person) sends an album: the moment its three updates are marked handled,
    // the album's one copy holds all three — nothing is left in this process's memory to lose.
    const parts = h.double.sendAlbum(kai, kai.id, [
      { photo: 'k1', caption: 'the label' },
      { photo: 'k2' },
      { photo: 'k3' },
    ]);
    const group = parts[0]?.media_group_id as string;
    const albumKey = `staff-topic:${ticket.id}:album:${group}`;
    await h.double.waitFor(async () => (await handled(kai.id)) >= 3, 'three parts handled');
    expect(await idsIn(albumKey)).toEqual(parts.map((m) => m.message_id));
    expect(
      await mapped(
        kai.id,
        parts.map((m) => m.message_id),
      ),
    ).toHaveLength(3);
    // A part handled again (its turn failed after the relay) writes nothing twice.
    const forum = h.frontline.staff.forum;
    if (!forum) throw new Error('no staff forum');
    await forum.relay.fromCustomer(ticket, {
      ...(parts[1] as StoredMessage),
      chat: { id: kai.id, type: 'private', first_name: 'Kai' },
    } as unknown as Message);
    expect(await idsIn(albumKey)).toEqual(parts.map((m) => m.message_id));

    // The process died in the wait; the next one's sender copies the album once, as an album.
    const copiesBefore = h.double.calls.filter((c) => c.method === 'copyMessages').length;
    await freshSender().sender.drain(10_000);
    const album = h.double.botMessages(STAFF_CHAT, topicId).filter((m) => m.photo);
    expect(album).toHaveLength(3);
    expect(new Set(album.map((m) => m.media_group_id)).size).toBe(1);
    expect(h.double.calls.filter((c) => c.method === 'copyMessages').length).toBe(copiesBefore + 1);
    const map = await mapped(
      kai.id,
      parts.map((m) => m.message_id),
    );
    expect(map.map((copy) => copy.targetMessageId)).toEqual(album.map((m) => m.message_id));

    // A part that comes after the album was copied goes as a copy of its own.
    const late = h.double.send(kai, kai.id, { photo: 'k4' }, { mediaGroupId: group });
    await h.double.waitFor(async () => (await handled(kai.id)) >= 4, 'the late part handled');
    expect((await row(`${albumKey}:${late.message_id}`))?.state).toBe('pending');
    await freshSender().sender.drain(10_000);
    expect(h.double.botMessages(STAFF_CHAT, topicId).filter((m) => m.photo)).toHaveLength(4);

    // Ada takes the chat and sends an album: the same, towards Kai, with the contact recorded once.
    const take = async () => {
      nextUpdate += 1;
      await acceptUpdates(
        h.app.deps.db,
        [{ updateId: nextUpdate, chatId: STAFF_CHAT - 7, payload: {} }],
        new Date(h.clock.now().getTime() + 365 * 86_400_000),
      );
      const member = await h.repos.staff.seen(ada.id, ada.first_name, null);
      await forum.actions.take(
        { member, user: ada as never, topicId, ticket, updateId: nextUpdate },
        ticket,
      );
    };
    await take();
    const staffHandled = await handled(STAFF_CHAT);
    const sent = h.double.sendAlbum(
      ada,
      STAFF_CHAT,
      [{ photo: 's1', caption: 'this one' }, { photo: 's2' }],
      {
        topicId,
      },
    );
    const staffKey = `to-customer:${ticket.id}:album:${sent[0]?.media_group_id}`;
    await h.double.waitFor(
      async () => (await handled(STAFF_CHAT)) >= staffHandled + 2,
      'two staff parts handled',
    );
    expect(await idsIn(staffKey)).toEqual(sent.map((m) => m.message_id));
    await freshSender().sender.drain(10_000);
    const atKai = h.double.botMessages(kai.id).filter((m) => m.photo);
    expect(atKai).toHaveLength(2);
    expect(atKai[0]?.caption).toBe('this one');
    expect(new Set(atKai.map((m) => m.media_group_id)).size).toBe(1);
    const contacts = (await h.repos.tickets.history(ticket.id)).filter(
      (e) => e.type === 'contacted',
    );
    expect(contacts).toHaveLength(1);
  });

  it("a staff member's message reaches the customer once, in line with the bot's messages to them, across a crash before the commit, a rerun and a sender dying mid-send", async () => {
    const ada = h.staffMember('Ada');
    const wen = h.customer('Wen');
    const { ticket, topicId } = await h.fileTicket(wen);
    await freshSender().sender.drain(5_000);
    // Ada takes it with the card's button (what the take says is queued: no sender runs).
    const [card] = h.double.botMessages(STAFF_CHAT, topicId);
    h.double.press(ada, STAFF_CHAT, card?.message_id as number, /Take/);
    await h.double.waitFor(
      async () => (await h.repos.tickets.get(ticket.id))?.assigneeId === ada.id,
      'the ticket taken',
    );
    const outbox = createOutboxStore(h.app.deps.db);
    // The take's notice to the customer is queued, not sent (no sender runs).
    expect(h.double.botMessages(wen.id)).toHaveLength(0);

    const text = 'Hello Wen, I will call you at three.';
    const member = (await h.repos.staff.get(ada.id)) as StaffMember;
    const taken = (await h.repos.tickets.get(ticket.id)) as Ticket;
    const key = (id: number) => `${customerTicketKeyPrefix(ticket.id)}copy:${id}`;
    const transcriptLines = async () =>
      (await h.repos.transcript.list(ticket.customerId, { limit: 50 })).filter(
        (entry) => entry.text === text && entry.direction === 'staff',
      );
    const contacted = async () =>
      (await h.repos.tickets.history(ticket.id)).filter((e) => e.type === 'contacted');

    // A relay whose transaction dies before it commits (the process killed mid-turn): nothing
    // of the copy is left — no outbox row, no map row, no transcript line, no contact recorded.
    const forum = h.frontline.staff.forum;
    if (!forum) throw new Error('no staff forum');
    const crashing = createStaffRelay(
      h.app.deps,
      crashingDelivery(),
      forum.topics,
      h.frontline.staff.customers,
    );
    const ghost = h.double.messages(STAFF_CHAT, topicId).at(-1) as StoredMessage;
    const asMessage = (stored: StoredMessage) =>
      ({
        ...stored,
        chat: { id: STAFF_CHAT, type: 'supergroup' },
        is_topic_message: true,
        message_thread_id: topicId,
      }) as never;
    await expect(crashing.fromStaff(taken, member, asMessage({ ...ghost, text }))).rejects.toThrow(
      'killed before commit',
    );
    expect(await outbox.byKey(key(ghost.message_id))).toBeUndefined();
    expect(await h.repos.relay.copiesOf(STAFF_CHAT, ghost.message_id)).toHaveLength(0);
    expect(await transcriptLines()).toHaveLength(0);
    expect(await contacted()).toHaveLength(0);

    // Ada writes in the topic: the bot handles the update and queues the copy with the rest.
    const sent = h.double.send(ada, STAFF_CHAT, { text }, { topicId });
    await h.double.waitFor(
      async () => (await outbox.byKey(key(sent.message_id)))?.state === 'pending',
      'the copy queued',
    );
    const copies = () => h.repos.relay.copiesOf(STAFF_CHAT, sent.message_id);
    expect((await copies()).map((c) => [c.targetChatId, c.targetMessageId])).toEqual([[wen.id, 0]]);
    expect(await transcriptLines()).toHaveLength(1);
    expect(await contacted()).toHaveLength(1);
    expect((await h.repos.jobs.findByKey(contactAlertKey(ticket.id, 'breach')))?.state).toBe(
      'cancelled',
    );

    // The staff update is handled again (it failed after the relay): nothing is written twice.
    await forum.relay.fromStaff(taken, member, asMessage(sent));
    expect(await copies()).toHaveLength(1);
    expect(await transcriptLines()).toHaveLength(1);
    expect(await contacted()).toHaveLength(1);

    // A sender claims the customer's line and dies before Telegram answers: the next sender
    // delivers once the lease runs out.
    const claimed = await outbox.claim({ now: h.clock.now(), limit: 50, leaseMs: 60_000 });
    expect(claimed.map((m) => m.chatId)).toContain(wen.id);
    const { sender } = freshSender();
    await sender.drain(1_000);
    expect(h.double.botMessages(wen.id)).toHaveLength(0);
    h.clock.advance(61_000);
    await sender.drain(10_000);
    await freshSender().sender.drain(1_000);

    // In order: the notice of the take, then Ada's message, each once; the map names the copy.
    const atCustomer = h.double.botMessages(wen.id);
    expect(atCustomer.map((m) => m.text)).toEqual([
      expect.stringMatching(/Ada from our service team is with you now/),
      text,
    ]);
    expect(atCustomer[1]?.copiedFrom).toEqual({ chatId: STAFF_CHAT, messageId: sent.message_id });
    expect((await copies())[0]?.targetMessageId).toBe(atCustomer[1]?.message_id);
    expect((await outbox.byKey(key(sent.message_id)))?.messageId).toBe(atCustomer[1]?.message_id);
  });

  it('a take and a closing commit with their notices and their staff update: a crash before the commit changes and tells nothing; the update run again after it does nothing twice', async () => {
    const bea = h.staffMember('Bea');
    const xia = h.customer('Xia');
    const { ticket, topicId } = await h.fileTicket(xia);
    const forum = h.frontline.staff.forum;
    if (!forum) throw new Error('no staff forum');
    const member = await h.repos.staff.seen(bea.id, bea.first_name, null);
    const outbox = createOutboxStore(h.app.deps.db);
    const staffUpdate = async () => {
      nextUpdate += 1;
      const later = new Date(h.clock.now().getTime() + 365 * 86_400_000);
      await acceptUpdates(
        h.app.deps.db,
        [{ updateId: nextUpdate, chatId: STAFF_CHAT - 7, payload: {} }],
        later,
      );
      return nextUpdate;
    };
    const request = async (current: Ticket) => ({
      member,
      user: bea as never,
      topicId,
      ticket: current,
      updateId: await staffUpdate(),
    });
    const toCustomer = (updateId: number, key: string) =>
      outbox.byKey(`${customerTicketKeyPrefix(ticket.id)}update:${updateId}:${key}`);
    const toTopic = (updateId: number, key: string) =>
      outbox.byKey(`staff-topic:${ticket.id}:update:${updateId}:${key}`);
    const events = async (type: string) =>
      (await h.repos.tickets.history(ticket.id)).filter((e) => e.type === type).length;
    const handled = async (updateId: number) =>
      rowsOf<{ state: string }>(
        await h.app.deps.db.execute(
          sql`select state from inbox_updates where update_id = ${updateId}`,
        ),
      );

    const crashing = crashingActions();

    const take = await request(ticket);
    await expect(crashing.take(take, ticket)).rejects.toThrow('killed before commit');
    expect((await h.repos.tickets.get(ticket.id))?.assigneeId).toBeNull();
    expect(await h.frontline.staff.customers.holdOf(xia.id)).toBeUndefined();
    expect(await toCustomer(take.updateId, 'handover-taken')).toBeUndefined();
    expect(await toTopic(take.updateId, 'staff-taken')).toBeUndefined();
    expect(await handled(take.updateId)).toEqual([{ state: 'pending' }]);

    // The update runs again and commits: the take, the hold, both notices and the handled mark.
    await forum.actions.take(take, ticket);
    expect((await h.repos.tickets.get(ticket.id))?.assigneeId).toBe(bea.id);
    expect((await h.frontline.staff.customers.holdOf(xia.id))?.staffId).toBe(bea.id);
    expect((await toCustomer(take.updateId, 'handover-taken'))?.state).toBe('pending');
    expect((await toTopic(take.updateId, 'staff-taken'))?.state).toBe('pending');
    expect(await handled(take.updateId)).toEqual([{ state: 'done' }]);
    // Delivered again after the commit (redelivered, or a second instance): nothing twice.
    await expect(forum.actions.take(take, ticket)).rejects.toBeInstanceOf(AlreadyHandledError);
    expect(await events('taken')).toBe(1);

    // The closing: crashed, then committed with the closing notice and the one rating request.
    const taken = (await h.repos.tickets.get(ticket.id)) as Ticket;
    const close = await request(taken);
    await expect(crashing.closeAs(close, taken, 'repaired')).rejects.toThrow(
      'killed before commit',
    );
    expect((await h.repos.tickets.get(ticket.id))?.state).toBe(taken.state);
    expect(await h.repos.ratings.get(ticket.id)).toBeUndefined();
    expect(await toCustomer(close.updateId, 'handover-rate')).toBeUndefined();
    await forum.actions.closeAs(close, taken, 'repaired');
    await expect(forum.actions.closeAs(close, taken, 'repaired')).rejects.toBeInstanceOf(
      AlreadyHandledError,
    );
    expect((await h.repos.tickets.get(ticket.id))?.state).toBe('resolved');
    expect(await h.frontline.staff.customers.holdOf(xia.id)).toBeUndefined();
    expect(await events('resolved')).toBe(1);

    // A restarted process's senders deliver each once, in order.
    await freshSender().sender.drain(10_000);
    await freshSender().sender.drain(1_000);
    expect(h.double.botMessages(xia.id).map((m) => m.text)).toEqual([
      expect.stringMatching(/Bea from our service team is with you now/),
      expect.stringMatching(/is closed: the repair is done/),
      expect.stringMatching(/Rate us from 1/),
    ]);
    const inTopic = (pattern: RegExp) =>
      h.double.botMessages(STAFF_CHAT, topicId).filter((m) => pattern.test(m.text ?? '')).length;
    expect(inTopic(/Bea took/)).toBe(1);
    expect(inTopic(/Bea closed/)).toBe(1);

    // The customer rates: the score, the thanks and the topic's notice, once.
    const [prompt] = h.double.botMessages(xia.id).slice(-1);
    h.double.press(xia, xia.id, prompt?.message_id as number, /^5 ⭐$/);
    await h.double.waitFor(
      async () => (await h.repos.ratings.get(ticket.id))?.score === 5,
      'the rating stored',
    );
    expect(await events('rated')).toBe(1);
    await freshSender().sender.drain(10_000);
    await freshSender().sender.drain(1_000);
    expect(
      h.double.botMessages(xia.id).filter((m) => /write a short comment/.test(m.text ?? '')),
    ).toHaveLength(1);
    expect(inTopic(/rated .* 5\/5/)).toBe(1);
  });

  it('an edit that arrives while its copy is queued or in flight follows the copy instead of being dropped', async () => {
    const outbox = createOutboxStore(h.app.deps.db);
    const editRows = async (ticket: Ticket) =>
      rowsOf<{ key: string; state: string; chat_id: string }>(
        await h.app.deps.db.execute(
          sql`select key, state, chat_id from outbox_messages where key like ${`%:${ticket.id}:edit:%`}`,
        ),
      );

    // Customer → topic: Telegram has accepted the copy, but its sender has not recorded it yet
    // (the map still says 0) when the customer edits the message.
    const yan = h.customer('Yan');
    const { ticket, topicId } = await h.fileTicket(yan);
    await freshSender().sender.drain(10_000);
    const sent = h.double.send(yan, yan.id, { text: 'the fridge is at 12 degrees' });
    const copyKey = `staff-topic:${ticket.id}:relay:${sent.message_id}`;
    await h.double.waitFor(
      async () => (await outbox.byKey(copyKey))?.state === 'pending',
      'the copy queued',
    );
    const claimed = (await outbox.claim({ now: h.clock.now(), limit: 100, leaseMs: 60_000 })).find(
      (m) => m.key === copyKey,
    );
    if (!claimed) throw new Error('the copy was not claimed');
    const copy = (await new Api(TOKEN, { apiRoot: h.double.apiRoot }).raw.copyMessage({
      chat_id: STAFF_CHAT,
      ...claimed.payload,
    } as never)) as { message_id: number };
    h.double.edit(yan.id, sent.message_id, 'the fridge is at 14 degrees');
    await h.double.waitFor(async () => (await editRows(ticket)).length === 1, 'the edit queued');
    // The sender records the copy; then the edit, behind it in the staff chat's line, finds it.
    await outbox.markSentMany([
      {
        message: claimed,
        messageId: copy.message_id,
        at: h.clock.now(),
        copies: { fromChatId: yan.id, sourceIds: [sent.message_id], targetIds: [copy.message_id] },
      },
    ]);
    await freshSender().sender.drain(10_000);
    expect(h.double.message(STAFF_CHAT, copy.message_id).text).toBe('the fridge is at 14 degrees');
    const fridge = (topic?: number) =>
      h.double.botMessages(STAFF_CHAT, topic).filter((m) => /the fridge is at/.test(m.text ?? ''));
    expect(fridge(topicId)).toHaveLength(1);
    expect(fridge(0)).toHaveLength(0);
    expect((await editRows(ticket)).map((row) => row.state)).toEqual(['sent']);

    // Staff → customer: the taker edits while the copy still waits in the outbox. The copy,
    // made later, carries the edit; the edit then changes nothing and is done.
    const cai = h.staffMember('Cai');
    const zoe = h.customer('Zoe');
    const filed = await h.fileTicket(zoe);
    await h.repos.staff.seen(cai.id, cai.first_name, null);
    await h.repos.tickets.apply(filed.ticket.id, { type: 'take', staffId: cai.id }, h.clock.now());
    const said = h.double.send(
      cai,
      STAFF_CHAT,
      { text: 'We come on Monday.' },
      { topicId: filed.topicId },
    );
    await h.double.waitFor(
      async () =>
        (await outbox.byKey(`${customerTicketKeyPrefix(filed.ticket.id)}copy:${said.message_id}`))
          ?.state === 'pending',
      'the copy queued',
    );
    h.double.edit(STAFF_CHAT, said.message_id, 'We come on Tuesday.');
    await h.double.waitFor(
      async () => (await editRows(filed.ticket)).length === 1,
      'the edit queued',
    );
    await freshSender().sender.drain(10_000);
    expect(h.double.botMessages(zoe.id).map((m) => m.text)).toEqual(['We come on Tuesday.']);
    expect((await editRows(filed.ticket)).map((row) => row.state)).toEqual(['sent']);
  });

  it("a staff command's answer is written with what it reports and the update's handled mark: a note crashed before its commit is neither kept nor confirmed; a refusal is answered once", async () => {
    const dee = h.staffMember('Dee');
    const eli = h.staffMember('Eli');
    const { ticket, topicId } = await h.fileTicket(h.customer('Fay'));
    const forum = h.frontline.staff.forum;
    if (!forum) throw new Error('no staff forum');
    const outbox = createOutboxStore(h.app.deps.db);
    const later = new Date(h.clock.now().getTime() + 365 * 86_400_000);
    const request = async (user: typeof dee) => {
      nextUpdate += 1;
      await acceptUpdates(
        h.app.deps.db,
        [{ updateId: nextUpdate, chatId: STAFF_CHAT - 7, payload: {} }],
        later,
      );
      const member = await h.repos.staff.seen(user.id, user.first_name, null);
      return { member, user: user as never, topicId, ticket, updateId: nextUpdate };
    };
    const answerKey = (updateId: number, key: string) =>
      `staff-topic:${ticket.id}:update:${updateId}:${key}`;
    const notes = async () =>
      (await h.repos.tickets.history(ticket.id)).filter((e) => e.type === 'note').length;
    const crashing = crashingActions();

    const noting = await request(dee);
    await expect(crashing.note(noting, ticket, 'call after 5pm')).rejects.toThrow(
      'killed before commit',
    );
    expect(await notes()).toBe(0);
    expect(await outbox.byKey(answerKey(noting.updateId, 'staff-note-saved'))).toBeUndefined();
    await forum.actions.note(noting, ticket, 'call after 5pm');
    await expect(forum.actions.note(noting, ticket, 'call after 5pm')).rejects.toBeInstanceOf(
      AlreadyHandledError,
    );
    expect(await notes()).toBe(1);
    expect((await outbox.byKey(answerKey(noting.updateId, 'staff-note-saved')))?.state).toBe(
      'pending',
    );

    // Eli has it; Dee's take is refused, and the refusal is written with the update's mark.
    await forum.actions.take(await request(eli), ticket);
    const refused = await request(dee);
    await forum.actions.take(refused, (await h.repos.tickets.get(ticket.id)) as Ticket);
    expect((await outbox.byKey(answerKey(refused.updateId, 'staff-refused')))?.state).toBe(
      'pending',
    );
    await expect(forum.actions.take(refused, ticket)).rejects.toBeInstanceOf(AlreadyHandledError);

    await freshSender().sender.drain(10_000);
    await freshSender().sender.drain(1_000);
    const inTopic = (pattern: RegExp) =>
      h.double.botMessages(STAFF_CHAT, topicId).filter((m) => pattern.test(m.text ?? '')).length;
    expect(inTopic(/Internal note kept/)).toBe(1);
    expect(inTopic(/Eli took/)).toBe(1);
    expect(inTopic(/already/i)).toBe(1);
  });

  /** A ticket filed with no staff job run yet: its topic is made by the test. */
  const unpostedTicket = async (name: string) => {
    const now = h.clock.now();
    const { id } = await h.repos.customers.ensure(h.customer(name).id, 'en', now);
    const { ticket } = await h.repos.tickets.create(newTicket(id), {
      idempotencyKey: `topic-test:${name}:${now.getTime()}`,
      day: toZonedTime(now, h.config.SERVICE_TZ).date,
      at: now,
      actor: { kind: 'customer', customerId: id },
    });
    return ticket;
  };
  /** Topics whose name starts with the ticket's number (the Bot API cannot list them: the double can). */
  const topicsOf = (ticket: Ticket) =>
    h.double.topics(STAFF_CHAT).filter((topic) => topic.name.startsWith(ticket.number));
  const events = async (ticket: Ticket, type: string) =>
    (await h.repos.tickets.history(ticket.id)).filter((event) => event.type === type).length;
  const orphansReported = async () =>
    (await h.app.deps.metrics.staffTopicsMaybeOrphaned.get()).values[0]?.value ?? 0;

  it("a topic's creation that dies between Telegram's answer and its record: the rerun makes one more topic, reports the orphan, and the ticket gets one card", async () => {
    const forum = h.frontline.staff.forum;
    if (!forum) throw new Error('no staff forum');
    const ticket = await unpostedTicket('Gus');
    const reported = await orphansReported();
    // The process dies after Telegram made the topic, inside the transaction that records it.
    const dying = createStaffTopics(
      h.app.deps,
      new Api(TOKEN, { apiRoot: h.double.apiRoot }),
      forum.queue,
      STAFF_CHAT,
      crashingDelivery(),
    );
    await expect(dying.ensure(ticket)).rejects.toThrow('killed before commit');
    expect(topicsOf(ticket)).toHaveLength(1);
    expect(await h.repos.tickets.topicOf(ticket.id)).toBeUndefined();
    expect(await events(ticket, 'topic_requested')).toBe(1);
    expect(await events(ticket, 'topic_opened')).toBe(0);
    // Nothing of the card was written with the record that died.
    const [orphan] = topicsOf(ticket);
    expect(
      await createOutboxStore(h.app.deps.db).byKey(staffCardKey(ticket.id, orphan?.id as number)),
    ).toBeUndefined();

    // The restarted process makes the topic again (Telegram cannot say whether the first exists)
    // and says so; a second rerun finds the recorded topic and makes nothing.
    const topic = await forum.topics.ensure(ticket);
    expect(await orphansReported()).toBe(reported + 1);
    expect(topicsOf(ticket)).toHaveLength(2);
    expect(topic.topicId).not.toBe(orphan?.id);
    expect(await forum.topics.ensure(ticket)).toMatchObject({ topicId: topic.topicId });
    expect(topicsOf(ticket)).toHaveLength(2);
    expect(await events(ticket, 'topic_requested')).toBe(2);
    expect(await events(ticket, 'topic_opened')).toBe(1);
    expect(await orphansReported()).toBe(reported + 1);

    // One card, in the recorded topic, pinned and recorded as its card; none in the orphan.
    await freshSender().sender.drain(10_000);
    await freshSender().sender.drain(1_000);
    const cards = h.double.botMessages(STAFF_CHAT, topic.topicId).filter(isCard);
    expect(cards).toHaveLength(1);
    expect(cards[0]?.pinned).toBe(true);
    expect((await h.repos.tickets.topicOf(ticket.id))?.cardMessageId).toBe(cards[0]?.message_id);
    expect(h.double.botMessages(STAFF_CHAT, orphan?.id as number)).toHaveLength(0);
  });

  it('a topic recorded before the process died is not made again, and its card, queued with the record, is posted once by the next sender', async () => {
    const forum = h.frontline.staff.forum;
    if (!forum) throw new Error('no staff forum');
    const ticket = await unpostedTicket('Hal');
    const reported = await orphansReported();
    // The new-ticket job records the topic and queues its card; the process dies before any send.
    const handler = h.frontline.jobHandlers[STAFF_JOBS.newTicket];
    if (!handler) throw new Error('no new-ticket handler');
    const job = {
      id: `new-ticket-${ticket.id}`,
      kind: STAFF_JOBS.newTicket,
      payload: { ticketId: ticket.id },
    } as unknown as Job;
    const run = () =>
      handler(job, {
        now: h.clock.now(),
        signal: new AbortController().signal,
        commit: (work) => h.app.deps.db.transaction(work),
      });
    await run();
    const topic = (await h.repos.tickets.topicOf(ticket.id)) as { topicId: number };
    expect(h.double.botMessages(STAFF_CHAT, topic.topicId)).toHaveLength(0);
    // The job runs again (its lease lost): the topic is known, nothing is made or queued twice.
    await run();
    expect(topicsOf(ticket)).toHaveLength(1);
    expect(await events(ticket, 'topic_requested')).toBe(1);
    expect(await orphansReported()).toBe(reported);
    // A sender claims the card and dies mid-send; the next one, after the lease, posts it once.
    const [claimed] = await createOutboxStore(h.app.deps.db).claim({
      now: h.clock.now(),
      limit: 1,
      leaseMs: 60_000,
    });
    expect(claimed?.key).toBe(staffCardKey(ticket.id, topic.topicId));
    h.clock.advance(61_000);
    await freshSender().sender.drain(10_000);
    await freshSender().sender.drain(1_000);
    const cards = h.double.botMessages(STAFF_CHAT, topic.topicId).filter(isCard);
    expect(cards).toHaveLength(1);
    expect(cards[0]?.pinned).toBe(true);
  });

  it('a rating and its comment commit with what they tell: crashed, nothing is stored or told and the comment window stays open; run again, each once', async () => {
    const forum = h.frontline.staff.forum;
    if (!forum) throw new Error('no staff forum');
    const cyd = h.customer('Cyd');
    const { ticket } = await h.fileTicket(cyd);
    await h.repos.ratings.request(ticket.id, h.clock.now());
    const customerUpdate = async () => {
      nextUpdate += 1;
      const later = new Date(h.clock.now().getTime() + 365 * 86_400_000);
      await acceptUpdates(
        h.app.deps.db,
        [{ updateId: nextUpdate, chatId: cyd.id, payload: {} }],
        later,
      );
      return nextUpdate;
    };
    const crashing = createStaffRatings(
      h.app.deps,
      createStaffCustomers(h.app.deps, crashingDelivery()),
      { topics: forum.topics, relay: forum.relay },
    );
    const { ratings } = h.frontline.staff;
    const outbox = createOutboxStore(h.app.deps.db);
    const window = () => h.app.deps.store.getSession<string>(ratingCommentKey(cyd.id));
    const toCustomer = (updateId: number, key: string) =>
      outbox.byKey(`${customerTicketKeyPrefix(ticket.id)}update:${updateId}:${key}`);
    const toTopic = (updateId: number, key: string) =>
      outbox.byKey(`staff-topic:${ticket.id}:update:${updateId}:${key}`);

    // The rating: crashed before its commit, nothing is stored or told, but the window is open.
    const rate = await customerUpdate();
    await expect(crashing.rate(ticket, cyd.id, rate, 4)).rejects.toThrow('killed before commit');
    expect((await h.repos.ratings.get(ticket.id))?.score).toBeNull();
    expect(await events(ticket, 'rated')).toBe(0);
    expect(await toCustomer(rate, 'handover-rated')).toBeUndefined();
    expect(await window()).toBe(ticket.number);
    expect(await ratings.rate(ticket, cyd.id, rate, 4)).toBe(true);
    await expect(ratings.rate(ticket, cyd.id, rate, 4)).rejects.toBeInstanceOf(AlreadyHandledError);
    expect((await h.repos.ratings.get(ticket.id))?.score).toBe(4);
    expect(await events(ticket, 'rated')).toBe(1);
    expect((await toCustomer(rate, 'handover-rated'))?.state).toBe('pending');
    expect((await toTopic(rate, 'staff-customer-rated'))?.state).toBe('pending');

    // The comment: crashed before its commit, nothing is stored, told or copied, and the window
    // stays open for the update's rerun.
    const said = {
      message_id: 8_800_000 + (process.pid % 1_000),
      date: 0,
      chat: { id: cyd.id, type: 'private', first_name: cyd.first_name },
      from: { ...cyd, is_bot: false },
      text: 'Quick and friendly',
    } as Message;
    const copyKey = `staff-topic:${ticket.id}:relay:${said.message_id}`;
    const comment = await customerUpdate();
    await expect(crashing.comment(ticket, said, comment)).rejects.toThrow('killed before commit');
    expect((await h.repos.ratings.get(ticket.id))?.comment).toBeNull();
    expect(await toCustomer(comment, 'handover-comment-thanks')).toBeUndefined();
    expect(await toTopic(comment, 'staff-customer-comment')).toBeUndefined();
    expect(await outbox.byKey(copyKey)).toBeUndefined();
    expect(await h.repos.relay.copiesOf(cyd.id, said.message_id)).toHaveLength(0);
    expect(await window()).toBe(ticket.number);

    // Run again: the comment, the thanks, the topic's line and then the copy, each once.
    expect(await ratings.comment(ticket, said, comment)).toBe(true);
    await expect(ratings.comment(ticket, said, comment)).rejects.toBeInstanceOf(
      AlreadyHandledError,
    );
    expect((await h.repos.ratings.get(ticket.id))?.comment).toBe('Quick and friendly');
    expect((await toCustomer(comment, 'handover-comment-thanks'))?.state).toBe('pending');
    const inLine = rowsOf<{ key: string }>(
      await h.app.deps.db.execute(sql`select key from outbox_messages
        where key in (${`staff-topic:${ticket.id}:update:${comment}:staff-customer-comment`}, ${copyKey})
        order by id`),
    );
    expect(inLine.map((row) => row.key)).toEqual([
      `staff-topic:${ticket.id}:update:${comment}:staff-customer-comment`,
      copyKey,
    ]);
    expect(await h.repos.relay.copiesOf(cyd.id, said.message_id)).toHaveLength(1);
    const lines = (await h.repos.transcript.list(ticket.customerId)).filter(
      (entry) => entry.text === 'Quick and friendly',
    );
    expect(lines).toHaveLength(1);
    expect(await window()).toBeUndefined();

    // A later message is no comment: nothing is written, and its update is left to the turn.
    const after = await customerUpdate();
    expect(await ratings.comment(ticket, { ...said, message_id: said.message_id + 1 }, after)).toBe(
      false,
    );
    const [left] = rowsOf<{ state: string }>(
      await h.app.deps.db.execute(sql`select state from inbox_updates where update_id = ${after}`),
    );
    expect(left?.state).toBe('pending');
  });
});

import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../../bot/metrics.ts';
import { createOutboxSender } from '../../bot/services/outbox-sender.ts';
import { contactAlertKey, STAFF_JOBS } from '../../bot/services/staff-jobs.ts';
import type { Job, Ticket } from '../../core/index.ts';
import { createMemoryStore, createOutboxStore } from '../../db/index.ts';
import { STAFF_CHAT, StaffHarness, TOKEN } from '../support/staff-harness.ts';

const HAZARD = {
  priority: 'urgent' as const,
  triage: { label: 'hazard' as const, category: 'refrigerator' as const, symptomId: null },
};
const ALERT = /Hazard ticket .* contact the customer now/;

/**
 * The contact-promise alert is written with its ticket event in the alert job's transaction and
 * delivered by the outbox: a crash anywhere between the event and the post neither loses the
 * alert nor posts it twice. The bot's own sender is stopped, so each test decides when (and by
 * which sender: a fresh one over the same database, as after a restart) the alert goes out.
 */
describe('a staff alert is posted exactly once across crashes', () => {
  const h = new StaffHarness();
  const deadLettered: string[] = [];
  beforeAll(async () => {
    await h.start();
    await h.frontline.sender.stop();
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

  it('a sender that dies mid-send leaves the alert to the next sender once its lease runs out', async () => {
    const { ticket, topicId } = await h.fileTicket(h.customer('Olu'), HAZARD);
    const job = await alertJob(ticket);
    // A sender claims the alert and dies before Telegram answers (the staff chat is one chat:
    // one message in flight, the General post waits behind it).
    const claimed = await createOutboxStore(h.app.deps.db).claim({
      now: h.clock.now(),
      limit: 10,
      leaseMs: 60_000,
    });
    expect(claimed.map((m) => m.key)).toEqual([outboxKeys(job, ticket)[0]]);

    const { sender } = freshSender();
    await sender.drain(1_000);
    expect(posted(topicId)).toBe(0);

    h.clock.advance(61_000);
    await sender.drain(10_000);
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
    expect(deadLettered).toEqual([]);
  });

  it('an alert Telegram refuses for good is dead-lettered, counted and logged, not dropped silently', async () => {
    const { ticket } = await h.fileTicket(h.customer('Quin'), HAZARD);
    const job = await alertJob(ticket);
    h.double.failNext('sendMessage', 400, 'Bad Request: chat not found');
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
});

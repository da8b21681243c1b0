import { sql } from 'drizzle-orm';
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../bot/services/deps.ts';
import { createDelivery } from '../../bot/services/outbox.ts';
import { createStaffActions } from '../../bot/services/staff-actions.ts';
import { createStaffCustomers } from '../../bot/services/staff-customers.ts';
import type { Ticket } from '../../core/index.ts';
import { acceptUpdates } from '../../db/index.ts';
import { rowsOf } from '../../db/migrate.ts';
import type { DoubleUser } from '../support/bot-api-double.ts';
import { DATABASE_URL } from '../support/db.ts';
import { STAFF_CHAT, StaffHarness, TOKEN } from '../support/staff-harness.ts';

/** A gate a transaction stops at: `reached` once it is there, going on after `open()`. */
function gate() {
  let arrive = () => {};
  let open = () => {};
  const reached = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { reached, opened, arrive, open };
}

/**
 * Lock order across the staff side and the customer's side, on PostgreSQL (PGlite has one
 * connection: nothing runs at once there). A staff step locks its ticket, then the customer's
 * conversation state (the hold), then refers to the customer (a transcript line). The customer's
 * side takes them in the same order: a cancellation locks the ticket before it saves the state;
 * an erasure locks the customer's tickets before the customer. Each test stops a staff take inside
 * its transaction, holding the ticket and the state, starts the customer's side, waits until it is
 * blocked on a lock, and lets the take go on: both must finish, neither with a deadlock (40P01).
 */
describe.skipIf(!DATABASE_URL)('staff steps and the customer side lock in one order', () => {
  const h = new StaffHarness();
  beforeAll(() => h.start(), 90_000);
  afterAll(() => h.stop(), 30_000);

  let nextUpdate = 93_000_000 + (process.pid % 1_000) * 100;

  /** Staff actions whose step stops at its first transcript line until the gate opens. */
  function gatedActions(at: ReturnType<typeof gate>) {
    const forum = h.frontline.staff.forum;
    if (!forum) throw new Error('no staff forum');
    const deps: AppDeps = {
      ...h.app.deps,
      reposOn: (tx) => {
        const repos = h.app.deps.reposOn(tx);
        return {
          ...repos,
          transcript: {
            ...repos.transcript,
            append: async (entry) => {
              at.arrive();
              await at.opened;
              return repos.transcript.append(entry);
            },
          },
        };
      },
    };
    const delivery = createDelivery(
      h.app.deps.db,
      new Api(TOKEN, { apiRoot: h.double.apiRoot }),
      () => {},
    );
    return createStaffActions(
      deps,
      forum.topics,
      createStaffCustomers(deps, delivery),
      forum.access,
    );
  }

  /** A take by a new staff member, as its staff update would run it. */
  async function takeRequest(ticket: Ticket, topicId: number, staff: DoubleUser) {
    const member = await h.repos.staff.seen(staff.id, staff.first_name, null);
    nextUpdate += 1;
    // The staff update waits in the inbox, not due (no worker takes it meanwhile).
    const later = new Date(h.clock.now().getTime() + 365 * 86_400_000);
    await acceptUpdates(
      h.app.deps.db,
      [{ updateId: nextUpdate, chatId: STAFF_CHAT - 9, payload: {} }],
      later,
    );
    return { member, user: staff as never, topicId, ticket, updateId: nextUpdate };
  }

  /** Waits until a statement of this database waits for a row lock (the other side blocked). */
  async function blockedOnLock() {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const [row] = rowsOf<{ n: number }>(
        await h.app.deps.db.execute(sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`),
      );
      if ((row?.n ?? 0) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('the customer side never waited for the take');
  }

  /** How each finished: `ok`, or the failure's SQLSTATE (40P01: deadlock) or message. */
  const outcomes = (results: PromiseSettledResult<unknown>[]) =>
    results.map((result) => {
      if (result.status === 'fulfilled') return 'ok';
      let error: unknown = result.reason;
      while (error instanceof Error && !('code' in error) && error.cause) error = error.cause;
      return String((error as { code?: unknown }).code ?? (error as Error).message);
    });

  it("a take holding the ticket and the chat's state, and the customer's erasure at once: the erasure waits, both finish, no deadlock", async () => {
    for (let round = 0; round < 3; round += 1) {
      const customer = h.customer(`Ida${round}`);
      const { ticket, topicId } = await h.fileTicket(customer);
      const at = gate();
      const take = gatedActions(at).take(
        await takeRequest(ticket, topicId, h.staffMember(`Ole${round}`)),
        ticket,
      );
      await at.reached;
      const erase = h.repos.customers.erase(ticket.customerId, h.clock.now());
      await blockedOnLock();
      at.open();
      const results = await Promise.allSettled([take, erase]);
      expect(outcomes(results)).toEqual(['ok', 'ok']);
      // The take committed first; the erasure then cancelled the taken ticket.
      const history = (await h.repos.tickets.history(ticket.id)).map((e) => e.type);
      expect(history).toEqual(expect.arrayContaining(['taken', 'cancelled']));
      expect(history.indexOf('taken')).toBeLessThan(history.indexOf('cancelled'));
      expect((await h.repos.tickets.get(ticket.id))?.state).toBe('cancelled');
    }
  });

  it("a take holding the ticket and the chat's state, and the customer's own cancellation at once: the cancellation waits, both finish, no deadlock", async () => {
    for (let round = 0; round < 3; round += 1) {
      const customer = h.customer(`Una${round}`);
      const { ticket, topicId } = await h.fileTicket(customer);
      await h.says(customer, customer.id, '/cancel', /Which ticket should I cancel/);
      await h.presses(customer, customer.id, new RegExp(ticket.number), /Cancel ticket .*\?/);
      const at = gate();
      const take = gatedActions(at).take(
        await takeRequest(ticket, topicId, h.staffMember(`Vic${round}`)),
        ticket,
      );
      await at.reached;
      // The customer confirms while the take holds the ticket and the chat's state.
      const [question] = [...h.double.botMessages(customer.id)]
        .reverse()
        .filter((m) => m.text?.startsWith('Cancel ticket'));
      h.double.press(customer, customer.id, question?.message_id as number, /Yes/);
      await blockedOnLock();
      at.open();
      await expect(take).resolves.toBeUndefined();
      // The answer replaces the pressed list.
      await h.double.waitFor(
        () =>
          h.double
            .botMessages(customer.id)
            .find((m) => m.text === `Ticket ${ticket.number} is cancelled.`),
        'the cancellation confirmed',
      );
      // The cancellation's turn ran once: no deadlock failed it and had it run again.
      const [turn] = rowsOf<{ state: string; attempts: number; last_error: string | null }>(
        await h.app.deps.db.execute(
          sql`select state, attempts, last_error from inbox_updates where chat_id = ${customer.id}
            order by update_id desc limit 1`,
        ),
      );
      expect(turn).toEqual({ state: 'done', attempts: 0, last_error: null });
      const history = (await h.repos.tickets.history(ticket.id)).map((e) => e.type);
      expect(history.indexOf('taken')).toBeLessThan(history.indexOf('cancelled'));
    }
  });
});

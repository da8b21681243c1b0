import { and, count, gte, lt, sql } from 'drizzle-orm';
import {
  type ContactPromiseRule,
  decideContactState,
  decideSolvedWithoutVisitRate,
  decideTicketContactDue,
  type ReportRepo,
  type ServiceFigures,
  TICKET_STATES,
  type TicketState,
} from '../../core/index.ts';
import type { Database } from '../database.ts';
import { withStorageErrors } from '../errors.ts';
import { guidanceCases, tickets } from '../schema/index.ts';

const countWhere = (condition: ReturnType<typeof sql>) =>
  sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

async function ticketFigures(db: Database, from: Date, to: Date) {
  const period = and(gte(tickets.createdAt, from), lt(tickets.createdAt, to));
  const category = sql<string>`coalesce(${tickets.category}, 'unknown')`;
  const [byState, byCategory] = await Promise.all([
    db
      .select({
        state: tickets.state,
        n: count(),
        urgent: countWhere(sql`${tickets.priority} = 'urgent'`),
      })
      .from(tickets)
      .where(period)
      .groupBy(tickets.state),
    db
      .select({ category, n: count() })
      .from(tickets)
      .where(period)
      .groupBy(category)
      .orderBy(category),
  ]);
  const states = Object.fromEntries(TICKET_STATES.map((s) => [s, 0])) as Record<
    TicketState,
    number
  >;
  for (const row of byState) states[row.state as TicketState] = row.n;
  return {
    total: byState.reduce((sum, row) => sum + row.n, 0),
    byState: states,
    urgent: byState.reduce((sum, row) => sum + row.urgent, 0),
    byCategory: Object.fromEntries(byCategory.map((row) => [row.category, row.n])),
  };
}

async function guidanceFigures(db: Database, from: Date, to: Date) {
  const [row] = await db
    .select({
      total: count(),
      working: countWhere(sql`${guidanceCases.outcome} = 'working'`),
      stillBroken: countWhere(sql`${guidanceCases.outcome} = 'still_broken'`),
      unconfirmed: countWhere(sql`${guidanceCases.outcome} = 'unconfirmed'`),
      pending: countWhere(sql`${guidanceCases.outcome} is null`),
    })
    .from(guidanceCases)
    .where(and(gte(guidanceCases.createdAt, from), lt(guidanceCases.createdAt, to)));
  return row ?? { total: 0, working: 0, stillBroken: 0, unconfirmed: 0, pending: 0 };
}

/**
 * The contact promise over the period's tickets, judged by the core's rule
 * ({@link decideContactState}): a ticket is measured once a staff member's first message reached
 * the customer or its deadline (the ticket's contact deadline, else the one the rule gives for its filing time) has passed by
 * `now`, and kept when that first message came by the deadline. Before the deadline, a ticket
 * nobody has contacted yet is not due.
 */
async function contactFigures(
  db: Database,
  from: Date,
  to: Date,
  rule: ContactPromiseRule,
  now: Date,
) {
  const rows = await db
    .select({
      createdAt: tickets.createdAt,
      contactDueAt: tickets.contactDueAt,
      contactedAt: tickets.contactedAt,
    })
    .from(tickets)
    .where(and(gte(tickets.createdAt, from), lt(tickets.createdAt, to)));
  let measured = 0;
  let withinSla = 0;
  for (const row of rows) {
    const dueAt = decideTicketContactDue(row, rule);
    const state = decideContactState(dueAt, row.contactedAt, now);
    if (state.kind === 'pending') continue;
    measured += 1;
    if (state.kind === 'kept') withinSla += 1;
  }
  return { measured, withinSla };
}

/** The service manager's figures, counted in the database. */
export function createReportRepo(db: Database): ReportRepo {
  return withStorageErrors('report', {
    async figures(
      from: Date,
      to: Date,
      rule: ContactPromiseRule,
      now: Date,
    ): Promise<ServiceFigures> {
      const [ticketsFigures, guidance, contact] = await Promise.all([
        ticketFigures(db, from, to),
        guidanceFigures(db, from, to),
        contactFigures(db, from, to, rule, now),
      ]);
      return {
        tickets: ticketsFigures,
        guidance,
        solvedWithoutVisitRate: decideSolvedWithoutVisitRate(guidance),
        contact,
      };
    },
  });
}

import { and, count, eq, gte, isNotNull, lt, or, sql } from 'drizzle-orm';
import {
  type ReportRepo,
  type ServiceFigures,
  TICKET_STATES,
  type TicketState,
} from '../../core/index.ts';
import type { Database } from '../database.ts';
import { withStorageErrors } from '../errors.ts';
import { guidanceCases, ticketEvents, tickets } from '../schema/index.ts';

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
 * The contact promise over the period's tickets: a ticket is measured once it was taken or its
 * deadline (filing + `slaMs`) has passed by `now`, and kept when first taken by that deadline. A
 * ticket never taken counts as missed from its deadline on; before it, it is not yet due.
 */
async function contactFigures(db: Database, from: Date, to: Date, slaMs: number, now: Date) {
  const firstTaken = db
    .select({
      ticketId: ticketEvents.ticketId,
      at: sql<Date>`min(${ticketEvents.at})`.as('first_taken_at'),
    })
    .from(ticketEvents)
    .where(eq(ticketEvents.type, 'taken'))
    .groupBy(ticketEvents.ticketId)
    .as('first_taken');
  const deadline = sql`${tickets.createdAt} + ${slaMs}::double precision * interval '1 millisecond'`;
  const [row] = await db
    .select({ measured: count(), withinSla: countWhere(sql`${firstTaken.at} <= ${deadline}`) })
    .from(tickets)
    .leftJoin(firstTaken, eq(firstTaken.ticketId, tickets.id))
    .where(
      and(
        gte(tickets.createdAt, from),
        lt(tickets.createdAt, to),
        or(isNotNull(firstTaken.at), sql`${deadline} < ${now.toISOString()}::timestamptz`),
      ),
    );
  return row ?? { measured: 0, withinSla: 0 };
}

/** The service manager's figures, counted in the database. */
export function createReportRepo(db: Database): ReportRepo {
  return withStorageErrors('report', {
    async figures(from: Date, to: Date, slaMs: number, now: Date): Promise<ServiceFigures> {
      const [ticketsFigures, guidance, contact] = await Promise.all([
        ticketFigures(db, from, to),
        guidanceFigures(db, from, to),
        contactFigures(db, from, to, slaMs, now),
      ]);
      const answered = guidance.working + guidance.stillBroken + guidance.unconfirmed;
      return {
        tickets: ticketsFigures,
        guidance,
        solvedWithoutVisitRate: answered === 0 ? null : guidance.working / answered,
        contact,
      };
    },
  });
}

import { fail, ok, type Result } from '../shared/result.ts';
import { type JsonObject, type TicketEventType, toWindowPayload } from './events.ts';
import type { Actor, Ticket, TicketState, VisitWindow } from './ticket.ts';
import { TICKET_STATES } from './ticket.ts';

/**
 * How staff close a ticket (design.md "Tickets and staff"): repaired, no fault found, advice
 * given; the fourth outcome, cancelled, is the `cancel` command.
 */
export const TICKET_RESOLUTIONS = ['repaired', 'no_fault_found', 'advice_given'] as const;
export type TicketResolution = (typeof TICKET_RESOLUTIONS)[number];

/** What staff (or the customer, for `cancel`) ask of a ticket. */
export type TicketCommand =
  | { type: 'take'; staffId: number }
  | { type: 'release'; staffId: number }
  /** Passes the ticket to a colleague (any staff member for an open ticket, else its assignee). */
  | { type: 'assign'; staffId: number; toStaffId: number }
  | { type: 'schedule'; staffId: number; window: VisitWindow }
  | { type: 'resolve'; staffId: number; resolution: TicketResolution }
  | { type: 'cancel'; actor: Actor; reason: string | null }
  /** Opens a resolved or cancelled ticket again (any staff member). */
  | { type: 'reopen'; staffId: number };

export type TicketTransitionCode =
  | 'TICKET.CLOSED'
  | 'TICKET.NOT_CLOSED'
  | 'TICKET.NOT_TAKEN'
  | 'TICKET.ALREADY_TAKEN'
  | 'TICKET.ALREADY_ASSIGNEE'
  | 'TICKET.NOT_ASSIGNEE'
  | 'TICKET.INVALID_WINDOW';

/** The ticket fields a transition reads and writes. */
export type TicketLifecycle = Pick<
  Ticket,
  'state' | 'assigneeId' | 'visitWindow' | 'resolution' | 'closedAt'
>;

/** A decided change: the new lifecycle fields and the event that records it. */
export type TicketChange = {
  next: TicketLifecycle;
  event: { type: TicketEventType; actor: Actor; payload: JsonObject };
};

const CLOSED: readonly TicketState[] = ['resolved', 'cancelled'];

/**
 * Tickets still in progress: the ones a customer may cancel (`cancel` withdraws a ticket that is
 * not closed) and the ones "my open tickets" lists.
 */
export const OPEN_TICKET_STATES = TICKET_STATES.filter((state) => !CLOSED.includes(state));

/** Tickets filed and waiting for a person: nobody has taken them yet. */
export const WAITING_TICKET_STATES: readonly TicketState[] = ['open'];

/** `true` once a ticket is resolved or cancelled: only `reopen` changes it any more. */
export function isTicketClosed(state: TicketState): boolean {
  return CLOSED.includes(state);
}

/**
 * Decides a lifecycle step (design.md "Tickets and staff"): `open → taken → scheduled →
 * resolved | cancelled`, and back to `open` when the assignee releases it.
 *
 * - `take`: only an open ticket; the taker becomes the assignee.
 * - `assign`: an open ticket goes to the named colleague (any staff member may dispatch it); a
 *   taken or scheduled one only from its assignee, keeping its state and visit window.
 * - `release`: the assignee hands a taken or scheduled ticket back; the visit window is cleared.
 * - `schedule`: the assignee sets (or moves) the visit window; the end must follow the start.
 * - `resolve`: the assignee closes a taken or scheduled ticket with a resolution.
 * - `cancel`: the customer or staff withdraw a ticket that is not closed; a staff member other
 *   than the assignee cannot cancel a ticket someone holds.
 * - `reopen`: a resolved or cancelled ticket goes back to `open`, without assignee, window or
 *   resolution.
 *
 * Pure: `at` is the instant of the command. Expected refusals are returned as codes.
 */
export function decideTicketTransition(
  ticket: TicketLifecycle,
  command: TicketCommand,
  at: Date,
): Result<TicketChange, TicketTransitionCode> {
  const staff = (staffId: number): Actor => ({ kind: 'staff', staffId });
  const change = (
    next: Partial<TicketLifecycle>,
    type: TicketEventType,
    actor: Actor,
    payload: JsonObject,
  ) =>
    ok<TicketChange>({
      next: { ...ticket, ...next },
      event: { type, actor, payload: { from: ticket.state, ...payload } },
    });

  if (command.type === 'reopen') {
    if (!isTicketClosed(ticket.state)) return fail('TICKET.NOT_CLOSED');
    const cleared = { assigneeId: null, visitWindow: null, resolution: null, closedAt: null };
    return change({ state: 'open', ...cleared }, 'reopened', staff(command.staffId), {});
  }
  if (isTicketClosed(ticket.state)) return fail('TICKET.CLOSED', ticket.state);

  switch (command.type) {
    case 'take':
      if (ticket.state !== 'open') return fail('TICKET.ALREADY_TAKEN');
      return change(
        { state: 'taken', assigneeId: command.staffId },
        'taken',
        staff(command.staffId),
        {},
      );
    case 'cancel': {
      const { actor } = command;
      const heldByOther =
        actor.kind === 'staff' && ticket.state !== 'open' && ticket.assigneeId !== actor.staffId;
      if (heldByOther) return fail('TICKET.NOT_ASSIGNEE');
      return change({ state: 'cancelled', closedAt: at }, 'cancelled', actor, {
        reason: command.reason,
      });
    }
    case 'assign':
      if (ticket.assigneeId === command.toStaffId) return fail('TICKET.ALREADY_ASSIGNEE');
      if (ticket.state === 'open')
        return change(
          { state: 'taken', assigneeId: command.toStaffId },
          'assigned',
          staff(command.staffId),
          { to: command.toStaffId },
        );
      break;
  }

  if (ticket.state === 'open') return fail('TICKET.NOT_TAKEN');
  if (ticket.assigneeId !== command.staffId) return fail('TICKET.NOT_ASSIGNEE');
  const actor = staff(command.staffId);
  switch (command.type) {
    case 'assign':
      return change({ assigneeId: command.toStaffId }, 'assigned', actor, {
        to: command.toStaffId,
      });
    case 'release':
      return change({ state: 'open', assigneeId: null, visitWindow: null }, 'released', actor, {});
    case 'schedule': {
      const { start, end } = command.window;
      if (!(end.getTime() > start.getTime())) return fail('TICKET.INVALID_WINDOW');
      return change({ state: 'scheduled', visitWindow: command.window }, 'scheduled', actor, {
        window: toWindowPayload(command.window),
      });
    }
    case 'resolve': {
      const { resolution } = command;
      return change({ state: 'resolved', resolution, closedAt: at }, 'resolved', actor, {
        resolution,
      });
    }
  }
}

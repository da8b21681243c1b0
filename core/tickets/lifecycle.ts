import { fail, ok, type Result } from '../shared/result.ts';
import { type JsonObject, type TicketEventType, toWindowPayload } from './events.ts';
import type { Actor, Ticket, TicketState, VisitWindow } from './ticket.ts';

/** What staff (or the customer, for `cancel`) ask of a ticket. */
export type TicketCommand =
  | { type: 'take'; staffId: number }
  | { type: 'release'; staffId: number }
  | { type: 'schedule'; staffId: number; window: VisitWindow }
  | { type: 'resolve'; staffId: number; resolution: string }
  | { type: 'cancel'; actor: Actor; reason: string | null };

export type TicketTransitionCode =
  | 'TICKET.CLOSED'
  | 'TICKET.NOT_TAKEN'
  | 'TICKET.ALREADY_TAKEN'
  | 'TICKET.NOT_ASSIGNEE'
  | 'TICKET.INVALID_WINDOW'
  | 'TICKET.EMPTY_RESOLUTION';

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

/** `true` once a ticket is resolved or cancelled: no command changes it any more. */
export function isTicketClosed(state: TicketState): boolean {
  return CLOSED.includes(state);
}

/**
 * Decides a lifecycle step (design.md "Tickets and staff"): `open → taken → scheduled →
 * resolved | cancelled`, and back to `open` when the assignee releases it.
 *
 * - `take`: only an open ticket; the taker becomes the assignee.
 * - `release`: the assignee hands a taken or scheduled ticket back; the visit window is cleared.
 * - `schedule`: the assignee sets (or moves) the visit window; the end must follow the start.
 * - `resolve`: the assignee closes a taken or scheduled ticket with a resolution.
 * - `cancel`: the customer or staff withdraw any ticket that is not closed.
 *
 * Pure: `at` is the instant of the command. Expected refusals are returned as codes.
 */
export function decideTicketTransition(
  ticket: TicketLifecycle,
  command: TicketCommand,
  at: Date,
): Result<TicketChange, TicketTransitionCode> {
  if (isTicketClosed(ticket.state)) return fail('TICKET.CLOSED', ticket.state);
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

  switch (command.type) {
    case 'take':
      if (ticket.state !== 'open') return fail('TICKET.ALREADY_TAKEN');
      return change(
        { state: 'taken', assigneeId: command.staffId },
        'taken',
        staff(command.staffId),
        {},
      );
    case 'cancel':
      return change({ state: 'cancelled', closedAt: at }, 'cancelled', command.actor, {
        reason: command.reason,
      });
  }

  if (ticket.state === 'open') return fail('TICKET.NOT_TAKEN');
  if (ticket.assigneeId !== command.staffId) return fail('TICKET.NOT_ASSIGNEE');
  const actor = staff(command.staffId);
  switch (command.type) {
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
      const resolution = command.resolution.trim();
      if (resolution === '') return fail('TICKET.EMPTY_RESOLUTION');
      return change({ state: 'resolved', resolution, closedAt: at }, 'resolved', actor, {});
    }
  }
}

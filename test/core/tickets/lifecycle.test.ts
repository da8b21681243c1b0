import { describe, expect, it } from 'vitest';
import {
  decideTicketTransition,
  type TicketCommand,
  type TicketLifecycle,
  type TicketState,
} from '../../../core/index.ts';

const at = new Date('2024-03-14T03:00:00Z');
const window = { start: new Date('2024-03-15T01:00:00Z'), end: new Date('2024-03-15T03:00:00Z') };
const ticket = (state: TicketState, assigneeId: number | null = null): TicketLifecycle => ({
  state,
  assigneeId,
  visitWindow: state === 'scheduled' ? window : null,
  resolution: null,
  closedAt: null,
});
const take: TicketCommand = { type: 'take', staffId: 1 };
const release: TicketCommand = { type: 'release', staffId: 1 };
const schedule: TicketCommand = { type: 'schedule', staffId: 1, window };
const resolve: TicketCommand = { type: 'resolve', staffId: 1, resolution: 'repaired' };
const cancel: TicketCommand = { type: 'cancel', actor: { kind: 'system' }, reason: null };
const staffCancel: TicketCommand = {
  type: 'cancel',
  actor: { kind: 'staff', staffId: 1 },
  reason: 'cancelled',
};
const assign: TicketCommand = { type: 'assign', staffId: 1, toStaffId: 3 };
const reopen: TicketCommand = { type: 'reopen', staffId: 2 };

describe('ticket lifecycle', () => {
  it.each([
    ['open', null, take, 'taken'],
    ['taken', 1, schedule, 'scheduled'],
    ['scheduled', 1, schedule, 'scheduled'],
    ['taken', 1, resolve, 'resolved'],
    ['scheduled', 1, resolve, 'resolved'],
    ['taken', 1, release, 'open'],
    ['scheduled', 1, release, 'open'],
    ['open', null, cancel, 'cancelled'],
    ['taken', 1, cancel, 'cancelled'],
    ['scheduled', 1, cancel, 'cancelled'],
    ['open', null, staffCancel, 'cancelled'],
    ['taken', 1, staffCancel, 'cancelled'],
    ['open', null, assign, 'taken'],
    ['taken', 1, assign, 'taken'],
    ['scheduled', 1, assign, 'scheduled'],
    ['resolved', 1, reopen, 'open'],
    ['cancelled', null, reopen, 'open'],
  ] as const)('moves %s (assignee %s) on %o to %s', (from, assignee, command, to) => {
    const result = decideTicketTransition(ticket(from, assignee), command, at);
    expect(result.ok && result.value.next.state).toBe(to);
  });

  it.each([
    ['resolved', 1, take, 'TICKET.CLOSED'],
    ['cancelled', null, cancel, 'TICKET.CLOSED'],
    ['taken', 2, take, 'TICKET.ALREADY_TAKEN'],
    ['open', null, schedule, 'TICKET.NOT_TAKEN'],
    ['open', null, resolve, 'TICKET.NOT_TAKEN'],
    ['open', null, release, 'TICKET.NOT_TAKEN'],
    ['taken', 2, release, 'TICKET.NOT_ASSIGNEE'],
    ['scheduled', 2, resolve, 'TICKET.NOT_ASSIGNEE'],
    ['taken', 2, staffCancel, 'TICKET.NOT_ASSIGNEE'],
    ['taken', 2, assign, 'TICKET.NOT_ASSIGNEE'],
    ['taken', 3, assign, 'TICKET.ALREADY_ASSIGNEE'],
    ['resolved', 1, assign, 'TICKET.CLOSED'],
    ['open', null, reopen, 'TICKET.NOT_CLOSED'],
    ['taken', 1, reopen, 'TICKET.NOT_CLOSED'],
  ] as const)('refuses %s (assignee %s) on %o with %s', (from, assignee, command, code) => {
    expect(decideTicketTransition(ticket(from, assignee), command, at)).toMatchObject({
      ok: false,
      code,
    });
  });

  it('records who took a ticket and clears assignee and window on release', () => {
    const taken = decideTicketTransition(ticket('open'), take, at);
    expect(taken).toMatchObject({
      ok: true,
      value: {
        next: { assigneeId: 1 },
        event: { type: 'taken', actor: { kind: 'staff', staffId: 1 } },
      },
    });
    const released = decideTicketTransition(ticket('scheduled', 1), release, at);
    expect(released).toMatchObject({
      ok: true,
      value: { next: { assigneeId: null, visitWindow: null } },
    });
  });

  it('refuses a visit window that ends before it starts', () => {
    const backwards = { ...schedule, window: { start: window.end, end: window.start } };
    expect(decideTicketTransition(ticket('taken', 1), backwards, at)).toMatchObject({
      code: 'TICKET.INVALID_WINDOW',
    });
  });

  it('passes a ticket on to the colleague named, recording who passed it to whom', () => {
    const passed = decideTicketTransition(ticket('scheduled', 1), assign, at);
    expect(passed).toMatchObject({
      ok: true,
      value: {
        next: { state: 'scheduled', assigneeId: 3, visitWindow: window },
        event: { type: 'assigned', actor: { kind: 'staff', staffId: 1 }, payload: { to: 3 } },
      },
    });
  });

  it('reopens a closed ticket without its assignee, window, resolution or closing time', () => {
    const closed = { ...ticket('resolved', 1), resolution: 'repaired', closedAt: at };
    expect(decideTicketTransition(closed, reopen, at)).toMatchObject({
      ok: true,
      value: {
        next: { state: 'open', assigneeId: null, visitWindow: null, resolution: null },
        event: { type: 'reopened', payload: { from: 'resolved' } },
      },
    });
  });

  it('closes a ticket at the instant of the command and writes the window into the event', () => {
    const resolved = decideTicketTransition(ticket('taken', 1), resolve, at);
    expect(resolved).toMatchObject({
      ok: true,
      value: {
        next: { closedAt: at, resolution: 'repaired' },
        event: { payload: { resolution: 'repaired' } },
      },
    });
    const scheduled = decideTicketTransition(ticket('taken', 1), schedule, at);
    expect(scheduled.ok && scheduled.value.event.payload).toEqual({
      from: 'taken',
      window: { start: '2024-03-15T01:00:00.000Z', end: '2024-03-15T03:00:00.000Z' },
    });
  });
});

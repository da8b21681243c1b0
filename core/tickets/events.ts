import type { Actor, VisitWindow } from './ticket.ts';

/**
 * Kinds of entries in a ticket's append-only history. Lifecycle changes come from
 * {@link decideTicketTransition}; the others are appended as they happen.
 */
export type TicketEventType =
  | 'created'
  | 'taken'
  | 'released'
  | 'assigned'
  | 'scheduled'
  | 'resolved'
  | 'cancelled'
  | 'reopened'
  | 'note'
  | 'warranty_answered'
  | 'contact_alert'
  /** The contact promise lapsed with no staff message delivered. */
  | 'contact_breached'
  /** 24 hours after the report with no repair: staff were reminded to offer a loaner. */
  | 'loaner_due'
  /** A staff member's first message reached the customer: the contact promise kept. */
  | 'contacted'
  | 'check_back'
  | 'refused'
  /** The customer asked for a person (/human). */
  | 'human_requested'
  /**
   * A staff topic is about to be (re)created: written before the Bot API call, so an attempt that
   * died before its `topic_opened` is known (its topic, if Telegram made one, is orphaned).
   */
  | 'topic_requested'
  /** The staff topic was (re)created; the payload has the topic id. */
  | 'topic_opened'
  /** A message to the customer came back 403: they blocked the bot. */
  | 'customer_blocked'
  /**
   * Filed at a hazard report, before the customer answered the intake (what staff know is the
   * report and the chat); `intake_completed` follows when the customer confirms the summary.
   */
  | 'intake_pending'
  /** The customer confirmed the intake of a ticket filed at a hazard report: its details filled in. */
  | 'intake_completed'
  /** A contact detail given during a pending intake, written to the ticket before Confirm. */
  | 'contact_added'
  | 'rated';

/** Event payloads are JSON. They carry ids and states, never contact details. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** One row of a ticket's history: who, when, what. Replaying them rebuilds the ticket's states. */
export type TicketEvent = {
  id: number;
  ticketId: string;
  at: Date;
  actor: Actor;
  type: TicketEventType;
  payload: JsonObject;
};

export type NewTicketEvent = Omit<TicketEvent, 'id' | 'ticketId'>;

/** Serialises a visit window for an event payload. */
export function toWindowPayload(window: VisitWindow): JsonObject {
  return { start: window.start.toISOString(), end: window.end.toISOString() };
}

/**
 * Whether a ticket filed at a hazard report still waits for the customer's intake (an
 * `intake_pending` with no `intake_completed` after it), from its history.
 */
export function isIntakePending(history: readonly Pick<TicketEvent, 'type'>[]): boolean {
  let pending = false;
  for (const event of history) {
    if (event.type === 'intake_pending') pending = true;
    else if (event.type === 'intake_completed') pending = false;
  }
  return pending;
}

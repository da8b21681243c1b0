import type { WarrantyDecision } from '../warranty/decide.ts';
import type { JsonObject, JsonValue } from './events.ts';
import { TICKET_RESOLUTIONS } from './lifecycle.ts';

/*
 * What erasure keeps of a customer (design.md, "Status and privacy"; the README's erasure policy):
 * per ticket a random reference, its dates, kind, product category, triage reading, priority,
 * state, outcome code, rating score and warranty verdict; per guided case its category, symptom,
 * outcome and dates. Nothing that leads back to the person: no Telegram user or chat id, name,
 * phone, address, model number, purchase or production date, visit window, free text, photo,
 * transcript or staff-chat message.
 */

/** Job that deletes an erased ticket's staff-forum topic and tells the staff chat. */
export const ERASE_STAFF_MESSAGES_JOB = 'erase-staff-messages';

/** What the staff-side erasure job needs: message ids only, and the number staff knew. */
export type EraseStaffMessagesPayload = {
  chatId: number;
  topicId: number;
  cardMessageId: number | null;
  /**
   * The bot's copies of the customer's messages in the staff chat (deleted when the topic cannot
   * be: a bot may delete its own messages without the right that deleting a topic needs).
   */
  messageIds: number[];
  /** The ticket's old number, for the staff notice only (the ticket no longer carries it). */
  number: string;
  /** Whether the erasure cancelled the ticket (it was still open). */
  cancelled: boolean;
  /**
   * The engineer visit the cancellation calls off (ISO instants; a time, no personal data), and
   * who held the ticket: staff tell the engineer.
   */
  visit?: { start: string; end: string; holderId: number | null };
};

/**
 * Event payload keys that hold codes and counts, never personal data: everything else (a note's
 * text, a visit window, a topic id, the ticket's old number) goes.
 */
const KEPT_EVENT_KEYS = new Set([
  'from',
  'to',
  'priority',
  'category',
  'reason',
  'stage',
  'minutes',
  'onTime',
  'covered',
  'clauses',
  'score',
  'recreated',
]);

const isCode = (value: JsonValue | undefined) =>
  typeof value === 'number' ||
  typeof value === 'boolean' ||
  value === null ||
  (typeof value === 'string' && /^[a-z_-]{1,40}$/.test(value)) ||
  (Array.isArray(value) && value.every((item) => typeof item === 'string' && item.length <= 60));

/** A ticket event's payload after erasure: its codes (state changes, reasons, scores) only. */
export function toErasedEventPayload(payload: JsonObject): JsonObject {
  const kept: JsonObject = {};
  for (const [key, value] of Object.entries(payload)) {
    if (KEPT_EVENT_KEYS.has(key) && isCode(value)) kept[key] = value;
  }
  const resolution = payload.resolution;
  if ((TICKET_RESOLUTIONS as readonly JsonValue[]).includes(resolution ?? null))
    kept.resolution = resolution as string;
  return kept;
}

/**
 * The warranty verdict without the dates it was counted from: the start (the purchase date), each
 * term's last day (the purchase date plus the term) and a vague date's period with the answers of
 * its days go, in the unit's answer beside a likely part's too (review11 E1); the verdict, the
 * clauses, parts and lengths stay.
 */
export function toErasedWarranty(
  decision: Omit<WarrantyDecision, 'otherwise'> & { otherwise?: WarrantyDecision['otherwise'] },
): WarrantyDecision {
  const { start: _start, startBasis: _basis, period: _period, otherwise, ...kept } = decision;
  return {
    ...kept,
    clauses: kept.clauses.map(({ until: _until, ...clause }) => clause),
    ...(otherwise ? { otherwise: toErasedWarranty(otherwise) } : {}),
  };
}

/** A ticket reference that replaces the number on erasure: random, so it links to nothing. */
export function toErasedReference(random: string): string {
  return `ERASED-${random}`;
}

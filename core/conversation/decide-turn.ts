import type { TurnContext } from './context.ts';
import type { ConversationEvent } from './events.ts';
import type { MessageKey } from './messages.ts';
import type { ConversationState, Draft, Reply } from './state.ts';
import { type T, turn } from './steps.ts';
import {
  type EventType,
  type FlowDefinition,
  type FlowKind,
  type TableEvent,
  type Transition,
  toTableEvent,
} from './table.ts';
import { anyFlow, transitions } from './transitions.ts';

/** Events a held chat passes to staff instead of the bot. */
const HELD_EVENTS = new Set<ConversationEvent['type']>(['text', 'photo', 'contact', 'location']);

/** Longest report text kept; longer messages are cut (and the customer is told). */
export const MAX_REPORT_CHARS = 2_000;

/**
 * One conversational turn: the customer's event against the chat's state gives the next state,
 * the replies and the effects (design.md "The customer journey"). Pure: time, triage and parsing
 * come in through `context`. The decisions live in the transition table (`transitions.ts`).
 *
 * Hazards always come first (safety instructions, then an urgent ticket); misuse is guided one
 * step at a time; when unsure, one clarifying question, then a decision; faults and failed guidance
 * go to the escalation intake, which skips what is already known.
 */
export function decideTurn(
  state: ConversationState,
  event: ConversationEvent,
  context: TurnContext,
): T {
  return withPendingContact(state, turnFor(state, event, context));
}

/** The turn itself, before an urgent draft's contact change is passed on. */
function turnFor(state: ConversationState, event: ConversationEvent, context: TurnContext): T {
  // While a person holds the chat, what the customer writes is theirs; commands and buttons (a
  // cancellation, a language, a rating) still work.
  if (state.staffHold && HELD_EVENTS.has(event.type)) {
    return turn(
      state,
      [],
      [{ type: 'forward-to-staff', ticketNumber: state.staffHold.ticketNumber }],
    );
  }
  if (event.type !== 'text') return dispatch(state, toTableEvent(event), context);
  const text = event.text.trim();
  if (text === '') return turn(state, [{ key: 'empty-text' }]);
  if (text.length <= MAX_REPORT_CHARS) return dispatch(state, { ...event, text }, context);
  const result = dispatch(state, { ...event, text: text.slice(0, MAX_REPORT_CHARS) }, context);
  return {
    ...result,
    replies: [{ key: 'text-too-long', vars: { max: MAX_REPORT_CHARS } }, ...result.replies],
  };
}

/** The ticket being prepared in a flow (an intake question, the summary, a change asked about). */
const draftIn = (flow: ConversationState['flow']): Draft | undefined =>
  flow.kind === 'intake' || flow.kind === 'review'
    ? flow.draft
    : flow.kind === 'confirm-change'
      ? flow.previous.draft
      : undefined;

const sameContact = (a: Draft, b: Draft) =>
  a.phone === b.phone &&
  a.name === b.name &&
  JSON.stringify(a.address) === JSON.stringify(b.address);

/**
 * An urgent draft (its ticket filed at the hazard report) whose contact the turn changed: the
 * change goes to that ticket now, not at Confirm, so the alerts and the card have the number to
 * call (review10 H4). A turn that files or reports the draft carries its contact anyway.
 */
function withPendingContact(before: ConversationState, result: T): T {
  const was = draftIn(before.flow);
  const now = draftIn(result.state.flow);
  if (!was?.urgent || !now || now.id !== was.id || sameContact(was, now)) return result;
  if (result.effects.some((e) => e.type === 'file-ticket' || e.type === 'report-hazard'))
    return result;
  return {
    ...result,
    effects: [...result.effects, { type: 'update-pending-contact', draft: now }],
  };
}

const flowDefinition = (kind: FlowKind) => transitions[kind] as unknown as FlowDefinition<FlowKind>;

/**
 * The question the chat's flow waits on (none when idle): asked again when the conversation comes
 * back to the customer (staff hand the chat back with /release).
 */
export function pendingReplies(state: ConversationState, context: TurnContext): Reply[] {
  return flowDefinition(state.flow.kind).pending(state, state.flow, context);
}

/**
 * The table's cell for an event in a flow: the flow's own row first, then `anyFlow`; `undefined`
 * means the default (say why, ask the pending question again).
 */
export function transitionFor(
  kind: FlowKind,
  type: EventType,
): Transition<FlowKind, EventType> | undefined {
  return (flowDefinition(kind).on[type] ?? anyFlow[type]) as
    | Transition<FlowKind, EventType>
    | undefined;
}

function dispatch(state: ConversationState, event: TableEvent, context: TurnContext): T {
  const resume = (next: ConversationState, before: Reply[]): T =>
    turn(next, [...before, ...flowDefinition(next.flow.kind).pending(next, next.flow, context)]);
  const unhandled = () => resume(state, [{ key: unhandledNotice(event.type) }]);
  const transition = transitionFor(state.flow.kind, event.type);
  if (!transition) return unhandled();
  return transition.handle({ state, flow: state.flow, event, context, unhandled, resume });
}

/** Why an event the flow does not take changes nothing. */
function unhandledNotice(type: EventType): MessageKey {
  if (type.startsWith('button:')) return 'stale-button';
  switch (type) {
    case 'photo':
      return 'photo-outside-intake';
    case 'location':
      return 'location-outside-intake';
    default:
      return 'use-buttons';
  }
}

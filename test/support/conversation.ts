import {
  type ConversationEvent,
  type ConversationState,
  type Draft,
  decideTurn,
  type IntakeField,
  initialState,
  type TurnContext,
} from '../../core/index.ts';

/** A washer draft with nothing asked yet; `over` fills or changes fields. */
export function draftOf(over: Partial<Draft> = {}): Draft {
  return {
    id: 'chat:1',
    reason: 'fault',
    urgent: false,
    description: 'washer leaks',
    category: 'washing_machine',
    nameplatePhotos: [],
    invoicePhotos: [],
    otherPhotos: [],
    answered: [],
    ...over,
  };
}

/** A chat in the intake, asking `field`. */
export function intakeAt(
  field: IntakeField,
  over: Partial<Draft> = {},
  editing = false,
): ConversationState {
  return { ...initialState('en'), flow: { kind: 'intake', field, draft: draftOf(over), editing } };
}

/** Plays events from a state; returns every turn, the last one and the final state. */
export function playWith(context: TurnContext) {
  return (state: ConversationState, ...events: ConversationEvent[]) => {
    const turns = [];
    let current = state;
    for (const event of events) {
      const turn = decideTurn(current, event, context);
      turns.push(turn);
      current = turn.state;
    }
    return { turns, state: current, last: turns.at(-1) as (typeof turns)[number] };
  };
}

/** The locale keys of a turn's replies. */
export const keys = (turn: { replies: { key: string }[] }) =>
  turn.replies.map((reply) => reply.key);

import { type ButtonAction, decodeButton } from './buttons.ts';
import type { TurnContext } from './context.ts';
import type { ConversationEvent, CustomerCommand } from './events.ts';
import type { ConversationState, Flow, Reply } from './state.ts';
import type { T } from './steps.ts';

/**
 * The vocabulary of the transition table: the events a flow can handle, with inline buttons
 * decoded into their actions, and the shape of a flow's row.
 */

export type FlowKind = Flow['kind'];
export type FlowOf<K extends FlowKind> = Flow & { kind: K };

type ButtonEvent<A extends ButtonAction = ButtonAction> = A extends ButtonAction
  ? { type: `button:${A['action']}` } & Omit<A, 'action'>
  : never;

/** A conversation event as the table reads it: a command by name, a button by its action. */
export type TableEvent =
  | { type: `/${CustomerCommand}` }
  | Exclude<ConversationEvent, { type: 'command' | 'button' }>
  | ButtonEvent
  /** Callback data this bot never sent (or an older version sent). */
  | { type: 'button:unknown' };

export type EventType = TableEvent['type'];
export type EventOf<E extends EventType> = Extract<TableEvent, { type: E }>;

/** Reads an adapter event the way the table is keyed. */
export function toTableEvent(event: ConversationEvent): TableEvent {
  switch (event.type) {
    case 'command':
      return { type: `/${event.name}` };
    case 'button': {
      const action = decodeButton(event.data);
      if (!action) return { type: 'button:unknown' };
      const { action: name, ...rest } = action;
      return { type: `button:${name}`, ...rest } as TableEvent;
    }
    default:
      return event;
  }
}

/** What a handler gets: the chat's state, its flow (narrowed), the event (narrowed), the context. */
export type TransitionInput<K extends FlowKind, E extends EventType> = {
  state: ConversationState;
  flow: FlowOf<K>;
  event: EventOf<E>;
  context: TurnContext;
  /**
   * The default for an event this flow does not take: says why (`stale-button`, `use-buttons`…)
   * and asks the pending question again. Handlers fall back to it when a guard fails.
   */
  unhandled(): T;
  /** Says `before`, then asks the question `state`'s flow is waiting on. */
  resume(state: ConversationState, before: Reply[]): T;
};

/**
 * `same`: the flow stays what it was (its data may change); `previous`: the flow a yes/no question
 * interrupted comes back.
 */
export type Target = FlowKind | 'same' | 'previous';

/** One cell of the table: where the event may lead (for the diagram) and the pure handler. */
export type Transition<K extends FlowKind, E extends EventType> = {
  readonly to: readonly Target[];
  readonly handle: (input: TransitionInput<K, E>) => T;
};

export type FlowTransitions<K extends FlowKind> = {
  readonly [E in EventType]?: Transition<K, E>;
};

/** A flow: the question it waits on and the events it handles. */
export type FlowDefinition<K extends FlowKind> = {
  /** Asked again after an event the flow does not handle, and when the flow is resumed. */
  readonly pending: (state: ConversationState, flow: FlowOf<K>, context: TurnContext) => Reply[];
  readonly on: FlowTransitions<K>;
};

/** `transitions[flow.kind]`: every flow must have a row (the compiler checks a new flow). */
export type Transitions = { readonly [K in FlowKind]: FlowDefinition<K> };

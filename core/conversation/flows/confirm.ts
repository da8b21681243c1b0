import { hazardOr, type T, turn, withFlow, yesNo } from '../steps.ts';
import type { FlowDefinition, FlowKind, TransitionInput } from '../table.ts';

type ConfirmKind = Extract<FlowKind, 'confirm-cancel' | 'confirm-forget'>;

/** Danger written at a yes/no question comes first, in the flow the question interrupted. */
const dangerFirst = ({
  state,
  flow,
  event,
  context,
  unhandled,
}: TransitionInput<ConfirmKind, 'text'>): T =>
  hazardOr(
    withFlow(state, flow.previous ?? { kind: 'idle' }),
    event.text,
    state.category ? { category: state.category } : {},
    context,
    unhandled,
  );

/** "No" changes nothing: back to what the question interrupted. */
const keepAll = ({ state, flow, resume }: TransitionInput<ConfirmKind, 'button:no'>): T =>
  resume(withFlow(state, flow.previous ?? { kind: 'idle' }), [{ key: 'nothing-changed' }]);

/** Asked to confirm cancelling a ticket. */
export const confirmCancelFlow: FlowDefinition<'confirm-cancel'> = {
  pending: (_state, flow) => [
    { key: 'cancel-confirm', vars: { ticket: flow.ticketNumber }, buttons: yesNo() },
  ],
  on: {
    text: { to: ['intake', 'review', 'same'], handle: dangerFirst },
    'button:yes': {
      to: ['previous'],
      handle: ({ state, flow }) =>
        turn(
          withFlow(state, flow.previous ?? { kind: 'idle' }),
          [],
          [{ type: 'cancel-ticket', ticketNumber: flow.ticketNumber }],
        ),
    },
    'button:no': { to: ['previous'], handle: keepAll },
  },
};

/** Asked to confirm erasing the customer's personal data. */
export const confirmForgetFlow: FlowDefinition<'confirm-forget'> = {
  pending: () => [{ key: 'forget-confirm', buttons: yesNo() }],
  on: {
    text: { to: ['intake', 'review', 'same'], handle: dangerFirst },
    'button:yes': {
      to: ['idle'],
      handle: ({ state }) =>
        turn({ ...state, profile: {}, flow: { kind: 'idle' } }, [], [{ type: 'forget' }]),
    },
    'button:no': { to: ['previous'], handle: keepAll },
  },
};

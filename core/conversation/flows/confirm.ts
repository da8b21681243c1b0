import { readChangeAnswer, readYesNo } from '../../intake/typed-answer.ts';
import { categoryButtons } from '../buttons.ts';
import { applyChange, changedDraft, changeQuestion } from '../draft-change.ts';
import type { Flow } from '../state.ts';
import { hazardOr, knownCategory, type T, turn, withFlow, yesNo } from '../steps.ts';
import type { FlowDefinition, FlowKind, TransitionInput } from '../table.ts';

type ConfirmKind = Extract<
  FlowKind,
  'confirm-cancel' | 'confirm-forget' | 'confirm-restart' | 'confirm-change'
>;

/**
 * Words typed at a yes/no question: danger comes first, in the flow the question interrupted (for a
 * change, with the change made: the customer told us the new number or product before the danger);
 * "yes" / "好的" / "係" and "no" / "不要" / "唔使" are the buttons; anything else asks again.
 */
function typedAnswer<K extends ConfirmKind>(
  onYes: (input: TransitionInput<K, 'button:yes'>) => T,
  read: (text: string) => 'yes' | 'no' | undefined = readYesNo,
): (input: TransitionInput<K, 'text'>) => T {
  return (input) => {
    const { state, flow, event, context, unhandled } = input;
    const asked: Flow = flow;
    const previous: Flow =
      asked.kind === 'confirm-change'
        ? { ...asked.previous, draft: changedDraft(asked.previous.draft, asked.change, context) }
        : (flow.previous ?? { kind: 'idle' });
    return hazardOr(
      withFlow(state, previous),
      event.text,
      previous.kind === 'intake' || previous.kind === 'review'
        ? { ...knownCategory(previous.draft), description: previous.draft.description }
        : state.category
          ? { category: state.category }
          : {},
      context,
      () => {
        const answer = read(event.text);
        if (answer === 'yes') return onYes({ ...input, event: { type: 'button:yes' } });
        if (answer === 'no') return keepAll({ ...input, event: { type: 'button:no' } });
        return unhandled();
      },
    );
  };
}

/** "No" changes nothing: back to what the question interrupted. */
const keepAll = ({ state, flow, resume }: TransitionInput<ConfirmKind, 'button:no'>): T =>
  resume(withFlow(state, flow.previous ?? { kind: 'idle' }), [{ key: 'nothing-changed' }]);

const cancelTicket = ({ state, flow }: TransitionInput<'confirm-cancel', 'button:yes'>): T =>
  turn(
    withFlow(state, flow.previous ?? { kind: 'idle' }),
    [],
    [{ type: 'cancel-ticket', ticketNumber: flow.ticketNumber }],
  );

/** Asked to confirm cancelling a ticket. */
export const confirmCancelFlow: FlowDefinition<'confirm-cancel'> = {
  pending: (_state, flow) => [
    { key: 'cancel-confirm', vars: { ticket: flow.ticketNumber }, buttons: yesNo() },
  ],
  on: {
    text: { to: ['previous', 'intake', 'review', 'same'], handle: typedAnswer(cancelTicket) },
    'button:yes': { to: ['previous'], handle: cancelTicket },
    'button:no': { to: ['previous'], handle: keepAll },
  },
};

const forget = ({ state }: TransitionInput<'confirm-forget', 'button:yes'>): T =>
  turn({ ...state, profile: {}, flow: { kind: 'idle' } }, [], [{ type: 'forget' }]);

/** Asked to confirm erasing the customer's personal data. */
export const confirmForgetFlow: FlowDefinition<'confirm-forget'> = {
  pending: () => [{ key: 'forget-confirm', buttons: yesNo() }],
  on: {
    text: { to: ['idle', 'previous', 'intake', 'review', 'same'], handle: typedAnswer(forget) },
    'button:yes': { to: ['idle'], handle: forget },
    'button:no': { to: ['previous'], handle: keepAll },
  },
};

/** Starting over: the ticket being prepared is discarded, and the welcome is said again. */
const restart = ({ state }: TransitionInput<'confirm-restart', 'button:yes'>): T =>
  turn(withFlow(state, { kind: 'idle' }), [
    { key: 'welcome', buttons: categoryButtons(), request: 'remove' },
  ]);

/** Asked (on /start) whether to discard the ticket being prepared. */
export const confirmRestartFlow: FlowDefinition<'confirm-restart'> = {
  pending: (_state, flow) => [
    {
      key: 'restart-confirm',
      vars: {
        description:
          flow.previous?.kind === 'intake' || flow.previous?.kind === 'review'
            ? flow.previous.draft.description
            : '',
      },
      buttons: yesNo(),
    },
  ],
  on: {
    text: { to: ['idle', 'previous', 'intake', 'review', 'same'], handle: typedAnswer(restart) },
    'button:yes': { to: ['idle'], handle: restart },
    'button:no': { to: ['previous'], handle: keepAll },
  },
};

/** The change made: on with the intake (a new product needs its model), or back to the summary. */
const change = ({ state, flow, context }: TransitionInput<'confirm-change', 'button:yes'>): T =>
  applyChange(state, flow.previous, flow.change, context);

/** Asked to confirm a change told in words ("it's not the TV, it's my monitor"). */
export const confirmChangeFlow: FlowDefinition<'confirm-change'> = {
  pending: (_state, flow) => [changeQuestion(flow.change)],
  on: {
    text: {
      to: ['previous', 'intake', 'review', 'same'],
      handle: typedAnswer(change, readChangeAnswer),
    },
    'button:yes': { to: ['intake', 'review'], handle: change },
    'button:no': { to: ['previous'], handle: keepAll },
  },
};

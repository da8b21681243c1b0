import { reportCorrected } from '../draft-change.ts';
import {
  checksStep,
  escalate,
  fixedByCustomer,
  hazardOrButtons,
  keepPhoto,
  quickChecksOf,
  seedOf,
  type T,
  type TypedOutcome,
  turn,
  withFlow,
} from '../steps.ts';
import type { FlowDefinition, TransitionInput } from '../table.ts';

/** A typed answer at a quick check as its button; asking for the engineer is the skip button. */
const CHECK_BUTTON_OF = {
  fixed: 'fixed',
  not_fixed: 'failed',
  skip: 'skip',
  engineer: 'skip',
} as const satisfies Record<TypedOutcome, 'fixed' | 'failed' | 'skip'>;

/**
 * Quick checks before an engineer is sent (design.md "Decide by cost"; the seed: "对于不能明确是否
 * 是产品出现故障时…配合客户进行检查", "若用户不接受咨询，服务工程师应上门"): a check that fixes it ends
 * like guidance (the check-back is scheduled); checks that did not help go into the ticket as
 * already ruled out (no check-back for them); "skip the checks" goes straight to the intake.
 */
export const checksFlow: FlowDefinition<'checks'> = {
  pending: (_state, flow, context) => [checksStep(flow, context)],
  on: {
    text: {
      to: ['idle', 'intake', 'review', 'same'],
      handle: (input) =>
        reportCorrected(input.state, input.flow, input.event.text, input.context) ??
        hazardOrButtons(
          input,
          (outcome) =>
            onCheckAnswer({
              ...input,
              event: { type: 'button:check', choice: CHECK_BUTTON_OF[outcome] },
            }),
          { skip: true },
        ),
    },
    'button:check': { to: ['same', 'idle', 'intake'], handle: onCheckAnswer },
    photo: {
      to: ['same'],
      handle: ({ state, flow, event, context }) =>
        keepPhoto(state, flow, event.fileId, (next) => checksStep(next, context)),
    },
  },
};

function onCheckAnswer({
  state,
  flow,
  event,
  context,
}: TransitionInput<'checks', 'button:check'>): T {
  switch (event.choice) {
    case 'fixed':
      return fixedByCustomer(state, flow);
    case 'skip':
      return escalate(state, 'fault', context, seedOf(flow, context), [{ key: 'checks-skipped' }]);
    case 'failed': {
      const next = { ...flow, step: flow.step + 1, ruledOut: [...flow.ruledOut, flow.step] };
      if (next.step < quickChecksOf(flow.symptomId, context).length)
        return turn(withFlow(state, next), [checksStep(next, context)]);
      return escalate(
        withFlow(state, next),
        'fault',
        context,
        { ...seedOf(next, context), label: 'fault' },
        [{ key: 'checks-failed' }],
      );
    }
  }
}

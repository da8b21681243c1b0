import { reportCorrected } from '../draft-change.ts';
import type { Reply } from '../state.ts';
import {
  askForPerson,
  escalate,
  fixedByCustomer,
  guideStep,
  hazardOrButtons,
  keepPhoto,
  seedOf,
  type T,
  turn,
  withFlow,
} from '../steps.ts';
import type { FlowDefinition, TransitionInput } from '../table.ts';

/** Walking through a misuse symptom's steps, one at a time, with buttons. */
export const guideFlow: FlowDefinition<'guide'> = {
  pending: (_state, flow, context) => [guideStep(flow, context)],
  on: {
    text: {
      to: ['idle', 'intake', 'review', 'same'],
      handle: (input) =>
        reportCorrected(input.state, input.flow, input.event.text, input.context) ??
        hazardOrButtons(input, (outcome) =>
          // Asking for the engineer opens the ticket, with the steps already done as ruled out.
          outcome === 'engineer'
            ? escalate(
                input.state,
                'customer_asked',
                input.context,
                seedOf(input.flow, input.context),
              )
            : onGuideChoice({
                ...input,
                event: { type: 'button:guide', choice: outcome === 'fixed' ? 'fixed' : 'next' },
              }),
        ),
    },
    'button:guide': { to: ['same', 'idle', 'intake'], handle: onGuideChoice },
    photo: {
      to: ['same'],
      handle: ({ state, flow, event, context }) =>
        keepPhoto(state, flow, event.fileId, (next) => guideStep(next, context)),
    },
  },
};

function onGuideChoice({
  state,
  flow,
  event,
  context,
}: TransitionInput<'guide', 'button:guide'>): T {
  const symptom = context.catalogue.symptom(flow.symptomId);
  switch (event.choice) {
    case 'fixed':
      return fixedByCustomer(state, flow);
    case 'repeat':
      return turn(state, [guideStep(flow, context)]);
    case 'human':
      // The step stays on screen: the bot keeps helping until a person takes over.
      return askForPerson(state, flow, turn(state, [guideStep(flow, context)]));
    case 'next':
    case 'skip': {
      const done = event.choice === 'next' ? [...(flow.ruledOut ?? []), flow.step] : flow.ruledOut;
      const next = { ...flow, step: flow.step + 1, ...(done ? { ruledOut: done } : {}) };
      if (symptom && next.step < symptom.steps.length)
        return turn(withFlow(state, next), [guideStep(next, context)]);
      const failed: Reply = symptom
        ? { key: 'guide-failed', vars: { advice: symptom.ifFails } }
        : { key: 'guide-failed-generic' };
      return escalate(withFlow(state, next), 'guidance_failed', context, undefined, [failed]);
    }
  }
}

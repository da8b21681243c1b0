import { clarifyReply, startForSymptom, triageReport } from '../steps.ts';
import type { FlowDefinition } from '../table.ts';

/**
 * Asked the product's clarifying question once, with the likeliest symptoms as buttons; a button
 * or the customer's own words decide.
 */
export const clarifyFlow: FlowDefinition<'clarify'> = {
  pending: (_state, flow, context) => [
    clarifyReply(
      flow,
      flow.question ?? context.catalogue.category(flow.category)?.clarify,
      context,
    ),
  ],
  on: {
    text: {
      to: ['guide', 'checks', 'intake', 'review'],
      handle: ({ state, flow, event, context }) =>
        triageReport(state, `${flow.text}\n${event.text}`, context, {
          asked: true,
          category: flow.category,
        }),
    },
    'button:symptom': {
      to: ['guide', 'checks', 'same'],
      handle: ({ state, flow, event, context, unhandled }) =>
        (flow.options ?? []).includes(event.symptomId)
          ? startForSymptom(state, flow.text, flow.category, event.symptomId, context)
          : unhandled(),
    },
  },
};

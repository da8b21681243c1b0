import { triageReport } from '../steps.ts';
import type { FlowDefinition } from '../table.ts';

/** Asked the product's clarifying question once; the answer decides. */
export const clarifyFlow: FlowDefinition<'clarify'> = {
  pending: (_state, flow, context) => {
    const question = flow.question ?? context.catalogue.category(flow.category)?.clarify;
    return [question ? { key: 'clarify', vars: { question } } : { key: 'clarify-generic' }];
  },
  on: {
    text: {
      to: ['guide', 'intake', 'review'],
      handle: ({ state, flow, event, context }) =>
        triageReport(state, `${flow.text}\n${event.text}`, context, {
          asked: true,
          category: flow.category,
        }),
    },
  },
};

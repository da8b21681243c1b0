import { readSmallTalk } from '../../intake/small-talk.ts';
import { clarifyReply, smallTalkReply, startForSymptom, triageReport } from '../steps.ts';
import type { FlowDefinition } from '../table.ts';
import { isWarrantyOnly } from '../warranty-question.ts';

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
      to: ['same', 'guide', 'checks', 'intake', 'review'],
      handle: ({ state, flow, event, context, resume }) => {
        // "hi" or "thanks" is not the answer: the one question still stands.
        const talk = readSmallTalk(event.text);
        if (talk) return resume(state, [smallTalkReply(talk)]);
        // Nor is a question about the warranty alone: answered in a word, and the question again.
        if (isWarrantyOnly(event.text, context, state.locale))
          return resume(state, [{ key: 'warranty-aside' }]);
        return triageReport(state, `${flow.text}\n${event.text}`, context, {
          asked: true,
          category: flow.category,
        });
      },
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

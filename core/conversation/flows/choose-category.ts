import { readSmallTalk } from '../../intake/small-talk.ts';
import { categoryButtons } from '../buttons.ts';
import { smallTalkReply, triageReport } from '../steps.ts';
import type { FlowDefinition } from '../table.ts';

/** Asked which product the report is about (the one clarifying question), holding the report. */
export const chooseCategoryFlow: FlowDefinition<'choose-category'> = {
  pending: () => [{ key: 'ask-which-product', buttons: categoryButtons() }],
  on: {
    text: {
      to: ['same', 'guide', 'checks', 'intake', 'review'],
      handle: ({ state, flow, event, context, resume }) => {
        // "hi" or "thanks" is not the answer: the one question still stands.
        const talk = readSmallTalk(event.text);
        if (talk) return resume(state, [smallTalkReply(talk)]);
        return triageReport(state, `${flow.text}\n${event.text}`, context, { asked: true });
      },
    },
    'button:category': {
      to: ['guide', 'checks', 'intake', 'review'],
      handle: ({ state, flow, event, context }) =>
        triageReport({ ...state, category: event.category }, flow.text, context, {
          asked: true,
          category: event.category,
        }),
    },
  },
};

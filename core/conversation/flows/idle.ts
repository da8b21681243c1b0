import { readSmallTalk } from '../../intake/small-talk.ts';
import { checkbackInWords, smallTalkPrompt, triageReport, turn } from '../steps.ts';
import type { FlowDefinition } from '../table.ts';

/** Nothing in progress: a message is a new report; a product button remembers the product. */
export const idleFlow: FlowDefinition<'idle'> = {
  pending: () => [],
  on: {
    text: {
      to: ['same', 'guide', 'checks', 'clarify', 'choose-category', 'intake', 'review', 'warranty'],
      handle: ({ state, event, context }) => {
        const report = () => {
          const talk = readSmallTalk(event.text);
          return talk
            ? turn(state, [smallTalkPrompt(talk)])
            : triageReport(state, event.text, context, { asked: false });
        };
        // Nothing else is asked: words may answer the check-back ("yes all good now", "还是不行").
        return event.checkback
          ? checkbackInWords(state, event.text, event.checkback, context, report)
          : report();
      },
    },
    'button:category': {
      to: ['same'],
      handle: ({ state, event }) =>
        turn({ ...state, category: event.category }, [
          { key: 'category-chosen', vars: { category: event.category } },
        ]),
    },
  },
};

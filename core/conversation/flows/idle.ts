import { readSmallTalk } from '../../intake/small-talk.ts';
import { smallTalkPrompt, triageReport, turn } from '../steps.ts';
import type { FlowDefinition } from '../table.ts';

/** Nothing in progress: a message is a new report; a product button remembers the product. */
export const idleFlow: FlowDefinition<'idle'> = {
  pending: () => [],
  on: {
    text: {
      to: ['same', 'guide', 'checks', 'clarify', 'choose-category', 'intake', 'review'],
      handle: ({ state, event, context }) => {
        const talk = readSmallTalk(event.text);
        return talk
          ? turn(state, [smallTalkPrompt(talk)])
          : triageReport(state, event.text, context, { asked: false });
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

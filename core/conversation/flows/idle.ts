import { readSmallTalk } from '../../intake/small-talk.ts';
import { readStatusQuestion } from '../../intake/status-question.ts';
import { checkbackInWords, smallTalkPrompt, triageReport, turn } from '../steps.ts';
import type { FlowDefinition } from '../table.ts';
import { askWhichTicket, newProblem } from './which-ticket.ts';

/**
 * Nothing in progress: a message is a new report (or asks after a ticket); a product button
 * remembers the product.
 */
export const idleFlow: FlowDefinition<'idle'> = {
  pending: () => [],
  on: {
    text: {
      to: [
        'same',
        'which-ticket',
        'guide',
        'checks',
        'clarify',
        'choose-category',
        'intake',
        'review',
        'warranty',
      ],
      handle: ({ state, event, context }) => {
        const report = () => {
          // "When will the engineer come?": the customer's tickets and where they stand, not a
          // new report (the staff side has the words too, copied to a waiting ticket's topic).
          if (readStatusQuestion(event.text)) return turn(state, [], [{ type: 'list-tickets' }]);
          const talk = readSmallTalk(event.text);
          if (talk) return turn(state, [smallTalkPrompt(talk)]);
          // A ticket waits for a person: about it, or a new problem? (Never asked of a hazard.)
          return (
            askWhichTicket(state, event.text, context) ??
            triageReport(state, event.text, context, { asked: false })
          );
        };
        // Nothing else is asked: words may answer the check-back ("yes all good now", "还是不行").
        return event.checkback
          ? checkbackInWords(state, event.text, event.checkback, context, report)
          : report();
      },
    },
    // "🆕 That's a new problem" under the reply to words added to a waiting ticket unasked: those
    // words are triaged after all (an older reply's button, or after "about it" was dropped, is stale).
    'button:which-ticket': {
      to: ['same', 'guide', 'checks', 'clarify', 'choose-category', 'intake'],
      handle: ({ state, event, context, unhandled }) => {
        const added = state.addedUnasked;
        if (event.choice !== 'new' || !added || !state.aboutTicket || event.added !== added.seq)
          return unhandled();
        return newProblem(state, state.aboutTicket, added.text, context);
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

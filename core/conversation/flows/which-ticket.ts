import { readSmallTalk } from '../../intake/small-talk.ts';
import { readStatusQuestion } from '../../intake/status-question.ts';
import { readWhichTicket } from '../../intake/typed-answer.ts';
import { button } from '../buttons.ts';
import type { TurnContext, WaitingTicket } from '../context.ts';
import type { ConversationState, Reply } from '../state.ts';
import { hazardOr, smallTalkReply, type T, triageReport, turn, withFlow } from '../steps.ts';
import { symptomFamilies } from '../symptom-family.ts';
import type { FlowDefinition, FlowOf } from '../table.ts';
import { isWarrantyOnly } from '../warranty-question.ts';

/** The longest piece of the filed words the question quotes, in characters. */
const QUOTED_MAX = 60;

/**
 * "Is this about your ticket FL-… (washing machine: 'E21, won't drain') or a new problem?", with a
 * button for each: the ticket's symptom as the catalogue words it, else the filed words (cut).
 */
export function whichTicketQuestion(
  { waiting, asked }: FlowOf<'which-ticket'>,
  context: TurnContext,
): Reply {
  const symptom = waiting.symptomId ? context.catalogue.symptom(waiting.symptomId) : undefined;
  const words = waiting.description?.replace(/\s+/g, ' ').trim() ?? '';
  const quoted = words.length > QUOTED_MAX ? `${words.slice(0, QUOTED_MAX - 1)}…` : words;
  return {
    key: 'which-ticket',
    vars: {
      number: waiting.number,
      category: waiting.category ?? 'unknown',
      summary: symptom?.title ?? (quoted || 'none'),
    },
    buttons: [
      [
        button(
          'button-which-same',
          { action: 'which-ticket', choice: 'same', question: asked },
          { number: waiting.number },
        ),
      ],
      [button('button-which-new', { action: 'which-ticket', choice: 'new', question: asked })],
    ],
  };
}

/**
 * A problem told while a repair ticket waits for a person (nothing else in progress): unless it is a
 * hazard (safety first, never behind a question), a warranty question and nothing else, or names
 * another product than the ticket's, the customer is asked whether it is about that ticket or a new
 * problem (once: after "about it" the words go with the ticket unasked, unless they tell another
 * symptom, when it is asked again); `undefined` when triage
 * goes ahead as for any report.
 */
export function askWhichTicket(
  state: ConversationState,
  text: string,
  context: TurnContext,
): T | undefined {
  const waiting = context.waiting;
  // A request for a person (/human) waits for someone to read just this: nothing to ask.
  if (waiting?.kind !== 'fault') return undefined;
  const read = context.triage(
    text,
    state.category ? { category: state.category, asked: false } : { asked: false },
  );
  if (read.kind === 'hazard') return undefined;
  // "Is it still under warranty?" asks, it reports nothing: the warranty answer, as with no ticket
  // waiting (triageReport's reading: no problem read, warranty words and nothing else).
  if (read.kind === 'ask' && isWarrantyOnly(text, context, state.locale)) return undefined;
  if (read.named && read.category && waiting.category && read.category !== waiting.category)
    return undefined;
  // Asked once: the customer said earlier in this chat that their words are about this ticket,
  // unless these words tell another problem (review11 H2b follow-up: asked again).
  // The reply offers "that's a new problem" for these words (review11 H2b: not merged for good).
  if (state.aboutTicket === waiting.number && !tellsAnotherProblem(text, waiting, context)) {
    const seq = (state.addedSeq ?? 0) + 1;
    return turn(
      { ...state, addedUnasked: { text, seq }, addedSeq: seq },
      [],
      [{ type: 'add-to-ticket', ticketNumber: waiting.number, text, again: seq }],
    );
  }
  const asked = (state.askedSeq ?? 0) + 1;
  const flow = { kind: 'which-ticket', text, waiting, asked } as const;
  return turn(withFlow({ ...state, askedSeq: asked }, flow), [whichTicketQuestion(flow, context)]);
}

/**
 * Whether words told after "about FL-…" name a problem of their own: a symptom family (a leak, a
 * noise, a door that will not close…) that neither the ticket's filed words nor its symptom tell
 * ("the drum also makes a grinding noise", 而家仲漏水, 洗衣機道門都閂唔埋 on a ticket for "E21,
 * won't drain"; "it still shows E21" is the same). The same in every script (review12 M2): words
 * with no cue of their own are read without the product's bias (with it, "please call after 5pm"
 * reads as a washer's fault) and count only as a symptom of the ticket's product, so words of time
 * or degree ("I'm home all day tomorrow", "it is getting worse", 越来越严重, 愈嚟愈嚴重) go with it.
 */
function tellsAnotherProblem(text: string, waiting: WaitingTicket, context: TurnContext): boolean {
  /** A catalogue symptom's families, from its title in both languages (else its id alone). */
  const familiesOf = (symptomId: string | undefined): Set<string> => {
    if (!symptomId) return new Set();
    const title = context.catalogue.symptom(symptomId)?.title;
    const families = title ? symptomFamilies(`${title.en}\n${title.zh}`) : new Set<string>();
    return families.size > 0 ? families : new Set([symptomId]);
  };
  const symptomOf = (words: string) => {
    const read = context.triage(words, { asked: false });
    if (read.kind === 'ask' || read.kind === 'hazard') return undefined;
    return read.category === waiting.category ? read.symptomId : undefined;
  };
  const cued = symptomFamilies(text);
  const told = cued.size > 0 ? cued : familiesOf(symptomOf(text));
  if (told.size === 0) return false;
  const description = waiting.description ?? '';
  const known = new Set([
    ...symptomFamilies(description),
    ...familiesOf(waiting.symptomId),
    ...familiesOf(description ? symptomOf(description) : undefined),
  ]);
  return [...told].some((family) => !known.has(family));
}

type Input = {
  state: ConversationState;
  flow: FlowOf<'which-ticket'>;
  context: TurnContext;
};

/** About the waiting ticket: the words go with it, and the customer is told (the adapter's reply). */
const sameTicket = ({ state, flow }: Input): T => {
  const { addedUnasked: _offered, ...rest } = state;
  return turn(
    withFlow({ ...rest, aboutTicket: flow.waiting.number }, { kind: 'idle' }),
    [],
    [{ type: 'add-to-ticket', ticketNumber: flow.waiting.number, text: flow.text }],
  );
};

/**
 * A new problem (`text`, told while `ticketNumber` waited): the report is triaged as any other,
 * staff in the ticket's topic told so while it still waits (not once it is closed, taken or
 * another was filed since: review12 L2), and the earlier "about it" forgotten.
 */
export function newProblem(
  state: ConversationState,
  ticketNumber: string,
  text: string,
  context: TurnContext,
): T {
  const { aboutTicket: _earlier, addedUnasked: _offered, ...rest } = state;
  const triaged = triageReport(withFlow(rest, { kind: 'idle' }), text, context, { asked: false });
  if (context.waiting?.number !== ticketNumber) return triaged;
  return {
    ...triaged,
    effects: [{ type: 'new-problem', ticketNumber, text }, ...triaged.effects],
  };
}

const newProblemOf = ({ state, flow, context }: Input): T =>
  newProblem(state, flow.waiting.number, flow.text, context);

/** Asked whether the words are about the waiting ticket or a new problem. */
export const whichTicketFlow: FlowDefinition<'which-ticket'> = {
  pending: (_state, flow, context) => [whichTicketQuestion(flow, context)],
  on: {
    text: {
      to: ['idle', 'guide', 'checks', 'clarify', 'choose-category', 'intake', 'review', 'same'],
      handle: (input) => {
        const { state, flow, event, context, unhandled, resume } = input;
        // Danger in the answer comes first, read with the words it follows.
        return hazardOr(
          withFlow(state, { kind: 'idle' }),
          event.text,
          { description: flow.text },
          context,
          () => {
            const answer = readWhichTicket(event.text);
            if (answer === 'same') return sameTicket(input);
            if (answer === 'new') return newProblemOf(input);
            // "when will the engineer come?": the tickets, as /status lists them, and the question.
            if (readStatusQuestion(event.text)) {
              const shown = resume(state, []);
              return { ...shown, effects: [{ type: 'list-tickets' }, ...shown.effects] };
            }
            const talk = readSmallTalk(event.text);
            return talk ? resume(state, [smallTalkReply(talk)]) : unhandled();
          },
        );
      },
    },
    'button:which-ticket': {
      // Never a hazard's words (not asked about), so never straight to a hazard's summary.
      to: ['idle', 'guide', 'checks', 'clarify', 'choose-category', 'intake', 'same'],
      handle: (input) => {
        // An "added to your ticket" reply's button, or an older question's, is about other words
        // than this question's: stale (review12 M1), the question asked again. Unnumbered buttons
        // answer only a question asked before numbers.
        const { added, question } = input.event;
        if (added !== undefined || question !== input.flow.asked) return input.unhandled();
        return input.event.choice === 'same' ? sameTicket(input) : newProblemOf(input);
      },
    },
  },
};

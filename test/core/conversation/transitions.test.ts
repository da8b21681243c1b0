import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDiagram } from '../../../bot/tools/write-diagram.ts';
import {
  anyFlow,
  type CalendarDate,
  type ConversationEvent,
  type ConversationState,
  CUSTOMER_COMMANDS,
  type Draft,
  dayPeriod,
  decideTurn,
  encodeButton,
  type Flow,
  type FlowKind,
  INTAKE_FIELDS,
  initialState,
  type Target,
  type TurnContext,
  toMermaid,
  toTableEvent,
  transitionFor,
  transitions,
  type WaitingTicket,
} from '../../../core/index.ts';
import { draftOf, intakeAt } from '../../support/conversation.ts';
import { realTurnContext } from '../../support/turn-context.ts';

const context = realTurnContext();
const fresh = () => initialState('en');
/** A ticket filed and waiting for staff: a problem told then is asked about first. */
const waiting: WaitingTicket = {
  number: 'FL-260310-0001',
  kind: 'fault',
  category: 'washing_machine',
  description: 'washer shows E21',
};
const withWaiting: TurnContext = { ...context, waiting };
/** States whose turns run with a ticket waiting. */
const WAITING_STATES = new Set<ConversationState>();
const waitingState = (state: ConversationState) => {
  WAITING_STATES.add(state);
  return state;
};
const contextOf = (state: ConversationState) => (WAITING_STATES.has(state) ? withWaiting : context);

const draft = draftOf({ id: 'd1' });
const complete: Draft = {
  ...draft,
  name: 'Ann Lee',
  phone: '+85291234567',
  model: 'XQG100-B12866',
  purchaseDate: dayPeriod('2026-01-05' as CalendarDate),
  address: { kind: 'text', text: 'Flat 3A, 8 Queen Road, Central, Hong Kong' },
  window: { date: '2026-03-12' as never, startMinute: 480, endMinute: 720 },
  answered: ['invoice'],
};
const urgent: Draft = { ...draft, urgent: true, reason: 'hazard', label: 'hazard' };

const guiding = decideTurn(
  fresh(),
  { type: 'text', text: 'my fridge is too cold, the vegetables freeze' },
  context,
).state;

const checking = {
  ...fresh(),
  category: 'refrigerator',
  flow: {
    kind: 'checks',
    text: 'my fridge is not cooling',
    category: 'refrigerator',
    symptomId: 'refrigerator.not-cooling',
    label: 'fault',
    step: 0,
    ruledOut: [],
  },
} satisfies ConversationState;

/** At least one state per flow, with the variations the handlers branch on. */
const BASE_STATES: ConversationState[] = [
  fresh(),
  { ...fresh(), category: 'tv' },
  { ...fresh(), profile: { name: 'Ann', phone: '+85291234567', address: complete.address } },
  { ...fresh(), flow: { kind: 'choose-category', text: 'it stopped working' } },
  { ...fresh(), category: 'tv', flow: { kind: 'clarify', text: 'tv weird', category: 'tv' } },
  guiding,
  { ...guiding, flow: { ...(guiding.flow as { kind: 'guide' }), step: 3 } } as ConversationState,
  ...INTAKE_FIELDS.map((field) => intakeAt(field)),
  intakeAt('phone', complete, true),
  intakeAt('phone', { ...urgent, name: 'Ann', address: complete.address }),
  { ...fresh(), flow: { kind: 'review', draft: complete } },
  {
    ...fresh(),
    flow: {
      kind: 'review',
      draft: {
        ...complete,
        window: { date: '2026-03-01' as never, startMinute: 480, endMinute: 720 },
      },
    },
  },
  {
    ...fresh(),
    category: 'tv',
    flow: {
      kind: 'clarify',
      text: 'tv weird',
      category: 'tv',
      options: ['tv.no-signal', 'tv.sound-no-picture'],
    },
  },
  checking,
  { ...checking, flow: { ...checking.flow, step: 2, ruledOut: [0, 1] } },
  { ...fresh(), flow: { kind: 'confirm-cancel', ticketNumber: 'FL-260310-0001' } },
  {
    ...fresh(),
    flow: {
      kind: 'confirm-cancel',
      ticketNumber: 'FL-260310-0001',
      previous: intakeAt('name').flow,
    },
  },
  {
    ...fresh(),
    flow: {
      kind: 'confirm-cancel',
      ticketNumber: 'FL-260310-0001',
      previous: { kind: 'review', draft: complete },
    },
  },
  { ...fresh(), flow: { kind: 'confirm-forget', previous: guiding.flow } },
  { ...fresh(), flow: { kind: 'confirm-restart', previous: { kind: 'review', draft: complete } } },
  { ...fresh(), flow: { kind: 'confirm-restart', previous: intakeAt('name').flow } },
  { ...fresh(), flow: { ...intakeAt('name').flow, tries: 1, tried: 'x1' } } as ConversationState,
  {
    ...fresh(),
    flow: { ...intakeAt('name', complete, true).flow, tries: 2, tried: 'x1' },
  } as ConversationState,
  { ...fresh(), flow: { kind: 'confirm-forget', previous: { kind: 'review', draft: complete } } },
  {
    ...fresh(),
    flow: {
      kind: 'confirm-change',
      change: { field: 'category', category: 'dishwasher' },
      previous: intakeAt('phone').flow as Extract<Flow, { kind: 'intake' }>,
    },
  },
  {
    ...fresh(),
    flow: {
      kind: 'confirm-change',
      change: { field: 'phone', phone: '+8613912345678' },
      previous: { kind: 'review', draft: complete },
    },
  },
  {
    ...fresh(),
    flow: {
      kind: 'confirm-change',
      change: {
        field: 'window',
        window: { date: '2026-03-11' as CalendarDate, startMinute: 780, endMinute: 1080 },
      },
      previous: { kind: 'review', draft: complete },
    },
  },
];

const profile = { name: 'Ann', phone: '+85291234567', address: complete.address };

/** Asked "about FL-… or a new problem?" about words that lead each way once they are new. */
const WHICH_TICKET_STATES: ConversationState[] = [
  'the washer makes a loud noise',
  'my fridge is too cold, the vegetables freeze',
  'my fridge is not cooling',
  'it stopped working',
  'tv weird',
  'the washing machine will not drain at all, error E21, already cleaned the filter',
].flatMap((text) => [
  waitingState({ ...fresh(), flow: { kind: 'which-ticket', text, waiting } }),
  waitingState({ ...fresh(), profile, flow: { kind: 'which-ticket', text, waiting } }),
]);

/** Idle after words were added to the waiting ticket unasked: "that's a new problem" leads each way. */
const ADDED_UNASKED_STATES: ConversationState[] = WHICH_TICKET_STATES.filter(
  (state) => !state.profile.name,
).map((state) =>
  waitingState({
    ...fresh(),
    aboutTicket: waiting.number,
    addedUnasked: { text: state.flow.kind === 'which-ticket' ? state.flow.text : '', seq: 1 },
    addedSeq: 1,
  }),
);

/** Each state as it is, with the customer's contact known (a hazard then goes to the summary), and every field edited from the summary. */
const STATES: ConversationState[] = [
  ...BASE_STATES,
  waitingState(fresh()),
  ...WHICH_TICKET_STATES,
  ...ADDED_UNASKED_STATES,
  ...BASE_STATES.map((state) => ({ ...state, profile })),
  ...INTAKE_FIELDS.map((field) => intakeAt(field, complete, true)),
  { ...fresh(), flow: { kind: 'choose-category', text: 'washer leaks water, error E21' } },
  {
    ...fresh(),
    flow: {
      kind: 'choose-category',
      text: 'it will not turn on at all, I already tried another socket and a new cable',
    },
  },
  { ...fresh(), profile, flow: { kind: 'choose-category', text: 'smoke and a burning smell' } },
  {
    ...fresh(),
    category: 'refrigerator',
    flow: { kind: 'clarify', text: 'fridge problem', category: 'refrigerator' },
  },
  { ...fresh(), flow: { kind: 'warranty', text: 'how long is the warranty?' } },
  { ...fresh(), flow: { kind: 'warranty', text: 'warranty? I bought it last March' } },
  {
    ...fresh(),
    profile,
    flow: { kind: 'warranty', text: 'is my fridge under warranty?', category: 'refrigerator' },
  },
  {
    ...fresh(),
    category: 'refrigerator',
    flow: { kind: 'warranty', text: 'is my fridge under warranty?', category: 'refrigerator' },
  },
];

const press = (data: string): ConversationEvent => ({ type: 'button', data });
const guidance = {
  category: 'tv' as const,
  symptomId: 'tv.no-signal',
  description: 'tv no signal',
};

/** Every kind of event, with values the handlers accept and refuse. */
const EVENTS: ConversationEvent[] = [
  ...CUSTOMER_COMMANDS.map((name) => ({ type: 'command', name }) as const),
  ...[
    'hello',
    'Ann Lee',
    '+852 9123 4567',
    'XQG100-B12866',
    'last March',
    'Flat 3A, 8 Queen Road, Central, Hong Kong',
    'tomorrow morning',
    'there is smoke and a burning smell now',
    // A hazard that names its product: with the contact known, straight to the summary.
    'smoke is coming out of the back of the fridge',
    'the washing machine will not drain at all, error E21, already cleaned the filter',
    'my fridge is too cold, the vegetables freeze',
    'my fridge is not cooling',
    'hi',
    'thanks',
    'fixed',
    'still not working',
    'yes',
    'no',
    "I don't know",
    'Block 3, 12/F',
    'is my fridge still under warranty?',
    'how long is the warranty?',
    'the washing machine',
  ].map((text) => ({ type: 'text', text }) as const),
  ...['still not working', 'yes all good now thanks'].map(
    (text) =>
      ({
        type: 'text',
        text,
        checkback: {
          ref: 'g1',
          guidance: {
            category: 'refrigerator',
            symptomId: 'refrigerator.too-cold',
            description: 'my fridge is too cold',
          },
        },
      }) as const,
  ),
  { type: 'contact', phone: '85261234567', own: true },
  // The summary's own number again: no change to ask.
  { type: 'contact', phone: '85291234567', own: true },
  { type: 'location', latitude: 22.3, longitude: 114.17 },
  { type: 'photo', fileId: 'P1' },
  { type: 'checkback', outcome: 'working', guidance },
  { type: 'checkback', outcome: 'still_broken', guidance },
  press(encodeButton({ action: 'category', category: 'tv' })),
  ...(['fixed', 'next', 'repeat', 'skip', 'human'] as const).map((choice) =>
    press(encodeButton({ action: 'guide', choice })),
  ),
  ...(['fixed', 'failed', 'skip'] as const).map((choice) =>
    press(encodeButton({ action: 'check', choice })),
  ),
  press(encodeButton({ action: 'symptom', symptomId: 'tv.no-signal' })),
  press(encodeButton({ action: 'symptom', symptomId: 'tv.sound-no-picture' })),
  press(encodeButton({ action: 'symptom', symptomId: 'tv.no-power' })),
  press('skip:purchaseDate'),
  press('skip:invoice'),
  press('skip:nameplatePhoto'),
  press('skip:addressDetail'),
  press('keep:name'),
  press('human'),
  press(encodeButton({ action: 'which-ticket', choice: 'same' })),
  press(encodeButton({ action: 'which-ticket', choice: 'new' })),
  press(encodeButton({ action: 'which-ticket', choice: 'new', added: 1 })),
  press('win:2026-03-11:480-720'),
  press('edit:phone'),
  press('confirm'),
  press('discard'),
  press('lang:zh-Hans'),
  press('cancel:FL-260310-0001'),
  press('yes'),
  press('no'),
  press('cb:ok:g1'),
  press('garbage'),
];

function targetsOf(state: ConversationState, event: ConversationEvent): FlowKind[] {
  const kind = state.flow.kind;
  if (state.staffHold) return [kind];
  const transition = transitionFor(kind, toTableEvent(event).type);
  const to: readonly Target[] = transition?.to ?? ['same'];
  return to.map((target) =>
    target === 'same'
      ? kind
      : target === 'previous'
        ? 'previous' in state.flow
          ? (state.flow.previous?.kind ?? 'idle')
          : 'idle'
        : target,
  );
}

describe('the transition table', () => {
  it('has a row with a pending question for every flow', () => {
    for (const kind of Object.keys(transitions) as FlowKind[]) {
      expect(typeof transitions[kind].pending).toBe('function');
    }
  });

  it('leads every event only to the flows its cell declares (the diagram tells the truth)', () => {
    const wrong: string[] = [];
    for (const state of STATES) {
      for (const event of EVENTS) {
        const next = decideTurn(state, event, contextOf(state)).state.flow.kind;
        if (!targetsOf(state, event).includes(next))
          wrong.push(`${state.flow.kind} × ${toTableEvent(event).type} → ${next}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reaches every target its cells declare with the sample events', () => {
    const declared = new Set<string>();
    const reached = new Set<string>();
    const cells = (kind: FlowKind | 'any', row: object) => {
      for (const [type, cell] of Object.entries(row) as [string, { to: readonly Target[] }][])
        for (const target of cell.to) declared.add(`${kind} ${type} ${target}`);
    };
    for (const kind of Object.keys(transitions) as FlowKind[]) cells(kind, transitions[kind].on);
    cells('any', anyFlow);
    for (const state of STATES) {
      for (const event of EVENTS) {
        const kind = state.flow.kind;
        const type = toTableEvent(event).type;
        const own = type in transitions[kind].on;
        if (!own && !(type in anyFlow)) continue;
        const next = decideTurn(state, event, contextOf(state)).state.flow.kind;
        const row = own ? kind : 'any';
        reached.add(`${row} ${type} ${next}`);
        if (next === kind) reached.add(`${row} ${type} same`);
        if ('previous' in state.flow && next === (state.flow.previous?.kind ?? 'idle'))
          reached.add(`${row} ${type} previous`);
      }
    }
    expect([...declared].filter((cell) => !reached.has(cell))).toEqual([]);
  });

  it('draws the README diagram from the table (run `npm run diagram` after changing it)', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    expect(readme).toContain(toMermaid(transitions, anyFlow));
    expect(withDiagram(readme)).toBe(readme);
  });
});

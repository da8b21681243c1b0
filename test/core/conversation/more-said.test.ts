import { describe, expect, it } from 'vitest';
import {
  type ConversationEvent,
  type ConversationState,
  type IntakeField,
  MORE_SAID_KEPT,
  summaryVars,
  toNewTicket,
} from '../../../core/index.ts';
import { intakeAt, keys, playWith } from '../../support/conversation.ts';
import { realTurnContext } from '../../support/turn-context.ts';

const context = realTurnContext();
const play = playWith(context);
const text = (value: string): ConversationEvent => ({ type: 'text', text: value });

const draftOf = (state: ConversationState) => {
  if (state.flow.kind !== 'intake') throw new Error(`not in the intake: ${state.flow.kind}`);
  return state.flow;
};

/** Asked `field` of a washing-machine ticket, the fields before it answered. */
const asking: Record<string, ConversationState> = {
  name: intakeAt('name'),
  phone: intakeAt('phone', { name: 'Ann Lee' }),
  model: intakeAt('model', { name: 'Ann Lee', phone: '+85291234567' }),
};

describe('a report told while the intake asks for something else', () => {
  it.each<[IntakeField, string]>([
    ['phone', 'the washer also leaks water from under the door every time it spins'],
    ['phone', '还有家里的冰箱也不制冷了，冷藏室一点都不凉'],
    ['model', '洗衣機排水的時候仲有好大聲嘅異響，好似有嘢卡住咗'],
    ['model', 'also the door will not open after the cycle ends, the lock light stays on'],
  ])(
    'at the %s question, %j is kept for the engineer and the same question asked again',
    (field, words) => {
      const start = asking[field] as ConversationState;
      const { last, state } = play(start, text(words));
      expect(keys(last)[0]).toBe('intake-more-said');
      expect(keys(last)).toHaveLength(2);
      const flow = draftOf(state);
      expect(flow.field).toBe(field);
      // Not a failed answer: the customer is not pushed towards "talk to a person".
      expect(flow.tries ?? 0).toBe(0);
      expect(flow.draft.moreSaid).toEqual([words]);
    },
  );

  it('reaches the ticket the engineer reads and the summary the customer confirms', () => {
    const words = 'the washer also leaks water from under the door every time it spins';
    const { state } = play(asking.phone as ConversationState, text(words), text('+852 9123 4567'));
    const { draft, field } = draftOf(state);
    expect(field).not.toBe('phone');
    expect(draft.phone).toBe('+85291234567');
    const ticket = toNewTicket(draft, 'customer-1', null, 'Asia/Shanghai');
    expect(ticket.description).toBe(`washer leaks\n+ ${words}`);
    expect(summaryVars(draft).description).toBe(`washer leaks\n${words}`);
  });

  it('still puts danger first: a hazard told at the phone question is the hazard path', () => {
    const { last } = play(
      asking.phone as ConversationState,
      text('now there is smoke coming out of the back and a burning smell'),
    );
    expect(keys(last)).not.toContain('intake-more-said');
    expect(last.state.flow.kind === 'intake' && last.state.flow.draft.urgent).toBe(true);
  });

  it.each([
    ['phone', 'I would rather not give you my number, can you not just message me here'],
    ['phone', 'ok'],
    ['name', 'Ann'],
  ])('at the %s question, %j is no report: answered as before', (field, words) => {
    const { last, state } = play(asking[field] as ConversationState, text(words));
    expect(keys(last)).not.toContain('intake-more-said');
    expect(state.flow.kind === 'intake' ? (state.flow.draft.moreSaid ?? []) : []).toEqual([]);
  });

  it(`keeps at most ${MORE_SAID_KEPT} such sentences, then asks for the answer as before`, () => {
    const words = 'the washer also leaks water from under the door every time it spins';
    const events = Array.from({ length: MORE_SAID_KEPT + 1 }, () => text(words));
    const { last, state } = play(asking.phone as ConversationState, ...events);
    expect(draftOf(state).draft.moreSaid).toHaveLength(MORE_SAID_KEPT);
    expect(keys(last)).not.toContain('intake-more-said');
    expect(keys(last)[0]).toMatch(/^error-/);
  });
});

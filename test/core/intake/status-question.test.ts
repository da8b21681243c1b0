import { describe, expect, it } from 'vitest';
import { type ConversationEvent, initialState, readStatusQuestion } from '../../../core/index.ts';
import { intakeAt, keys, playWith } from '../../support/conversation.ts';
import { realTurnContext } from '../../support/turn-context.ts';

const play = playWith(realTurnContext());
const text = (value: string): ConversationEvent => ({ type: 'text', text: value });

describe('a customer asking after a ticket (review10 H2)', () => {
  it.each([
    'when will the engineer come?',
    'any update on my ticket?',
    'hello? anyone?',
    'is anyone there?',
    "I'm still waiting",
    '进度怎么样了',
    '工程师什么时候来',
    '有人吗',
    '什麼時候上門？',
    '幾時嚟呀',
    '師傅幾時到',
  ])('%j asks after the ticket: the tickets are listed, nothing is triaged', (words) => {
    expect(readStatusQuestion(words)).toBe(true);
    const { last, state } = play(initialState('en'), text(words));
    expect(last.replies).toEqual([]);
    expect(last.effects).toEqual([{ type: 'list-tickets' }]);
    expect(state.flow.kind).toBe('idle');
  });

  it.each([
    'my fridge is not cooling, when will the engineer come to fix it and how much',
    'the washer is still waiting to drain',
    'how long does the warranty last',
    'When can someone come to look at my dishwasher that leaks water everywhere',
    '冰箱不制冷，工程师什么时候可以上门维修，要多少钱，保修吗',
  ])('%j tells a problem or asks something else: read as before', (words) => {
    expect(readStatusQuestion(words)).toBe(false);
    const { last } = play(initialState('en'), text(words));
    expect(keys(last).length + last.effects.length).toBeGreaterThan(0);
    expect(last.effects).not.toContainEqual({ type: 'list-tickets' });
  });
});

describe('asking after the ticket in the middle of an intake', () => {
  it.each(['还有人吗', 'is anyone there?'])(
    '%j lists the tickets and asks the same question again, not read as the answer',
    (words) => {
      const { last, state } = play(intakeAt('model'), text(words));
      expect(last.effects).toEqual([{ type: 'list-tickets' }]);
      expect(keys(last)).toEqual(['ask-model']);
      expect(state.flow).toMatchObject({ kind: 'intake', field: 'model' });
      expect(state.flow.kind === 'intake' && state.flow.tries).toBeFalsy();
    },
  );
});

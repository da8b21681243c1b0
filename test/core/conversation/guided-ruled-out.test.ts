import { describe, expect, it } from 'vitest';
import {
  type ConversationEvent,
  encodeButton,
  initialState,
  toNewTicket,
} from '../../../core/index.ts';
import { playWith } from '../../support/conversation.ts';
import { realTurnContext } from '../../support/turn-context.ts';

const context = realTurnContext();
const play = playWith(context);
const REPORT = 'my fridge is too cold, the vegetables freeze';
const guide = (choice: 'next' | 'skip'): ConversationEvent => ({
  type: 'button',
  data: encodeButton({ action: 'guide', choice }),
});

const start = play(initialState('en'), { type: 'text', text: REPORT });
const guided = start.state.flow;
if (guided.kind !== 'guide') throw new Error('expected guidance for the report');
const steps = context.catalogue.symptom(guided.symptomId)?.steps ?? [];

describe('guided steps that did not help reach the ticket as already ruled out', () => {
  it.each([
    { case: 'every step done without result', choices: steps.map(() => 'next' as const) },
    {
      case: 'steps done and steps skipped: only the done ones',
      choices: steps.map((_, i) => (i % 2 === 0 ? ('next' as const) : ('skip' as const))),
    },
    { case: 'every step skipped: nothing', choices: steps.map(() => 'skip' as const) },
  ])('$case', ({ choices }) => {
    expect(steps.length).toBeGreaterThanOrEqual(2);
    const { state } = play(start.state, ...choices.map(guide));
    if (state.flow.kind !== 'intake') throw new Error('expected the intake');
    const done = steps.filter((_, i) => choices[i] === 'next').map((step) => step.action);
    expect(state.flow.draft).toMatchObject({ reason: 'guidance_failed', ruledOut: done });
    const ticket = toNewTicket(
      { ...state.flow.draft, name: 'Ann Lee', phone: '+85291234567' },
      'c1',
      null,
      'Asia/Shanghai',
    );
    expect(ticket.triage?.ruledOut).toEqual(done.length > 0 ? done : undefined);
  });

  it('keeps what was done while the customer waits for a person, for the ticket that follows', () => {
    const asked = play(start.state, guide('next'), { type: 'command', name: 'human' });
    expect(asked.state.flow).toMatchObject({ kind: 'guide', step: 1, ruledOut: [0] });
    const rest = steps.slice(1).map(() => guide('skip'));
    const { state } = play(asked.state, ...rest);
    expect(state.flow).toMatchObject({ kind: 'intake', draft: { ruledOut: [steps[0]?.action] } });
  });
});

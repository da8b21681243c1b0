import { describe, expect, it } from 'vitest';
import {
  type ConversationEvent,
  type ConversationState,
  encodeButton,
  initialState,
  toNewTicket,
} from '../../../core/index.ts';
import { keys, playWith } from '../../support/conversation.ts';
import { realTurnContext } from '../../support/turn-context.ts';

const context = realTurnContext();
const play = playWith(context);
const text = (value: string): ConversationEvent => ({ type: 'text', text: value });
const check = (choice: 'fixed' | 'failed' | 'skip'): ConversationEvent => ({
  type: 'button',
  data: encodeButton({ action: 'check', choice }),
});
const symptomButton = (symptomId: string): ConversationEvent => ({
  type: 'button',
  data: encodeButton({ action: 'symptom', symptomId }),
});

const REPORT = 'my fridge is not cooling';
const checks = context.catalogue.symptom('refrigerator.not-cooling')?.checks ?? [];

describe('quick checks before an engineer (decide by cost)', () => {
  it('offers a report that is not unmistakably a defect its quick checks, with "skip the checks" on each', () => {
    const { last } = play(initialState('en'), text(REPORT));
    expect(keys(last)).toEqual(['checks-intro', 'checks-step']);
    expect(last.replies[0]?.vars).toEqual({ total: checks.length });
    expect(last.replies[1]?.vars).toMatchObject({ n: 1, total: checks.length });
    expect(last.replies[1]?.buttons?.flat().map((b) => [b.key, b.data])).toEqual([
      ['button-fixed', 'ck:fixed'],
      ['button-not-fixed', 'ck:failed'],
      ['button-skip-checks', 'ck:skip'],
    ]);
    expect(last.state.flow).toMatchObject({
      kind: 'checks',
      symptomId: 'refrigerator.not-cooling',
      step: 0,
      ruledOut: [],
    });
    expect(last.effects).toEqual([]);
  });

  it('ends like guidance when a check fixes it: the check-back is scheduled', () => {
    const { last } = play(initialState('en'), text(REPORT), check('failed'), check('fixed'));
    expect(keys(last)).toEqual(['guide-fixed']);
    expect(last.state.flow).toEqual({ kind: 'idle' });
    expect(last.effects).toEqual([
      {
        type: 'schedule-checkback',
        guidance: {
          category: 'refrigerator',
          symptomId: 'refrigerator.not-cooling',
          description: REPORT,
        },
      },
    ]);
  });

  it('files the checks that did not help as already ruled out, with no check-back', () => {
    const presses = checks.map(() => check('failed'));
    const { turns, last } = play(initialState('en'), text(REPORT), ...presses);
    expect(turns.flatMap((t) => t.effects)).toEqual([]);
    expect(keys(last).slice(0, 2)).toEqual(['checks-failed', 'intake-intro']);
    expect(last.state.flow).toMatchObject({
      kind: 'intake',
      draft: {
        reason: 'fault',
        label: 'fault',
        category: 'refrigerator',
        symptomId: 'refrigerator.not-cooling',
        description: REPORT,
        ruledOut: checks.map((c) => c.action),
      },
    });
  });

  it('goes straight to the intake on "skip the checks", keeping what was already ruled out', () => {
    const atOnce = play(initialState('en'), text(REPORT), check('skip')).last;
    expect(keys(atOnce).slice(0, 2)).toEqual(['checks-skipped', 'intake-intro']);
    expect(atOnce.state.flow).toMatchObject({ kind: 'intake', draft: { ruledOut: [] } });
    const afterOne = play(initialState('en'), text(REPORT), check('failed'), check('skip')).last;
    expect(afterOne.state.flow).toMatchObject({
      kind: 'intake',
      draft: { ruledOut: [checks[0]?.action] },
    });
    expect(afterOne.effects).toEqual([]);
  });

  it('puts a hazard written during the checks first', () => {
    const { last } = play(initialState('en'), text(REPORT), text('now there is smoke behind it'));
    expect(keys(last)[0]).toBe('hazard-first');
    expect(last.state.flow).toMatchObject({ kind: 'intake', draft: { urgent: true } });
  });

  it('asks for the buttons again when other words come during the checks', () => {
    const { last } = play(initialState('en'), text(REPORT), text('ok one moment'));
    expect(keys(last)).toEqual(['use-buttons', 'checks-step']);
    expect(last.state.flow).toMatchObject({ kind: 'checks', step: 0 });
  });

  it('shows what was ruled out in the summary and files it with the ticket', () => {
    const presses = checks.map(() => check('failed'));
    const { state } = play(initialState('en'), text(REPORT), ...presses);
    if (state.flow.kind !== 'intake') throw new Error('expected the intake');
    const draft = { ...state.flow.draft, name: 'Ann Lee', phone: '+85291234567' };
    const ticket = toNewTicket(draft, 'c1', null, 'Asia/Shanghai');
    expect(ticket.triage?.ruledOut).toEqual(checks.map((c) => c.action));
    const review: ConversationState = { ...state, flow: { kind: 'review', draft } };
    const shown = play(review, text('hello')).last.replies.at(-1);
    expect(shown?.vars?.ruledOut).toEqual(checks.map((c) => c.action));
  });
});

describe('clarifying questions offer their options as buttons', () => {
  const clarifying: ConversationState = {
    ...initialState('en'),
    category: 'tv',
    flow: {
      kind: 'clarify',
      text: 'the tv is acting up',
      category: 'tv',
      options: ['tv.no-signal', 'tv.sound-no-picture'],
    },
  };

  it('shows one button per likely symptom, titled from the catalogue', () => {
    const { last } = play(clarifying, { type: 'photo', fileId: 'P1' });
    const buttons = last.replies.at(-1)?.buttons?.flat() ?? [];
    expect(buttons.map((b) => b.data)).toEqual(['sym:tv.no-signal', 'sym:tv.sound-no-picture']);
    expect(buttons[0]?.vars?.title).toEqual(context.catalogue.symptom('tv.no-signal')?.title);
  });

  it('guides a misuse symptom chosen with a button', () => {
    const { last } = play(clarifying, symptomButton('tv.no-signal'));
    expect(last.state.flow).toMatchObject({ kind: 'guide', symptomId: 'tv.no-signal' });
  });

  it('asks an unclear report its question with the likeliest symptoms as buttons', () => {
    const { last } = play({ ...initialState('en'), category: 'tv' }, text('tv weird'));
    expect(last.state.flow.kind).toBe('clarify');
    const data =
      last.replies
        .at(-1)
        ?.buttons?.flat()
        .map((b) => b.data) ?? [];
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((d) => d.startsWith('sym:tv.'))).toBe(true);
  });

  it('gives a fault symptom chosen with a button its quick checks', () => {
    const { last } = play(clarifying, symptomButton('tv.sound-no-picture'));
    expect(last.state.flow).toMatchObject({ kind: 'checks', symptomId: 'tv.sound-no-picture' });
  });

  it('refuses a symptom that was not offered', () => {
    const { last } = play(clarifying, symptomButton('tv.no-power'));
    expect(keys(last)[0]).toBe('stale-button');
    expect(last.state.flow).toEqual(clarifying.flow);
  });

  it('still reads free text as the answer', () => {
    const { last } = play(clarifying, text('there is sound but the screen stays black'));
    expect(last.state.flow.kind).not.toBe('clarify');
  });
});

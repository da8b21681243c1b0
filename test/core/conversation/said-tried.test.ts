import { describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import {
  type ConversationEvent,
  type ConversationState,
  createAlreadyTriedPieces,
  encodeButton,
  initialState,
  joinRuledOut,
  toNewTicket,
} from '../../../core/index.ts';
import { intakeAt, keys, playWith } from '../../support/conversation.ts';
import { realTurnContext } from '../../support/turn-context.ts';

const context = realTurnContext();
const play = playWith(context);
const pieces = createAlreadyTriedPieces(loadTriageContent().lexicon);
const text = (value: string): ConversationEvent => ({ type: 'text', text: value });
const quoted = (words: string) => ({ en: `"${words}"`, zh: `“${words}”` });
const draftOf = (state: ConversationState) => {
  const flow = state.flow;
  if (flow.kind !== 'intake' && flow.kind !== 'review') throw new Error(`no draft in ${flow.kind}`);
  return flow.draft;
};

describe('the checks a customer says they already did, in their words (review10 L1)', () => {
  it.each([
    [
      'washer shows E21 and will not drain, I already cleaned the filter',
      ['I already cleaned the filter'],
    ],
    ['冷氣不冷，只吹風，濾網已經洗過了', ['濾網已經洗過了']],
    ['部雪櫃唔凍，壓縮機都唔響，已經試過換插蘇', ['已經試過換插蘇']],
    [
      'TV will not turn on, tried another outlet, still nothing',
      ['tried another outlet, still nothing'],
    ],
    ['换了插座，还是不行', ['换了插座，还是不行']],
    ['洗衣机不排水，过滤器清理过了，排水管也检查过', ['过滤器清理过了', '排水管也检查过']],
    [
      'The washing machine shows error E21 and the drum does not turn at all, already restarted it twice',
      ['already restarted it twice'],
    ],
    // A change that caused the problem is no check; nothing tried is nothing.
    ['changed the HDMI port and now there is no signal', []],
    ['my fridge is not cooling', []],
    ['我还没检查过滤网', []],
  ])('%j → %j', (words, expected) => {
    expect(pieces(words)).toEqual(expected);
  });

  it('a first message that escalates: the draft, the summary and the ticket have them as ruled out', () => {
    const report =
      'The washing machine shows error E21 and the drum does not turn at all, already restarted it twice';
    const { state } = play(initialState('en'), text(report));
    const draft = draftOf(state);
    expect(draft.ruledOut).toEqual([quoted('already restarted it twice')]);
    const ticket = toNewTicket(
      { ...draft, name: 'Ann', phone: '+85291234567' },
      'c1',
      null,
      'Asia/Shanghai',
    );
    expect(ticket.triage?.ruledOut).toEqual([quoted('already restarted it twice')]);
  });

  it.each([
    ['the technician already replaced the compressor last month and it is not cooling again', []],
    ['the repairman already cleaned the filter last week, still not draining', []],
    [
      'I already cleaned the filter, the engineer replaced the pump last year',
      [quoted('I already cleaned the filter')],
    ],
  ])(
    "%j: what a technician did is not quoted as the customer's check (review11 L2)",
    (report, expected) => {
      const asked = intakeAt('model', { description: 'washer will not drain' });
      const { state } = play(asked, text(report));
      expect(draftOf(state).ruledOut ?? []).toEqual(expected);
    },
  );

  it("quick checks that did not help follow the customer's own, each once", () => {
    // (A report that says it was tried usually goes straight to the intake; a checks flow whose
    // words say so is built here.)
    const first = {
      state: {
        ...initialState('en'),
        flow: {
          kind: 'checks',
          text: 'my fridge is not cooling, I already checked the plug',
          category: 'refrigerator',
          symptomId: 'refrigerator.not-cooling',
          label: 'fault',
          step: 0,
          ruledOut: [],
        },
      } satisfies ConversationState,
    };
    const failed: ConversationEvent = {
      type: 'button',
      data: encodeButton({ action: 'check', choice: 'failed' }),
    };
    let state: ConversationState = first.state;
    while (state.flow.kind === 'checks') state = play(state, failed).state;
    const draft = draftOf(state);
    const said = quoted('I already checked the plug');
    expect(draft.ruledOut?.[0]).toEqual(said);
    expect(draft.ruledOut?.length).toBeGreaterThan(1);
    expect(new Set(draft.ruledOut?.map((item) => item.en)).size).toBe(draft.ruledOut?.length);
  });

  it('said during the intake: kept for the engineer, the question asked again; said twice, listed once', () => {
    const asked = intakeAt('model', { description: 'washer shows E21' });
    const { last, state } = play(asked, text('I already restarted it twice'));
    expect(keys(last)).toEqual(['intake-more-said', 'ask-model']);
    expect(draftOf(state).ruledOut).toEqual([quoted('I already restarted it twice')]);
    const again = play(state, text('I already restarted it twice')).state;
    expect(draftOf(again).ruledOut).toEqual([quoted('I already restarted it twice')]);
  });

  it('said under the summary: on the ruled-out list and the summary shows it', () => {
    const review: ConversationState = {
      ...initialState('zh-Hans'),
      flow: { kind: 'review', draft: draftOf(intakeAt('model')) },
    };
    const { last, state } = play(review, text('我已经断电重启过了，还是不行'));
    expect(draftOf(state).ruledOut).toEqual([quoted('我已经断电重启过了，还是不行')]);
    expect(keys(last)).toContain('intake-more-said');
  });

  it('joinRuledOut keeps the order and drops an item already there (spacing and case aside)', () => {
    const a = { en: 'Check the plug', zh: '检查插头' };
    expect(joinRuledOut([a], [{ en: 'check  the plug', zh: '检查插头' }, quoted('x')])).toEqual([
      a,
      quoted('x'),
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  type ConversationEvent,
  initialState,
  readEngineerRequest,
  readSkipChecks,
} from '../../../core/index.ts';
import { keys, playWith } from '../../support/conversation.ts';
import { realTurnContext } from '../../support/turn-context.ts';

const context = realTurnContext();
const play = playWith(context);
const text = (value: string): ConversationEvent => ({ type: 'text', text: value });
const fresh = (locale: 'en' | 'zh-Hans' | 'zh-HK' = 'en') => initialState(locale);

const REQUESTS = [
  'I want a technician',
  'i need an engineer please',
  'can someone come out?',
  'could somebody come and fix it',
  'just send an engineer',
  'book a technician',
  '我要师傅上门',
  '找师傅',
  '我要维修',
  '报修',
  '直接派人',
  '請師傅上門',
  '報修',
  '我要維修',
  '搵師傅',
  '搵人嚟整啦',
];

describe('asking for the engineer in words', () => {
  it.each(REQUESTS)('%j asks for the engineer, and works as the skip button', (request) => {
    expect(readEngineerRequest(request)).toBe(true);
    expect(readSkipChecks(request)).toBe(true);
  });

  it.each([
    "I don't need a technician",
    'no need to send someone',
    '不用派人',
    '不需要师傅上门',
    '唔使搵師傅',
    'still not working',
    '好了',
    'skip the checks',
    'my neighbour is a technician and says the compressor hums but the fridge is not cooling at all',
  ])('%j is no request for the engineer', (answer) => {
    expect(readEngineerRequest(answer)).toBe(false);
  });

  it.each(['skip the checks', '跳過檢查', '唔使檢查'])('%j still skips the checks', (answer) => {
    expect(readSkipChecks(answer)).toBe(true);
  });
});

describe('a request for the engineer during quick checks is the skip button', () => {
  it.each([
    ['en', 'my fridge is not cooling', 'I want a technician'],
    ['en', 'my fridge is not cooling', 'can someone come out?'],
    ['zh-Hans', '冰箱不制冷', '我要师傅上门'],
    ['zh-Hans', '冰箱不制冷', '报修'],
    ['zh-HK', '雪櫃唔凍', '搵師傅'],
    ['zh-HK', '雪櫃唔凍', '我要維修'],
  ] as const)('%s: %j then %j opens the intake, no check ruled out', (locale, report, request) => {
    const checking = play(fresh(locale), text(report)).state;
    expect(checking.flow).toMatchObject({ kind: 'checks', step: 0 });
    const { last, state } = play(checking, text(request));
    expect(keys(last)[0]).toBe('checks-skipped');
    expect(state.flow).toMatchObject({ kind: 'intake', draft: { category: 'refrigerator' } });
    expect(state.flow.kind === 'intake' && (state.flow.draft.ruledOut ?? [])).toEqual([]);
    expect(state.flow.kind === 'intake' && state.flow.draft.urgent).toBeFalsy();
  });

  it.each([
    ['en', 'my fridge is not cooling', 'is it still under warranty? I want a technician'],
    ['en', 'my fridge is not cooling', 'still covered by the warranty? can someone come out'],
    ['zh-Hans', '冰箱不制冷', '还在保修期吗？我要师傅上门'],
    ['zh-HK', '雪櫃唔凍', '仲有冇保養？搵師傅'],
  ] as const)(
    '%s: %j then %j answers the warranty in a word, then opens the intake',
    (locale, report, message) => {
      const checking = play(fresh(locale), text(report)).state;
      const { last, state } = play(checking, text(message));
      expect(keys(last).slice(0, 3)).toEqual([
        'warranty-aside-intake',
        'checks-skipped',
        'intake-intro',
      ]);
      expect(state.flow).toMatchObject({ kind: 'intake', draft: { category: 'refrigerator' } });
    },
  );

  it('a declined engineer is no skip: the check stays', () => {
    const checking = play(fresh(), text('my fridge is not cooling')).state;
    const { state } = play(checking, text("I don't need a technician"));
    expect(state.flow.kind).toBe('checks');
  });
});

describe('a request for the engineer during guidance opens the ticket', () => {
  const reports = {
    en: ['my fridge is too cold, the vegetables freeze', 'I want a technician'],
    'zh-Hans': ['冰箱太冷了，蔬菜都冻住了', '我要师傅上门'],
    'zh-HK': ['雪櫃太凍，啲菜都結晒冰', '搵師傅'],
  } as const;

  it.each(['en', 'zh-Hans', 'zh-HK'] as const)(
    '%s: as the customer asked, carrying the steps already done',
    (locale) => {
      const [report, request] = reports[locale];
      const guided = play(fresh(locale), text(report));
      expect(guided.state.flow.kind).toBe('guide');
      const tried = play(guided.state, text('still not working')).state;
      expect(tried.flow).toMatchObject({ kind: 'guide', step: 1 });
      const { last, state } = play(tried, text(request));
      expect(keys(last).slice(0, 2)).toEqual(['escalate-human', 'intake-intro']);
      expect(state.flow).toMatchObject({
        kind: 'intake',
        draft: { reason: 'customer_asked', category: 'refrigerator', description: report },
      });
      if (state.flow.kind !== 'intake') return;
      expect(state.flow.draft.ruledOut?.length).toBe(1);
    },
  );
});

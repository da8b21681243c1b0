import { describe, expect, it } from 'vitest';
import {
  type ConversationEvent,
  encodeButton,
  initialState,
  readWhichTicket,
  type WaitingTicket,
} from '../../../core/index.ts';
import { keys, playWith } from '../../support/conversation.ts';
import { realTurnContext } from '../../support/turn-context.ts';

const waiting: WaitingTicket = {
  number: 'FL-260310-0001',
  kind: 'fault',
  category: 'washing_machine',
  symptomId: 'washing_machine.error-code',
  description: 'washer shows E21 and will not drain',
};
const play = playWith({ ...realTurnContext(), waiting });
const playAlone = playWith(realTurnContext());
const text = (value: string): ConversationEvent => ({ type: 'text', text: value });
/** A which-ticket question's button: the chat's first question unless `question` says. */
const press = (choice: 'same' | 'new', question = 1): ConversationEvent => ({
  type: 'button',
  data: encodeButton({ action: 'which-ticket', choice, question }),
});
const fresh = () => initialState('en');
/** The "🆕 No, that's a new problem" button under the reply to words added unasked (`added`). */
const newAfter = (added: number): ConversationEvent => ({
  type: 'button',
  data: encodeButton({ action: 'which-ticket', choice: 'new', added }),
});

describe('a problem told while a ticket waits for staff (review10 H2)', () => {
  it.each([
    "I'm home all day tomorrow",
    'the washer is making a loud noise too',
    '洗衣机还是不排水',
    '部洗衣機仲係唔去水',
  ])(
    '%j: asked whether it is about the waiting ticket or a new problem, nothing triaged',
    (words) => {
      const { last, state } = play(fresh(), text(words));
      expect(keys(last)).toEqual(['which-ticket']);
      expect(last.effects).toEqual([]);
      expect(last.replies[0]?.vars).toMatchObject({
        number: waiting.number,
        category: 'washing_machine',
      });
      expect(last.replies[0]?.buttons?.flat().map((b) => b.data)).toEqual([
        'wq:same:1',
        'wq:new:1',
      ]);
      expect(state.flow).toEqual({ kind: 'which-ticket', text: words, waiting, asked: 1 });
    },
  );

  it('with no ticket waiting, the same words are triaged as before (no question)', () => {
    const { last } = playAlone(fresh(), text('the washer is making a loud noise too'));
    expect(keys(last)).not.toContain('which-ticket');
  });

  it.each([
    ['the washer is smoking and smells of burning', 'en'],
    ['洗衣机冒烟了，有焦味', 'zh'],
    ['熱水爐有煤氣味', 'zh-Hant'],
  ])('%j (%s): a hazard is never asked about, the safety steps come first', (words) => {
    const { last } = play(fresh(), text(words));
    expect(keys(last)[0]).toBe('hazard-first');
    expect(keys(last)).not.toContain('which-ticket');
    expect(last.effects.map((effect) => effect.type)).toEqual(['report-hazard']);
  });

  it('a request for a person waiting (/human) is not asked about: the bot helps as before', () => {
    const words = 'the washer is making a loud noise too';
    const asked = playWith({ ...realTurnContext(), waiting: { ...waiting, kind: 'question' } });
    expect(keys(asked(fresh(), text(words)).last)).toEqual(
      keys(playAlone(fresh(), text(words)).last),
    );
  });

  it.each([
    ['en', 'is it still under warranty?'],
    ['en', 'how long is the warranty?'],
    ['zh-Hans', '还在保修期吗'],
    ['zh-HK', '仲喺保養期內嗎'],
  ] as const)(
    '%s: %j is a warranty question: answered as with no ticket waiting (review11 H2c)',
    (locale, words) => {
      const asked = play(initialState(locale), text(words));
      const alone = playAlone(initialState(locale), text(words));
      expect(keys(asked.last)).not.toContain('which-ticket');
      expect(keys(asked.last)[0]).toMatch(/^warranty-ask-/);
      expect(keys(asked.last)).toEqual(keys(alone.last));
      expect(asked.state.flow).toEqual(alone.state.flow);
      expect(asked.last.effects).toEqual(alone.last.effects);
    },
  );

  it('a problem told with warranty words is still asked about', () => {
    const { last } = play(fresh(), text("the washer still won't drain, is it under warranty?"));
    expect(keys(last)).toEqual(['which-ticket']);
  });

  it('another product named outright is a new problem: triaged at once', () => {
    const { last } = play(fresh(), text('my TV has no picture, only sound'));
    expect(keys(last)).not.toContain('which-ticket');
    expect(last.state.flow.kind).not.toBe('which-ticket');
  });

  it('"about FL-…" (button or words) adds the words to the ticket and asks nothing else', () => {
    for (const answer of [
      press('same'),
      text('the same one'),
      text('是同一个'),
      text('係'),
      text('no, not new'),
      text('不是新问题'),
      text('唔係新問題'),
    ]) {
      const { last, state } = play(fresh(), text("I'm home all day tomorrow"), answer);
      expect(last.replies).toEqual([]);
      expect(last.effects).toEqual([
        { type: 'add-to-ticket', ticketNumber: waiting.number, text: "I'm home all day tomorrow" },
      ]);
      expect(state.flow).toEqual({ kind: 'idle' });
    }
  });

  it('asked once (review11 H2b): after "about FL-…", further words go with the ticket unasked; danger and another product still do not', () => {
    const answered = play(fresh(), text("I'm home all day tomorrow"), press('same')).state;
    expect(answered.aboutTicket).toBe(waiting.number);
    const { last, state } = play(answered, text('please call me after 5pm'));
    expect(last.replies).toEqual([]);
    expect(last.effects).toEqual([
      {
        type: 'add-to-ticket',
        ticketNumber: waiting.number,
        text: 'please call me after 5pm',
        again: 1,
      },
    ]);
    expect(state.flow).toEqual({ kind: 'idle' });
    expect(keys(play(answered, text('洗衣机冒烟了，有焦味')).last)[0]).toBe('hazard-first');
    expect(keys(play(answered, text('my TV has no picture, only sound')).last)).not.toContain(
      'which-ticket',
    );
    // Another ticket waiting (the first one was taken, a new one filed): asked again.
    const other = playWith({
      ...realTurnContext(),
      waiting: { ...waiting, number: 'FL-260310-0002' },
    });
    expect(keys(other(answered, text('the washer also leaks a bit')).last)).toEqual([
      'which-ticket',
    ]);
    // A new problem forgets the earlier answer.
    const renewed = other(answered, text('the drum is noisy'), press('new', 2)).state;
    expect(renewed.aboutTicket).toBeUndefined();
  });

  it.each([
    'the washer also leaks a bit',
    'the drum also makes a grinding noise',
    '还有，洗衣机甩干的时候声音很大',
    '部洗衣機入水好慢',
  ])(
    'after "about FL-…", %j tells another symptom: asked again, not added silently (review11 H2b)',
    (words) => {
      const answered = play(fresh(), text("I'm home all day tomorrow"), press('same')).state;
      const { last, state } = play(answered, text(words));
      expect(keys(last)).toEqual(['which-ticket']);
      expect(last.effects).toEqual([]);
      expect(state.flow).toEqual({ kind: 'which-ticket', text: words, waiting, asked: 2 });
      // About it after all: added (staff told which, as at the first question), still remembered.
      const same = play(state, press('same', 2));
      expect(same.last.effects).toEqual([
        { type: 'add-to-ticket', ticketNumber: waiting.number, text: words },
      ]);
      expect(same.state.aboutTicket).toBe(waiting.number);
      // A new problem: triaged, staff told.
      const fresher = play(state, press('new', 2)).last;
      expect(fresher.effects[0]).toEqual({
        type: 'new-problem',
        ticketNumber: waiting.number,
        text: words,
      });
    },
  );

  it.each([
    'it is getting worse',
    'please call me after 5pm',
    '我明天全天在家',
    'the washer still shows E21',
  ])('after "about FL-…", %j tells no other symptom: added unasked', (words) => {
    const answered = play(fresh(), text("I'm home all day tomorrow"), press('same')).state;
    const { last } = play(answered, text(words));
    expect(last.replies).toEqual([]);
    expect(last.effects).toEqual([
      { type: 'add-to-ticket', ticketNumber: waiting.number, text: words, again: 1 },
    ]);
  });

  it("words added unasked can still be called a new problem: the reply's button triages them, staff told (review11 H2b)", () => {
    const answered = play(fresh(), text("I'm home all day tomorrow"), press('same')).state;
    const first = play(answered, text('it is getting worse'));
    const second = play(first.state, text('please call me after 5pm'));
    expect(second.last.effects).toEqual([
      {
        type: 'add-to-ticket',
        ticketNumber: waiting.number,
        text: 'please call me after 5pm',
        again: 2,
      },
    ]);
    // The first reply's button is stale once more words were added: it would act on other words.
    const stale = play(second.state, newAfter(1));
    expect(keys(stale.last)).toEqual(['stale-button']);
    expect(stale.last.effects).toEqual([]);
    // The latest one's: those words are a new problem, triaged as any report; "about it" is dropped.
    const renewed = play(first.state, newAfter(1));
    expect(renewed.last.effects[0]).toEqual({
      type: 'new-problem',
      ticketNumber: waiting.number,
      text: 'it is getting worse',
    });
    expect(keys(renewed.last)).not.toContain('stale-button');
    expect(renewed.state.aboutTicket).toBeUndefined();
    expect(renewed.state.addedUnasked).toBeUndefined();
    // Pressed again: nothing left to act on.
    expect(keys(play(renewed.state, newAfter(1)).last)).toContain('stale-button');
  });

  it('"a new problem" (button or words) triages the words as today', () => {
    const words = 'the dryer makes a clicking noise';
    const triaged = playAlone(fresh(), text(words)).last;
    for (const answer of [
      press('new'),
      text('new problem'),
      text('不是，另一个'),
      text('唔同嘅'),
    ]) {
      const { last } = play(fresh(), text(words), answer);
      expect(keys(last)).toEqual(keys(triaged));
      expect(last.state.flow.kind).toBe(triaged.state.flow.kind);
      // Staff in the waiting ticket's topic (which has the words) hear they are not about it.
      expect(last.effects).toEqual([
        { type: 'new-problem', ticketNumber: waiting.number, text: words },
        ...triaged.effects,
      ]);
    }
  });

  it('danger told at the question comes first, with the words it follows', () => {
    const { last } = play(
      fresh(),
      text('the washer is making a loud noise'),
      text('now it is smoking!'),
    );
    expect(keys(last)[0]).toBe('hazard-first');
    const effect = last.effects[0];
    expect(effect?.type).toBe('report-hazard');
    if (effect?.type === 'report-hazard')
      expect(effect.draft.description).toBe(
        'the washer is making a loud noise\nnow it is smoking!',
      );
  });

  it('anything else asks again (use the buttons); "thanks" is answered and the question follows', () => {
    const asked = play(fresh(), text('the washer is making a loud noise')).state;
    expect(keys(play(asked, text('what do you mean')).last)).toEqual([
      'use-buttons',
      'which-ticket',
    ]);
    expect(keys(play(asked, text('thanks')).last)).toEqual(['thanks-pending', 'which-ticket']);
    // Asked after the ticket instead: the tickets (listed by the adapter), then the question.
    const status = play(asked, text('when will the engineer come?')).last;
    expect(status.effects).toEqual([{ type: 'list-tickets' }]);
    expect(keys(status)).toEqual(['which-ticket']);
  });
});

describe('readWhichTicket', () => {
  it.each([
    ['yes', 'same'],
    ['the same one', 'same'],
    ['yes, about that', 'same'],
    ['FL-260310-0001', 'same'],
    ['同一个', 'same'],
    ['就是那张单', 'same'],
    ['是的', 'same'],
    ['係嗰張', 'same'],
    ['no', 'new'],
    ['a new problem', 'new'],
    ['no, something different', 'new'],
    ['not the same', 'new'],
    ['新问题', 'new'],
    ['不是，另一个', 'new'],
    ['唔係同一個', 'new'],
    ['其他问题', 'new'],
    // The "new" words denied (review11 H2a): about the ticket; a plain "no" stays new.
    ['no, not new', 'same'],
    ['not a new problem', 'same'],
    ["it's not a new one", 'same'],
    ['not another one', 'same'],
    ['not different', 'same'],
    ['nothing new, same washer', 'same'],
    ['不是新问题', 'same'],
    ['不是新的', 'same'],
    ['不是另一个问题', 'same'],
    ['没有什么不同', 'same'],
    ['唔係新問題', 'same'],
    ['唔係另一部', 'same'],
    ['冇唔同', 'same'],
    ['不是新問題', 'same'],
    ['no, new problem', 'new'],
    ['唔係，新問題', 'new'],
    ['not new, not that one', 'new'],
    // Asked again before (review11 H2a's list): now read.
    ['新嘢', 'new'],
    ['第二個問題', 'new'],
    ['第二个问题', 'new'],
    ['唔關事', 'new'],
    ['跟那个不相关', 'new'],
    ['唔係第二個', 'same'],
    ['the fridge one', 'same'],
    ['it is about my fridge ticket', 'same'],
    ['the other one', 'new'],
    ['what do you mean', undefined],
    ['the washer is making a loud noise and the door will not open at all now', undefined],
  ] as const)('%j → %s', (words, expected) => {
    expect(readWhichTicket(words)).toBe(expected);
  });
});

describe('a stale "new problem" button never acts on other words (review12 M1)', () => {
  /** The number on the "added to your ticket" reply's button of a turn. */
  const addedNumber = (turn: { effects: readonly { type: string }[] }) => {
    const effect = turn.effects.find((e) => e.type === 'add-to-ticket') as
      | { again?: number }
      | undefined;
    if (effect?.again === undefined) throw new Error('no words added unasked');
    return effect.again;
  };
  const answered = () => play(fresh(), text("I'm home all day tomorrow"), press('same')).state;

  it('after "about it" again, the first reply\'s button is stale: it does not triage later words', () => {
    const first = play(answered(), text('it is getting worse'));
    const button = addedNumber(first.last);
    // Another symptom: asked, and "about it" answered again.
    const asked = play(first.state, text('the drum also makes a grinding noise'));
    expect(keys(asked.last)).toEqual(['which-ticket']);
    const same = play(asked.state, press('same', 2));
    const later = play(same.state, text('please call me after 5pm'));
    expect(addedNumber(later.last)).not.toBe(button);
    const stale = play(later.state, newAfter(button));
    expect(keys(stale.last)).toEqual(['stale-button']);
    expect(stale.last.effects).toEqual([]);
    expect(stale.state.addedUnasked).toEqual(later.state.addedUnasked);
    // The latest reply's button still acts on its own words.
    const renewed = play(later.state, newAfter(addedNumber(later.last)));
    expect(renewed.last.effects[0]).toEqual({
      type: 'new-problem',
      ticketNumber: waiting.number,
      text: 'please call me after 5pm',
    });
  });

  it('after a new problem and a later "about it", an earlier reply\'s button is stale', () => {
    const first = play(answered(), text('it is getting worse'));
    const button = addedNumber(first.last);
    const renewed = play(first.state, newAfter(button)).state;
    const again = play(
      { ...renewed, flow: { kind: 'idle' } },
      text('please call me after 5pm'),
      press('same', 2),
      text('the washer still shows E21'),
    );
    expect(addedNumber(again.last)).not.toBe(button);
    const stale = play(again.state, newAfter(button));
    expect(keys(stale.last)).toEqual(['stale-button']);
    expect(stale.last.effects).toEqual([]);
  });

  it("a reply's button pressed while the which-ticket question is open is stale: the question's words are not triaged", () => {
    const first = play(answered(), text('it is getting worse'));
    const asked = play(first.state, text('the drum also makes a grinding noise'));
    const stale = play(asked.state, newAfter(addedNumber(first.last)));
    expect(keys(stale.last)).toEqual(['stale-button', 'which-ticket']);
    expect(stale.last.effects).toEqual([]);
    expect(stale.state.flow).toEqual(asked.state.flow);
  });

  it.each([
    'wt:new:1',
    'wt:new:2',
    'wt:new:999999',
    'wt:new:1234567',
    'wt:new:-1',
    'wt:new:',
    'wt:add:x',
    'wt:same:1',
  ])('old or forged callback data %j: "that button is no longer active", nothing else', (data) => {
    const first = play(answered(), text('it is getting worse'));
    const { last, state } = play(first.state, { type: 'button', data });
    expect(keys(last)).toEqual(['stale-button']);
    expect(last.effects).toEqual([]);
    expect(state).toEqual(first.state);
  });
});

describe('"a new problem" once the ticket no longer waits (review12 L2)', () => {
  const words = 'the drum makes a grinding noise';
  const answered = play(fresh(), text("I'm home all day tomorrow"), press('same')).state;
  const cases = [
    // The reply's button under words added unasked, the question's button, the typed answer.
    [
      "the added reply's button",
      { ...answered, addedUnasked: { text: words, seq: 1 }, addedSeq: 1 },
      newAfter(1),
    ],
    ["the question's button", play(fresh(), text(words)).state, press('new')],
    ['"new problem" typed at the question', play(fresh(), text(words)).state, text('new problem')],
  ] as const;
  it.each([
    ['closed or taken by staff (nothing waits)', undefined],
    ['another ticket waits now', { ...waiting, number: 'FL-260310-0002' }],
  ])('%s: no "new problem" note for its topic, the words are triaged as a new report', (_, now) => {
    const later = playWith({ ...realTurnContext(), waiting: now });
    const triaged = playAlone(fresh(), text(words)).last;
    for (const [, before, answer] of cases) {
      const { last, state } = later(before, answer);
      expect(last.effects).toEqual(triaged.effects);
      expect(keys(last)).toEqual(keys(triaged));
      expect(state.flow.kind).toBe(triaged.state.flow.kind);
      expect(state.aboutTicket).toBeUndefined();
      expect(state.addedUnasked).toBeUndefined();
    }
  });
});

describe('readWhichTicket: a denied "that one" and 唔关事 (review12 L1)', () => {
  it.each([
    // English: "not the fridge one" is another ticket; "not the other one" is this one.
    ['en', 'not the fridge one', 'new'],
    ['en', 'not my fridge ticket', 'new'],
    ['en', 'not the other one', 'same'],
    ['en', 'not the new one', 'same'],
    ['en', 'not unrelated', 'same'],
    // Simplified (Mandarin, and Cantonese typed in Simplified).
    ['zh-Hans', '不是冰箱那个', 'new'],
    ['zh-Hans', '不是那个', 'new'],
    ['zh-Hans', '不是另外那个', 'same'],
    ['zh-Hans', '唔关事', 'new'],
    ['zh-Hans', '唔系唔关事', 'same'],
    ['zh-Hans', '不是无关的', 'same'],
    // Traditional and Cantonese.
    ['zh-Hant', '不是冰箱那個', 'new'],
    ['zh-Hant', '唔係雪櫃嗰個', 'new'],
    ['zh-Hant', '唔係另外嗰個', 'same'],
    ['zh-Hant', '唔關事', 'new'],
    ['zh-Hant', '唔係唔關事', 'same'],
    ['zh-Hant', '不是無關的', 'same'],
  ] as const)('%s: %j → %s', (_, words, expected) => {
    expect(readWhichTicket(words)).toBe(expected);
  });
});

describe('another symptom after "about it" reads the same in every script (review12 M2)', () => {
  const fridge: WaitingTicket = {
    number: 'FL-260310-0003',
    kind: 'fault',
    category: 'refrigerator',
    symptomId: 'refrigerator.not-cooling',
    description: '冰箱不制冷了',
  };
  /** The keys of the reply to `words` told after "about it" ([]: added unasked). */
  const replyAfterAboutIt = (ticket: 'washer' | 'fridge', words: string) => {
    const playOn = playWith({
      ...realTurnContext(),
      waiting: ticket === 'washer' ? waiting : fridge,
    });
    const answered = playOn(fresh(), text("I'm home all day tomorrow"), press('same')).state;
    return keys(playOn(answered, text(words)).last);
  };
  const asked = ['which-ticket'];
  const unasked: string[] = [];
  it.each([
    // A washer that will not drain (E21): a noise, a leak, a door that will not close are other
    // symptoms; "getting worse" and "still E21" are not.
    ['en', 'washer', 'the drum also makes a grinding noise', asked],
    ['zh-Hans', 'washer', '滚筒也有很大的摩擦噪音', asked],
    ['zh-Hant', 'washer', '滾筒也有很大的摩擦噪音', asked],
    ['Cantonese', 'washer', '個滾筒仲有好大磨擦聲', asked],
    ['en', 'washer', 'it is leaking water now too', asked],
    ['zh-Hans', 'washer', '现在还漏水', asked],
    ['zh-Hant', 'washer', '現在還漏水', asked],
    ['Cantonese', 'washer', '而家仲漏水', asked],
    ['en', 'washer', 'the door will not close either', asked],
    ['zh-Hans', 'washer', '洗衣机门也关不上了', asked],
    ['zh-Hant', 'washer', '洗衣機門也關不上了', asked],
    ['Cantonese', 'washer', '洗衣機道門都閂唔埋', asked],
    ['en', 'washer', 'it is getting worse', unasked],
    ['zh-Hans', 'washer', '越来越严重了', unasked],
    ['zh-Hant', 'washer', '越來越嚴重了', unasked],
    ['Cantonese', 'washer', '愈嚟愈嚴重', unasked],
    ['en', 'washer', 'the washer still shows E21', unasked],
    ['zh-Hans', 'washer', '洗衣机还是显示E21', unasked],
    ['zh-Hant', 'washer', '洗衣機還是顯示E21', unasked],
    ['Cantonese', 'washer', '部洗衣機仲係出E21', unasked],
    ['en', 'washer', 'it still will not drain', unasked],
    ['zh-Hans', 'washer', '还是排不了水', unasked],
    ['Cantonese', 'washer', '仲係唔去水', unasked],
    // Everyday follow-ups name no trouble at all.
    ['en', 'washer', 'here is a picture of the label', unasked],
    ['en', 'washer', 'I will send a screenshot', unasked],
    ['en', 'washer', 'how much will you charge?', unasked],
    ['en', 'washer', 'please knock, the bell is broken', unasked],
    ['en', 'washer', "I'm walking the dog, call me later", unasked],
    ['en', 'washer', 'my address is Block B3, 12 Main Street', unasked],
    ['en', 'fridge', 'my address is Block B3, 12 Main Street', unasked],
    ['en', 'washer', 'I turned it off at the wall', unasked],
    ['en', 'washer', 'can you connect me to the engineer?', unasked],
    ['en', 'washer', 'I booked it online', unasked],
    ['en', 'washer', 'warm regards, Tom', unasked],
    ['zh-Hans', 'washer', '不急，慢慢来', unasked],
    ['zh-Hans', 'fridge', '不急，慢慢来', unasked],
    ['zh-Hans', 'washer', '师傅上门前请先打电话', unasked],
    ['zh-Hans', 'washer', '我已经把它关机了', unasked],
    ['zh-Hant', 'washer', '我已經把它關機了', unasked],
    ['zh-Hant', 'washer', '師傅上門前請先打電話', unasked],
    ['Cantonese', 'washer', '唔急，慢慢嚟', unasked],
    ['Cantonese', 'fridge', '唔急，慢慢嚟', unasked],
    ['Cantonese', 'washer', '我send張相俾你', unasked],
    // Words about something else than the appliance (review13 R13-5): the customer's phone, the
    // front door, gate or doorbell, a door / zip / post code, the weather, a slow reply.
    ['en', 'fridge', 'the door code is 4512, please ring first', unasked],
    ['zh-Hans', 'fridge', '门禁代码是4512，请先按门铃', unasked],
    ['zh-Hant', 'fridge', '門禁代碼係4512，請先撳鐘', unasked],
    ['en', 'fridge', 'sorry for the slow reply', unasked],
    ['zh-Hans', 'fridge', '不好意思，回复慢了', unasked],
    ['Cantonese', 'fridge', '唔好意思，回覆慢咗', unasked],
    ['en', 'washer', 'my phone is dead, call my wife on 555 1234', unasked],
    ['zh-Hans', 'washer', '我手机没电了，打我老婆电话', unasked],
    ['Cantonese', 'washer', '我部手機冇電，打俾我老婆', unasked],
    ['en', 'washer', 'the front door is locked, call me when you arrive', unasked],
    ['zh-Hans', 'washer', '大门锁住了，到了给我打电话', unasked],
    ['Cantonese', 'washer', '大門鎖住咗，到咗打俾我', unasked],
    ['en', 'washer', 'it is warm today so any time works', unasked],
    ['en', 'washer', 'press the buzzer at the gate', unasked],
    ['en', 'washer', 'I have no signal at work, text me', unasked],
    ['zh-Hans', 'washer', '我上班时没有信号，发短信给我', unasked],
    ['Cantonese', 'washer', '我返工冇信號，send短訊俾我', unasked],
    ['zh-Hans', 'washer', '师傅来之前给我打电话，门铃坏了', unasked],
    ['zh-Hant', 'washer', '師傅來之前打電話給我，門鈴壞了', unasked],
    ['en', 'washer', 'my zip code is 10001', unasked],
    ['en', 'washer', 'post code SW1A 1AA', unasked],
    ['en', 'fridge', 'it is freezing outside today', unasked],
    ['zh-Hans', 'fridge', '今天外面太冷了', unasked],
    ['zh-Hant', 'fridge', '今天外面實在太冷了', unasked],
    ['en', 'washer', 'I work remote', unasked],
    ['zh-Hans', 'fridge', '慢走', unasked],
    ['zh-Hant', 'fridge', '您慢走', unasked],
    // A fridge that does not cool: a noise is another symptom, "still not cold" is not.
    ['en', 'fridge', 'the ice maker is noisy too', asked],
    ['zh-Hans', 'fridge', '制冰机也有噪音', asked],
    ['zh-Hant', 'fridge', '製冰機也有噪音', asked],
    ['Cantonese', 'fridge', '個製冰機好嘈', asked],
    ['en', 'fridge', 'the display shows error code E4 now', asked],
    ['zh-Hans', 'fridge', '现在还显示故障代码E4', asked],
    ['zh-Hant', 'fridge', '現在還顯示故障代碼E4', asked],
    ['en', 'fridge', 'the fridge is still not cold', unasked],
    ['zh-Hans', 'fridge', '冰箱还是不冷', unasked],
    ['zh-Hant', 'fridge', '冰箱還是不冷', unasked],
    ['Cantonese', 'fridge', '個雪櫃仲係唔凍', unasked],
    ['en', 'fridge', 'it is getting worse', unasked],
    ['zh-Hans', 'fridge', '越来越严重了', unasked],
    ['Cantonese', 'fridge', '愈嚟愈嚴重', unasked],
  ] as const)('%s, %s ticket: %j → %j', (_, ticket, words, expected) => {
    expect(replyAfterAboutIt(ticket, words)).toEqual(expected);
  });
});

describe("an older question's buttons never act on a later question's words (review12 M1)", () => {
  /** The buttons' data on the which-ticket question a turn asked. */
  const questionButtons = (turn: {
    replies: readonly { key: string; buttons?: { data: string }[][] }[];
  }) => {
    const question = turn.replies.find((reply) => reply.key === 'which-ticket');
    const [same, fresher] = question?.buttons?.flat().map((b) => b.data) ?? [];
    if (!same || !fresher) throw new Error('no which-ticket question');
    return { same, new: fresher };
  };
  const data = (value: string): ConversationEvent => ({ type: 'button', data: value });

  it("the first question answered in words, a second asked: the first one's buttons are stale", () => {
    const first = play(fresh(), text('the washer is making a loud noise'));
    const old = questionButtons(first.last);
    const renewed = play(first.state, text('new problem')).state;
    const second = play({ ...renewed, flow: { kind: 'idle' } }, text("I'm home all day tomorrow"));
    expect(keys(second.last)).toEqual(['which-ticket']);
    for (const button of [old.same, old.new]) {
      const { last, state } = play(second.state, data(button));
      expect(keys(last)).toEqual(['stale-button', 'which-ticket']);
      expect(last.effects).toEqual([]);
      expect(state.flow).toEqual(second.state.flow);
    }
    // The second question's own buttons act on its words.
    const own = play(second.state, data(questionButtons(second.last).same));
    expect(own.last.effects).toEqual([
      { type: 'add-to-ticket', ticketNumber: waiting.number, text: "I'm home all day tomorrow" },
    ]);
  });

  it("another ticket waits by the second question: the first one's 'About FL-…' does not file the words there", () => {
    const first = play(fresh(), text('the washer is making a loud noise'));
    const old = questionButtons(first.last);
    const answered = play(first.state, text('the same one')).state;
    const other = playWith({
      ...realTurnContext(),
      waiting: { ...waiting, number: 'FL-260310-0002' },
    });
    const second = other(answered, text('the drum is noisy'));
    expect(keys(second.last)).toEqual(['which-ticket']);
    const { last } = other(second.state, data(old.same));
    expect(keys(last)).toEqual(['stale-button', 'which-ticket']);
    expect(last.effects).toEqual([]);
  });

  it('a question asked before this change (no number) still takes its unnumbered buttons; a numbered one does not', () => {
    const before = {
      ...fresh(),
      flow: { kind: 'which-ticket' as const, text: "I'm home all day tomorrow", waiting },
    };
    expect(play(before, data('wt:same')).last.effects).toEqual([
      { type: 'add-to-ticket', ticketNumber: waiting.number, text: "I'm home all day tomorrow" },
    ]);
    const asked = play(fresh(), text("I'm home all day tomorrow")).state;
    expect(keys(play(asked, data('wt:same')).last)).toEqual(['stale-button', 'which-ticket']);
    expect(keys(play(asked, data('wt:new')).last)).toEqual(['stale-button', 'which-ticket']);
  });
});

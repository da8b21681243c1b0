import { describe, expect, it } from 'vitest';
import {
  type CalendarDate,
  type ConversationEvent,
  type ConversationState,
  initialState,
  toNewTicket,
} from '../../../core/index.ts';
import { draftOf, intakeAt, keys, playWith } from '../../support/conversation.ts';
import { realTurnContext } from '../../support/turn-context.ts';

const context = realTurnContext();
const play = playWith(context);
const text = (value: string): ConversationEvent => ({ type: 'text', text: value });
const press = (data: string): ConversationEvent => ({ type: 'button', data });

/** A TV ticket asking for the model number, the contact known. */
const tvModel = intakeAt('model', {
  category: 'tv',
  description: 'tv has no picture',
  symptomId: 'tv.no-picture',
  name: 'Ann Lee',
  phone: '+85291234567',
  nameplatePhotos: ['photo-1'],
});

const draft = (state: ConversationState) => {
  const flow = state.flow.kind === 'confirm-change' ? state.flow.previous : state.flow;
  if (flow.kind !== 'intake' && flow.kind !== 'review') throw new Error(`no draft: ${flow.kind}`);
  return flow.draft;
};

describe('a product corrected in the middle of an intake', () => {
  it.each([
    ["sorry, it's not the TV, it's my computer monitor that has no picture", 'computer'],
    ['不好意思，不是电视，是电脑显示器没有画面', 'computer'],
    ['唔係電視呀，係部雪櫃唔凍', 'refrigerator'],
    ["it's a microwave", 'microwave'],
  ])('%j asks to change the product to %s', (words, category) => {
    const { last, state } = play(tvModel, text(words));
    expect(keys(last)).toEqual(['change-category-confirm']);
    expect(last.replies[0]?.vars).toEqual({ category });
    expect(state.flow).toMatchObject({ kind: 'confirm-change', change: { category } });
  });

  it('"yes" changes it: the old product\'s model and symptom go, the new model is asked', () => {
    const words = "sorry, it's not the TV, it's my computer monitor that has no picture";
    for (const yes of [press('yes'), text('yes'), text('好的')]) {
      const { last, state } = play(tvModel, text(words), yes);
      expect(keys(last)).toEqual(['changed', 'ask-model']);
      expect(last.replies[1]?.vars).toMatchObject({ category: 'computer' });
      const changed = draft(state);
      expect(state.category).toBe('computer');
      expect(changed.category).toBe('computer');
      expect(changed.symptomId).toBeUndefined();
      expect(changed.nameplatePhotos).toEqual([]);
      // The TV's nameplate photo still goes with the ticket, and what was said is kept.
      expect(changed.otherPhotos).toEqual(['photo-1']);
      expect(changed.moreSaid).toEqual([words]);
    }
  });

  it('"no" keeps the product and the sentence, and asks the same question again', () => {
    const words = "sorry, it's not the TV, it's my computer monitor that has no picture";
    for (const no of [press('no'), text('no'), text('唔使')]) {
      const { last, state } = play(tvModel, text(words), no);
      expect(keys(last)).toEqual(['nothing-changed', 'ask-model']);
      expect(state.flow).toMatchObject({ kind: 'intake', field: 'model' });
      expect(draft(state)).toMatchObject({ category: 'tv', moreSaid: [words] });
    }
  });

  it.each([
    'the fridge is clicking too, every few minutes it clicks loudly',
    '还有家里的冰箱也不制冷了，冷藏室一点都不凉',
  ])('%j adds to the report: kept for the engineer, not a change', (words) => {
    const { last, state } = play(intakeAt('phone'), text(words));
    expect(keys(last)).toEqual(['intake-more-said', 'ask-phone']);
    expect(draft(state).category).toBe('washing_machine');
  });

  it('danger told at the question still comes first', () => {
    const { last } = play(tvModel, text("it's not the TV, the socket behind it is smoking"));
    expect(keys(last)[0]).toBe('hazard-first');
  });
});

describe('an urgent ticket whose product was not known', () => {
  it("takes the product named later, with that product's own safety steps", () => {
    const reported = play(initialState('en'), text('there is a burning smell in my kitchen'));
    expect(keys(reported.last)).toContain('hazard-generic');
    const { last, state } = play(reported.state, text("I think it's the microwave actually"));
    expect(keys(last)[0]).toBe('hazard-product-noted');
    const steps = last.replies.filter((reply) => reply.key === 'hazard-step');
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.map((step) => step.vars?.instruction)).toEqual(
      context.catalogue.category('microwave')?.safety,
    );
    expect(keys(last).at(-1)).toBe('ask-phone');
    expect(draft(state)).toMatchObject({ category: 'microwave', urgent: true });
    expect(state.category).toBe('microwave');
  });
});

describe('a change typed under the summary', () => {
  const summary: ConversationState = {
    ...initialState('en'),
    flow: {
      kind: 'review',
      draft: draftOf({
        name: 'Ann Lee',
        phone: '+85291234567',
        model: 'XQG100-B12866',
        purchaseDate: null,
        productionDate: null,
        address: { kind: 'text', text: 'Flat 3A, 8 Queen Road, Central, Hong Kong' },
        window: { date: '2026-03-12' as CalendarDate, startMinute: 480, endMinute: 720 },
        answered: ['invoice'],
      }),
    },
  };

  it.each([
    ["wait, my phone number is wrong, it's 13912345678", '+8613912345678'],
    ['电话写错了，应该是139 1234 5678', '+8613912345678'],
  ])('%j asks to replace the phone, and "yes" shows the summary with it', (words, phone) => {
    const asked = play(summary, text(words));
    expect(keys(asked.last)).toEqual(['change-phone-confirm']);
    expect(asked.last.replies[0]?.vars).toEqual({ phone });
    const { last, state } = play(asked.state, press('yes'));
    expect(keys(last)).toEqual(['changed', 'review']);
    expect(draft(state).phone).toBe(phone);
    // The ticket the engineer gets has the new number.
    expect(toNewTicket(draft(state), 'customer-1', null, 'Asia/Shanghai').contact.phone).toBe(
      phone,
    );
  });

  it.each(['can you come tomorrow afternoon instead', '改成明天下午吧'])(
    '%j asks to change the visit time',
    (words) => {
      const asked = play(summary, text(words));
      expect(keys(asked.last)).toEqual(['change-window-confirm']);
      const { state } = play(asked.state, press('yes'));
      expect(draft(state).window).toEqual({
        date: '2026-03-11',
        startMinute: 780,
        endMinute: 1080,
      });
    },
  );

  it("another product named: asked, and on yes the new product's model is asked", () => {
    const asked = play(summary, text("oh it's actually the dishwasher not the washer"));
    expect(keys(asked.last)).toEqual(['change-category-confirm']);
    const { last, state } = play(asked.state, press('yes'));
    expect(keys(last)).toEqual(['changed', 'ask-model']);
    expect(state.flow).toMatchObject({ kind: 'intake', field: 'model', editing: true });
    const { last: after } = play(state, text('WQP12-J7635'));
    expect(keys(after)).toEqual(['review']);
  });

  it.each(['hmm wait', 'hmm', '等等'])('%j asks for no change: the buttons, as before', (words) => {
    const { last } = play(summary, text(words));
    expect(keys(last)).toEqual(['use-buttons', 'review']);
  });

  it.each([
    'please ask the engineer to call before coming',
    'the doorbell is broken, knock loudly',
    'I bought it last October actually',
    '工程师来之前请先打电话',
    '门铃坏了，请敲门',
    '其实是去年十月买的',
    '地址改成台北市信義區松仁路100號',
    'the same number +852 9123 4567, call after 6',
  ])('%j names no product: no change is asked, the words are kept for the engineer', (words) => {
    const { last, state } = play(summary, text(words));
    expect(keys(last)).toEqual(['intake-more-said', 'review']);
    expect(draft(state)).toMatchObject({ category: 'washing_machine', moreSaid: [words] });
  });

  it('"no" to a number in words keeps the words for the engineer ("call my husband on …")', () => {
    const words = '請打我先生的電話 0933-111-222';
    const { last, state } = play(summary, text(words), text('不用'));
    expect(keys(last)).toEqual(['nothing-changed', 'review']);
    expect(draft(state)).toMatchObject({ phone: '+85291234567', moreSaid: [words] });
  });
});

describe('the answer to "should I change …?"', () => {
  const words = "sorry, it's not the TV, it's my computer monitor that has no picture";
  it.each([
    'change it',
    'yes change it',
    '改吧',
    '要改',
    '好，改吧',
    '对，改成电脑',
    '是的，请修改',
    '係呀改啦',
  ])('%j changes it', (answer) => {
    const { last } = play(tvModel, text(words), text(answer));
    expect(keys(last)[0]).toBe('changed');
  });

  it.each(['no keep the TV', '不改', '不用改', '唔使改', 'keep it'])('%j keeps it', (answer) => {
    const { last } = play(tvModel, text(words), text(answer));
    expect(keys(last)[0]).toBe('nothing-changed');
  });

  it('danger told instead of the answer: the change told is made, the safety steps are its product’s', () => {
    const asked = play(tvModel, text(words));
    const { last, state } = play(asked.state, text('actually now there is smoke coming out of it'));
    expect(keys(last)[0]).toBe('hazard-first');
    expect(draft(state)).toMatchObject({ category: 'computer', urgent: true });
    const steps = last.replies.filter((reply) => reply.key === 'hazard-step');
    expect(steps.map((step) => step.vars?.instruction)).toEqual(
      context.catalogue.category('computer')?.safety,
    );
  });

  it('danger told at a phone change: the new number goes with the urgent ticket', () => {
    const review: ConversationState = {
      ...initialState('zh-TW'),
      flow: { kind: 'review', draft: draftOf({ name: 'Ann', phone: '+886912345678' }) },
    };
    const asked = play(review, text('我的電話改成 0922 333 444'));
    expect(keys(asked.last)).toEqual(['change-phone-confirm']);
    const { state } = play(asked.state, text('洗衣機在冒煙'));
    expect(draft(state)).toMatchObject({ phone: '+886922333444', urgent: true });
  });
});

describe('a phone number shared outside the intake (review10 M8)', () => {
  const contact = (phone: string): ConversationEvent => ({ type: 'contact', phone, own: true });

  it('is kept: a hazard told later reaches staff with it, and it is not asked again', () => {
    const guided = play(initialState('en'), text('my fridge is too cold, the vegetables freeze'));
    expect(guided.state.flow.kind).not.toBe('intake');
    const shared = play(guided.state, contact('85291234567'));
    expect(keys(shared.last)[0]).toBe('contact-kept');
    expect(shared.state.profile.phone).toBe('+85291234567');
    const { state, last } = play(shared.state, text('now there is smoke and a burning smell'));
    expect(keys(last)[0]).toBe('hazard-first');
    expect(keys(last)).not.toContain('ask-phone');
    expect(draft(state).phone).toBe('+85291234567');
  });

  it('under the summary is a change of the phone, asked to confirm', () => {
    const review: ConversationState = {
      ...initialState('en'),
      flow: { kind: 'review', draft: draftOf({ name: 'Ann', phone: '+85291234567' }) },
    };
    const asked = play(review, contact('8613912345678'));
    expect(keys(asked.last)).toEqual(['change-phone-confirm']);
    const { state } = play(asked.state, press('yes'));
    expect(draft(state).phone).toBe('+8613912345678');
  });
});

describe('a product corrected during the quick checks or the guidance (review10 M6)', () => {
  it.each([
    ['电视没有画面，有声音', '不好意思，不是电视，是我的显示器', 'computer'],
    ['the tv has sound but no picture', "sorry, it's not the TV, it's my monitor", 'computer'],
    [
      'my fridge is too cold, the vegetables freeze',
      'sorry, wrong one, it is the washing machine',
      'washing_machine',
    ],
  ])(
    'after %j, %j changes the product to %s and asks what is wrong with it',
    (report, words, category) => {
      const started = play(initialState('zh-Hans'), text(report));
      expect(['checks', 'guide']).toContain(started.state.flow.kind);
      const { last, state } = play(started.state, text(words));
      expect(keys(last)).toEqual(['category-chosen']);
      expect(last.replies[0]?.vars).toEqual({ category });
      expect(state).toMatchObject({ category, flow: { kind: 'idle' } });
    },
  );

  it('another product named without a correction is no answer to the step, as before', () => {
    const started = play(initialState('en'), text('the tv has sound but no picture'));
    const { last, state } = play(started.state, text('the washing machine'));
    expect(keys(last)[0]).toBe('use-buttons');
    expect(state.flow).toMatchObject({ kind: 'checks', category: 'tv' });
  });
});

import { describe, expect, it } from 'vitest';
import {
  type CalendarDate,
  type ConversationEvent,
  type ConversationState,
  type Draft,
  dayPeriod,
  initialState,
  summaryVars,
  toNewTicket,
} from '../../../core/index.ts';
import { draftOf, intakeAt, keys, playWith } from '../../support/conversation.ts';
import { realTurnContext } from '../../support/turn-context.ts';

const context = realTurnContext();
const play = playWith(context);
const text = (value: string): ConversationEvent => ({ type: 'text', text: value });
const press = (data: string): ConversationEvent => ({ type: 'button', data });
const command = (name: 'start' | 'help' | 'privacy' | 'status'): ConversationEvent => ({
  type: 'command',
  name,
});
const fresh = () => initialState('en');
const buttonData = (turn: { replies: { buttons?: { data: string }[][] }[] }) =>
  turn.replies.flatMap((reply) => reply.buttons?.flat().map((b) => b.data) ?? []);

const complete: Draft = draftOf({
  name: 'Ann Lee',
  phone: '+85291234567',
  model: 'XQG100-B12866',
  purchaseDate: dayPeriod('2026-01-05' as CalendarDate),
  address: { kind: 'text', text: 'Flat 3A, 8 Queen Road, Central, Hong Kong' },
  window: { date: '2026-03-12' as CalendarDate, startMinute: 480, endMinute: 720 },
  answered: ['invoice'],
});

/** The intake asking `field`, with every field before it answered. */
const before = {
  name: 'Ann Lee',
  phone: '+85291234567',
  model: 'XQG100-B12866',
  purchaseDate: complete.purchaseDate,
  address: complete.address,
};
const askingModel = intakeAt('model', { name: before.name, phone: before.phone });
const askingPurchase = intakeAt('purchaseDate', {
  name: before.name,
  phone: before.phone,
  model: before.model,
});
const askingAddress = intakeAt('address', {
  name: before.name,
  phone: before.phone,
  model: before.model,
  purchaseDate: before.purchaseDate,
});
const askingWindow = intakeAt('window', before);

describe('a greeting is not a report', () => {
  it.each(['你好', 'hello', '喂', '在吗', '哈囉', 'thanks', '謝謝'])(
    '"hi" then %j: a friendly prompt with the product buttons, nothing triaged, nothing escalated',
    (second) => {
      const { turns, state } = play(fresh(), text('hi'), text(second));
      for (const turn of turns) {
        expect(keys(turn)).toHaveLength(1);
        expect(['greeting', 'thanks']).toContain(keys(turn)[0]);
        expect(buttonData(turn).filter((data) => data.startsWith('cat:'))).toHaveLength(9);
        expect(turn.effects).toEqual([]);
      }
      expect(state.flow).toEqual({ kind: 'idle' });
    },
  );

  it('never spends the one clarifying question: after greetings, an unclear report is asked about, not escalated', () => {
    const { last, state } = play(
      fresh(),
      text('hi'),
      text('你好'),
      text('it stopped working'),
      text('hello?'),
    );
    expect(keys(last)).toEqual(['greeting-pending', 'ask-which-product']);
    expect(state.flow).toEqual({ kind: 'choose-category', text: 'it stopped working' });
  });

  it('answers "thanks" while a clarifying question is open and asks the same question again', () => {
    const asked: ConversationState = {
      ...fresh(),
      category: 'tv',
      flow: { kind: 'clarify', text: 'tv weird', category: 'tv' },
    };
    const { last } = play(asked, text('謝謝'));
    expect(keys(last)).toEqual(['thanks-pending', 'clarify']);
    expect(last.state.flow).toEqual(asked.flow);
  });

  it.each([
    ['👍', 'thanks'],
    ['🙏🙏', 'thanks'],
    ['😡😡😡', 'greeting'],
    ['???', 'greeting'],
    ['…', 'greeting'],
  ])(
    '%j (no words) is small talk (%s), with the product buttons: nothing triaged, nothing escalated',
    (sent, key) => {
      const { last, state } = play(fresh(), text(sent));
      expect(keys(last)).toEqual([key]);
      expect(buttonData(last).filter((data) => data.startsWith('cat:'))).toHaveLength(9);
      expect(last.effects).toEqual([]);
      expect(state.flow).toEqual({ kind: 'idle' });
    },
  );

  it('an alarming emoji (🔥) is left to triage, not answered as small talk', () => {
    const { last } = play(fresh(), text('🔥🔥'));
    expect(keys(last)).not.toContain('greeting');
  });

  it('words still unreadable after the one question go to an engineer without "this sounds like a fault"', () => {
    const asked: ConversationState = {
      ...fresh(),
      category: 'tv',
      flow: { kind: 'clarify', text: 'tv weird', category: 'tv' },
    };
    const { last } = play(asked, text('asdkjh qwe zzkx'));
    expect(keys(last)[0]).toBe('escalate-unclear');
    expect(keys(last)).not.toContain('escalate-fault');
  });

  it('a greeting with a report in it is a report', () => {
    const { last } = play(fresh(), text('hi, my fridge is too cold, the vegetables freeze'));
    expect(keys(last)).toEqual(['guide-intro', 'guide-step']);
  });
});

describe('typed answers where buttons are offered', () => {
  const guiding = play(fresh(), text('my fridge is too cold, the vegetables freeze')).state;

  it.each(['fixed', '好了', 'yes all good now thanks', '得咗'])(
    'a guided step answered %j works like ✅ Fixed (the check-back is scheduled)',
    (answer) => {
      const { last } = play(guiding, text(answer));
      expect(keys(last)).toEqual(['guide-fixed']);
      expect(last.effects.map((effect) => effect.type)).toEqual(['schedule-checkback']);
    },
  );

  it.each(['still not working', '还是不行', '仲係唔得', "doesn't work", 'not yet'])(
    'a guided step answered %j works like ❌ Still not working (the next step)',
    (answer) => {
      const { last } = play(guiding, text(answer));
      expect(keys(last)).toEqual(['guide-step']);
      expect(last.replies[0]?.vars).toMatchObject({ n: 2 });
    },
  );

  it('a quick check answered "好了" or "still not working" works like its buttons', () => {
    const checking = play(fresh(), text('my fridge is not cooling')).state;
    expect(checking.flow).toMatchObject({ kind: 'checks', step: 0 });
    expect(keys(play(checking, text('好了')).last)).toEqual(['guide-fixed']);
    const failed = play(checking, text('still not working'));
    expect(failed.state.flow).toMatchObject({ kind: 'checks', step: 1, ruledOut: [0] });
  });

  it.each([
    'skip',
    'skip the checks',
    'just send an engineer',
    '跳過檢查',
    '跳过',
    '唔使檢查，直接派人',
    '派师傅上门吧',
  ])(
    'a quick check answered %j works like "skip the checks": the intake, no check ruled out',
    (answer) => {
      const checking = play(fresh(), text('my fridge is not cooling')).state;
      expect(checking.flow).toMatchObject({ kind: 'checks', step: 0 });
      const { last, state } = play(checking, text(answer));
      expect(keys(last)[0]).toBe('checks-skipped');
      expect(state.flow).toMatchObject({ kind: 'intake', draft: { category: 'refrigerator' } });
      expect(state.flow.kind === 'intake' && (state.flow.draft.ruledOut ?? [])).toEqual([]);
    },
  );

  it('a photo during the quick checks is kept and goes with the ticket when the checks are skipped', () => {
    const checking = play(fresh(), text('my fridge is not cooling')).state;
    const photo = play(checking, { type: 'photo', fileId: 'P1' });
    expect(keys(photo.last)[0]).toBe('photo-kept-for-ticket');
    expect(photo.state.flow).toMatchObject({ kind: 'checks', step: 0, photos: ['P1'] });
    const { state } = play(photo.state, text('skip the checks'));
    expect(state.flow).toMatchObject({ kind: 'intake', draft: { otherPhotos: ['P1'] } });
  });

  it('a photo during guidance is kept and goes with the ticket when the guidance fails', () => {
    let state = play(fresh(), text('my fridge is too cold, the vegetables freeze')).state;
    if (state.flow.kind !== 'guide') return expect(state.flow.kind).toBe('guide');
    const photo = play(state, { type: 'photo', fileId: 'G1' });
    expect(keys(photo.last)[0]).toBe('photo-kept-for-ticket');
    state = photo.state;
    for (let i = 0; i < 10 && state.flow.kind === 'guide'; i++)
      state = play(state, text('still not working')).state;
    expect(state.flow).toMatchObject({ kind: 'intake', draft: { otherPhotos: ['G1'] } });
  });

  it('a photo under the summary is added to the ticket and the summary shown again', () => {
    const reviewing: ConversationState = { ...fresh(), flow: { kind: 'review', draft: complete } };
    const { last, state } = play(reviewing, { type: 'photo', fileId: 'R1' });
    expect(keys(last)).toEqual(['photo-saved', 'review']);
    expect(state.flow).toMatchObject({ kind: 'review', draft: { otherPhotos: ['R1'] } });
  });

  it('at a guided step, "skip" still means the next step (not an engineer)', () => {
    const guided = play(fresh(), text('my fridge is too cold, the vegetables freeze')).state;
    if (guided.flow.kind !== 'guide') return expect(guided.flow.kind).toBe('guide');
    const { state } = play(guided, text('skip the checks'));
    expect(state.flow.kind).not.toBe('intake');
  });

  it.each(['skip', 'no', '跳过', '没有', '冇', 'no receipt'])(
    'the invoice step answered %j is skipped, and the summary follows',
    (answer) => {
      const { last } = play(intakeAt('invoice', { ...complete, answered: [] }), text(answer));
      expect(keys(last)).toEqual(['review']);
    },
  );

  it.each([
    "I don't know",
    '不知道',
    '找不到铭牌',
    '唔知',
    "I don't know where the model is",
    "can't find it on the machine",
    '不知道型号在哪里',
    '唔知型號喺邊度',
    'no idea, my husband bought it',
    "I can't reach the label",
    '老公买的，不知道',
    '够不着铭牌',
  ])(
    'the model number answered %j is accepted (the engineer reads the nameplate) and the photo is offered',
    (answer) => {
      const { last, state } = play(askingModel, text(answer));
      expect(keys(last)).toEqual(['model-unknown', 'ask-nameplate-photo']);
      expect(buttonData(last)).toEqual(['skip:nameplatePhoto']);
      const photo = play(state, { type: 'photo', fileId: 'N1' });
      expect(keys(photo.last)).toEqual(['photo-nameplate-saved', 'ask-purchase-date']);
      expect(photo.state.flow).toMatchObject({ draft: { nameplatePhotos: ['N1'] } });
      const skipped = play(state, text('skip'));
      expect(keys(skipped.last)).toEqual(['ask-purchase-date']);
      if (skipped.state.flow.kind !== 'intake') throw new Error('expected the intake');
      expect(summaryVars(skipped.state.flow.draft).model).toBe('unknown');
    },
  );

  it.each(["I don't know", '不记得了'])(
    '%j at the purchase date is "no proof of purchase"',
    (answer) => {
      const { state } = play(askingPurchase, text(answer));
      expect(state.flow).toMatchObject({ field: 'productionDate', draft: { purchaseDate: null } });
    },
  );

  it.each([
    ['yes', 'forget'],
    ['好的', 'forget'],
    ['係', 'forget'],
  ])('"Erase everything?" answered %j erases', (answer, effect) => {
    const { last } = play({ ...fresh(), flow: { kind: 'confirm-forget' } }, text(answer));
    expect(last.effects.map((e) => e.type)).toEqual([effect]);
  });

  it.each(['no', '不要', '唔使'])(
    '"Cancel ticket?" answered %j changes nothing and asks the interrupted question again',
    (answer) => {
      const previous = intakeAt('name').flow;
      const { last } = play(
        { ...fresh(), flow: { kind: 'confirm-cancel', ticketNumber: 'FL-260310-0001', previous } },
        text(answer),
      );
      expect(keys(last)).toEqual(['nothing-changed', 'ask-name']);
      expect(last.effects).toEqual([]);
      expect(last.state.flow).toEqual(previous);
    },
  );

  it('"确认" under the summary files the ticket, as the Confirm button does', () => {
    const { last } = play({ ...fresh(), flow: { kind: 'review', draft: complete } }, text('确认'));
    expect(last.effects.map((e) => e.type)).toEqual(['file-ticket']);
  });
});

describe('the check-back answered in words', () => {
  const pending = {
    ref: 'g1',
    guidance: {
      category: 'refrigerator' as const,
      symptomId: 'refrigerator.too-cold-food-frozen',
      description: 'my fridge is too cold, the vegetables freeze',
    },
  };
  const typed = (value: string): ConversationEvent => ({
    type: 'text',
    text: value,
    checkback: pending,
  });

  it.each(['yes all good now thanks', 'yes', '好了', '正常了', '得咗'])(
    '%j closes it as solved and records "working"',
    (answer) => {
      const { last } = play(fresh(), typed(answer));
      expect(keys(last)).toEqual(['checkback-working']);
      expect(last.effects).toEqual([{ type: 'record-checkback', ref: 'g1', outcome: 'working' }]);
    },
  );

  it.each([
    '还是不行',
    'no',
    'still broken',
    '仲係唔得',
    '又坏了',
    "no, it's freezing again",
    '又结冰了',
    '冇，又結冰',
    'the problem is back',
    'it came back this morning',
    '没有，蔬菜冻住了',
    'my fridge is too cold again, the vegetables freeze',
    'the vegetables are freezing in the fridge',
  ])('%j records "still broken" and starts the intake with what the guidance knew', (answer) => {
    const { last, state } = play(fresh(), typed(answer));
    expect(keys(last)).toEqual(['checkback-still-broken', 'intake-intro', 'ask-name']);
    expect(last.effects).toEqual([
      { type: 'record-checkback', ref: 'g1', outcome: 'still_broken' },
    ]);
    expect(state.flow).toMatchObject({
      kind: 'intake',
      draft: {
        reason: 'still_broken',
        category: 'refrigerator',
        description: pending.guidance.description,
      },
    });
  });

  it.each(['it works again', '又好了', 'no problem, all good', '没事了'])(
    '%j (again, but well) records "working"',
    (answer) => {
      const { last } = play(fresh(), typed(answer));
      expect(last.effects).toEqual([{ type: 'record-checkback', ref: 'g1', outcome: 'working' }]);
    },
  );

  it('danger in the words comes first, and the check-back stays unanswered', () => {
    const { last } = play(fresh(), typed('still not working and now it smells of smoke'));
    expect(keys(last)[0]).toMatch(/^hazard/);
    expect(last.effects.some((effect) => effect.type === 'record-checkback')).toBe(false);
  });

  it.each(['the tv has no signal on the screen', 'my tv is broken', 'the washer does not work'])(
    'a new report (%j) is triaged as one, not read as the answer',
    (report) => {
      const { last } = play(fresh(), typed(report));
      expect(last.effects.some((effect) => effect.type === 'record-checkback')).toBe(false);
      expect(last.state.flow).not.toMatchObject({ draft: { category: 'refrigerator' } });
    },
  );

  it('while another question is pending, the words answer that question', () => {
    const { last } = play(intakeAt('invoice', { ...complete, answered: [] }), typed('no'));
    expect(keys(last)).toEqual(['review']);
    expect(last.effects).toEqual([]);
  });
});

describe('no question is asked forever', () => {
  it('asks again once with one error line, and the question once (never twice in a row)', () => {
    const { last } = play(intakeAt('name'), text('12345'));
    expect(keys(last)).toEqual(['error-name-invalid', 'ask-name']);
  });

  it('after two unreadable names, offers to keep the answer as written; kept, it is marked for the engineer', () => {
    const { last, state } = play(intakeAt('name'), text('12345'), text('@@ 99'));
    expect(keys(last)).toEqual(['error-name-invalid', 'way-on-keep', 'ask-name']);
    expect(buttonData(last)).toEqual(['keep:name']);
    const kept = play(state, press('keep:name'));
    expect(keys(kept.last)).toEqual(['kept-as-written', 'ask-phone']);
    expect(kept.state.flow).toMatchObject({ draft: { name: '@@ 99', asWritten: ['name'] } });
  });

  it('after two unreadable visit times, the words are kept and staff arrange the time', () => {
    const { state } = play(askingWindow, text('whenever you like'), text('any day really'));
    const kept = play(state, press('keep:window'));
    expect(keys(kept.last)).toEqual(['window-kept-as-written', 'ask-invoice']);
    if (kept.state.flow.kind !== 'intake') throw new Error('expected the intake');
    const draft = kept.state.flow.draft;
    expect(draft.windowNote).toBe('any day really');
    expect(summaryVars(draft).window).toBe('any day really');
    expect(toNewTicket(draft, 'c1', null, 'Asia/Shanghai').description).toContain(
      '🕒 any day really',
    );
  });

  it('after two unreadable phone numbers, offers a person (the question stays)', () => {
    const { last, state } = play(intakeAt('phone'), text('12345'), text('999'));
    expect(keys(last)).toEqual(['error-phone-invalid', 'way-on-person', 'ask-phone']);
    expect(buttonData(last)).toEqual(['human']);
    const person = play(state, press('human'));
    expect(person.last.effects.map((e) => e.type)).toEqual(['request-human']);
    expect(keys(person.last)).toEqual(['ask-phone']);
  });

  it('after two unreadable purchase dates, points to the way to go on without one', () => {
    const { last } = play(intakeAt('purchaseDate'), text('whenever'), text('dunno the year'));
    expect(keys(last)).toEqual(['error-date-unparseable', 'way-on-skip', 'ask-purchase-date']);
    expect(buttonData(last)).toEqual(['skip:purchaseDate']);
  });

  it('a keep button for another question, or with nothing tried, changes nothing', () => {
    const { last } = play(intakeAt('name'), press('keep:name'));
    expect(keys(last)).toEqual(['stale-button', 'ask-name']);
    const other = play(intakeAt('name'), text('12345'), text('999'), press('keep:address'));
    expect(keys(other.last)).toEqual(['stale-button', 'ask-name']);
  });
});

describe('values inside a sentence', () => {
  it('"我的电话是13812345678，下午打" gives the phone and a call-time note for the engineer', () => {
    const { state } = play(intakeAt('phone'), text('我的电话是13812345678，下午打'));
    if (state.flow.kind !== 'intake') throw new Error('expected the intake');
    const draft = state.flow.draft;
    expect(draft).toMatchObject({ phone: '+8613812345678', callNote: '下午打' });
    expect(summaryVars(draft)).toMatchObject({ phone: '+8613812345678', callNote: '下午打' });
    expect(toNewTicket(draft, 'c1', null, 'Asia/Shanghai').description).toBe(
      'washer leaks\n☎ 下午打',
    );
  });
});

describe('commands in the middle of an intake keep the thread', () => {
  it.each(['help', 'privacy'] as const)(
    '/%s answers, then asks the pending question again',
    (name) => {
      const { last } = play(intakeAt('model'), command(name));
      expect(keys(last)).toEqual([name, 'ask-model']);
      expect(last.state).toEqual(intakeAt('model'));
    },
  );

  it('/status lists the tickets and mentions the one being prepared, then the pending question', () => {
    const { last } = play(intakeAt('model'), command('status'));
    expect(last.effects).toEqual([{ type: 'list-tickets' }]);
    expect(keys(last)).toEqual(['status-preparing', 'ask-model']);
    expect(last.replies[0]?.vars).toEqual({ description: 'washer leaks' });
    expect(keys(play(fresh(), command('status')).last)).toEqual([]);
  });

  it('/start asks before discarding a draft: "no" keeps it, "yes" starts over', () => {
    const asked = play(intakeAt('model'), command('start'));
    expect(keys(asked.last)).toEqual(['restart-confirm']);
    const kept = play(asked.state, press('no'));
    expect(keys(kept.last)).toEqual(['nothing-changed', 'ask-model']);
    expect(kept.state).toEqual(intakeAt('model'));
    const restarted = play(asked.state, text('yes'));
    expect(keys(restarted.last)).toEqual(['welcome']);
    expect(restarted.state.flow).toEqual({ kind: 'idle' });
    expect(keys(play(fresh(), command('start')).last)).toEqual(['welcome']);
  });
});

describe('a shared location keeps a human-readable part', () => {
  const shared: ConversationEvent = { type: 'location', latitude: 22.3, longitude: 114.17 };

  it('asks for the building, floor and flat after a location, and files them with it', () => {
    const { last, state } = play(askingAddress, shared);
    expect(keys(last)).toEqual(['ask-address-detail']);
    const detail = play(state, text('Block 3, 12/F, Flat B'));
    expect(keys(detail.last)).toEqual(['ask-window']);
    if (detail.state.flow.kind !== 'intake') throw new Error('expected the intake');
    const draft = detail.state.flow.draft;
    expect(draft.address).toEqual({
      kind: 'location',
      latitude: 22.3,
      longitude: 114.17,
      detail: 'Block 3, 12/F, Flat B',
    });
    expect(summaryVars(draft).address).toBe('22.30000, 114.17000 · Block 3, 12/F, Flat B');
    expect(toNewTicket(draft, 'c1', null, 'Asia/Shanghai').contact.address).toBe(
      'geo:22.300000,114.170000 Block 3, 12/F, Flat B',
    );
  });

  it('a house has no flat: the button (or "no") goes on without one', () => {
    const { state } = play(askingAddress, shared);
    expect(keys(play(state, press('skip:addressDetail')).last)).toEqual(['ask-window']);
    expect(keys(play(state, text('没有')).last)).toEqual(['ask-window']);
  });
});

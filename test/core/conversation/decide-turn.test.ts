import { describe, expect, it } from 'vitest';
import {
  type ConversationEvent,
  type ConversationState,
  encodeButton,
  initialState,
  MAX_REPORT_CHARS,
} from '../../../core/index.ts';
import { intakeAt, keys, playWith } from '../../support/conversation.ts';
import { realTurnContext } from '../../support/turn-context.ts';

const context = realTurnContext();
const text = (value: string): ConversationEvent => ({ type: 'text', text: value });
const press = (data: string): ConversationEvent => ({ type: 'button', data });

const play = playWith(context);
const fresh = () => initialState('en');

describe('decideTurn: reports and triage', () => {
  it('greets on /start with product buttons and resets the flow', () => {
    const { last } = play(
      { ...fresh(), flow: { kind: 'confirm-forget' } },
      { type: 'command', name: 'start' },
    );
    expect(keys(last)).toEqual(['welcome']);
    expect(last.replies[0]?.buttons?.flat()).toHaveLength(9);
    expect(last.state.flow).toEqual({ kind: 'idle' });
  });

  it("files the hazard's urgent ticket with the report (the draft the intake then completes), and again only for that draft", () => {
    const first = play(
      fresh(),
      text('my water heater is leaking onto the socket and I got a small shock'),
    );
    const flow = first.last.state.flow;
    if (flow.kind !== 'intake') throw new Error(`expected the intake, got ${flow.kind}`);
    expect(first.last.effects).toEqual([{ type: 'report-hazard', draft: flow.draft }]);
    expect(flow.draft).toMatchObject({ urgent: true, label: 'hazard', category: 'water_heater' });
    expect(keys(first.last)).toContain('intake-intro-hazard');
    // A second hazard in the same intake reports the same draft (one ticket, by its id).
    const again = play(first.state, text('now there are sparks and smoke'));
    expect(again.last.effects).toMatchObject([
      { type: 'report-hazard', draft: { id: flow.draft.id } },
    ]);
    // A fault intake upgraded by a hazard mid-way reports its own draft.
    const fault = intakeAt('model', {
      description: 'washer shows E21',
      category: 'washing_machine',
    });
    const upgraded = play(fault, text('the washer is smoking and smells of burning'));
    expect(upgraded.last.effects).toMatchObject([
      { type: 'report-hazard', draft: { id: 'chat:1', urgent: true } },
    ]);
  });

  it.each([
    ['en', 'there is smoke coming out of the back of my fridge and a burning smell'],
    ['zh', '冰箱后面冒烟了，有焦味'],
    ['zh-Hant', '熱水爐有煤氣味'],
  ])('puts safety first for a hazard (%s), then asks only who and where', (_lang, report) => {
    const { last } = play(fresh(), text(report));
    expect(keys(last)[0]).toBe('hazard-first');
    expect(keys(last)).toContain('hazard-step');
    expect(keys(last).at(-1)).toBe('ask-phone');
    expect(last.state.flow).toMatchObject({
      kind: 'intake',
      field: 'phone',
      draft: { urgent: true, reason: 'hazard' },
    });
  });

  it('guides a misuse one step at a time with fixed / not fixed / repeat / skip / person buttons', () => {
    const { last } = play(fresh(), text('my fridge is too cold, the vegetables freeze'));
    expect(keys(last)).toEqual(['guide-intro', 'guide-step']);
    expect(last.replies[1]?.vars).toMatchObject({ n: 1 });
    expect(last.replies[1]?.buttons?.flat().map((b) => b.data)).toEqual([
      'g:fixed',
      'g:next',
      'g:repeat',
      'g:skip',
      'g:human',
    ]);
    expect(last.state.category).toBe('refrigerator');
  });

  it('moves through the steps and escalates with the fallback advice when none helped', () => {
    const start = play(fresh(), text('my fridge is too cold, the vegetables freeze'));
    const flow = start.state.flow;
    if (flow.kind !== 'guide') throw new Error('expected guidance');
    const total = context.catalogue.symptom(flow.symptomId)?.steps.length ?? 0;
    const repeated = play(start.state, press('g:repeat'));
    expect(repeated.last.replies[0]?.vars).toMatchObject({ n: 1 });
    const presses = Array.from({ length: total }, (_, i) => press(i % 2 ? 'g:skip' : 'g:next'));
    const { last } = play(start.state, ...presses);
    expect(keys(last)).toEqual(['guide-failed', 'intake-intro', 'ask-name']);
    expect(last.state.flow).toMatchObject({
      kind: 'intake',
      draft: { reason: 'guidance_failed', category: 'refrigerator' },
    });
  });

  it('schedules the check-back when guidance worked', () => {
    const { last } = play(
      fresh(),
      text('my fridge is too cold, the vegetables freeze'),
      press('g:fixed'),
    );
    expect(keys(last)).toEqual(['guide-fixed']);
    expect(last.effects).toEqual([
      {
        type: 'schedule-checkback',
        guidance: expect.objectContaining({
          category: 'refrigerator',
          description: 'my fridge is too cold, the vegetables freeze',
        }),
      },
    ]);
    expect(last.state.flow).toEqual({ kind: 'idle' });
  });

  it.each([
    ['en', 'I want to talk to a real person'],
    ['zh', '转人工'],
    ['zh-Hant', '我要真人客服'],
    ['en', 'my washer leaks, please send a technician'],
  ])(
    'takes a request for a person in words (%s: %s) to the intake without judging it a fault',
    (_lang, report) => {
      const { last } = play(fresh(), text(report));
      expect(keys(last).slice(0, 2)).toEqual(['escalate-human', 'intake-intro']);
      expect(keys(last)).not.toContain('escalate-fault');
      expect(last.state.flow).toMatchObject({
        kind: 'intake',
        draft: { reason: 'customer_asked' },
      });
    },
  );

  it('escalates a fault the customer already checked straight to the intake', () => {
    const { last } = play(fresh(), text('冰箱不制冷了，换了插座也不行'));
    expect(keys(last)).toEqual(['escalate-fault', 'intake-intro', 'ask-name']);
    expect(last.state.flow).toMatchObject({
      kind: 'intake',
      draft: { category: 'refrigerator', label: 'fault' },
    });
  });

  it('asks which product when it cannot tell, once, then decides', () => {
    const asked = play(fresh(), text('it stopped working'));
    expect(keys(asked.last)).toEqual(['ask-which-product']);
    expect(asked.state.flow.kind).toBe('choose-category');
    const { last } = play(
      asked.state,
      press(encodeButton({ action: 'category', category: 'dishwasher' })),
    );
    expect(['intake-intro', 'guide-step', 'checks-step', 'ask-name']).toEqual(
      expect.arrayContaining([keys(last).at(-1)]),
    );
    expect(last.state.category).toBe('dishwasher');
  });

  it('never asks twice: a second unclear answer goes to a person', () => {
    const state: ConversationState = {
      ...fresh(),
      category: 'tv',
      flow: { kind: 'clarify', text: 'tv weird', category: 'tv' },
    };
    const { last } = play(state, text('hmm'));
    expect(last.state.flow.kind).toMatch(/intake|guide/);
  });

  it.each([
    ['', ['empty-text']],
    ['   ', ['empty-text']],
  ])('answers empty input %j', (input, expected) => {
    expect(keys(play(fresh(), text(input)).last)).toEqual(expected);
  });

  it('reads only the first characters of a very long message and says so', () => {
    const { last } = play(
      fresh(),
      text(`my dishwasher does not drain ${'x'.repeat(MAX_REPORT_CHARS * 2)}`),
    );
    expect(keys(last)[0]).toBe('text-too-long');
  });

  it('answers emoji-only input with a prompt for the problem rather than a guess', () => {
    expect(keys(play(fresh(), text('😡😡😡')).last)).toEqual(['greeting']);
  });
});

describe('decideTurn: the intake', () => {
  it.each([
    ['name', '12345', 'error-name-invalid'],
    ['phone', '12345', 'error-phone-invalid'],
    ['model', '型号是？', 'error-model-invalid'],
    ['purchaseDate', '2099-01-01', 'error-date-future'],
    ['purchaseDate', 'whenever', 'error-date-unparseable'],
    ['address', 'home', 'error-address-invalid'],
    ['window', '晚上', 'error-window-outside-hours'],
  ] as const)('re-asks %s after a bad answer %j', (field, answer, error) => {
    const { last } = play(intakeAt(field), text(answer));
    expect(keys(last)).toEqual([
      error,
      `ask-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
    ]);
    expect(last.state.flow).toEqual({ ...intakeAt(field).flow, tries: 1, tried: answer });
  });

  it('accepts good answers in order and skips what is known', () => {
    const { last, state } = play(
      intakeAt('name'),
      text('王小明'),
      text('+86 138-1234-5678'),
      text('型号：xqg100-b12866'),
      text('last March'),
      press('skip:purchaseDay'),
      text('北京市朝阳区建国路88号2号楼1单元502'),
      text('tomorrow morning'),
      press('skip:invoice'),
    );
    expect(keys(last)).toEqual(['review']);
    if (state.flow.kind !== 'review') throw new Error('expected review');
    expect(state.flow.draft).toMatchObject({
      name: '王小明',
      phone: '+8613812345678',
      model: 'XQG100-B12866',
      purchaseDate: { from: '2025-03-01', to: '2025-03-31', precision: 'month' },
      address: { kind: 'text', text: '北京市朝阳区建国路88号2号楼1单元502' },
      window: { date: '2026-03-11', startMinute: 480, endMinute: 720 },
    });
  });

  it('takes a shared contact, a shared location and a nameplate photo', () => {
    const contact = play(intakeAt('phone', { name: 'Ann' }), {
      type: 'contact',
      phone: '12125550199',
      own: true,
    });
    expect(contact.state.flow).toMatchObject({ field: 'model', draft: { phone: '+12125550199' } });
    const photo = play(contact.state, { type: 'photo', fileId: 'F1' });
    expect(keys(photo.last)[0]).toBe('photo-nameplate-saved');
    expect(photo.state.flow).toMatchObject({
      field: 'purchaseDate',
      draft: { nameplatePhotos: ['F1'] },
    });
    const noProof = play(photo.state, press('skip:purchaseDate'), press('skip:productionDate'));
    expect(noProof.state.flow).toMatchObject({
      field: 'address',
      draft: { purchaseDate: null, productionDate: null },
    });
    const location = play(noProof.state, { type: 'location', latitude: 22.3, longitude: 114.17 });
    expect(location.state.flow).toMatchObject({
      field: 'addressDetail',
      draft: { address: { kind: 'location' } },
    });
  });

  it('edits one field from the summary and comes back to it; confirm files the ticket', () => {
    const complete = play(
      intakeAt('name'),
      text('Ann Lee'),
      text('+852 9123 4567'),
      text('XQG100-B12866'),
      text('2026-01-05'),
      text('Flat 3A, 8 Queen Road, Central, Hong Kong'),
      text('tomorrow afternoon'),
      press('skip:invoice'),
    );
    const edit = play(complete.state, press('edit:phone'));
    expect(keys(edit.last)).toEqual(['ask-phone']);
    const back = play(edit.state, text('+852 6123 4567'));
    expect(keys(back.last)).toEqual(['review']);
    const filed = play(back.state, press('confirm'));
    expect(filed.last.effects).toEqual([
      { type: 'file-ticket', draft: expect.objectContaining({ phone: '+85261234567' }) },
    ]);
    expect(filed.state.profile).toMatchObject({ name: 'Ann Lee', phone: '+85261234567' });
    const next = play(
      filed.state,
      text('the washing machine will not drain at all, error E21, already cleaned the filter'),
    );
    expect(keys(next.last)).not.toContain('ask-name');
    expect(keys(next.last)).not.toContain('ask-phone');
  });

  it('switches an ordinary intake to urgent when the customer reports a hazard mid-way', () => {
    const { last } = play(intakeAt('model'), text('now it is sparking and smoking!'));
    expect(keys(last)[0]).toBe('hazard-first');
    expect(last.state.flow).toMatchObject({ kind: 'intake', draft: { urgent: true } });
  });
});

describe('decideTurn: commands, buttons and staff hold', () => {
  it('leaves a flow with /cancel, and offers ticket cancelling when idle', () => {
    const inFlow: ConversationState = { ...fresh(), flow: { kind: 'confirm-forget' } };
    expect(keys(play(inFlow, { type: 'command', name: 'cancel' }).last)).toEqual([
      'flow-cancelled',
    ]);
    expect(play(fresh(), { type: 'command', name: 'cancel' }).last.effects).toEqual([
      { type: 'offer-cancel' },
    ]);
  });

  it('cancels a ticket only after confirmation', () => {
    const asked = play(fresh(), press('cancel:FL-260310-0001'));
    expect(keys(asked.last)).toEqual(['cancel-confirm']);
    expect(play(asked.state, press('no')).last.effects).toEqual([]);
    expect(play(asked.state, press('yes')).last.effects).toEqual([
      { type: 'cancel-ticket', ticketNumber: 'FL-260310-0001' },
    ]);
  });

  it('erases personal data only after confirmation', () => {
    const asked = play({ ...fresh(), profile: { name: 'A' } }, { type: 'command', name: 'forget' });
    const done = play(asked.state, press('yes'));
    expect(done.last.effects).toEqual([{ type: 'forget' }]);
    expect(done.state.profile).toEqual({});
  });

  it('switches language with /language', () => {
    const { last } = play(fresh(), { type: 'command', name: 'language' }, press('lang:zh-Hant'));
    expect(last.state).toMatchObject({ locale: 'zh-Hant', localeChosen: true });
    expect(last.effects).toEqual([{ type: 'set-locale', locale: 'zh-Hant' }]);
  });

  it.each(['g:fixed', 'confirm', 'yes', 'edit:phone', 'garbage', 'win:2026-01-01:480-600'])(
    'says a button %s pressed out of its moment is no longer active',
    (data) => {
      expect(keys(play(fresh(), press(data)).last)).toEqual(['stale-button']);
    },
  );

  it('asks for a person with /human at any point, and carries on with the flow meanwhile', () => {
    const guiding = play(fresh(), text('my fridge is too cold, the vegetables freeze'));
    const { last } = play(guiding.state, { type: 'command', name: 'human' });
    expect(keys(last)).toEqual(['guide-step']);
    expect(last.state.flow).toEqual(guiding.last.state.flow);
    expect(last.effects).toEqual([
      {
        type: 'request-human',
        description: 'my fridge is too cold, the vegetables freeze',
        category: 'refrigerator',
      },
    ]);
    const idle = play(fresh(), { type: 'command', name: 'human' }).last;
    expect(idle.replies).toEqual([]);
    expect(idle.effects).toEqual([{ type: 'request-human', description: '' }]);
  });

  it("hands /human in an intake what the customer already gave, with the draft's product", () => {
    const state = intakeAt('purchaseDate', {
      description: 'washer shows E21',
      category: 'washing_machine',
      name: 'Li Na',
      phone: '+8613800138000',
      model: 'XQG100-B12866',
    });
    const { last } = play(state, { type: 'command', name: 'human' });
    expect(last.effects).toMatchObject([
      {
        type: 'request-human',
        description: 'washer shows E21',
        category: 'washing_machine',
        draft: { name: 'Li Na', phone: '+8613800138000', model: 'XQG100-B12866' },
      },
    ]);
  });

  it('keeps the guided step on screen when "talk to a person" is pressed', () => {
    const guiding = play(fresh(), text('my fridge is too cold, the vegetables freeze'));
    const { last } = play(guiding.state, press('g:human'));
    expect(keys(last)).toEqual(['guide-step']);
    expect(last.effects).toMatchObject([{ type: 'request-human', category: 'refrigerator' }]);
  });

  it('stays quiet and forwards while staff hold the chat, but still takes commands and buttons', () => {
    const held: ConversationState = {
      ...fresh(),
      staffHold: { ticketNumber: 'FL-260310-0002', staffId: 9 },
    };
    const { last } = play(held, text('hello?'));
    expect(last.replies).toEqual([]);
    expect(last.effects).toEqual([{ type: 'forward-to-staff', ticketNumber: 'FL-260310-0002' }]);
    expect(keys(play(held, { type: 'command', name: 'help' }).last)).toEqual(['help']);
    const language = play(held, press('lang:en')).last;
    expect(language.effects).toEqual([{ type: 'set-locale', locale: 'en' }]);
  });

  it('lets a held customer answer a command’s question: /forget’s yes still erases', () => {
    const held: ConversationState = {
      ...fresh(),
      staffHold: { ticketNumber: 'FL-260310-0002', staffId: 9 },
    };
    const asked = play(held, { type: 'command', name: 'forget' });
    expect(keys(asked.last)).toEqual(['forget-confirm']);
    const { last } = play(asked.last.state, { type: 'button', data: 'yes' });
    expect(last.effects).toEqual([{ type: 'forget' }]);
  });

  it('turns a "broken again" check-back into an intake that knows the product and the report', () => {
    const { last } = play(fresh(), {
      type: 'checkback',
      outcome: 'still_broken',
      guidance: { category: 'tv', symptomId: 'tv.no-signal', description: 'tv no signal' },
    });
    expect(last.effects).toEqual([]);
    expect(last.state.flow).toMatchObject({
      kind: 'intake',
      draft: { category: 'tv', description: 'tv no signal', reason: 'still_broken' },
    });
  });
});

describe('decideTurn: old buttons', () => {
  it('ignores a product button from the greeting pressed in the middle of an intake, and asks the pending question again', () => {
    const intake = play(initialState('en'), { type: 'text', text: '冰箱不制冷了，换了插座也不行' });
    const { last } = play(intake.state, { type: 'button', data: 'cat:tv' });
    expect(last.replies.map((r) => r.key)).toEqual(['stale-button', 'ask-name']);
    expect(last.state).toEqual(intake.state);
  });
});

describe('decideTurn: nothing the customer gave is lost', () => {
  const intake = () => play(initialState('en'), text('冰箱不制冷了，换了插座也不行'));

  it('reads "John Sparks" and "12 Smoke Lane" as answers, not as danger', () => {
    const named = play(intake().state, text('John Sparks'));
    expect(named.state.flow).toMatchObject({
      kind: 'intake',
      field: 'phone',
      draft: { name: 'John Sparks', urgent: false },
    });
  });

  it('keeps the words of a hazard reported mid-intake and files it as a hazard', () => {
    const { last } = play(intake().state, text('now it is sparking and smoking!'));
    expect(last.state.flow).toMatchObject({
      kind: 'intake',
      draft: {
        urgent: true,
        label: 'hazard',
        description: expect.stringContaining('sparking and smoking'),
      },
    });
  });

  it('comes back to the intake when the customer says no to /forget', () => {
    const asked = play(intake().state, { type: 'command', name: 'forget' });
    const { last } = play(asked.state, press('no'));
    expect(last.replies.map((r) => r.key)).toEqual(['nothing-changed', 'ask-name']);
    expect(last.state.flow).toEqual(intake().state.flow);
  });

  it('comes back to the intake after an old cancel button and "no"', () => {
    const asked = play(intake().state, press('cancel:FL-260310-0003'));
    expect(play(asked.state, press('no')).last.state.flow).toEqual(intake().state.flow);
  });

  it('keeps a photo sent at another question for the engineer without skipping the model', () => {
    const { state } = play(intake().state, { type: 'photo', fileId: 'P1' });
    expect(state.flow).toMatchObject({
      field: 'name',
      draft: { otherPhotos: ['P1'], nameplatePhotos: [] },
    });
  });

  it('refuses a visit-time button for a time that has passed', () => {
    const atWindow: ConversationState = {
      ...initialState('en'),
      flow: {
        kind: 'intake',
        field: 'window',
        editing: false,
        draft: {
          id: 'd',
          reason: 'fault',
          urgent: false,
          description: 'x',
          nameplatePhotos: [],
          invoicePhotos: [],
          otherPhotos: [],
          answered: [],
        },
      },
    };
    const { last } = play(atWindow, press('win:2020-01-01:480-600'));
    expect(last.replies[0]?.key).toBe('error-window-past');
    expect(last.state).toEqual(atWindow);
  });

  it('asks for a new visit time when the summary waited until its window passed', () => {
    const review: ConversationState = {
      ...initialState('en'),
      flow: {
        kind: 'review',
        draft: {
          id: 'd',
          reason: 'fault',
          urgent: false,
          description: 'x',
          category: 'tv',
          name: 'A',
          phone: '+85291234567',
          model: 'LE55A31',
          purchaseDate: null,
          address: { kind: 'text', text: '1 Queen Road Central' },
          window: { date: '2026-03-09' as never, startMinute: 480, endMinute: 600 },
          nameplatePhotos: [],
          invoicePhotos: [],
          otherPhotos: [],
          answered: ['invoice'],
        },
      },
    };
    const { last } = play(review, press('confirm'));
    expect(last.effects).toEqual([]);
    expect(last.state.flow).toMatchObject({ kind: 'intake', field: 'window', editing: true });
  });

  it('ignores a skip button meant for another question and asks the pending one again', () => {
    expect(play(intake().state, press('skip:invoice')).last.replies.map((r) => r.key)).toEqual([
      'stale-button',
      'ask-name',
    ]);
  });
});

describe('decideTurn: a location shared early', () => {
  it('keeps a location shared at another question as the address and asks that question again', () => {
    const intake = play(initialState('en'), { type: 'text', text: '冰箱不制冷了，换了插座也不行' });
    const { last } = play(intake.state, { type: 'location', latitude: 31.23, longitude: 121.47 });
    expect(last.replies.map((r) => r.key)).toEqual(['location-saved', 'ask-name']);
    expect(last.state.flow).toMatchObject({
      field: 'name',
      draft: { address: { kind: 'location' } },
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  type ConversationEvent,
  initialState,
  type TurnContext,
  ticketDescription,
} from '../../../core/index.ts';
import { draftOf, intakeAt, keys, playWith } from '../../support/conversation.ts';
import { realTurnContext } from '../../support/turn-context.ts';

const context = realTurnContext();
const text = (value: string): ConversationEvent => ({ type: 'text', text: value });
const press = (data: string): ConversationEvent => ({ type: 'button', data });

/**
 * Triage as the core decides it for a hazard whose product is below the confidence floor: a hazard
 * with no category (the engine's guess is not passed on).
 */
const productless: TurnContext = {
  ...context,
  triage: (words, options) =>
    /gas|shock|煤气|煤氣/.test(words) && !options.category
      ? { kind: 'hazard' }
      : context.triage(words, options),
};

describe('item 1: safety text for the product the customer has', () => {
  const play = playWith(productless);

  it('gives the generic gas-safe safety text, not a guessed appliance’s steps, when no product is known', () => {
    const { last } = play(initialState('en'), text('smells like gas in the kitchen'));
    expect(keys(last).slice(0, 2)).toEqual(['hazard-first', 'hazard-generic']);
    expect(keys(last)).not.toContain('hazard-step');
  });

  it('stores no guessed product and asks for the product after who and where', () => {
    const { turns, state } = play(
      initialState('en'),
      text('smells like gas in the kitchen'),
      text('+852 9123 4567'),
      text('Flat 3A, 8 Queen Road, Central, Hong Kong'),
      text('Ann Lee'),
    );
    expect(turns[0]?.state.flow).toMatchObject({ kind: 'intake', draft: { urgent: true } });
    if (turns[0]?.state.flow.kind !== 'intake') throw new Error('expected the intake');
    expect(turns[0].state.flow.draft.category).toBeUndefined();
    expect(turns[0].state.category).toBeUndefined();
    const asked = turns.at(-1)?.replies.at(-1);
    expect(asked?.key).toBe('ask-category');
    expect(asked?.buttons?.flat().map((b) => b.data)).toContain('skip:category');
    expect(state.flow).toMatchObject({ kind: 'intake', field: 'category' });
  });

  it('takes the product, or "not sure", and shows it in the urgent summary', () => {
    const atProduct = play(
      initialState('en'),
      text('I got an electric shock'),
      text('+852 9123 4567'),
      text('Flat 3A, 8 Queen Road, Central, Hong Kong'),
      text('Ann Lee'),
    ).state;
    const chosen = play(atProduct, press('cat:washing_machine'));
    expect(keys(chosen.last)).toEqual(['review-urgent']);
    expect(chosen.last.replies[0]?.vars).toMatchObject({ category: 'washing_machine' });
    const notSure = play(atProduct, press('skip:category'));
    expect(keys(notSure.last)).toEqual(['review-urgent']);
    expect(notSure.last.replies[0]?.vars).toMatchObject({ category: 'unknown' });
    const [filed] = play(notSure.state, press('confirm')).last.effects;
    expect(filed).toMatchObject({ type: 'file-ticket', draft: { urgent: true } });
    expect(filed?.type === 'file-ticket' && filed.draft.category).toBe(undefined);
  });

  it('does not let an ordinary ticket skip the product', () => {
    const { last } = play(intakeAt('category', { category: undefined }), press('skip:category'));
    expect(keys(last)).toEqual(['stale-button', 'ask-category']);
  });

  it('keeps the product’s own safety steps when the product is known', () => {
    const { last } = play(initialState('en'), text('冰箱后面冒烟了，有焦味'));
    expect(keys(last)).toContain('hazard-step');
    expect(keys(last)).not.toContain('hazard-generic');
  });
});

describe('item 2: a vague purchase date keeps its precision', () => {
  const play = playWith(context);
  const atPurchase = () =>
    intakeAt('purchaseDate', { name: 'Ann', phone: '+85291234567', model: 'XQG100-B12866' });

  it('keeps "last March" as the whole month and asks for the exact day when the warranty differs across it', () => {
    // Reported 2026-03-10: a washer bought on 1 March 2025 is out of its 12-month term, one bought
    // on 31 March is not.
    const { last, state } = play(atPurchase(), text('last March'));
    expect(keys(last)).toEqual(['ask-purchase-day']);
    expect(last.replies[0]?.vars).toMatchObject({ date: '2025-03-10' });
    expect(state.flow).toMatchObject({
      kind: 'intake',
      field: 'purchaseDay',
      draft: {
        purchaseDate: { from: '2025-03-01', to: '2025-03-31', precision: 'month' },
        purchaseDayMatters: '2025-03-10',
      },
    });
  });

  it.each([['去年三月'], ['上年三月']])('reads %s as the whole month too', (answer) => {
    const { state } = play(atPurchase(), text(answer));
    expect(state.flow).toMatchObject({
      field: 'purchaseDay',
      draft: { purchaseDate: { from: '2025-03-01', to: '2025-03-31' } },
    });
  });

  it('does not ask for the day when the answer is the same on every day of the period', () => {
    const { state } = play(atPurchase(), text('last September'));
    expect(state.flow).toMatchObject({
      field: 'address',
      draft: { purchaseDate: { from: '2025-09-01', to: '2025-09-30' } },
    });
  });

  it('takes the exact day when the customer knows it, and asks it only once', () => {
    const day = play(atPurchase(), text('last March'), text('2025-03-20'));
    expect(day.state.flow).toMatchObject({
      field: 'address',
      draft: { purchaseDate: { from: '2025-03-20', to: '2025-03-20', precision: 'day' } },
    });
    const unknown = play(atPurchase(), text('last March'), press('skip:purchaseDay'));
    expect(unknown.state.flow).toMatchObject({
      field: 'address',
      draft: { purchaseDate: { from: '2025-03-01', to: '2025-03-31' }, answered: ['purchaseDay'] },
    });
    const vague = play(atPurchase(), text('last March'), text('early March'));
    expect(vague.state.flow).toMatchObject({ field: 'address' });
  });

  it('shows the date as a period in the summary', () => {
    const review = play(
      atPurchase(),
      text('last March'),
      press('skip:purchaseDay'),
      text('Flat 3A, 8 Queen Road, Central, Hong Kong'),
      text('tomorrow morning'),
      press('skip:invoice'),
    );
    expect(keys(review.last)).toEqual(['review']);
    expect(review.last.replies[0]?.vars?.purchaseDate).toMatchObject({
      from: '2025-03-01',
      to: '2025-03-31',
      precision: 'month',
    });
  });
});

describe('item 3: no receipt — the production date on the nameplate', () => {
  const play = playWith(context);
  const atPurchase = () =>
    intakeAt('purchaseDate', { name: 'Ann', phone: '+85291234567', model: 'XQG100-B12866' });

  it('asks for the production date on the nameplate when there is no proof of purchase', () => {
    const { last, state } = play(atPurchase(), press('skip:purchaseDate'));
    expect(keys(last)).toEqual(['ask-production-date']);
    expect(last.replies[0]?.vars).toMatchObject({ graceDays: 90 });
    expect(last.replies[0]?.buttons?.flat().map((b) => b.data)).toEqual(['skip:productionDate']);
    expect(state.flow).toMatchObject({ field: 'productionDate', draft: { purchaseDate: null } });
  });

  it.each([['生产日期 2025.06'], ['MFG 06/2025'], ['202506']])(
    'reads the nameplate’s %s and moves on',
    (answer) => {
      const { state } = play(atPurchase(), press('skip:purchaseDate'), text(answer));
      expect(state.flow).toMatchObject({
        field: 'address',
        draft: { productionDate: { from: '2025-06-01', to: '2025-06-30', precision: 'month' } },
      });
    },
  );

  it('keeps a nameplate photo sent at the question and asks for the date it shows', () => {
    const { last, state } = play(atPurchase(), press('skip:purchaseDate'), {
      type: 'photo',
      fileId: 'N1',
    });
    expect(keys(last)).toEqual(['photo-nameplate-need-date', 'ask-production-date']);
    expect(state.flow).toMatchObject({
      field: 'productionDate',
      draft: { nameplatePhotos: ['N1'] },
    });
  });

  it('does not ask for a production date when there is a purchase date', () => {
    const { state } = play(atPurchase(), text('2025-09-14'));
    expect(state.flow).toMatchObject({ field: 'address' });
  });

  it('lets the customer edit the production date from the summary', () => {
    const review = play(
      atPurchase(),
      press('skip:purchaseDate'),
      text('2025.06'),
      text('Flat 3A, 8 Queen Road, Central, Hong Kong'),
      text('tomorrow morning'),
      press('skip:invoice'),
    );
    const buttons = review.last.replies[0]?.buttons?.flat().map((b) => b.data) ?? [];
    expect(buttons).toContain('edit:productionDate');
    expect(buttons).not.toContain('edit:purchaseDay');
    const edited = play(review.state, press('edit:productionDate'), text('2025.08'));
    expect(keys(edited.last)).toEqual(['review']);
    expect(edited.state.flow).toMatchObject({
      kind: 'review',
      draft: { productionDate: { from: '2025-08-01' } },
    });
  });
});

describe('item 4: "broken again" while another ticket is being prepared', () => {
  const play = playWith(context);
  const tv = { category: 'tv' as const, symptomId: 'tv.no-signal', description: 'tv no signal' };
  const brokenAgain: ConversationEvent = {
    type: 'checkback',
    outcome: 'still_broken',
    guidance: tv,
  };

  it('adds it to the draft being prepared and goes on with the pending question', () => {
    const intake = intakeAt('name');
    const { last } = play(intake, brokenAgain);
    expect(keys(last)).toEqual(['checkback-still-broken-added', 'ask-name']);
    expect(last.state.flow).toMatchObject({
      kind: 'intake',
      field: 'name',
      draft: { description: 'washer leaks', alsoBroken: [tv] },
    });
  });

  it('shows both problems in the summary and files both with the ticket', () => {
    const atReview = play(
      intakeAt('address', {
        name: 'Ann',
        phone: '+85291234567',
        model: 'XQG100-B12866',
        purchaseDate: null,
        productionDate: null,
      }),
      brokenAgain,
      text('Flat 3A, 8 Queen Road, Central, Hong Kong'),
      text('tomorrow morning'),
      press('skip:invoice'),
    );
    expect(keys(atReview.last)).toEqual(['review']);
    expect(atReview.last.replies[0]?.vars).toMatchObject({
      description: 'washer leaks',
      also: 'tv no signal',
    });
    const [filed] = play(atReview.state, press('confirm')).last.effects;
    if (filed?.type !== 'file-ticket') throw new Error('expected a ticket');
    expect(ticketDescription(filed.draft)).toBe('washer leaks\n+ tv no signal');
  });

  it('adds it at the summary too, and shows the summary again', () => {
    const review = { ...initialState('en'), flow: { kind: 'review' as const, draft: draftOf() } };
    const { last } = play(review, brokenAgain);
    expect(keys(last)).toEqual(['checkback-still-broken-added', 'review']);
    expect(last.replies[1]?.vars).toMatchObject({ also: 'tv no signal' });
  });

  it('keeps the thread when the check-back says it still works', () => {
    const { last } = play(intakeAt('phone'), { ...brokenAgain, outcome: 'working' });
    expect(keys(last)).toEqual(['checkback-working', 'ask-phone']);
  });
});

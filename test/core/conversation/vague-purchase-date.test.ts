import { describe, expect, it } from 'vitest';
import { type ConversationEvent, decideDraftWarranty } from '../../../core/index.ts';
import { intakeAt, keys, playWith } from '../../support/conversation.ts';
import { realTurnContext } from '../../support/turn-context.ts';

/** Reported 2026-03-10 (the real turn context's today): a washer, its 12-month whole-unit term. */
const context = realTurnContext();
const play = playWith(context);
const text = (value: string): ConversationEvent => ({ type: 'text', text: value });
const press = (data: string): ConversationEvent => ({ type: 'button', data });
const atPurchase = () =>
  intakeAt('purchaseDate', { name: 'Ann', phone: '+85291234567', model: 'XQG100-B12866' });

describe('review9 H2: "一年多了" is a period, and the answer depends on the day', () => {
  it.each([
    ['一年多了'],
    ['买了一年多'],
    ['over a year ago'],
    ['大概一年前'],
    ['about a year ago'],
  ])('asks for the exact day after %j (a purchase on 2025-03-10 is covered to today)', (answer) => {
    const { last, state } = play(atPurchase(), text(answer));
    expect(keys(last)).toEqual(['ask-purchase-day']);
    expect(last.replies[0]?.vars).toMatchObject({ date: '2025-03-10' });
    expect(state.flow).toMatchObject({
      field: 'purchaseDay',
      draft: { purchaseDayMatters: '2025-03-10' },
    });
  });

  it('keeps the whole period when the day is not known, and the answer is never a plain "free"', () => {
    const { state } = play(atPurchase(), text('一年多了'), press('skip:purchaseDay'));
    if (state.flow.kind !== 'intake') throw new Error('expected the intake');
    const { draft } = state.flow;
    expect(draft.purchaseDate).toEqual({
      from: '2024-03-11',
      to: '2025-03-10',
      precision: 'year',
      approximate: true,
    });
    const decided = decideDraftWarranty(draft, context.today, context.policy);
    // Covered is said only for purchases from 2025-03-10; before it, no charge is stated.
    expect(decided?.decision).toMatchObject({
      covered: true,
      period: { from: '2024-03-11', holdsFrom: '2025-03-10', basis: 'purchase' },
    });
  });

  it('does not ask for the day when every day of the period gets the same answer (两年多前)', () => {
    const { state } = play(atPurchase(), text('两年多前'));
    expect(state.flow).toMatchObject({
      field: 'address',
      draft: { purchaseDate: { from: '2023-03-11', to: '2024-03-10', precision: 'year' } },
    });
  });
});

describe('review9 M1: everyday dates in the intake', () => {
  it.each([
    // A shopping day: the order day and the week of delivery after it (the invoice's date).
    ['去年双十一买的', '2025-11-11', '2025-11-18'],
    ['舊年聖誕買嘅', '2025-12-25', '2025-12-25'],
    ['Black Friday last year', '2025-11-28', '2025-12-05'],
    ['去年国庆', '2025-10-01', '2025-10-07'],
  ])('takes %j and goes on to the address', (answer, from, to) => {
    const { state } = play(atPurchase(), text(answer));
    expect(state.flow).toMatchObject({ field: 'address', draft: { purchaseDate: { from, to } } });
  });

  it.each([
    ['去年年货节', 'error-date-unparseable'],
    ['Easter last year', 'error-date-unparseable'],
    ['今年圣诞', 'error-date-future'],
  ])('asks again after %j (%s), inventing no date', (answer, error) => {
    const { last, state } = play(atPurchase(), text(answer));
    expect(keys(last)).toEqual([error, 'ask-purchase-date']);
    expect(state.flow).toMatchObject({ field: 'purchaseDate' });
    if (state.flow.kind === 'intake') expect(state.flow.draft.purchaseDate).toBeUndefined();
  });
});

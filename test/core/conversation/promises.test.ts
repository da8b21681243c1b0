import { describe, expect, it } from 'vitest';
import { type ConversationEvent, initialState, type TurnContext } from '../../../core/index.ts';
import { intakeAt, keys, playWith } from '../../support/conversation.ts';
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

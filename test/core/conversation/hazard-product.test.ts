import { describe, expect, it } from 'vitest';
import {
  type ConversationEvent,
  type ConversationState,
  type Draft,
  encodeButton,
  initialState,
} from '../../../core/index.ts';
import { intakeAt, keys, playWith } from '../../support/conversation.ts';
import { realTurnContext } from '../../support/turn-context.ts';

const context = realTurnContext();
const play = playWith(context);

/** A chat that talked about the fridge before (its product remembered), nothing in progress. */
const rememberedFridge = (locale: 'en' | 'zh-Hans' | 'zh-Hant'): ConversationState => ({
  ...initialState(locale),
  category: 'refrigerator',
});

const draftOf = (state: ConversationState): Draft | undefined =>
  state.flow.kind === 'intake' || state.flow.kind === 'review' ? state.flow.draft : undefined;

/**
 * Issue 9 item 1: the safety text is for the product the customer has. A product remembered from
 * an earlier conversation is a guess for a hazard whose words name none.
 */
describe('a hazard gets the safety steps of the product its words name, else the generic text', () => {
  it.each([
    { from: rememberedFridge('en'), text: 'smells like gas in the kitchen', product: undefined },
    { from: rememberedFridge('en'), text: 'I got an electric shock', product: undefined },
    { from: rememberedFridge('zh-Hans'), text: '冒烟了', product: undefined },
    { from: rememberedFridge('zh-Hant'), text: '有陣燒焦味', product: undefined },
    {
      from: rememberedFridge('en'),
      text: 'smoke is coming out of the back of the fridge',
      product: 'refrigerator',
    },
    { from: initialState('en'), text: 'the water heater smells of gas', product: 'water_heater' },
    // A hazard in an answer during the intake is about the product of that ticket.
    {
      from: intakeAt('address'),
      text: "there's smoke coming out of it now",
      product: 'washing_machine',
    },
  ] as const)('"$text" → $product', ({ from, text, product }) => {
    const { last } = play(from, { type: 'text', text });
    const replies = keys(last);
    expect(replies[0]).toBe('hazard-first');
    const safety = context.catalogue.category(product ?? 'refrigerator')?.safety ?? [];
    if (product) {
      expect(replies.filter((key) => key === 'hazard-step')).toHaveLength(safety.length);
      expect(replies).not.toContain('hazard-generic');
      expect(draftOf(last.state)?.category).toBe(product);
    } else {
      expect(replies).toContain('hazard-generic');
      expect(replies).not.toContain('hazard-step');
      // No guessed product is filed: the urgent intake asks for it after who and where.
      expect(draftOf(last.state)?.category).toBeUndefined();
      expect(last.state.category).toBeUndefined();
    }
    expect(draftOf(last.state)).toMatchObject({ urgent: true, label: 'hazard' });
  });
});

/**
 * A hazard told during another product's guidance or quick checks is a ticket about the hazard's
 * product: the earlier product's words, steps ruled out and photos stay out of it. About the same
 * product the earlier words go with it.
 */
describe("a hazard interrupting another product's guidance files only its own words", () => {
  const stepDone: ConversationEvent = {
    type: 'button',
    data: encodeButton({ action: 'guide', choice: 'next' }),
  };
  it.each([
    {
      locale: 'en',
      report: 'my dishwasher leaves a white film on the glasses',
      danger: 'now there is a burning smell coming from the water heater',
      product: 'water_heater',
    },
    {
      locale: 'zh-Hans',
      report: '洗碗机洗完杯子上有一层白膜',
      danger: '我家热水器有股烧焦的味道',
      product: 'water_heater',
    },
    {
      locale: 'zh-Hant',
      report: '洗碗機洗完啲杯有層白膜',
      danger: '個熱水爐有陣燒焦味',
      product: 'water_heater',
    },
  ] as const)('$locale: "$danger"', ({ locale, report, danger, product }) => {
    const guided = play(initialState(locale), { type: 'text', text: report }, stepDone, {
      type: 'photo',
      fileId: 'glass-photo',
    });
    expect(guided.state.flow).toMatchObject({ kind: 'guide', category: 'dishwasher' });
    const { last } = play(guided.state, { type: 'text', text: danger });
    expect(keys(last)[0]).toBe('hazard-first');
    const draft = draftOf(last.state);
    expect(draft).toMatchObject({ urgent: true, category: product, description: danger });
    expect(draft?.ruledOut ?? []).toEqual([]);
    expect(draft?.otherPhotos).toEqual([]);
  });

  it.each([
    {
      report: 'my dishwasher leaves a white film on the glasses',
      danger: 'and now the dishwasher smells of burning plastic',
    },
    { report: '洗碗机洗完杯子上有一层白膜', danger: '现在洗碗机有股烧焦的塑料味' },
  ])('about the same product the earlier words go with it: "$danger"', ({ report, danger }) => {
    const guided = play(initialState('en'), { type: 'text', text: report }, stepDone);
    const { last } = play(guided.state, { type: 'text', text: danger });
    expect(keys(last)[0]).toBe('hazard-first');
    expect(draftOf(last.state)).toMatchObject({
      category: 'dishwasher',
      description: `${report}\n${danger}`,
    });
    expect(draftOf(last.state)?.ruledOut?.length).toBeGreaterThan(0);
  });
});

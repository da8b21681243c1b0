import { describe, expect, it } from 'vitest';
import { stem } from '../../../core/triage/text/english.ts';
import { createNormaliser } from '../../../core/triage/text/normalise.ts';
import { createTypoCorrector, editDistance } from '../../../core/triage/text/typo.ts';
import { fixtureLexicon } from '../../support/triage-fixture.ts';

const normalise = createNormaliser(fixtureLexicon(), 2000);

describe('normalisation', () => {
  it.each([
    ['Traditional to Simplified', '冰箱不製冷', '冰箱不制冷'],
    ['Cantonese words', '點解部機唔凍', '为什么部机不冷'],
    ['regional product words', '雪櫃', '冰箱'],
    ['冷氣機 to 空调', '冷氣機壞咗', '空调坏了'],
    ['熱水爐 to 热水器, 冇 to 没', '熱水爐冇熱水', '热水器没热水'],
    ['full-width Latin', 'ＥＲＲＯＲ Ｅ１', 'error e1'],
    ['English contractions', "Won't start", 'wo not start'],
    ['"V不了" to "不V"', '加热不了', '不加热'],
    ['"V不了" moves only a one-character verb', '电视开不了', '电视不开'],
    ['"V不了" keeps the product word (Cantonese 開唔到)', '電視開唔到機', '电视不开机'],
    ['"V不了" with a known two-character verb', '空调制冷不了', '空调不制冷'],
    ['"V不了" inside a phrase', '洗衣机脱不了水', '洗衣机不脱水'],
    ['"V不了" leaves fixed phrases', '吵得受不了', '吵得受不了'],
  ])('%s', (_, input, expected) => {
    expect(normalise(input).text).toBe(expected);
  });

  it('cuts long input and says so', () => {
    const out = normalise('a'.repeat(3000));
    expect(out.truncated).toBe(true);
    expect(out.text.length).toBe(2000);
  });
});

describe('English stemming', () => {
  it.each([
    ['leaking', 'leak'],
    ['leaks', 'leak'],
    ['leaked', 'leak'],
    ['freezing', 'freez'],
    ['freeze', 'freez'],
    ['stopped', 'stop'],
    ['batteries', 'battery'],
    ['heater', 'heater'],
    ['washer', 'washer'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('typo tolerance', () => {
  const correct = createTypoCorrector(['refrigerator', 'washer', 'draining', 'cooling']);
  it.each([
    ['refrigerater', 'refrigerator'],
    ['wahser', 'washer'],
    ['drainning', 'draining'],
    ['coolling', 'cooling'],
  ])('%s → %s', (typo, expected) => {
    expect(correct(typo)).toBe(expected);
  });
  it('leaves a word alone when the edit would be at its first or last letter', () => {
    const product = createTypoCorrector(['water', 'telly', 'driver', 'freeze']);
    expect(product('later')).toBeUndefined();
    expect(product('tells')).toBeUndefined();
    expect(product('river')).toBeUndefined();
    expect(product('freese')).toBe('freeze');
  });
  it('leaves short words and far-off words alone', () => {
    expect(correct('wshr')).toBeUndefined();
    expect(correct('toaster')).toBeUndefined();
  });
  it('leaves a real English word alone: it is another word, not a typo', () => {
    const vocabulary = ['smoke', 'shock', 'thinks', 'clover', 'trane', 'raid', 'television'];
    const real = new Set(['spoke', 'shook', 'things', 'cover', 'trace', 'rapid']);
    const guarded = createTypoCorrector(vocabulary, 5, real);
    for (const word of real) expect(guarded(word)).toBeUndefined();
    expect(guarded('televsion')).toBe('television');
    const unguarded = createTypoCorrector(vocabulary);
    expect([...real].map(unguarded)).toEqual([
      'smoke',
      'shock',
      'thinks',
      'clover',
      'trane',
      'raid',
    ]);
  });
  it('measures transpositions as one edit', () => {
    expect(editDistance('ab', 'ba', 1)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import { createTriageEngine } from '../../../core/index.ts';

const { catalogue, lexicon } = loadTriageContent();
const engine = createTriageEngine(catalogue, { lexicon });

/** Safety first: ways customers describe danger that must always read as a hazard. */
const HAZARDS = [
  '冰箱外壳带电',
  '热水器外壳有电，手摸上去麻麻的',
  '洗衣机摸着有电',
  '煤气泄露了',
  '燃气热水器那边有煤气的味道',
  '電視後面冒煙',
  '雪櫃插頭燒焦咗',
  'gas odour near the water heater',
  'burning odor from the tv',
  'flames came out of the microwave',
  'smoldering smell from the dishwasher',
  'the laptop battery is swollen and the case is bulging',
  'I did not notice the burning smell until today, it is strong now',
  '之前没闻到焦味，现在很明显',
  'water is dripping onto the socket behind the washer',
];

/** Negated danger is not danger: these are faults or misuse, not hazards. */
const NOT_HAZARDS = [
  "no smoke, no burning smell, the tv just won't turn on",
  '冰箱没有焦味，就是不制冷',
  'no sparks or smoke, the microwave just does not heat',
];

describe('hazard wording', () => {
  it.each(HAZARDS)('reads %j as a hazard', (text) => {
    expect(engine.classify(text).label).toBe('hazard');
  });
  it.each(NOT_HAZARDS)('reads negated danger %j as no hazard', (text) => {
    expect(engine.classify(text).label).not.toBe('hazard');
  });
});

describe('water and electrics', () => {
  it.each([
    'washer leaked water onto the power socket',
    'water is dripping from the geyser onto the switch box',
    '水漏到插座上了',
  ])('reads %j as a hazard', (text) => {
    expect(engine.classify(text).label).toBe('hazard');
  });
  it('does not read "switched on at the plug" in a water heater message as water on electrics', () => {
    expect(
      engine.classify('geyser switched on at the plug but water still cold after 10 min').label,
    ).not.toBe('hazard');
  });
});

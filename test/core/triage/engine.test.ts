import { describe, expect, it } from 'vitest';
import { createTriageEngine, type Label } from '../../../core/index.ts';
import { FIXTURE_CATALOGUE, fixtureLexicon } from '../../support/triage-fixture.ts';

const engine = createTriageEngine(FIXTURE_CATALOGUE, { lexicon: fixtureLexicon() });

describe('embedded triage engine (fixture catalogue)', () => {
  const cases: [string, string, Label, string | null][] = [
    ['zh misuse', '冰箱冷藏室的饮料都冻成冰了', 'misuse', 'refrigerator'],
    [
      'en misuse',
      'my fridge keeps beeping, the door does not close properly',
      'misuse',
      'refrigerator',
    ],
    ['zh fault', '冰箱不制冷了，压缩机也不启动', 'fault', 'refrigerator'],
    ['en fault', 'washer drum not spinning, the motor just hums', 'fault', 'washing_machine'],
    ['zh hazard', '洗衣机后面冒烟了', 'hazard', 'washing_machine'],
    ['en hazard', 'sparks came out of the fridge plug', 'hazard', 'refrigerator'],
    ['Traditional script', '冰箱不製冷了，壓縮機不啟動', 'fault', 'refrigerator'],
    ['Cantonese with a regional product word', '雪櫃冇電，燈都唔著', 'misuse', 'refrigerator'],
    ['Cantonese hazard', '洗衣機有燶味', 'hazard', 'washing_machine'],
    ['mixed language', '洗衣机 not draining, 里面都是水', 'misuse', 'washing_machine'],
    ['English typo', 'my refrigerater is not coolling', 'fault', 'refrigerator'],
  ];
  it.each(cases)('reads %s', (_, text, label, category) => {
    const result = engine.classify(text);
    expect(result.label).toBe(label);
    expect(result.category?.id ?? null).toBe(category);
  });

  const negated: [string, string][] = [
    ['en "no smoke"', 'no smoke, but the fridge is not cooling'],
    ['en "no sign of"', 'there is no sign of smoke or burning smell, fridge just warm'],
    ['zh 没有焦味', '冰箱不制冷，没有焦味'],
    ['Cantonese 冇燒焦味', '雪櫃唔凍，冇燒焦味'],
    ['zh coordination 没有冒烟或焦味', '冰箱不冷了，没有冒烟或焦味'],
  ];
  it.each(negated)('does not make a hazard of a negated hazard word: %s', (_, text) => {
    const result = engine.classify(text);
    expect(result.label).not.toBe('hazard');
    expect(result.cues.negatedHazards.length).toBeGreaterThan(0);
  });

  it('lets a hazard word win over a misuse match', () => {
    expect(engine.classify('fridge keeps beeping and now there is smoke').label).toBe('hazard');
  });

  it('keeps a hazard when only another hazard word is negated', () => {
    expect(engine.classify('no smoke, but I got an electric shock from the washer').label).toBe(
      'hazard',
    );
  });

  it('reads water on electrics as a hazard, but not a product name containing "water"', () => {
    expect(engine.classify('washer leaked water onto the power socket').label).toBe('hazard');
    expect(engine.classify('water left in the washer drum after the cycle').label).not.toBe(
      'hazard',
    );
  });

  const tried: [string, string][] = [
    ['zh', '冰箱完全不工作，已经换了插座也不行'],
    ['en outlet', 'fridge completely dead, tried another outlet'],
    ['en breaker', 'fridge has no power, the breaker is fine'],
    ['en settings', 'washer will not start, settings are correct'],
    ['Cantonese', '雪櫃冇電，換咗插座都唔得'],
  ];
  it.each(tried)('pushes to fault when the customer already did the checks (%s)', (_, text) => {
    const result = engine.classify(text);
    expect(result.cues.alreadyTried).toBe(true);
    expect(result.label).toBe('fault');
  });

  it('takes the category from a model number', () => {
    const result = engine.classify('XQG100-B12866 不转了');
    expect(result.category?.id).toBe('washing_machine');
    expect(result.cues.modelNumber).toBe('XQG100-B12866');
    expect(result.cues.categoryEvidence).toContain('model');
  });

  it('uses the session category when the text names no product', () => {
    const text = '一直滴滴响';
    expect(engine.classify(text, { category: 'refrigerator' }).category?.id).toBe('refrigerator');
    expect(engine.classify(text, { category: 'refrigerator' }).cues.categoryEvidence).toContain(
      'session',
    );
  });

  it('prefers a product the customer names over the session category', () => {
    expect(engine.classify('洗衣机不排水', { category: 'refrigerator' }).category?.id).toBe(
      'washing_machine',
    );
  });

  it('reads an error code it does not know as a fault', () => {
    const result = engine.classify('washer stopped and shows E99');
    expect(result.label).toBe('fault');
    expect(result.cues.unknownErrorCode).not.toBeNull();
  });

  it.each([
    ['empty', ''],
    ['whitespace', '   \n '],
    ['emoji only', '😡😡😡🙏'],
    ['punctuation only', '？？？!!!'],
  ])('handles %s input without a category or a guess', (_, text) => {
    const result = engine.classify(text);
    expect(result.category).toBeNull();
    expect(result.symptom).toBeNull();
    expect(result.label).toBe('fault');
  });

  it('cuts very long input and still classifies it', () => {
    const text = `冰箱后面冒烟了。${'今天天气很好，'.repeat(2000)}`;
    const result = engine.classify(text);
    expect(result.truncated).toBe(true);
    expect(result.label).toBe('hazard');
  });

  it('reports Traditional script so replies can follow it', () => {
    expect(engine.classify('洗衣機漏水').traditional).toBe(true);
    expect(engine.classify('洗衣机漏水').traditional).toBe(false);
  });

  it('gives a runner-up with lower confidence', () => {
    const result = engine.classify('冰箱不制冷了');
    expect(result.symptom?.id).toBe('refrigerator.not-cooling');
    expect(result.symptom?.runnerUp?.confidence ?? 0).toBeLessThan(result.symptom?.confidence ?? 0);
    expect(result.category?.runnerUp?.id).toBe('washing_machine');
  });

  it('is deterministic', () => {
    const text = 'fridge makes a clicking noise at night, is that normal?';
    expect(engine.classify(text)).toEqual(engine.classify(text));
  });
});

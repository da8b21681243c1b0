import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import {
  createTriageEngine,
  DEFAULT_COMBINE,
  DEFAULT_DECISION_THRESHOLDS,
  decideNextStep,
  parseTriageEvalLine,
} from '../../../core/index.ts';

/**
 * The bot's own engine (catalogue, lexicon and the committed learned model): reports whose route
 * the cost rule fixes must keep it after every retrain of the model.
 */
const { catalogue, lexicon, model, content } = loadTriageContent();
const engine = createTriageEngine(catalogue, { lexicon, model });
const next = (text: string) =>
  decideNextStep(engine.classify(text), { content, alreadyAsked: false, guidanceFailed: false });

describe('routing on the bot’s engine, whatever the model learned', () => {
  it.each([
    'washer shows E21 and will not drain, I already cleaned the filter',
    'The washing machine shows error E21 and the drum does not turn at all, already restarted it twice',
    'my air conditioner is leaking water indoors and shows E1, already cleaned the filter',
  ])(
    'sends a report with the checks done and an error code still shown to an engineer: %s',
    (text) => {
      expect(next(text).kind).toBe('escalate');
    },
  );

  it.each(['my fridge is not cooling', '雪櫃唔凍'])(
    'gives a bare fault report its quick checks first: %s',
    (text) => {
      expect(next(text).kind).toBe('checks');
    },
  );

  // Issue 8: a report that is not unmistakably a defect gets its quick checks first — in every
  // script alike. The model, which learned the catalogue's short phrases, is surer of a bare
  // Chinese symptom than of the same in English (P(fault) 0.67 against 0.50 for a fridge).
  it.each([
    ['zh-Hans', '冰箱不制冷了', '冰箱不制冷了，压缩机换过了'],
    ['zh-Hans', '空调不制冷', '空调不制冷，已经清洗过滤网了'],
    ['zh-Hans', '洗衣机不转了', '洗衣机不转了，电机嗡嗡响'],
    ['zh-Hans', '微波炉不加热', '微波炉转盘转灯亮但是不加热'],
    ['zh-Hans', '电脑开不了机', '电脑开不了机，主板烧了'],
    ['zh-Hant', '冰箱不製冷了', '冰箱不製冷了，壓縮機換過了'],
    ['zh-Hant', '雪櫃唔凍', '雪櫃唔凍，換咗壓縮機都係咁'],
    ['zh-Hant', '冷氣唔凍', '冷氣唔凍，銅喉接口有油'],
    ['zh-Hant', '洗衣機唔轉', '洗衣機唔轉，個摩打嗡嗡聲'],
    ['zh-Hant', '微波爐唔熱', '微波爐唔熱，已經試過重新開機'],
    ['en', 'the fridge is not cooling', 'the fridge is not cooling, compressor was replaced'],
    [
      'en',
      'the air conditioner is not cooling',
      'the air conditioner is not cooling, I already cleaned the filter',
    ],
    ['en', "the washer won't spin", "the washer won't spin, the motor just hums"],
    [
      'en',
      'the microwave is not heating',
      'the microwave runs and the plate turns but the food stays cold',
    ],
    ['en', "my laptop won't turn on", "my laptop won't turn on, the motherboard is fried"],
  ])(
    '%s: a bare symptom gets its quick checks (%s); with a defect sign it goes to an engineer (%s)',
    (_, bare, defect) => {
      const read = engine.classify(bare);
      expect(read.cues.defects).toEqual([]);
      expect(read.cues.words).toBeLessThanOrEqual(DEFAULT_DECISION_THRESHOLDS.bareWords);
      expect(next(bare).kind).toBe('checks');
      expect(engine.classify(defect).cues.defects?.length).toBeGreaterThan(0);
      expect(next(defect)).toMatchObject({ kind: 'escalate', reason: 'fault' });
    },
  );

  it('counts a message’s words alike in every script', () => {
    const words = (text: string) => engine.classify(text).cues.words;
    expect(words('the fridge is not cooling')).toBe(5);
    expect(words('冰箱不制冷了')).toBe(4);
    expect(words('冰箱不製冷了')).toBe(4);
    expect(words('雪櫃唔凍')).toBeCloseTo(8 / 3, 6);
    expect(words('冰箱E5 no cooling')).toBeCloseTo(2 / 1.5 + 3, 6);
  });

  it('weighs the engine’s calibrated probabilities with its own checks cost (the real dev split)', () => {
    const texts = readFileSync(join(import.meta.dirname, '../../support/real/dev.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => parseTriageEvalLine(line))
      .flatMap((c) => (typeof c === 'string' ? [] : [c.text]));
    const logit = (p: number) => Math.log(p / (1 - p));
    const { visitCost, checksCost } = DEFAULT_DECISION_THRESHOLDS;
    const line = visitCost / (visitCost + checksCost);
    let weighed = 0;
    let atOnce = 0;
    let checksFirst = 0;
    for (const text of texts) {
      const result = engine.classify(text, { explain: true });
      if (result.explanation?.rule !== 'weighed') continue;
      weighed += 1;
      const p = result.labelProbabilities;
      if (!p) throw new Error(`no probabilities for a weighed message: ${text}`);
      // The probabilities are the weighing's share scaled by the calibration; the label's
      // confidence is the unscaled share.
      const share = result.label === 'misuse' ? result.labelConfidence : 1 - result.labelConfidence;
      // Compared as probabilities: a share near 0 or 1 loses digits in its logit (a dev message of
      // the fourteenth round differs there by 5e-6), which the scaled probability hardly shows (one
      // of the twentieth round, its share 1 − 2.5e-13 read back from the confidence, by 6e-7).
      const scaled = 1 / (1 + Math.exp(-DEFAULT_COMBINE.scale * logit(share)));
      expect(p.misuse).toBeCloseTo(scaled, 5);
      const { kind } = next(text);
      // The cost rule's cases: a fault with no defect sign, its product known, no person asked for.
      if (
        result.label !== 'fault' ||
        (result.cues.defects ?? []).length > 0 ||
        (result.cues.words ?? 0) <= DEFAULT_DECISION_THRESHOLDS.bareWords ||
        result.cues.wantsPerson ||
        (result.category?.confidence ?? 0) < DEFAULT_DECISION_THRESHOLDS.category
      )
        continue;
      // It goes at once exactly when it is above the cost rule's line.
      if (p.fault > line) {
        expect(kind).toBe('escalate');
        atOnce += 1;
      } else {
        expect(kind).not.toBe('escalate');
        checksFirst += 1;
      }
    }
    expect(weighed).toBeGreaterThan(100);
    expect(atOnce).toBeGreaterThan(0);
    expect(checksFirst).toBeGreaterThan(0);
  });
});

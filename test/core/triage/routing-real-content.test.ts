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
      expect(logit(p.misuse)).toBeCloseTo(DEFAULT_COMBINE.scale * logit(share), 6);
      const { kind } = next(text);
      // The cost rule's cases: a fault with no defect sign, its product known, no person asked for.
      if (
        result.label !== 'fault' ||
        (result.cues.defects ?? []).length > 0 ||
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

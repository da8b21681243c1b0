import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import {
  createTriageEngine,
  parseTriageEvalLine,
  scoreTriage,
  type TriageEvalCase,
} from '../../../core/index.ts';

const { catalogue, lexicon } = loadTriageContent();
const engine = createTriageEngine(catalogue, { lexicon });

describe('embedded engine on the real catalogue', () => {
  it('meets the targets on the held-out extra set (test/support/triage-extra.jsonl)', () => {
    const cases = readFileSync(new URL('../../support/triage-extra.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => parseTriageEvalLine(line) as TriageEvalCase);
    const { metrics } = scoreTriage(
      cases,
      cases.map((c) => engine.classify(c.text)),
    );
    expect(metrics.n).toBeGreaterThanOrEqual(60);
    expect(metrics.hazard_recall).toBe(1);
    expect(metrics.label_accuracy).toBeGreaterThanOrEqual(0.9);
    expect(metrics.category_accuracy).toBeGreaterThanOrEqual(0.95);
    expect(metrics.misuse_precision).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    ['BCD-470WDPG 不制冷', 'refrigerator'],
    ['KFR-35GW/BP3DN8Y 开机就停', 'air_conditioner'],
    ['XQG100-B12866 shows an error', 'washing_machine'],
  ])('takes the category from the model number in %s', (text, category) => {
    const result = engine.classify(text);
    expect(result.category?.id).toBe(category);
    expect(result.cues.categoryEvidence).toContain('model');
  });

  it.each([
    ['冰箱不制冷，没有焦味', 'refrigerator'],
    ['the TV has no picture, no smoke and no burning smell', 'tv'],
    ['熱水爐唔熱，冇燒焦味', 'water_heater'],
  ])('does not make a hazard of "%s"', (text, category) => {
    const result = engine.classify(text);
    expect(result.label).not.toBe('hazard');
    expect(result.category?.id).toBe(category);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import {
  createTriageEngine,
  firstMessageSteps,
  parseTriageEvalLine,
  scoreTriage,
} from '../../../core/index.ts';

const { catalogue, lexicon, model, content } = loadTriageContent();
const engine = createTriageEngine(catalogue, { lexicon, model });

/**
 * Regression floors on the real set's splits the engine was tuned on (README "Triage"): a little
 * below what the committed engine reaches, so a change that loses ground on real customers' words
 * fails here. The test split has no floor: it is reported, never worked against.
 */
describe.each([
  [
    'train',
    {
      label: 0.91,
      category: 0.98,
      // 0.99 since the fourteenth round: two old train hazards the net does not read (a breaker
      // "thrown" at random, a screaming spin) were the model's, and its retrained weights no longer
      // add them; the net reads every other.
      hazardFirst: 0.99,
      falseAlarm: 0.05,
      selfService: 0.87,
      // The calibration refitted 0.18 → 0.13 with the tenth round moves the cost rule's point along
      // its curve (more checks first): train's fault_direct 0.80 → 0.70, mss 0.90 → 0.91. 0.63
      // after the fifteenth round (88 of its 152 misuses, most in train): 0.775 → 0.651, mss
      // 0.885 → 0.917; grouped CV's fault_direct stayed 0.40 (0.405 → 0.402).
      direct: 0.63,
    },
  ],
  [
    'dev',
    {
      // 0.725 after the tenth round: its 17 dev messages were scored 0.29 unseen (0.759 on the 274).
      // 0.73 after the seventeenth round (0.760 on the 446).
      label: 0.73,
      // 0.929 after the seventh round (was 0.937 on the 237); 0.945 with the category head's own
      // settings on the 361 (0.939 before). 0.92 after the fifteenth round (0.928 on the 414): its
      // dev lines include TV boxes told by their firmware and streaming apps, read as network or
      // computer. 0.925 with the category hints, model numbers and TV names (0.932).
      category: 0.925,
      // 0.969 after the thirteenth round, 0.979 with the hinted learned hazard at 0.25; 0.973 on
      // the 593 after the twenty-third (its recorder whose switcher IC "blew its top" is read).
      hazardFirst: 0.97,
      // 0.07 with the danger-evidence gate (0.049 on the 446 after the seventeenth round).
      falseAlarm: 0.07,
      // 0.826 on the 446 after the seventeenth round; 0.792 on the 484 after the nineteenth, with
      // the checks cost 0.65 → 0.70 (its fault_direct 0.421 → 0.511); 0.835 on the 530 after the
      // twentieth, with the cost back at 0.65.
      selfService: 0.77,
      // 0.505 → 0.410 with the refitted calibration, mss 0.761 → 0.780; 0.511 (above); 0.423 on the
      // 530 after the twentieth round at cost 0.65 (its dev faults are long stories, weighed less
      // surely; mss 0.835).
      direct: 0.42,
    },
  ],
])('the real %s split', (split, floor) => {
  const cases = readFileSync(join(import.meta.dirname, `../../support/real/${split}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => parseTriageEvalLine(line));
  const valid = cases.filter((c) => typeof c !== 'string');
  const results = valid.map((c) => engine.classify(c.text));
  const steps = firstMessageSteps(results, content);
  const { metrics } = scoreTriage(valid, results, steps);

  it('is every line a valid evaluation case', () => {
    expect(valid).toHaveLength(cases.length);
  });

  it(`keeps label ≥ ${floor.label}, category ≥ ${floor.category}, hazard_first ≥ ${floor.hazardFirst}, false_alarm ≤ ${floor.falseAlarm}`, () => {
    expect(metrics.label_accuracy).toBeGreaterThanOrEqual(floor.label);
    expect(metrics.category_accuracy).toBeGreaterThanOrEqual(floor.category);
    expect(metrics.hazard_first).toBeGreaterThanOrEqual(floor.hazardFirst);
    expect(metrics.false_alarm).toBeLessThanOrEqual(floor.falseAlarm);
  });

  // The cost rule's trade-off (README "Decide by cost"): misuses kept off an engineer's round
  // against faults sent to one at once; a change to the calibration or the checks cost that
  // gives up either beyond these fails here.
  it(`keeps misuse_self_service ≥ ${floor.selfService} and fault_direct ≥ ${floor.direct}`, () => {
    expect(metrics.misuse_self_service).toBeGreaterThanOrEqual(floor.selfService);
    expect(metrics.fault_direct).toBeGreaterThanOrEqual(floor.direct);
  });
});

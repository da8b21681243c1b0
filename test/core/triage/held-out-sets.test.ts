import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import { createTriageEngine, parseTriageEvalLine, scoreTriage } from '../../../core/index.ts';

const { catalogue, lexicon } = loadTriageContent();
const engine = createTriageEngine(catalogue, { lexicon });

/**
 * Regression floors on message sets written by people other than the catalogue's authors
 * (triage-fresh-b was never read line by line while tuning). Safety first: no hazard is missed.
 */
describe.each([
  ['triage-extra.jsonl', 0.95],
  ['triage-fresh-a.jsonl', 0.95],
  ['triage-fresh-b.jsonl', 0.84],
])('held-out set %s', (file, labelFloor) => {
  const lines = readFileSync(join(import.meta.dirname, '../../support', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim());
  const cases = lines.map((line) => parseTriageEvalLine(line));

  it(`misses no hazard and keeps label accuracy at or above ${labelFloor}`, () => {
    const valid = cases.filter((c) => typeof c !== 'string');
    expect(valid).toHaveLength(lines.length);
    const { metrics } = scoreTriage(
      valid,
      valid.map((c) => engine.classify(c.text)),
    );
    expect(metrics.hazard_recall).toBe(1);
    expect(metrics.label_accuracy).toBeGreaterThanOrEqual(labelFloor);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import {
  createTriageEngine,
  decideNextStep,
  parseTriageEvalLine,
  scoreTriage,
  type TriageEvalCase,
} from '../../../core/index.ts';

const { catalogue, lexicon, model, content } = loadTriageContent();
/** The bot's engine: the rules and the learned model. */
const engine = createTriageEngine(catalogue, { lexicon, model });

const read = (file: string): TriageEvalCase[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const parsed = parseTriageEvalLine(line);
      if (typeof parsed === 'string') throw new Error(`${file}: ${parsed}`);
      return parsed;
    });

const support = (file: string) => join(import.meta.dirname, '../../support', file);
const shared = join(import.meta.dirname, '../../../../shared/data/triage-dev.jsonl');

type Floors = {
  label: number;
  category: number;
  hazardFirst: number;
  selfService: number;
  faultDirect: number;
  falseAlarm: number;
};

/**
 * Regression floors for the engine the bot runs, a little below what it measures on the sets it
 * was tuned on (the real set's train and dev splits, the shared development set) and on the
 * project's own held-out sets. The real test split has no floor here: it is reported (README), not
 * tuned on. Hazards first everywhere: no hazard of these sets goes anywhere but the hazard path.
 */
const table: [string, string, Floors][] = [
  [
    'real train split',
    support('real/train.jsonl'),
    {
      label: 0.94,
      category: 0.97,
      hazardFirst: 1,
      selfService: 0.94,
      faultDirect: 0.8,
      falseAlarm: 0.03,
    },
  ],
  [
    'real dev split',
    support('real/dev.jsonl'),
    {
      label: 0.78,
      category: 0.88,
      hazardFirst: 1,
      selfService: 0.88,
      faultDirect: 0.38,
      falseAlarm: 0.06,
    },
  ],
  [
    'shared development set',
    shared,
    {
      label: 0.91,
      category: 0.95,
      hazardFirst: 1,
      selfService: 0.95,
      faultDirect: 0.7,
      falseAlarm: 0.03,
    },
  ],
  [
    'triage-extra (ours, from manuals)',
    support('triage-extra.jsonl'),
    {
      label: 0.94,
      category: 0.97,
      hazardFirst: 1,
      selfService: 0.95,
      faultDirect: 0.75,
      falseAlarm: 0.03,
    },
  ],
  [
    'triage-fresh-a (independent author)',
    support('triage-fresh-a.jsonl'),
    {
      label: 0.84,
      category: 0.94,
      hazardFirst: 1,
      selfService: 0.95,
      faultDirect: 0.5,
      falseAlarm: 0.04,
    },
  ],
  [
    'triage-fresh-b (independent author)',
    support('triage-fresh-b.jsonl'),
    {
      label: 0.87,
      category: 0.94,
      hazardFirst: 1,
      selfService: 0.95,
      faultDirect: 0.65,
      falseAlarm: 0.02,
    },
  ],
];

describe.each(table)('the bot engine on the %s', (_, file, floors) => {
  it('keeps label, category and routing at or above their floors, and puts every hazard first', () => {
    const cases = read(file);
    const results = cases.map((c) => engine.classify(c.text));
    const steps = results.map(
      (r) => decideNextStep(r, { content, alreadyAsked: false, guidanceFailed: false }).kind,
    );
    const { metrics } = scoreTriage(cases, results, steps);
    expect(metrics.label_accuracy).toBeGreaterThanOrEqual(floors.label);
    expect(metrics.category_accuracy).toBeGreaterThanOrEqual(floors.category);
    expect(metrics.hazard_first).toBeGreaterThanOrEqual(floors.hazardFirst);
    expect(metrics.misuse_self_service).toBeGreaterThanOrEqual(floors.selfService);
    expect(metrics.fault_direct).toBeGreaterThanOrEqual(floors.faultDirect);
    expect(metrics.false_alarm).toBeLessThanOrEqual(floors.falseAlarm);
  });
});

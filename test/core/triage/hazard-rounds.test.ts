import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import { createHazardNet, parseTriageEvalLine, type TriageEvalCase } from '../../../core/index.ts';

const { catalogue, lexicon } = loadTriageContent();
const net = createHazardNet(catalogue, lexicon);

/** A paraphrase round (test/support/hazard-rounds/README.md): hazard reports and near misses. */
function round(name: string): TriageEvalCase[] {
  const file = new URL(`../../support/hazard-rounds/${name}.jsonl`, import.meta.url);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const parsed = parseTriageEvalLine(line);
      if (typeof parsed === 'string') throw new Error(`${name}: ${parsed}`);
      return parsed;
    });
}

/**
 * The rounds the net was generalised from, after they were scored unseen: the net alone keeps every
 * hazard of each and fires on at most the near misses it fires on now (a router "on fire" in
 * jest, a gas smell the customer explains away, a dishwasher's rotten-egg smell in an all-electric
 * house, a fork left in a microwave, a burning smell that was the neighbour's barbecue). A floor, not a measure: the measure of a round is
 * its score before the net was changed for it (README, "Triage").
 */
describe.each([
  ['r1', 1],
  ['r2', 1],
  ['r3', 0],
  ['r4', 2],
  ['r5', 1],
])('hazard paraphrase round %s', (name, calmFired) => {
  const cases = round(name);
  const hazards = cases.filter((c) => c.label === 'hazard');
  const calm = cases.filter((c) => c.label !== 'hazard');

  it('has hazard reports and near misses in every script', () => {
    expect(hazards.length).toBeGreaterThanOrEqual(40);
    expect(calm.length).toBeGreaterThanOrEqual(20);
    expect(new Set(cases.map((c) => c.lang))).toEqual(new Set(['en', 'zh', 'zh-Hant']));
  });

  it.each(hazards.map((c) => [c.id, c.text]))('reads %s as a hazard: %j', (_, text) => {
    expect(net.read(text).hazard).toBe(true);
  });

  it(`fires on at most ${calmFired} of its near misses`, () => {
    expect(calm.filter((c) => net.read(c.text).hazard).length).toBeLessThanOrEqual(calmFired);
  });
});

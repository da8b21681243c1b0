import { describe, expect, it } from 'vitest';
import { fitScale, logLoss, type WeighedCase } from '../../../bot/tools/cv-triage.ts';

/** Held-out cases whose true P(misuse) is sigmoid(`truth` × odds): 100 per odds value. */
function casesAt(truth: number): WeighedCase[] {
  const cases: WeighedCase[] = [];
  for (const odds of [-6, -4, -2, -1, 1, 2, 4, 6]) {
    const misuse = Math.round(100 / (1 + Math.exp(-truth * odds)));
    for (let i = 0; i < 100; i++) cases.push({ odds, misuse: i < misuse });
  }
  return cases;
}

describe('the combination calibration (triage:cv --calibrate)', () => {
  it('finds the scale that makes over-sure log-odds honest', () => {
    const fitted = fitScale(casesAt(0.2));
    expect(fitted.scale).toBeGreaterThanOrEqual(0.18);
    expect(fitted.scale).toBeLessThanOrEqual(0.22);
    expect(fitted.logLoss).toBeLessThan(logLoss(casesAt(0.2), 1));
  });

  it('leaves calibrated log-odds at a scale of about one, the same each time', () => {
    const fitted = fitScale(casesAt(1));
    expect(Math.abs(fitted.scale - 1)).toBeLessThanOrEqual(0.05);
    expect(fitScale(casesAt(1))).toEqual(fitted);
  });
});

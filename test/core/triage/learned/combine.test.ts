import { describe, expect, it } from 'vitest';
import {
  type CombinedLabel,
  combineLabel,
  DEFAULT_COMBINE,
  DEFAULT_DECISION_THRESHOLDS,
  type LearnedLabel,
  type RuleReading,
} from '../../../../core/index.ts';

/** The P(fault) above which the cost rule sends a fault straight to an engineer. */
const SKIP_CHECKS =
  DEFAULT_DECISION_THRESHOLDS.visitCost /
  (DEFAULT_DECISION_THRESHOLDS.visitCost + DEFAULT_DECISION_THRESHOLDS.checksCost);

const rules = (over: Partial<RuleReading> = {}): RuleReading => ({
  hazard: null,
  breakerTrip: false,
  misuseLogOdds: 0,
  ...over,
});
const learned = (misuse: number, fault: number, hazard: number, features = 100): LearnedLabel => ({
  probabilities: { misuse, fault, hazard },
  features,
});

describe('combineLabel', () => {
  const table: [
    string,
    RuleReading,
    LearnedLabel,
    CombinedLabel['label'],
    CombinedLabel['rule'],
  ][] = [
    [
      'hazard words win over a model sure of misuse',
      rules({ hazard: 'words' }),
      learned(0.98, 0.01, 0.01),
      'hazard',
      'hazard_words',
    ],
    [
      'a well-matched hazard symptom wins over a model sure of fault',
      rules({ hazard: 'symptom' }),
      learned(0.01, 0.98, 0.01),
      'hazard',
      'hazard_symptom',
    ],
    [
      'the model may add a hazard the rules missed',
      rules({ misuseLogOdds: 3 }),
      learned(0.6 - DEFAULT_COMBINE.hazard, 0.35, DEFAULT_COMBINE.hazard + 0.05),
      'hazard',
      'learned_hazard',
    ],
    [
      'with a hazard hint (a smell, heat, a pop) the model adds a hazard at its lower threshold',
      rules({ hazardHint: true }),
      learned(0.5, 0.48 - DEFAULT_COMBINE.hintedHazard, DEFAULT_COMBINE.hintedHazard + 0.02),
      'hazard',
      'learned_hazard',
    ],
    [
      'the same probability without a hint adds none',
      rules(),
      learned(0.5, 0.48 - DEFAULT_COMBINE.hintedHazard, DEFAULT_COMBINE.hintedHazard + 0.02),
      'misuse',
      'weighed',
    ],
    [
      'just below the hinted threshold the model adds none',
      rules({ hazardHint: true }),
      learned(0.5, 0.52 - DEFAULT_COMBINE.hintedHazard, DEFAULT_COMBINE.hintedHazard - 0.02),
      'misuse',
      'weighed',
    ],
    [
      'just below its hazard threshold the model adds none',
      rules(),
      learned(0.5, 0.5 - DEFAULT_COMBINE.hazard + 0.06, DEFAULT_COMBINE.hazard - 0.06),
      'misuse',
      'weighed',
    ],
    [
      'a breaker that trips as it runs is a fault whatever the model says',
      rules({ breakerTrip: true, misuseLogOdds: -Infinity }),
      learned(0.95, 0.04, 0.01),
      'fault',
      'breaker_trip',
    ],
    [
      'a model sure of misuse guides when the rules are undecided',
      rules(),
      learned(0.9, 0.08, 0.02),
      'misuse',
      'weighed',
    ],
    [
      'a model sure of fault makes a fault when the rules are undecided',
      rules(),
      learned(0.08, 0.9, 0.02),
      'fault',
      'weighed',
    ],
    [
      'checks already done (rules −8) outweigh a model leaning to misuse',
      rules({ misuseLogOdds: -8 }),
      learned(0.6, 0.38, 0.02),
      'fault',
      'weighed',
    ],
    [
      'a defect sign (a failed part, damage) outweighs a model leaning to misuse',
      rules({ defect: true }),
      learned(0.75, 0.23, 0.02),
      'fault',
      'weighed',
    ],
    [
      'checks already done tip a model that is barely leaning to misuse',
      rules({ alreadyTried: true }),
      learned(0.55, 0.43, 0.02),
      'fault',
      'weighed',
    ],
    [
      'a model all but certain of misuse still outweighs one defect sign',
      rules({ defect: true }),
      learned(0.985, 0.01, 0.005),
      'misuse',
      'weighed',
    ],
    [
      'a model sure of misuse outweighs a mild lean of the rules to fault',
      rules({ misuseLogOdds: -1 }),
      learned(0.95, 0.04, 0.01),
      'misuse',
      'weighed',
    ],
  ];
  it.each(table)('%s', (_, reading, model, label, rule) => {
    const combined = combineLabel(reading, model);
    expect(combined.label).toBe(label);
    expect(combined.rule).toBe(rule);
    const { misuse, fault, hazard } = combined.probabilities;
    expect(misuse + fault + hazard).toBeCloseTo(1, 6);
  });

  it('never turns a hazard the rules saw into anything else, whatever the weights', () => {
    for (const weights of [
      { model: 100, rules: 0, bias: 50 },
      { model: 0, rules: 100, bias: -50 },
    ]) {
      const combined = combineLabel(rules({ hazard: 'words' }), learned(1, 0, 0), {
        ...DEFAULT_COMBINE,
        ...weights,
      });
      expect(combined.label).toBe('hazard');
    }
  });

  it('counts the model less for a message that says little', () => {
    const long = combineLabel(rules(), learned(0.1, 0.88, 0.02, DEFAULT_COMBINE.evidence));
    const short = combineLabel(rules(), learned(0.1, 0.88, 0.02, DEFAULT_COMBINE.evidence / 4));
    expect(long.label).toBe('fault');
    expect(long.probabilities.fault).toBeGreaterThan(SKIP_CHECKS);
    expect(short.probabilities.fault).toBeLessThan(long.probabilities.fault);
  });

  it('calibrates its probabilities by the scale and changes neither the label nor its confidence', () => {
    for (const model of [learned(0.1, 0.88, 0.02), learned(0.7, 0.28, 0.02)]) {
      const raw = combineLabel(rules(), model, { ...DEFAULT_COMBINE, scale: 1 });
      const calibrated = combineLabel(rules(), model, { ...DEFAULT_COMBINE, scale: 0.18 });
      expect(calibrated.label).toBe(raw.label);
      expect(Math.abs(calibrated.probabilities.misuse - 0.5)).toBeLessThan(
        Math.abs(raw.probabilities.misuse - 0.5),
      );
      // The label's confidence, which the guidance threshold reads, is the unscaled share.
      expect(calibrated.confidence).toBe(raw.confidence);
    }
  });

  it('reports misuse and fault probabilities the cost rule can weigh', () => {
    const sure = combineLabel(rules(), learned(0.01, 0.98, 0.01));
    expect(sure.probabilities.fault).toBeGreaterThan(SKIP_CHECKS);
    const unsure = combineLabel(rules(), learned(0.4, 0.58, 0.02));
    expect(unsure.label).toBe('fault');
    expect(unsure.probabilities.fault).toBeLessThan(SKIP_CHECKS);
  });
});

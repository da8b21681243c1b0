import { describe, expect, it } from 'vitest';
import { decideNextStep, type NextStepContext, type TriageResult } from '../../../core/index.ts';
import { fixtureContent } from '../../support/triage-fixture.ts';

const content = fixtureContent();
const context = (over: Partial<NextStepContext> = {}): NextStepContext => ({
  content,
  alreadyAsked: false,
  guidanceFailed: false,
  ...over,
});

function signal(
  over: Partial<Omit<TriageResult, 'cues'>> & { cues?: Partial<TriageResult['cues']> } = {},
): TriageResult {
  const { cues, ...rest } = over;
  return {
    category: { id: 'refrigerator', confidence: 0.95, runnerUp: null },
    symptom: {
      id: 'refrigerator.too-cold',
      confidence: 0.9,
      runnerUp: { id: 'refrigerator.door-alarm', confidence: 0.05 },
    },
    label: 'misuse',
    labelConfidence: 0.9,
    language: 'zh',
    traditional: false,
    truncated: false,
    ...rest,
    cues: {
      hazards: [],
      negatedHazards: [],
      alreadyTried: false,
      errorCode: null,
      unknownErrorCode: null,
      normalQuestion: false,
      wantsPerson: false,
      modelNumber: null,
      categoryEvidence: ['name'],
      ...cues,
    },
  };
}

describe('decideNextStep', () => {
  it('guides a confident misuse with the symptom steps', () => {
    const step = decideNextStep(signal(), context());
    expect(step.kind).toBe('guide');
    if (step.kind === 'guide') {
      expect(step.symptomId).toBe('refrigerator.too-cold');
      expect(step.steps.length).toBeGreaterThan(0);
    }
  });
});

describe('decideNextStep: hazards first', () => {
  it('puts a hazard first, with the named product’s safety steps, even when the customer asks for a person', () => {
    const step = decideNextStep(
      signal({ label: 'hazard', cues: { wantsPerson: true } }),
      context({ guidanceFailed: true }),
    );
    expect(step).toMatchObject({ kind: 'hazard', category: 'refrigerator' });
    if (step.kind === 'hazard') expect(step.instructions?.[0]?.en).toBe('Stop using it now');
  });

  it('leaves the safety text to the generic one for a hazard with no known product', () => {
    const step = decideNextStep(
      signal({ label: 'hazard', category: null, symptom: null }),
      context(),
    );
    expect(step).toEqual({ kind: 'hazard', category: null, instructions: null });
  });

  it('carries no category (and the generic text) when the product is only guessed from the symptom', () => {
    const step = decideNextStep(
      signal({
        label: 'hazard',
        category: { id: 'refrigerator', confidence: 0.6, runnerUp: null },
        cues: { categoryEvidence: ['symptom'] },
      }),
      context(),
    );
    expect(step).toEqual({ kind: 'hazard', category: null, instructions: null });
  });

  it('keeps the product for a hazard whose product is named or set by the chat', () => {
    for (const evidence of [['name'], ['model'], ['session']] as const) {
      const step = decideNextStep(
        signal({
          label: 'hazard',
          category: { id: 'refrigerator', confidence: 0.6, runnerUp: null },
          cues: { categoryEvidence: [...evidence] },
        }),
        context(),
      );
      expect(step).toMatchObject({ kind: 'hazard', category: 'refrigerator' });
    }
  });

  it('takes the hazard path for hazard words whatever label an engine gave', () => {
    const step = decideNextStep(signal({ cues: { hazards: ['smoke'] } }), context());
    expect(step.kind).toBe('hazard');
  });
});

const unsureFault = (over: Parameters<typeof signal>[0] = {}) =>
  signal({
    label: 'fault',
    labelConfidence: 0.7,
    labelProbabilities: { misuse: 0.45, fault: 0.55, hazard: 0 },
    symptom: { id: 'refrigerator.not-cooling', confidence: 0.6, runnerUp: null },
    ...over,
  });

describe('decideNextStep: decide by cost', () => {
  it.each<[string, TriageResult, NextStepContext, string]>([
    [
      'the customer pressed "talk to a person"',
      signal(),
      context({ customerAsked: true }),
      'customer_asked',
    ],
    [
      'the text asks for a person',
      signal({ cues: { wantsPerson: true } }),
      context(),
      'customer_asked',
    ],
    ['guidance failed', signal(), context({ guidanceFailed: true }), 'guidance_failed'],
    [
      'a fault so sure that checks cost more than a likely wasted visit',
      unsureFault({
        labelConfidence: 0.9,
        labelProbabilities: { misuse: 0.1, fault: 0.9, hazard: 0 },
      }),
      context(),
      'fault',
    ],
    [
      'a fault whose checks were already done, symptom unclear',
      unsureFault({
        symptom: { id: 'refrigerator.not-cooling', confidence: 0.1, runnerUp: null },
        cues: { alreadyTried: true, defects: ['already_tried'] },
      }),
      context(),
      'fault',
    ],
    [
      'the checks were done and an error code is still shown, even when the weighing leans to misuse',
      signal({ cues: { alreadyTried: true, defects: ['already_tried'], errorCode: 'e21' } }),
      context(),
      'fault',
    ],
    [
      'the breaker trips as soon as it runs, symptom unclear',
      unsureFault({
        symptom: { id: 'refrigerator.not-cooling', confidence: 0.1, runnerUp: null },
        cues: { breakerTrip: true },
      }),
      context(),
      'fault',
    ],
    ...(
      ['part_replaced', 'physical_damage', 'failing_noise', 'part_code', 'failed_part'] as const
    ).map((cue): [string, TriageResult, NextStepContext, string] => [
      `a fault with ${cue}`,
      unsureFault({ cues: { defects: [cue] } }),
      context(),
      'fault',
    ]),
    [
      'an unknown product after the question',
      signal({ category: null, symptom: null, label: 'fault' }),
      context({ alreadyAsked: true }),
      'unclear_after_question',
    ],
    [
      'a known product whose symptom is still unknown after the question, read as an unsure fault',
      unsureFault({ symptom: null }),
      context({ alreadyAsked: true }),
      'unclear_after_question',
    ],
  ])('escalates at once when %s', (_, s, c, reason) => {
    expect(decideNextStep(s, c)).toMatchObject({ kind: 'escalate', reason });
  });

  it('files checks done with an error code still shown as a fault, not as the misuse it was weighed', () => {
    const step = decideNextStep(
      signal({ cues: { alreadyTried: true, defects: ['already_tried'], errorCode: 'e21' } }),
      context(),
    );
    expect(step).toMatchObject({ kind: 'escalate', reason: 'fault', label: 'fault' });
  });

  it('gives a fault that is not unmistakable its quick checks first', () => {
    const step = decideNextStep(unsureFault(), context());
    expect(step).toMatchObject({
      kind: 'checks',
      category: 'refrigerator',
      symptomId: 'refrigerator.not-cooling',
      label: 'fault',
    });
    if (step.kind === 'checks') {
      expect(step.checks.length).toBeGreaterThanOrEqual(1);
      expect(step.checks.length).toBeLessThanOrEqual(3);
    }
  });

  describe('a bare symptom (a few words, no defect sign)', () => {
    const sure = {
      labelConfidence: 0.98,
      labelProbabilities: { misuse: 0.05, fault: 0.95, hazard: 0 },
    };
    it.each<[string, Parameters<typeof signal>[0], 'checks' | 'escalate']>([
      ['4 words, however sure the fault', { ...sure, cues: { words: 4 } }, 'checks'],
      ['exactly bareWords (12) words', { ...sure, cues: { words: 12 } }, 'checks'],
      [
        'a confidence alone (rules-only, a language model)',
        { labelConfidence: 0.99, cues: { words: 4 } },
        'checks',
      ],
      ['13 words: the weighing decides', { ...sure, cues: { words: 13 } }, 'escalate'],
      [
        '4 words with a part replaced',
        { ...sure, cues: { words: 4, defects: ['part_replaced'] } },
        'escalate',
      ],
      [
        '4 words with the checks already done',
        { ...sure, cues: { words: 4, alreadyTried: true, defects: ['already_tried'] } },
        'escalate',
      ],
      [
        '4 words and a tripping breaker',
        { ...sure, cues: { words: 4, breakerTrip: true } },
        'escalate',
      ],
      [
        '4 words and an error code the guidance does not know',
        { ...sure, cues: { words: 4, errorCode: 'e9', unknownErrorCode: 'e9' } },
        'escalate',
      ],
      ['its length not measured', sure, 'escalate'],
    ])('%s → %s', (_, over, kind) => {
      expect(decideNextStep(unsureFault(over), context()).kind).toBe(kind);
    });

    it('follows the threshold it is given', () => {
      const short = unsureFault({ ...sure, cues: { words: 8 } });
      expect(decideNextStep(short, context({ thresholds: { bareWords: 7 } })).kind).toBe(
        'escalate',
      );
      expect(decideNextStep(short, context({ thresholds: { bareWords: 8 } })).kind).toBe('checks');
    });
  });

  it('gives a misuse label held with low confidence quick checks, not guidance (everyday causes first)', () => {
    const step = decideNextStep(signal({ labelConfidence: 0.56 }), context());
    expect(step).toMatchObject({
      kind: 'checks',
      symptomId: 'refrigerator.too-cold',
      label: 'misuse',
    });
    if (step.kind === 'checks') expect(step.checks.length).toBeLessThanOrEqual(3);
  });

  it('weighs the costs: a cheaper visit sends the same fault straight to an engineer', () => {
    expect(decideNextStep(unsureFault(), context()).kind).toBe('checks');
    expect(
      decideNextStep(unsureFault(), context({ thresholds: { visitCost: 0.2, checksCost: 0.2 } }))
        .kind,
    ).toBe('escalate');
  });

  it('weighs calibrated probabilities (the embedded engine) with its own checks cost, a confidence alone (rules-only, a language model) with a smaller one', () => {
    const probable = signal({
      label: 'fault',
      labelConfidence: 0.7,
      labelProbabilities: { misuse: 0.3, fault: 0.7, hazard: 0 },
      symptom: { id: 'refrigerator.not-cooling', confidence: 0.6, runnerUp: null },
    });
    const { labelProbabilities: _p, ...confident } = probable;
    // 0.3 × 1 < 0.7 × 0.65: a calibrated 70 % fault goes to an engineer at once…
    expect(decideNextStep(probable, context())).toMatchObject({
      kind: 'escalate',
      reason: 'fault',
    });
    // …a confidence of 0.7 is weighed with 0.2 (0.3 > 0.14): quick checks first.
    expect(decideNextStep(confident, context())).toMatchObject({ kind: 'checks', label: 'fault' });
    // Each cost is the engine's own: raising one leaves the other's routing as it was.
    expect(decideNextStep(confident, context({ thresholds: { checksCost: 1 } })).kind).toBe(
      'checks',
    );
    expect(
      decideNextStep(probable, context({ thresholds: { confidenceChecksCost: 0.01 } })).kind,
    ).toBe('escalate');
    expect(
      decideNextStep(confident, context({ thresholds: { confidenceChecksCost: 0.5 } })).kind,
    ).toBe('escalate');
  });

  it('uses the label confidence when the engine gives no label probabilities', () => {
    const step = decideNextStep(
      signal({
        label: 'fault',
        labelConfidence: 0.95,
        symptom: { id: 'refrigerator.not-cooling', confidence: 0.6, runnerUp: null },
      }),
      context(),
    );
    expect(step).toMatchObject({ kind: 'escalate', reason: 'fault' });
  });

  it('gives an unclear report its best guess’s quick checks after the one question', () => {
    const step = decideNextStep(
      signal({ symptom: { id: 'refrigerator.too-cold', confidence: 0.1, runnerUp: null } }),
      context({ alreadyAsked: true }),
    );
    expect(step).toMatchObject({ kind: 'checks', symptomId: 'refrigerator.too-cold' });
  });
});

describe('decideNextStep: clarifying questions', () => {
  it('asks which product when the category is unknown, with the products as options', () => {
    const step = decideNextStep(
      signal({ category: null, symptom: null, label: 'fault' }),
      context(),
    );
    expect(step).toMatchObject({
      kind: 'ask',
      about: 'category',
      question: content.fallback.whichProduct,
    });
    if (step.kind === 'ask') expect(step.options).toEqual(['refrigerator', 'washing_machine']);
  });

  it('asks about an unclear symptom once, offering the likeliest symptoms as options', () => {
    const step = decideNextStep(
      signal({
        symptom: {
          id: 'refrigerator.too-cold',
          confidence: 0.2,
          runnerUp: { id: 'refrigerator.door-alarm', confidence: 0.15 },
        },
        symptomCandidates: [
          { id: 'refrigerator.too-cold', confidence: 0.2 },
          { id: 'refrigerator.not-cooling', confidence: 0.18 },
          { id: 'refrigerator.door-alarm', confidence: 0.15 },
          { id: 'refrigerator.error-code', confidence: 0.1 },
        ],
      }),
      context(),
    );
    expect(step).toMatchObject({
      kind: 'ask',
      about: 'symptom',
      options: ['refrigerator.too-cold', 'refrigerator.not-cooling', 'refrigerator.door-alarm'],
    });
    if (step.kind === 'ask') expect(step.question.en).toContain('fridge');
  });

  it('always offers options, even with no symptom to go on (never a hazard symptom)', () => {
    const step = decideNextStep(signal({ symptom: null }), context());
    expect(step.kind).toBe('ask');
    if (step.kind === 'ask') {
      expect(step.options.length).toBeGreaterThan(0);
      expect(step.options.some((id) => /burning|shock/.test(id))).toBe(false);
    }
  });

  it('accepts custom thresholds', () => {
    const step = decideNextStep(
      signal({ symptom: { id: 'refrigerator.too-cold', confidence: 0.4, runnerUp: null } }),
      context({ thresholds: { guideSymptom: 0.3 } }),
    );
    expect(step.kind).toBe('guide');
  });
});

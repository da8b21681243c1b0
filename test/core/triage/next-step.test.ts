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

  it('puts a hazard first, with the category safety steps, even when the customer asks for a person', () => {
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

  it.each([
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
      'a confident fault',
      signal({
        label: 'fault',
        symptom: { id: 'refrigerator.not-cooling', confidence: 0.8, runnerUp: null },
      }),
      context(),
      'fault',
    ],
    [
      'a fault after the checks, symptom unclear',
      signal({
        label: 'fault',
        symptom: { id: 'refrigerator.not-cooling', confidence: 0.1, runnerUp: null },
        cues: { alreadyTried: true },
      }),
      context(),
      'fault',
    ],
    [
      'the breaker trips as soon as it runs, symptom unclear',
      signal({
        label: 'fault',
        symptom: { id: 'refrigerator.not-cooling', confidence: 0.1, runnerUp: null },
        cues: { breakerTrip: true },
      }),
      context(),
      'fault',
    ],
    [
      'an unclear misuse after the question',
      signal({ symptom: { id: 'refrigerator.too-cold', confidence: 0.3, runnerUp: null } }),
      context({ alreadyAsked: true }),
      'unclear_after_question',
    ],
    [
      'an unknown product after the question',
      signal({ category: null, symptom: null, label: 'fault' }),
      context({ alreadyAsked: true }),
      'unclear_after_question',
    ],
  ])('escalates when %s', (_, s, c, reason) => {
    expect(decideNextStep(s, c)).toMatchObject({ kind: 'escalate', reason });
  });

  it('asks which product when the category is unknown', () => {
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

  it('asks the category question, offering the two likeliest symptoms, when the misuse symptom is unsure', () => {
    const step = decideNextStep(
      signal({
        symptom: {
          id: 'refrigerator.too-cold',
          confidence: 0.4,
          runnerUp: { id: 'refrigerator.door-alarm', confidence: 0.35 },
        },
      }),
      context(),
    );
    expect(step).toMatchObject({
      kind: 'ask',
      about: 'symptom',
      options: ['refrigerator.too-cold', 'refrigerator.door-alarm'],
    });
    if (step.kind === 'ask') expect(step.question.en).toContain('fridge');
  });

  it('does not guide a misuse label held with low confidence (a real fault sent home costs most)', () => {
    expect(decideNextStep(signal({ labelConfidence: 0.56 }), context()).kind).toBe('ask');
  });

  it('asks about an unclear fault once', () => {
    const unclear = signal({
      label: 'fault',
      symptom: { id: 'refrigerator.not-cooling', confidence: 0.2, runnerUp: null },
    });
    expect(decideNextStep(unclear, context()).kind).toBe('ask');
    expect(decideNextStep(unclear, context({ alreadyAsked: true }))).toMatchObject({
      kind: 'escalate',
      reason: 'unclear_after_question',
    });
  });

  it('accepts custom thresholds', () => {
    const step = decideNextStep(
      signal({ symptom: { id: 'refrigerator.too-cold', confidence: 0.4, runnerUp: null } }),
      context({ thresholds: { guideSymptom: 0.3 } }),
    );
    expect(step.kind).toBe('guide');
  });
});

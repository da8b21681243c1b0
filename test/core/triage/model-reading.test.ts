import { describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import {
  combineModelReading,
  createTriageEngine,
  decideNextStep,
  isEvidenceInText,
  type ModelReading,
} from '../../../core/index.ts';

const { catalogue, lexicon, content } = loadTriageContent();
const engine = createTriageEngine(catalogue, { lexicon });

const reading = (fields: Partial<ModelReading> = {}): ModelReading => ({
  label: 'misuse',
  category: 'refrigerator',
  symptomId: 'refrigerator.too-cold-food-frozen',
  confidence: 0.9,
  evidence: 'salad into ice',
  wantsToAsk: false,
  modelNumber: null,
  purchaseDateAsWritten: null,
  addressPresent: false,
  ...fields,
});

function decide(text: string, model: ModelReading, alreadyAsked = false) {
  const signal = combineModelReading(model, engine.classify(text), { content, text });
  return { signal, step: decideNextStep(signal, { content, alreadyAsked, guidanceFailed: false }) };
}

const VAGUE = 'the fridge turns the salad into ice';

describe('combineModelReading: the core decides on the model’s reading', () => {
  it.each([
    ['a sure misuse with evidence is guided', reading(), 'guide'],
    [
      'a misuse without evidence in the text gets quick checks, not guidance',
      reading({ evidence: 'frost' }),
      'checks',
    ],
    [
      'a misuse with no evidence gets quick checks, not guidance',
      reading({ evidence: null }),
      'checks',
    ],
    [
      'a model that wants to ask gets quick checks, not guidance',
      reading({ wantsToAsk: true }),
      'checks',
    ],
    ['an unsure misuse is asked about', reading({ confidence: 0.3 }), 'ask'],
    [
      'a fault read in a bare symptom (no defect sign) gets its quick checks first',
      reading({ label: 'fault', symptomId: 'refrigerator.not-cooling' }),
      'checks',
    ],
    [
      'a misuse reading of a fault symptom is not guided: its quick checks first',
      reading({ symptomId: 'refrigerator.not-cooling' }),
      'checks',
    ],
    [
      'a symptom from another product is unknown',
      reading({ symptomId: 'washing_machine.door-locked' }),
      'ask',
    ],
    ['an unknown symptom is asked about', reading({ symptomId: 'unknown' }), 'ask'],
    ['a model hazard is a hazard', reading({ label: 'hazard' }), 'hazard'],
    [
      'a catalogue hazard symptom is a hazard whatever the label',
      reading({ symptomId: 'refrigerator.electric-shock' }),
      'hazard',
    ],
  ])('%s', (_, model, kind) => {
    expect(decide(VAGUE, model).step.kind).toBe(kind);
  });

  it('escalates a fault read in a report that says more than its symptom', () => {
    const text =
      'the fridge turns the salad into ice at the back and the freezer section is warm every morning now';
    expect(engine.classify(text).cues.defects).toEqual([]);
    const model = reading({ label: 'fault', symptomId: 'refrigerator.not-cooling' });
    expect(decide(text, model).step.kind).toBe('escalate');
    expect(decide(VAGUE, model).step.kind).toBe('checks');
  });

  it('keeps the embedded hazard, its category and symptom, whatever the model reads', () => {
    const text = 'smoke and a burning smell from the back of the fridge';
    const embedded = engine.classify(text);
    expect(embedded.label).toBe('hazard');
    const { signal, step } = decide(
      text,
      reading({ category: 'tv', symptomId: 'unknown', confidence: 1 }),
    );
    expect(signal).toEqual(embedded);
    expect(step.kind).toBe('hazard');
  });

  it('leaves the engine’s reading as it is when the model knows nothing', () => {
    const text = 'washer shows E21 and will not drain, I already cleaned the filter';
    const { signal } = decide(
      text,
      reading({ label: 'unknown', category: 'unknown', symptomId: 'unknown', confidence: 0 }),
    );
    expect(signal).toEqual(engine.classify(text));
  });

  it('falls back to the embedded category when the model does not know the product', () => {
    const { signal } = decide(VAGUE, reading({ category: 'unknown', symptomId: 'unknown' }));
    expect(signal.category?.id).toBe('refrigerator');
    expect(signal.symptom).toBeNull();
  });

  it('asks which product when neither knows it', () => {
    const text = 'it makes a weird noise';
    const { step } = decide(
      text,
      reading({ category: 'unknown', symptomId: 'unknown', evidence: 'weird noise' }),
    );
    expect(step).toMatchObject({ kind: 'ask', about: 'category' });
  });

  it('takes the embedded label when the model’s is unknown', () => {
    const text = 'washer shows E21 and will not drain, I already cleaned the filter';
    const { signal } = decide(
      text,
      reading({ label: 'unknown', category: 'washing_machine', symptomId: 'unknown' }),
    );
    expect(signal.label).toBe(engine.classify(text).label);
  });

  it('keeps the text’s cues: a customer who asks for a person is escalated', () => {
    const text = 'the fridge turns the salad into ice, please send an engineer';
    const { step } = decide(text, reading());
    expect(step).toMatchObject({ kind: 'escalate', reason: 'customer_asked' });
  });

  it.each([
    ['BCD-470WDPG', 'my fridge BCD-470WDPG turns the salad into ice', 'BCD-470WDPG'],
    ['bcd-470wdpg', 'my fridge bcd 470wdpg turns the salad into ice', 'BCD-470WDPG'],
    ['BCD-999XYZ', 'my fridge turns the salad into ice', null],
    ['hello', 'my fridge hello turns the salad into ice', null],
  ])(
    'keeps a model number only when it is in the text and a catalogue model (%s)',
    (model, text, kept) => {
      const { modelNumber } = combineModelReading(
        reading({ modelNumber: model }),
        { ...engine.classify(text), cues: { ...engine.classify(text).cues, modelNumber: null } },
        { content, text },
      ).cues;
      expect(modelNumber).toBe(kept);
    },
  );
});

describe('isEvidenceInText', () => {
  it.each([
    ['salad into ice', VAGUE, true],
    ['Salad  into ICE.', VAGUE, true],
    ['冰箱 不制冷', '我家冰箱不制冷了', true],
    ['frozen salad', VAGUE, false],
    ['', VAGUE, false],
    [null, VAGUE, false],
  ])('%s in "%s" → %s', (evidence, text, found) => {
    expect(isEvidenceInText(evidence, text)).toBe(found);
  });
});

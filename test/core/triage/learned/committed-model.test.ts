import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_FILE, loadTriageContent } from '../../../../bot/content/index.ts';
import { toModelJson, trainFromRepository } from '../../../../bot/tools/train-triage.ts';
import { createTriageEngine, DEFAULT_COMBINE } from '../../../../core/index.ts';

const { catalogue, lexicon, model } = loadTriageContent();
const engine = createTriageEngine(catalogue, { lexicon, model });

describe('the committed learned model (prompts/triage/model.json)', () => {
  it('is what npm run triage:train writes from the catalogue and the real train split', () => {
    expect(toModelJson(trainFromRepository())).toBe(readFileSync(DEFAULT_MODEL_FILE, 'utf8'));
  }, 180_000);

  it('reads the same message the same way every time', () => {
    const text = '洗衣机洗完衣服上都是白色粉末，换了洗衣粉也一样';
    expect(engine.classify(text)).toEqual(engine.classify(text));
  });

  it('shows the features that drove a weighed label and a category it read', () => {
    const result = engine.classify('洗完衣服上都是白色粉末', { explain: true });
    expect(result.explanation?.rule).toBe('weighed');
    expect(result.explanation?.label.length).toBeGreaterThan(0);
    expect(result.explanation?.label[0]?.weight).toBeGreaterThan(0);
    expect(result.cues.categoryEvidence).toContain('learned');
    expect(result.explanation?.category?.length).toBeGreaterThan(0);
  });

  it('reads a message the same way with or without the explanation, which only explain adds', () => {
    for (const text of ['洗完衣服上都是白色粉末', 'the socket behind the fridge is sparking']) {
      const plain = engine.classify(text);
      const { explanation, ...rest } = engine.classify(text, { explain: true });
      expect(plain.explanation).toBeUndefined();
      expect(explanation).toBeDefined();
      expect(rest).toEqual(plain);
    }
  });

  it('says the hazard net decided a hazard, with no model features behind it', () => {
    const result = engine.classify('the socket behind the fridge is sparking', { explain: true });
    expect(result.label).toBe('hazard');
    expect(result.explanation?.rule).toBe('hazard_words');
    expect(result.explanation?.label).toEqual([]);
  });

  it('keeps a product the customer named and never puts a learned product on the hazard path as named', () => {
    const named = engine.classify('my washing machine will not drain');
    expect(named.category?.id).toBe('washing_machine');
    expect(named.cues.categoryEvidence).toContain('name');
  });

  it("reports the model's own hazard probability, the one its hazard threshold is compared with", () => {
    const threshold = DEFAULT_COMBINE.hazard;
    const learned = engine.classify('热水器有点怪味', { explain: true });
    expect(learned.explanation?.rule).toBe('learned_hazard');
    expect(learned.explanation?.learnedHazard).toBeGreaterThanOrEqual(threshold);
    expect(learned.labelConfidence).toBe(learned.explanation?.learnedHazard);
    const calm = engine.classify('the fridge is a bit noisy', { explain: true });
    expect(calm.explanation?.rule).toBe('weighed');
    expect(calm.explanation?.learnedHazard).toBeLessThan(threshold);
    // A hazard the net settles still shows what the model alone would have said.
    const net = engine.classify('the socket behind the fridge is sparking', { explain: true });
    expect(net.explanation?.learnedHazard).toBeGreaterThan(0);
    expect(net.explanation?.learnedHazard).toBeLessThanOrEqual(1);
  });
});

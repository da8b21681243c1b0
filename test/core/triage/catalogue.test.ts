import { describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import { CATEGORIES, categoryCatalogueSchema, createTriageEngine } from '../../../core/index.ts';

const { catalogue, lexicon } = loadTriageContent();
const engine = createTriageEngine(catalogue, { lexicon });
const symptoms = catalogue.flatMap((entry) =>
  entry.symptoms.map((symptom) => ({ entry, symptom })),
);

describe('the guidance catalogue (prompts/catalogue)', () => {
  it('has every category, each with at least 8 symptoms, at least 70 in all', () => {
    expect(catalogue.map((c) => c.category)).toEqual([...CATEGORIES]);
    for (const entry of catalogue)
      expect(entry.symptoms.length, entry.category).toBeGreaterThanOrEqual(8);
    expect(symptoms.length).toBeGreaterThanOrEqual(70);
  });

  it('has unique symptom ids across the catalogue', () => {
    const ids = symptoms.map(({ symptom }) => symptom.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has phrases in both languages and steps for every misuse symptom', () => {
    for (const { symptom } of symptoms) {
      expect(symptom.phrases.zh.length, symptom.id).toBeGreaterThanOrEqual(3);
      expect(symptom.phrases.en.length, symptom.id).toBeGreaterThanOrEqual(3);
      if (symptom.label === 'misuse') expect(symptom.steps.length, symptom.id).toBeGreaterThan(0);
    }
  });

  it('gives every fault symptom 1–3 quick checks in both languages', () => {
    const faults = symptoms.filter(({ symptom }) => symptom.label === 'fault');
    expect(faults.length).toBeGreaterThanOrEqual(30);
    for (const { symptom } of faults) {
      expect(symptom.checks.length, symptom.id).toBeGreaterThanOrEqual(1);
      expect(symptom.checks.length, symptom.id).toBeLessThanOrEqual(3);
      for (const check of symptom.checks) {
        for (const text of [check.action.zh, check.action.en, check.check.zh, check.check.en])
          expect(text.trim(), symptom.id).not.toBe('');
        expect(check.action.zh, symptom.id).toMatch(/\p{Script=Han}/u);
        expect(check.action.en, symptom.id).toMatch(/^[\x20-\x7e–°"“”’]+$/);
      }
    }
  });

  it('rejects a fault symptom without quick checks, or with more than three', () => {
    const entry = catalogue[0];
    const fault = entry?.symptoms.find((s) => s.label === 'fault');
    if (!entry || !fault) throw new Error('the catalogue has no fault symptom');
    const withChecks = (checks: unknown[]) => ({
      ...entry,
      symptoms: entry.symptoms.map((s) => (s === fault ? { ...s, checks } : s)),
    });
    expect(categoryCatalogueSchema.safeParse(withChecks([])).success).toBe(false);
    const check = fault.checks[0];
    expect(
      categoryCatalogueSchema.safeParse(withChecks([check, check, check, check])).success,
    ).toBe(false);
    expect(categoryCatalogueSchema.safeParse(withChecks([check])).success).toBe(true);
  });

  it('covers all three labels in every category', () => {
    for (const entry of catalogue) {
      expect(new Set(entry.symptoms.map((s) => s.label)), entry.category).toEqual(
        new Set(['misuse', 'fault', 'hazard']),
      );
    }
  });

  it("classifies each symptom's own phrases back to its label and symptom at a high rate", () => {
    let label = 0;
    let symptom = 0;
    let category = 0;
    let n = 0;
    for (const { entry, symptom: s } of symptoms) {
      for (const phrase of [...s.phrases.zh, ...s.phrases.en]) {
        const result = engine.classify(phrase);
        n += 1;
        label += result.label === s.label ? 1 : 0;
        symptom += result.symptom?.id === s.id ? 1 : 0;
        category += result.category?.id === entry.category ? 1 : 0;
      }
    }
    expect(label / n).toBeGreaterThan(0.9);
    expect(symptom / n).toBeGreaterThan(0.75);
    expect(category / n).toBeGreaterThan(0.95);
  });

  it('never reads a hazard phrase as anything but a hazard', () => {
    const missed = symptoms
      .filter(({ symptom }) => symptom.label === 'hazard')
      .flatMap(({ symptom }) => [...symptom.phrases.zh, ...symptom.phrases.en])
      .filter((phrase) => engine.classify(phrase).label !== 'hazard');
    expect(missed).toEqual([]);
  });
});

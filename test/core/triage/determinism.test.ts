import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import {
  createFeatureCollector,
  createHazardNet,
  createModelReader,
  createTriageEngine,
  cueFlagsOf,
  evidenceOf,
  modelFeaturesOf,
} from '../../../core/index.ts';
import { createTextReader, MAX_TRIAGE_CHARS } from '../../../core/triage/reader.ts';
import { TRIAGE_BENCH_TEXTS } from '../../bench/triage-texts.ts';

const { catalogue, lexicon, model } = loadTriageContent();
/** Each test reads a few hundred messages several times: generous on a loaded machine. */
const SLOW = 180_000;
const realTexts = readFileSync(join(import.meta.dirname, '../../support/real/dev.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => String(JSON.parse(line).text));
/** Real messages, the benchmark's short ones, a long one and edge cases, in one list. */
const texts = [
  ...realTexts,
  ...TRIAGE_BENCH_TEXTS,
  TRIAGE_BENCH_TEXTS.join(' ').repeat(4),
  '',
  '烟'.repeat(500),
  'no smoke, no sparks. 冇燒焦味，但係有啲漏水，跳掣',
];

/**
 * The engine keeps scratch space and caches between messages (the symptom index's sums, the phrase
 * scans): a reading must not depend on what was read before it, nor on how often.
 */
describe('the embedded engine reads a message the same whatever it read before', () => {
  it(
    'gives a fresh engine reading in order and one warmed on every text in reverse the same readings',
    () => {
      const warm = createTriageEngine(catalogue, { lexicon, model });
      for (const text of [...texts].reverse()) warm.classify(text, { explain: true });
      const warmed = texts.map((text) => warm.classify(text));
      const fresh = createTriageEngine(catalogue, { lexicon, model });
      expect(warmed).toEqual(texts.map((text) => fresh.classify(text)));
    },
    SLOW,
  );

  it(
    'reads a text twice in a row the same, with or without the explanation',
    () => {
      const engine = createTriageEngine(catalogue, { lexicon, model });
      for (const text of texts) {
        const first = engine.classify(text);
        const { explanation, ...explained } = engine.classify(text, { explain: true });
        expect(explained).toEqual(first);
        expect(engine.classify(text)).toEqual(first);
      }
    },
    SLOW,
  );

  it(
    'gives the hazard net the same reading before and after the engine read other texts',
    () => {
      const reader = createTextReader(catalogue, lexicon, MAX_TRIAGE_CHARS);
      const net = createHazardNet(catalogue, lexicon, { reader });
      const before = texts.map((text) => net.read(text));
      for (const text of texts) reader.analyser.analyse(text, reader.correct);
      expect([...texts].reverse().map((text) => net.read(text))).toEqual(before.reverse());
    },
    SLOW,
  );
});

describe('the feature collector the engine reads the model with', () => {
  it(
    'collects the features training reads (modelFeaturesOf), the same fresh or after every other text',
    () => {
      const { analyser, correct } = createTextReader(catalogue, lexicon, MAX_TRIAGE_CHARS);
      const modelReader = createModelReader(model);
      const analyses = texts.map((text) => analyser.analyse(text, correct));
      const warm = createFeatureCollector(modelReader.indexOf);
      for (const analysis of [...analyses].reverse()) warm(analysis.text, cueFlagsOf(analysis));
      for (const analysis of analyses) {
        const trained = modelFeaturesOf(analysis);
        const fresh = createFeatureCollector(modelReader.indexOf)(
          analysis.text,
          cueFlagsOf(analysis),
        );
        const warmed = warm(analysis.text, cueFlagsOf(analysis));
        const knownIds = trained.flatMap((f) => modelReader.indexOf(f) ?? []);
        for (const collected of [fresh, warmed]) {
          expect([...collected.features()].sort()).toEqual(trained);
          expect(collected.count).toBe(trained.length);
          expect([...collected.known].sort((a, b) => a - b)).toEqual(
            [...knownIds].sort((a, b) => a - b),
          );
          expect(collected.evidence).toBe(evidenceOf(trained));
        }
        // The reading does not depend on the order the collector found the features in.
        const read = modelReader.readCollected(fresh);
        expect(modelReader.readCollected(warmed)).toStrictEqual(read);
        expect(modelReader.readCollected({ ...fresh, known: knownIds })).toStrictEqual(read);
      }
    },
    SLOW,
  );
});

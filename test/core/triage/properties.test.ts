import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import {
  CATEGORIES,
  createConversationTriage,
  createHazardNet,
  createTriageEngine,
} from '../../../core/index.ts';
import { hostileText, longText, timed, wordSalad } from '../../support/hostile-text.ts';

const { catalogue, lexicon, content } = loadTriageContent();
const engine = createTriageEngine(catalogue, { lexicon });
const net = createHazardNet(catalogue, lexicon);
const triage = createConversationTriage(engine, content);
const RUNS = { numRuns: 1_500 };

/** 1,500–3,900 characters of ordinary text before the hazard, past the engine's 2,000 cut. */
const longPrefix = fc
  .tuple(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
    fc.integer({ min: 1_500, max: 3_900 }),
  )
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/** Unmistakable hazards, in every script and register the bot reads. */
const HAZARDS = [
  '冰箱后面冒烟了',
  '插头有火花',
  '家里有很浓的煤气味',
  '熱水器漏電，摸到會麻',
  '雪櫃後面冒煙，仲有燶味',
  'There is smoke coming out of the back of the fridge',
  'sparks came out of the plug',
  'I can smell gas near the water heater',
  'the microwave caught fire',
];

describe('the triage engine, on hostile text', () => {
  it('never throws, reads a label and answers the same twice', () => {
    fc.assert(
      fc.property(hostileText(), fc.option(fc.constantFrom(...CATEGORIES)), (text, category) => {
        const hints = category ? { category } : {};
        const result = engine.classify(text, hints);
        expect(['misuse', 'fault', 'hazard']).toContain(result.label);
        expect(result.labelConfidence).toBeGreaterThanOrEqual(0);
        expect(result.labelConfidence).toBeLessThanOrEqual(1);
        expect(engine.classify(text, hints)).toEqual(result);
      }),
      RUNS,
    );
  });

  it('leads every text to one next step, asked or not', () => {
    fc.assert(
      fc.property(hostileText(), fc.boolean(), (text, asked) => {
        const step = triage(text, { asked });
        expect(['guide', 'checks', 'ask', 'escalate', 'hazard']).toContain(step.kind);
      }),
      RUNS,
    );
  });

  it('reads 1,000–6,000 characters of repeated words in under 250 ms', () => {
    fc.assert(
      fc.property(longText, (text) => {
        expect(timed(() => engine.classify(text))).toBeLessThan(250);
        expect(timed(() => net.read(text))).toBeLessThan(250);
      }),
      { numRuns: 60 },
    );
  });

  it('finds a hazard written after anything else in the message, up to Telegram’s 4,096 characters', () => {
    fc.assert(
      fc.property(
        fc.oneof(hostileText(200), wordSalad(), longPrefix),
        fc.constantFrom('\n', '。', '. ', '！ '),
        fc.constantFrom(...HAZARDS),
        (before, stop, hazard) => {
          const text = `${before}${stop}${hazard}`.slice(-4_096);
          expect(engine.classify(text).label).toBe('hazard');
          expect(net.read(text).hazard).toBe(true);
          expect(triage(text, { asked: false }).kind).toBe('hazard');
        },
      ),
      { numRuns: 400 },
    );
  });
});

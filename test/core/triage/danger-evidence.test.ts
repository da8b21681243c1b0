import { describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import { combineLabel, createTriageEngine } from '../../../core/index.ts';
import { createTextReader, MAX_TRIAGE_CHARS } from '../../../core/triage/reader.ts';

const { catalogue, lexicon, model } = loadTriageContent();
/** The embedded engine as the bot runs it: the rules and the learned model. */
const engine = createTriageEngine(catalogue, { lexicon, model });
const { analyser } = createTextReader(catalogue, lexicon, MAX_TRIAGE_CHARS);

type Script = 'Simplified' | 'Traditional' | 'English';

/**
 * Calm messages that read as a hazard before the gate: a catalogue hazard symptom matched on its
 * ordinary words (plug, socket, case, touch) or the learned model's hazard probability alone, with
 * nothing in the words that shows danger. Written for the mechanism, not taken from an evaluation set.
 */
const CALM: [Script, string][] = [
  ['Simplified', '冰箱插头松了'],
  ['Simplified', '冰箱插头有点松'],
  ['Simplified', '冰箱插座松动'],
  ['Simplified', '路由器电源适配器松了'],
  ['Traditional', '雪櫃插頭鬆咗'],
  ['Traditional', '雪櫃插頭有啲鬆'],
  ['Traditional', '路由器電源適配器鬆咗'],
  ['Traditional', '電視插頭鬆咗'],
  ['English', 'the aircon plug keeps falling out of the socket'],
  ['English', 'the laptop case won’t close properly'],
  ['English', 'the tv power cord is loose at the back'],
  ['English', 'the fridge plug is a bit loose'],
];

/** Hazards whose words show the danger: water, rain, a warped or blackened part, heat. */
const WITH_EVIDENCE: [Script, string][] = [
  ['Simplified', '路由器进水了'],
  ['Simplified', '笔记本电池变形了'],
  ['Simplified', '冰箱插头发热'],
  ['Simplified', '冰箱插头发黑了'],
  ['Traditional', '路由器淋咗雨'],
  ['Traditional', '電視入水'],
  ['Traditional', '手提電腦電池變形'],
  ['Traditional', '冷氣插頭濕咗'],
  ['English', 'my laptop battery case is warped'],
  ['English', 'the router adapter got wet'],
  ['English', 'water spilled on the router'],
  ['English', 'the fridge plug is hot and blackened'],
  // Touching it is evidence: a vague tingle is told this way, and the net may over-fire, never miss.
  ['Simplified', '摸冰箱门把手感觉怪怪的'],
  ['Traditional', '摸雪櫃門把手感覺怪怪的'],
  ['English', 'touching the washer door it feels odd'],
];

describe('danger must show in the words', () => {
  it.each(CALM)('(%s) a calm message is no hazard: %j', (_, text) => {
    expect(analyser.analyse(text).dangerEvidence).toBe(false);
    expect(engine.classify(text).label).not.toBe('hazard');
  });

  it.each(WITH_EVIDENCE)('(%s) a hazard with danger in its words stays one: %j', (_, text) => {
    expect(analyser.analyse(text).dangerEvidence).toBe(true);
    expect(engine.classify(text).label).toBe('hazard');
  });

  it.each([
    ['English', 'the electric water heater ran out of hot water after two showers'],
    ['English', 'our hot water heater gives only warm water now'],
    ['Simplified', '电热水器洗了两个人就没热水了'],
    ['Traditional', '熱水器水溫唔夠熱'],
  ] as [Script, string][])(
    '(%s) a product named or its everyday water is no danger shown: %j',
    (_, text) => {
      expect(analyser.analyse(text).dangerEvidence).toBe(false);
    },
  );

  it.each([
    ['English', 'the water heater is leaking onto the floor'],
    ['English', 'the electric water heater gave me a tingle when I touched it'],
    ['Simplified', '热水器漏水了'],
    ['Traditional', '熱水器滴水落插頭'],
  ] as [Script, string][])('(%s) danger next to the product name still shows: %j', (_, text) => {
    expect(analyser.analyse(text).dangerEvidence).toBe(true);
  });

  it('a hint of the net (a smell, heat, a pop) is evidence too', () => {
    for (const text of ['洗衣机有股怪味', '雪櫃後面有陣燶味', 'the TV made a pop and went off'])
      expect(analyser.analyse(text).dangerEvidence).toBe(true);
  });

  it('without evidence the learned model adds no hazard, however sure', () => {
    const rules = { hazard: null, breakerTrip: false, misuseLogOdds: 0 } as const;
    const learned = { probabilities: { misuse: 0.04, fault: 0.06, hazard: 0.9 }, features: 40 };
    expect(combineLabel({ ...rules, dangerEvidence: false }, learned).label).not.toBe('hazard');
    expect(combineLabel({ ...rules, dangerEvidence: true }, learned).label).toBe('hazard');
  });

  it('the hazard net needs no evidence: its own words stay a hazard', () => {
    for (const text of ['电视机后面冒烟了', '雪櫃插頭燒焦咗', 'sparks inside the microwave']) {
      const result = engine.classify(text);
      expect(result.label).toBe('hazard');
      expect(result.cues.hazards.length).toBeGreaterThan(0);
    }
  });
});

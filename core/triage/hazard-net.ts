import type { TriageEngine } from './engine.ts';
import type { TriageLexicon } from './lexicon.ts';
import { createTextReader, MAX_TRIAGE_CHARS, type TextReader } from './reader.ts';
import type { TriageCatalogue } from './types.ts';

/** What the hazard net read in one message. */
export type HazardReading = {
  /** A hazard word or pair stands (not negated): the hazard path, whatever any classifier says. */
  hazard: boolean;
  /** Hazard words and pairs found and not negated ("冒烟", "water on electrics"). */
  found: string[];
  /** Hazard words found under a negation ("no smoke", "冇燒焦味"); they make no hazard. */
  negated: string[];
};

export type HazardNet = {
  /** Reads one message (a report or any later answer). Deterministic, offline, no I/O. */
  read(text: string): HazardReading;
};

export type HazardNetOptions = {
  /** Longer input is cut to this many characters. */
  maxChars?: number;
  /** A reader already built for the same catalogue and lexicon (the embedded engine's). */
  reader?: TextReader;
};

/**
 * The hazard net (design.md, "The customer journey": a hazard net runs on every message and
 * every later answer, apart from the classifier; it may over-fire a little, it may not miss).
 * It reads the lexicon's hazard words and patterns in Simplified, Traditional and Cantonese
 * Chinese and English — smoke, burning or scorched parts, sparks, fire, shock, gas, a swelling
 * battery and what it does to a device, a leakage breaker tripping at the appliance, water on
 * electrics, scalding water, dangerous pressure — with negation ("no burning smell") and
 * ordinary senses ("burnt toast", "烧水") left out. Everyday words count as much as danger words:
 * a plug too hot to touch or gone soft or molten, water dripping onto a light or a switch, a
 * crackle and a flash, a casing pushed out, a tingle or a numb hand ("外壳有点麻"), water that
 * marks the skin, a pressure gauge in the red.
 */
export function createHazardNet(
  catalogue: TriageCatalogue,
  lexicon: TriageLexicon,
  options: HazardNetOptions = {},
): HazardNet {
  const reader =
    options.reader ?? createTextReader(catalogue, lexicon, options.maxChars ?? MAX_TRIAGE_CHARS);
  return {
    read(text) {
      const scan = reader.analyser.scanHazards(text);
      return {
        hazard: scan.hazards.length > 0,
        found: scan.hazards,
        negated: scan.negatedHazards,
      };
    },
  };
}

/**
 * Puts the hazard net in front of any triage engine (the embedded one, an LLM): when the net
 * finds a hazard the result is a hazard whatever the engine read, with the net's words as cues.
 * Safety never depends on a classifier.
 */
export function withHazardNet(engine: TriageEngine, net: HazardNet): TriageEngine {
  return {
    classify(text, hints) {
      const result = engine.classify(text, hints);
      const reading = net.read(text);
      if (!reading.hazard) return result;
      const found = [...new Set([...result.cues.hazards, ...reading.found])];
      return {
        ...result,
        label: 'hazard',
        labelConfidence: 1,
        cues: { ...result.cues, hazards: found },
      };
    },
  };
}

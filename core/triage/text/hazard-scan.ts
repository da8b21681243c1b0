import type { TriageLexicon } from '../lexicon.ts';
import { type BilingualFinder, createNegation, type Token, withoutExceptions } from './cues.ts';
import { latinWords, stem } from './english.ts';
import { HAN } from './normalise.ts';
import { overlaps, type Span } from './phrase-matcher.ts';
import { createStartFilter, matchesFrom, withoutLookbehind } from './start-keys.ts';

/** What a scan of one message found. */
export type HazardScan = {
  /** Hazard words and pairs found and not negated. */
  hazards: string[];
  /** Hazard words found under a negation ("no smoke", "冇燒焦味"). */
  negatedHazards: string[];
};

/** Spans of one clause to leave out of symptom matching (negated or misty hazard words). */
export type HazardMask = { zh: Span[]; en: Span[] };

/** Tools the scanner shares with the analyser, so both read text the same way. */
export type HazardScanTools = {
  /**
   * Builds a finder for literal Chinese phrases and stemmed English phrases. The lists read on
   * every clause are read together; `apart`: a list read on the whole message instead.
   */
  bilingual(
    list: { zh: readonly string[]; en: readonly string[] },
    apart?: boolean,
  ): BilingualFinder;
  /** The text normaliser (Traditional → Simplified, Cantonese, lower case). */
  normalise(text: string): string;
};

/** A `near` pair's words in a clause that has neither. */
const NEITHER = Object.freeze({ first: false, second: false, age: 0 });

/** How many clauses after its own a carried pair's appliance stays the subject (`carry`). */
export const CARRY_CLAUSES = 3;
const LATIN = /[a-z]/i;

/**
 * The hazard net's reading of a message (design.md, "Triage": a hazard net runs on every message,
 * apart from the classifier; it may over-fire a little, it may not miss), clause by clause:
 * - hazard words and Chinese patterns ("冒出一股黑烟", "摸着有点电"), except inside ordinary phrases
 *   ("Fire TV", "烧水", "burnt toast");
 * - negation scope ("no smoke or sparks", "冇燒焦味"), undone when a later clause brings the hazard
 *   back ("之前没焦味，现在很明显");
 * - smoke words in a message that calls it mist or vapour ("空调冒白雾，像烟一样") are set aside;
 *   so are those in a message about cooking smoke or burnt popcorn, except in a clause where an
 *   appliance or part is the one smoking or it goes on after stopping;
 * - pairs: water + socket in one clause, a leakage breaker + a trip in one clause or two next to
 *   each other, a leak + a tripping breaker anywhere in the message;
 * - a gas appliance's igniter sparks are no hazard where the message names one and nothing else
 *   in the clause could spark;
 * - a pair whose `unless` words stand in the message (a timer set) makes no hazard.
 */
export function createHazardScanner(lexicon: TriageLexicon, tools: HazardScanTools) {
  const negation = createNegation(lexicon);
  const hazard = tools.bilingual(lexicon.hazard.cues);
  // Patterns by script: a clause is read only by the patterns of the scripts it has. Each is run
  // only when its gate (the pattern without a leading lookbehind, which only narrows a match)
  // matches: a lookbehind tried at every position costs far more than the words after it (hostile
  // text has many clauses). Gates are tried only where the clause has their start keys (most
  // clauses have few): as one alternation the Latin gates cost three times what they cost one by
  // one, the alternation too large for the regular expression engine's optimisations.
  const byScript = (han: boolean) => {
    const list = lexicon.hazard.patterns
      .filter((p) => HAN.test(p) === han)
      .map((p) => ({
        pattern: new RegExp(p, 'gi'),
        gate: new RegExp(withoutLookbehind(p), 'i'),
        sticky: new RegExp(withoutLookbehind(p), 'iy'),
      }));
    return { list, filter: createStartFilter(list.map((p) => p.gate.source)) };
  };
  const hanPatterns = byScript(true);
  const latinPatterns = byScript(false);
  const exceptions = tools.bilingual(lexicon.hazard.exceptions);
  const { gasIgnition } = lexicon.hazard;
  const ignition = {
    sparks: tools.bilingual(gasIgnition.sparks),
    appliances: tools.bilingual(gasIgnition.appliances, true),
    otherSparks: tools.bilingual(gasIgnition.otherSparks),
  };
  const benignSmoke = tools.bilingual(lexicon.hazard.benignSmoke, true);
  const cookingSmoke = tools.bilingual(lexicon.hazard.cookingSmoke, true);
  const { applianceSmoking: smoking } = lexicon.hazard;
  const applianceSmoking = [...smoking.zh.map((w) => tools.normalise(w)), ...smoking.en].map(
    (p) => new RegExp(p, 'i'),
  );
  const smokeWords = {
    zh: lexicon.hazard.smokeWords.zh.map((w) => tools.normalise(w)),
    en: lexicon.hazard.smokeWords.en.map((w) => w.toLowerCase()),
  };
  const { thaw: thawLists } = lexicon.hazard;
  const thaw = {
    melt: new Set([
      ...thawLists.melt.zh.map((w) => tools.normalise(w)),
      ...thawLists.melt.en.map((w) => w.toLowerCase()),
    ]),
    things: tools.bilingual(thawLists.things, true),
    parts: tools.bilingual(thawLists.parts),
  };
  const onlySmoke = (phrase: string) =>
    smokeWords.zh.some((w) => phrase.includes(w)) ||
    latinWords(phrase).some((w) => smokeWords.en.some((s) => stem(w) === stem(s)));
  /** Chinese hazard words and pattern matches, sorted, a pattern match overlapping a word dropped. */
  const zhHazards = (clause: string): Span[] => {
    const words = hazard.zh(clause);
    const extra: Span[] = [];
    for (const group of [
      HAN.test(clause) ? hanPatterns : undefined,
      LATIN.test(clause) ? latinPatterns : undefined,
    ]) {
      if (group === undefined) continue;
      for (const candidate of group.filter.candidates(clause)) {
        const { pattern, gate, sticky } = group.list[
          candidate.index
        ] as (typeof group.list)[number];
        if (!matchesFrom(candidate, gate, sticky, clause)) continue;
        for (const m of clause.matchAll(pattern)) {
          const span = { start: m.index, end: m.index + m[0].length, phrase: m[0] };
          if (m[0] !== '' && ![...words, ...extra].some((w) => overlaps(w, span))) extra.push(span);
        }
      }
    }
    return extra.length === 0 ? words : [...words, ...extra].sort((a, b) => a.start - b.start);
  };
  const pairs = lexicon.hazard.pairs.map((pair) => ({
    name: pair.name,
    scope: pair.scope,
    keepNames: pair.names,
    carry: pair.carry,
    first: tools.bilingual(pair.first),
    second: tools.bilingual(pair.second),
    elsewhere: tools.bilingual(pair.elsewhere),
    unless:
      pair.unless.zh.length + pair.unless.en.length > 0
        ? tools.bilingual(pair.unless, true)
        : undefined,
  }));
  // Every pair's words as one list: a clause with none of them (most clauses) reads no pair.
  const anyPairWord = tools.bilingual({
    zh: lexicon.hazard.pairs.flatMap((p) => [...p.first.zh, ...p.second.zh, ...p.elsewhere.zh]),
    en: lexicon.hazard.pairs.flatMap((p) => [...p.first.en, ...p.second.en, ...p.elsewhere.en]),
  });
  const nearPairs = pairs.filter((pair) => pair.scope === 'near');
  const live = (text: string, tokens: readonly Token[], zh: Span[], en: Span[]) =>
    negation.zh(text, zh).some((n) => !n) || negation.en(tokens, en).some((n) => !n);

  /** One message's scan in progress. */
  function start(text: string, tokens: readonly Token[]) {
    const scan: HazardScan = { hazards: [], negatedHazards: [] };
    const mistySmoke = live(text, tokens, benignSmoke.zh(text), benignSmoke.en(tokens));
    const cooking = live(text, tokens, cookingSmoke.zh(text), cookingSmoke.en(tokens));
    const thawingMessage =
      thaw.melt.size > 0 && live(text, tokens, thaw.things.zh(text), thaw.things.en(tokens));
    const gasAppliance = live(
      text,
      tokens,
      ignition.appliances.zh(text),
      ignition.appliances.en(tokens),
    );
    // Pairs the message makes ordinary (a timer set): their words stand, the pair makes no hazard.
    const ordinary = new Set(
      pairs
        .filter(({ unless }) => unless && live(text, tokens, unless.zh(text), unless.en(tokens)))
        .map((pair) => pair.name),
    );
    const wholeMessage = { first: new Set<string>(), second: new Set<string>() };
    /**
     * For `near` pairs: whether the clause before had a pair's first word (or, with `carry`, an
     * earlier clause: `age` clauses ago), or its second.
     */
    let before = new Map<string, { first: boolean; second: boolean; age: number }>();
    let negatedBefore = 0;

    /**
     * Reads one clause; returns the spans to leave out of symptom matching. Pair words inside a
     * product name (`names`) do not count ("water" in "water heater").
     */
    function clause(text: string, tokens: Token[], names: HazardMask): HazardMask {
      // Safety first: a hazard denied in one clause and brought back in the next counts.
      if (negatedBefore > 0 && negation.revives(text, tokens)) {
        scan.hazards.push(...scan.negatedHazards.splice(-negatedBefore));
      }
      const negatedSoFar = scan.negatedHazards.length;
      // A gas appliance's igniter sparks, where nothing else in the clause could be sparking.
      const igniter =
        gasAppliance &&
        ignition.otherSparks.zh(text).length === 0 &&
        ignition.otherSparks.en(tokens).length === 0;
      const zhExceptions = igniter
        ? [...exceptions.zh(text), ...ignition.sparks.zh(text)]
        : exceptions.zh(text);
      const enExceptions = igniter
        ? [...exceptions.en(tokens), ...ignition.sparks.en(tokens)]
        : exceptions.en(tokens);
      const pairExceptions = {
        zh: [...zhExceptions, ...names.zh],
        en: [...enExceptions, ...names.en],
      };
      const masked: HazardMask = { zh: [], en: [] };
      // Cooking smoke is set aside except in a clause where an appliance or part is the one
      // smoking, or the smoke goes on after it stopped ("油烟机抽不走，微波炉也冒烟了").
      const setAside = mistySmoke || (cooking && !applianceSmoking.some((p) => p.test(text)));
      /** Smoke words in a message that calls it mist are set aside (and kept out of matching). */
      const mist = (spans: Span[], into: Span[]) => {
        if (!setAside) return spans;
        into.push(...spans.filter((s) => onlySmoke(s.phrase)));
        return spans.filter((s) => !onlySmoke(s.phrase));
      };
      // Melting in a message about ice or frozen food, where the clause names no part, is thawing.
      const thawing =
        thawingMessage && thaw.parts.zh(text).length + thaw.parts.en(tokens).length === 0;
      const unthawed = (spans: Span[]) =>
        thawing ? spans.filter((s) => !thaw.melt.has(s.phrase)) : spans;
      const found = {
        zh: unthawed(mist(withoutExceptions(zhHazards(text), zhExceptions), masked.zh)),
        en: unthawed(mist(withoutExceptions(hazard.en(tokens), enExceptions), masked.en)),
      };
      const zhNegated = negation.zh(text, found.zh);
      const enNegated = negation.en(tokens, found.en);
      found.zh.forEach((span, i) => {
        (zhNegated[i] ? scan.negatedHazards : scan.hazards).push(span.phrase);
        if (zhNegated[i]) masked.zh.push(span);
      });
      found.en.forEach((span, i) => {
        (enNegated[i] ? scan.negatedHazards : scan.hazards).push(span.phrase);
        if (enNegated[i]) masked.en.push(span);
      });
      const now = new Map<string, { first: boolean; second: boolean; age: number }>();
      const pairWords = anyPairWord.zh(text).length > 0 || anyPairWord.en(tokens).length > 0;
      /**
       * A carried appliance stays the subject of a clause that names no product ("It started
       * turning itself on"), for at most {@link CARRY_CLAUSES} clauses.
       */
      const namesNone = names.zh.length === 0 && names.en.length === 0;
      const carried = (pair: (typeof pairs)[number]) => {
        const last = before.get(pair.name);
        return pair.carry && namesNone && last?.first === true && last.age < CARRY_CLAUSES
          ? { first: true, second: false, age: last.age + 1 }
          : NEITHER;
      };
      // Without a pair word no pair's words stand: only the `near` pairs note their absence.
      if (!pairWords) for (const pair of nearPairs) now.set(pair.name, carried(pair));
      for (const pair of pairWords ? pairs : []) {
        const except = pair.keepNames ? { zh: zhExceptions, en: enExceptions } : pairExceptions;
        const firstLive = live(
          text,
          tokens,
          withoutExceptions(pair.first.zh(text), except.zh),
          withoutExceptions(pair.first.en(tokens), except.en),
        );
        const zhSecond = withoutExceptions(pair.second.zh(text), except.zh);
        const enSecond = withoutExceptions(pair.second.en(tokens), except.en);
        // The second word must stand too ("漏电保护没有跳", "漏水，但没跳闸" is no pair).
        const secondLive = live(text, tokens, zhSecond, enSecond);
        if (pair.scope === 'message') {
          if (firstLive) wholeMessage.first.add(pair.name);
          if (secondLive) wholeMessage.second.add(pair.name);
          continue;
        }
        if (pair.scope === 'near') {
          // Across two clauses only when this clause does not say something else did it.
          const ownSecond =
            secondLive &&
            pair.elsewhere.zh(text).length === 0 &&
            pair.elsewhere.en(tokens).length === 0;
          const last = before.get(pair.name);
          // A carried appliance (clauses back) is no subject of a clause that names another product.
          const lastFirst = last?.first === true && (last.age === 0 || namesNone);
          if (
            !ordinary.has(pair.name) &&
            ((firstLive && secondLive) ||
              (firstLive && last?.second === true) ||
              (ownSecond && lastFirst))
          )
            scan.hazards.push(pair.name);
          now.set(
            pair.name,
            firstLive
              ? { first: true, second: ownSecond, age: 0 }
              : { ...carried(pair), second: ownSecond },
          );
          continue;
        }
        if (firstLive && secondLive && !ordinary.has(pair.name)) scan.hazards.push(pair.name);
      }
      before = now;
      negatedBefore = scan.negatedHazards.length - negatedSoFar;
      return masked;
    }

    /** Ends the scan: pairs whose words stood anywhere in the message. */
    function finish(): HazardScan {
      for (const name of wholeMessage.first) {
        if (wholeMessage.second.has(name) && !ordinary.has(name)) scan.hazards.push(name);
      }
      return scan;
    }

    return { clause, finish };
  }

  return { start };
}

export type HazardScanner = ReturnType<typeof createHazardScanner>;

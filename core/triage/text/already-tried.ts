import type { TriageLexicon } from '../lexicon.ts';
import { createNormaliser } from './normalise.ts';
import { createPatternLists } from './start-keys.ts';

/** Where a sentence ends (a marker after a change is read up to here). */
const SENTENCE_END = /[。！？；;!?\n]|\.(?!\d)/;
/** Where a clause ends (a marker before a change is read from here). */
const CLAUSE_END = /[，,。！？；;!?\n…]|\.(?!\d)/;
/** How far after a change a cause marker, or a "still", may stand (characters). */
const AFTER_WINDOW = { zh: 16, en: 60 };
const PERSIST_WINDOW = { zh: 12, en: 60 };
/** A Chinese check right after a negation is not done ("没看过", "也没检查过"). */
const ZH_NEGATED = /(没|未|不|别|从未)(有)?$/;

const compile = (patterns: readonly string[], flags = 'i') =>
  patterns.map((p) => new RegExp(p, flags));
const anyOf = (patterns: readonly RegExp[], text: string) => patterns.some((p) => p.test(text));
const cut = (text: string, end: RegExp) => {
  const at = text.search(end);
  return at < 0 ? text : text.slice(0, at);
};
const lastPiece = (text: string, end: RegExp) => {
  const global = new RegExp(end.source, 'g');
  let from = 0;
  for (const m of text.matchAll(global)) from = m.index + m[0].length;
  return text.slice(from);
};

/** The lexicon's already-tried checks and the rule that tells a check from a change that caused it. */
function createTriedReader(lexicon: TriageLexicon) {
  const checks = {
    zh: compile(lexicon.alreadyTried.zh, 'gi'),
    en: compile(lexicon.alreadyTried.en, 'gi'),
  };
  const rulesFor = (language: 'zh' | 'en') => {
    const { changes, after, before, persists } = lexicon.changeCaused;
    return {
      changes: compile(changes[language]),
      after: compile(after[language]),
      before: compile(before[language]),
      persists: compile(persists[language]),
    };
  };
  const cause = { zh: rulesFor('zh'), en: rulesFor('en') };

  const counts = (text: string, start: number, end: number, language: 'zh' | 'en') => {
    const ahead = text.slice(0, start);
    if (language === 'zh' && ZH_NEGATED.test(ahead)) return false;
    const rules = cause[language];
    if (!anyOf(rules.changes, text.slice(start, end))) return true;
    const rest = cut(text.slice(end), SENTENCE_END).slice(0, AFTER_WINDOW[language]);
    const caused = anyOf(rules.after, rest) || anyOf(rules.before, lastPiece(ahead, CLAUSE_END));
    return !caused || anyOf(rules.persists, rest.slice(0, PERSIST_WINDOW[language]));
  };

  // Whether any check matches, read where the text has the checks' start keys.
  const anyCheck = createPatternLists([[...lexicon.alreadyTried.zh, ...lexicon.alreadyTried.en]]);
  const any = { test: (text: string) => anyCheck.read(text)[0] === true };
  return { checks, counts, any };
}

/**
 * "The customer already did the misuse checks" (design.md, "Triage"): any `alreadyTried` pattern,
 * except where the match is a change that caused the problem rather than a check — "换了个HDMI口就
 * 没信号", "moved it to another room and now no signal", "since I switched to a new router" — and,
 * in Chinese, a check under a negation ("没看过"). A change followed by "still" / "还是不行" counts.
 */
export function createAlreadyTried(lexicon: TriageLexicon): (text: string) => boolean {
  const { checks, counts, any } = createTriedReader(lexicon);
  return (text) => {
    if (!any.test(text)) return false;
    for (const language of ['zh', 'en'] as const) {
      for (const pattern of checks[language]) {
        for (const m of text.matchAll(pattern)) {
          if (counts(text, m.index, m.index + m[0].length, language)) return true;
        }
      }
    }
    return false;
  };
}

/** The longest text read for checks already done (a report is cut at 2,000 characters before). */
const NORMALISED_MAX = 4_000;
/** The longest piece of the customer's words kept as one check already done, in characters. */
const TRIED_PIECE_MAX = 120;
/** Clause marks, a run of them one boundary ("…", NFKC's "...", ",\n"), in the text as written and as read. */
const CLAUSE_MARKS = /(?:[，,。！？；;!?\n…]|\.(?!\d))+/g;
/** A clause that only says it still fails ("还是不行", "still the same"): what was tried is before it. */
const CONTINUES = /^\s*(?:and\s+)?(?:still|also|even|也|还是|仍然|依然|照样|还|都)/;

/** The clauses of a text, as [start, end) offsets, split at runs of clause marks. */
function clausesOf(text: string): [number, number][] {
  const bounds: [number, number][] = [];
  let from = 0;
  for (const m of text.matchAll(CLAUSE_MARKS)) {
    bounds.push([from, m.index]);
    from = m.index + m[0].length;
  }
  bounds.push([from, text.length]);
  return bounds;
}

/**
 * The checks the customer says they already did, in their own words, as {@link createAlreadyTried}
 * reads them (on the text normalised as triage reads it: Traditional, Cantonese): each the clause
 * its match stands in — "I already cleaned the filter", "濾網已經洗過了" — or the clauses it spans
 * ("restarted it twice, still the same"; a clause that only says it still fails takes the one
 * before it: "换了插座，还是不行"), as the customer wrote them; a piece inside another is left out,
 * in the text's order.
 */
export function createAlreadyTriedPieces(lexicon: TriageLexicon): (text: string) => string[] {
  const { checks, counts, any } = createTriedReader(lexicon);
  const normaliser = createNormaliser(lexicon, NORMALISED_MAX);
  const normalise = (text: string) => normaliser(text).text;
  return (raw) => {
    const text = normalise(raw);
    if (!any.test(text)) return [];
    const read = clausesOf(text);
    const written = clausesOf(raw);
    // Normalising keeps the clause marks (a run stays a run): clause n is clause n as written.
    if (read.length !== written.length) return [];
    const clauseAt = (at: number) =>
      Math.max(
        0,
        read.findIndex(([start, end]) => at >= start && at <= end),
      );
    const spans: [number, number][] = [];
    for (const language of ['zh', 'en'] as const) {
      for (const pattern of checks[language]) {
        for (const m of text.matchAll(pattern)) {
          const end = m.index + m[0].length;
          if (!counts(text, m.index, end, language)) continue;
          let first = clauseAt(m.index);
          const last = clauseAt(Math.max(m.index, end - 1));
          const clause = text.slice(read[first]?.[0] ?? 0, read[first]?.[1] ?? text.length);
          if (first > 0 && first === last && CONTINUES.test(clause)) first -= 1;
          spans.push([first, last]);
        }
      }
    }
    const kept = spans.filter(
      ([first, last], index) =>
        !spans.some(
          ([f, l], other) =>
            other !== index && f <= first && l >= last && (f < first || l > last || other < index),
        ),
    );
    return kept
      .sort(([a], [b]) => a - b)
      .map(([first, last]) => raw.slice(written[first]?.[0] ?? 0, written[last]?.[1]).trim())
      .filter((piece) => piece.length > 0 && piece.length <= TRIED_PIECE_MAX);
  };
}

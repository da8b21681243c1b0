import type { TriageLexicon } from '../lexicon.ts';
import { overlaps, type Span } from './phrase-matcher.ts';

/** A Latin token of a clause: `word` after irregular forms (burnt → burn), `stem` after stemming. */
export type Token = { raw: string; word: string; stem: string; stop: boolean };

/** Finds literal phrases in Chinese text and stemmed phrases in Latin tokens. */
export type BilingualFinder = {
  zh: (text: string) => Span[];
  en: (tokens: readonly Token[]) => Span[];
};

const boundary = (list: readonly string[]) => new Set(list);

/**
 * Negation scope, shared by hazard words and the "water on electrics" pairs. A word is negated
 * when a negation precedes it with only gap words between ("没闻到有焦味", "no sign of smoke"), or
 * when it follows a negated word with only a coordinating word between ("no smoke or sparks").
 */
export function createNegation(lexicon: TriageLexicon) {
  const { cues, gap, coordination, revive, idioms, comparison } = lexicon.negation;
  const zhNegators = [...cues.zh].sort((a, b) => b.length - a.length);
  const zhGap = [...gap.zh].sort((a, b) => b.length - a.length);
  const zhCoordination = boundary(coordination.zh);
  const enNegators = boundary(cues.en);
  const enGap = boundary(gap.en);
  const enCoordination = boundary(coordination.en);
  const enRevive = boundary(revive.en.filter((phrase) => !phrase.includes(' ')));
  /** Revival phrases of several words ("like this": "never seen smoke like this" is smoke). */
  const enRevivePhrases = revive.en
    .filter((phrase) => phrase.includes(' '))
    .map((phrase) => phrase.split(' '));
  const enIdioms = idioms.en.map((phrase) => phrase.split(' '));
  /** Whether the negation word at `at` ends an idiom that negates nothing ("if not"). */
  const enIdiomAt = (tokens: readonly Token[], at: number): boolean =>
    enIdioms.some(
      (words) =>
        at + 1 >= words.length &&
        words.every((word, k) => tokens[at + 1 - words.length + k]?.raw === word),
    );
  /** A revival word within the rest of the clause ends the negation. */
  const zhRevived = (text: string, end: number): boolean => {
    const rest = text.slice(end, end + 16).split(/[。！？!?；;\n]/)[0] ?? '';
    return revive.zh.some((word) => rest.includes(word));
  };
  const enRevived = (tokens: readonly Token[], end: number): boolean =>
    tokens
      .slice(end, end + 8)
      .some(
        (token, k) =>
          enRevive.has(token.raw) ||
          enRevive.has(token.word) ||
          enRevivePhrases.some((words) =>
            words.every((word, w) => tokens[end + k + w]?.raw === word),
          ),
      );

  const zhNegatedAt = (text: string, start: number): boolean => {
    if (comparison.zh.some((word) => text.startsWith(word, start))) return false;
    let end = start;
    for (let step = 0; step < 4; step++) {
      if (zhNegators.some((n) => end >= n.length && text.startsWith(n, end - n.length)))
        return true;
      const word = zhGap.find((g) => end >= g.length && text.startsWith(g, end - g.length));
      if (word === undefined) return false;
      end -= word.length;
    }
    return false;
  };
  const enNegatedAt = (tokens: readonly Token[], start: number): boolean => {
    for (let j = start - 1, steps = 0; j >= 0 && steps <= 4; j--, steps++) {
      const token = tokens[j];
      if (token === undefined) return false;
      if (enNegators.has(token.word)) return !enIdiomAt(tokens, j);
      if (!enGap.has(token.raw) && !enGap.has(token.word)) return false;
    }
    return false;
  };

  return {
    /** Whether a clause brings back a hazard negated in the clause before ("没闻到焦味，现在很明显"). */
    revives(clause: string, tokens: readonly Token[]): boolean {
      return zhRevived(clause, 0) || enRevived(tokens, 0);
    },
    /** Marks each span negated or not, in order; spans must be sorted by start. */
    zh(text: string, spans: readonly Span[]): boolean[] {
      let lastNegatedEnd = -1;
      return spans.map((span) => {
        const between = lastNegatedEnd >= 0 ? text.slice(lastNegatedEnd, span.start) : undefined;
        const negated =
          (zhNegatedAt(text, span.start) ||
            (between !== undefined && (between === '' || zhCoordination.has(between)))) &&
          !zhRevived(text, span.end);
        if (negated) lastNegatedEnd = span.end;
        return negated;
      });
    },
    en(tokens: readonly Token[], spans: readonly Span[]): boolean[] {
      let lastNegatedEnd = -1;
      return spans.map((span) => {
        const between = lastNegatedEnd >= 0 ? tokens.slice(lastNegatedEnd, span.start) : undefined;
        const negated =
          (enNegatedAt(tokens, span.start) ||
            (between?.every((t) => enCoordination.has(t.raw)) ?? false)) &&
          !enRevived(tokens, span.end);
        if (negated) lastNegatedEnd = span.end;
        return negated;
      });
    },
  };
}

/** Drops spans that overlap an exception ("Fire TV" is not a fire). */
export function withoutExceptions(spans: Span[], exceptions: Span[]): Span[] {
  return exceptions.length === 0
    ? spans
    : spans.filter((s) => !exceptions.some((e) => overlaps(s, e)));
}

/** Builds one case-insensitive regular expression from a list of patterns. */
export function anyPattern(patterns: readonly string[]): RegExp | undefined {
  return patterns.length === 0
    ? undefined
    : new RegExp(patterns.map((p) => `(?:${p})`).join('|'), 'i');
}

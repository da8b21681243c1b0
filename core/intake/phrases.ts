import { foldText } from './text.ts';

/**
 * Reading short replies the customer types instead of pressing a button ("yes all good now
 * thanks", "还是不行", "仲係唔得", "跳过"): the text is folded (width, case, punctuation, emoji gone)
 * and compared with phrase lists written in English, Simplified and Traditional Chinese and
 * Cantonese. English words match whole words; Chinese phrases match as written.
 */

/** Longest text read as a short reply: anything longer is a sentence, read by triage. */
const MAX_WORDS = 8;
const MAX_HAN = 16;

/** The text as the phrase lists are written: lower case, no punctuation, symbols or emoji. */
export function toPhraseText(text: string): string {
  return foldText(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}'\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether the text is short enough to be a reply to a button question rather than a report. */
export function isShortReply(text: string): boolean {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const words = text
    .replace(/\p{Script=Han}/gu, ' ')
    .split(/\s+/)
    .filter(Boolean).length;
  return han <= MAX_HAN && words <= MAX_WORDS && han + words > 0;
}

const escapeRegExp = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A phrase as a pattern: Latin words bounded by non-letters, Chinese as written. */
const toPattern = (phrase: string) => {
  const body = escapeRegExp(phrase).replace(/ /g, '\\s*');
  return /^[a-z0-9']/.test(phrase) ? `(?<![\\p{L}\\p{N}'])${body}(?![\\p{L}\\p{N}'])` : body;
};

/** Longest first, so "not working" is tried before "working". */
const alternation = (phrases: readonly string[]) =>
  [...phrases]
    .sort((a, b) => b.length - a.length)
    .map(toPattern)
    .join('|');

/** A set of phrases: whether a text contains one of them. */
export type PhraseList = {
  /** Whether the folded text contains one of the phrases. */
  within(folded: string): boolean;
  /** The folded text with every phrase replaced by a space. */
  without(folded: string): string;
};

export function phraseList(phrases: readonly string[]): PhraseList {
  const any = new RegExp(`(?:${alternation(phrases)})`, 'u');
  const all = new RegExp(`(?:${alternation(phrases)})`, 'gu');
  return {
    within: (folded) => any.test(folded),
    without: (folded) => folded.replace(all, ' ').replace(/\s+/g, ' ').trim(),
  };
}

/**
 * Reads a folded text as a sequence of known phrases, each list a class ("greeting", "filler"):
 * the classes the text is made of, or `undefined` when some of it is none of the phrases. The
 * longest phrase wins where two overlap ("你好" is a greeting, not "好").
 *
 * The phrases are read one after another from the start, each where the last ended (spaces
 * between them skipped), so a text is given up at its first character no phrase starts at: a
 * report ("the fridge is warm") is given up at its first word instead of being searched whole.
 */
export function phraseClasses<C extends string>(
  lists: Readonly<Record<C, readonly string[]>>,
): (folded: string) => Set<C> | undefined {
  const compact = (value: string) => value.replace(/\s+/g, '');
  const classOf = new Map<string, C>();
  const phrases: string[] = [];
  for (const [name, list] of Object.entries(lists) as [C, readonly string[]][])
    for (const phrase of list) {
      if (classOf.has(compact(phrase))) continue;
      classOf.set(compact(phrase), name);
      phrases.push(phrase);
    }
  // One pattern per first character, its phrases in the alternation's order: at a place only the
  // phrases starting with its character can match, and the first of them that matches is the one
  // the whole alternation finds. A message's first reading of one large pattern cost 0.2 ms in the
  // bot (its machine code out of the caches), a hundred times a reading in a loop.
  const byFirst = new Map<number, RegExp>();
  const ordered = [...phrases].sort((a, b) => b.length - a.length);
  for (const first of new Set(ordered.map((phrase) => phrase.codePointAt(0) ?? 0))) {
    const own = ordered.filter((phrase) => phrase.codePointAt(0) === first);
    byFirst.set(first, new RegExp(own.map(toPattern).join('|'), 'uy'));
  }
  const space = /\s+/y;
  return (folded) => {
    const found = new Set<C>();
    let at = 0;
    while (at < folded.length) {
      space.lastIndex = at;
      if (space.test(folded)) {
        at = space.lastIndex;
        continue;
      }
      const next = byFirst.get(folded.codePointAt(at) ?? 0);
      if (next === undefined) return undefined;
      next.lastIndex = at;
      const match = next.exec(folded);
      const name = match ? classOf.get(compact(match[0])) : undefined;
      if (name === undefined) return undefined;
      found.add(name);
      at = next.lastIndex;
    }
    return found.size > 0 ? found : undefined;
  };
}

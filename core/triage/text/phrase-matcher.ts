/** A span of a matched phrase in a string or token list: [start, end). */
export type Span = { start: number; end: number; phrase: string };

/** A trie node: its children by UTF-16 code unit; a phrase ending here, and the lists it is in. */
type TrieNode = {
  next: Map<number, TrieNode>;
  phrase: string | undefined;
  /** A Latin phrase matches only at word edges (so "air con" does not fire inside "air conditioner"). */
  edges: boolean;
  lists: number[];
};

const isAscii = (text: string) => /^[\x20-\x7e]+$/.test(text);
/** Whether a code unit is one of [a-z0-9], what a word edge may not touch. */
const isWordUnit = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
const node = (): TrieNode => ({ next: new Map(), phrase: undefined, edges: false, lists: [] });

/**
 * What was worked out for the last few keys, compared by identity (`===`): the same clause, or the
 * same token list, read by list after list. Cheaper than a map for the two or three keys in play.
 */
export function createRecent<K, V>(size: number) {
  let keys: K[] = [];
  let values: V[] = [];
  let next = 0;
  return {
    get(key: K, make: (key: K) => V): V {
      for (let i = 0; i < keys.length; i++) if (keys[i] === key) return values[i] as V;
      const value = make(key);
      keys[next] = key;
      values[next] = value;
      next = (next + 1) % size;
      return value;
    },
    clear() {
      keys = [];
      values = [];
      next = 0;
    },
  };
}

/**
 * Several lists of literal phrases read together: one walk of a trie of every list's phrases over a
 * text finds what each list finds, where reading each list apart costs a pass over the text per
 * list (the hazard net's pairs alone are two dozen lists read on every clause). A list's finder
 * answers as {@link createPhraseFinder} does; the walk is made once per text: the last texts read
 * and what every list found in them are kept, so each list's finder called on the same text in turn
 * reads no more. Deterministic: what a finder returns depends on its text only.
 */
export function createPhraseSet() {
  const root = node();
  let lists = 0;
  const found = createRecent<string, (Span[] | undefined)[]>(2);
  // What may start at a code unit: nothing (0), only Latin phrases, which need a word edge
  // before them (1), or some phrase that needs none (2). Most places of a text are passed over
  // without a look-up.
  const starts = new Uint8Array(0x10000);

  // Scratch space for `walk` (never re-entered), per list: where its last match ended (no match
  // may start before), and its longest phrase at the position being read.
  let free = new Int32Array(0);
  let longest: (TrieNode | undefined)[] = [];
  const touched: number[] = [];

  /** What each list finds in a text; a list that finds nothing has no entry. */
  function walk(text: string): (Span[] | undefined)[] {
    const spans: (Span[] | undefined)[] = [];
    if (free.length !== lists) {
      free = new Int32Array(lists);
      longest = new Array(lists).fill(undefined);
    } else free.fill(0);
    for (let start = 0; start < text.length; start++) {
      const code = text.charCodeAt(start);
      const may = starts[code] as number;
      if (may === 0) continue;
      const edgeBefore = start === 0 || !isWordUnit(text.charCodeAt(start - 1));
      if (may === 1 && !edgeBefore) continue;
      let at: TrieNode | undefined = root.next.get(code);
      if (at === undefined) continue;
      for (let end = start + 1; at !== undefined; end++) {
        if (
          at.phrase !== undefined &&
          (!at.edges || (edgeBefore && (end === text.length || !isWordUnit(text.charCodeAt(end)))))
        ) {
          for (const list of at.lists) {
            if ((free[list] as number) > start) continue;
            if (longest[list] === undefined) touched.push(list);
            longest[list] = at;
          }
        }
        if (end === text.length) break;
        at = at.next.get(text.charCodeAt(end));
      }
      for (const list of touched) {
        const phrase = longest[list]?.phrase ?? '';
        const span = { start, end: start + phrase.length, phrase };
        const found = spans[list];
        if (found === undefined) spans[list] = [span];
        else found.push(span);
        free[list] = start + phrase.length;
        longest[list] = undefined;
      }
      touched.length = 0;
    }
    return spans;
  }

  return {
    /**
     * Adds a list; its finder returns the list's phrases found in a text, left to right, the
     * longest where several start at one place, none overlapping (as a regular expression of the
     * phrases, longest first, read with `matchAll`). Latin phrases match only at word edges.
     */
    add(phrases: Iterable<string>): (text: string) => Span[] {
      const list = lists++;
      found.clear();
      for (const phrase of new Set(phrases)) {
        if (phrase.length === 0) continue;
        let at = root;
        for (let i = 0; i < phrase.length; i++) {
          const code = phrase.charCodeAt(i);
          let child = at.next.get(code);
          if (child === undefined) {
            child = node();
            at.next.set(code, child);
          }
          at = child;
        }
        at.phrase = phrase;
        at.edges = isAscii(phrase);
        const first = phrase.charCodeAt(0);
        starts[first] = Math.max(starts[first] as number, at.edges ? 1 : 2);
        if (!at.lists.includes(list)) at.lists.push(list);
      }
      return (text) => found.get(text, walk)[list]?.map((span) => ({ ...span })) ?? [];
    },
  };
}

/**
 * Finds any of a list of literal phrases in a string, longest first. Latin phrases match only at
 * word edges (so "air con" does not fire inside "air conditioner").
 */
export function createPhraseFinder(phrases: Iterable<string>): (text: string) => Span[] {
  return createPhraseSet().add(phrases);
}

/** Replaces phrases by their mapped value, longest first (Cantonese → Mandarin, 雪柜 → 冰箱). */
export function createReplacer(table: Record<string, string>): (text: string) => string {
  const keys = Object.keys(table);
  if (keys.length === 0) return (text) => text;
  const find = createPhraseFinder(keys);
  return (text) => {
    const spans = find(text);
    if (spans.length === 0) return text;
    let out = '';
    let at = 0;
    for (const span of spans) {
      out += text.slice(at, span.start) + (table[span.phrase] ?? span.phrase);
      at = span.end;
    }
    return out + text.slice(at);
  };
}

type StemSequence = { stems: string[]; phrase: string };

/**
 * Several lists of stem sequences (multi-word phrases already stemmed) read together, as
 * {@link createPhraseSet} reads literal phrases: one look-up per stem serves every list, and what
 * each list found in the last lists of stems is kept, so each list's finder called on the same
 * stems in turn reads no more.
 */
export function createStemSequenceSet() {
  const byFirst = new Map<string, { sequence: StemSequence; list: number }[]>();
  let lists = 0;
  const found = createRecent<readonly string[], (Span[] | undefined)[]>(3);

  /** What each list finds in a list of stems; a list that finds nothing has no entry. */
  function walk(stems: readonly string[]): (Span[] | undefined)[] {
    const spans: (Span[] | undefined)[] = [];
    stems.forEach((stem, start) => {
      for (const { sequence, list } of byFirst.get(stem) ?? []) {
        if (sequence.stems.every((s, k) => stems[start + k] === s)) {
          const span = { start, end: start + sequence.stems.length, phrase: sequence.phrase };
          const found = spans[list];
          if (found === undefined) spans[list] = [span];
          else found.push(span);
        }
      }
    });
    return spans;
  }

  return {
    /** Adds a list; its finder returns token spans, overlapping matches all kept. */
    add(sequences: Iterable<StemSequence>): (stems: readonly string[]) => Span[] {
      const list = lists++;
      found.clear();
      for (const sequence of sequences) {
        const first = sequence.stems[0];
        if (first === undefined) continue;
        const candidates = byFirst.get(first) ?? [];
        candidates.push({ sequence, list });
        byFirst.set(first, candidates);
      }
      return (stems) => found.get(stems, walk)[list]?.map((span) => ({ ...span })) ?? [];
    },
  };
}

/**
 * Finds sequences of stems (multi-word phrases already stemmed) in a list of stems.
 * Returns token spans; overlapping matches are all kept.
 */
export function createStemSequenceFinder(
  sequences: Iterable<StemSequence>,
): (stems: readonly string[]) => Span[] {
  return createStemSequenceSet().add(sequences);
}

/** Whether two spans share at least one position. */
export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

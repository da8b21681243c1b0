/**
 * Start keys: the one or two characters any match of a pattern must begin with, read from the
 * pattern's source, so that a list of patterns tried on a text is narrowed to the ones whose key
 * the text has (`\b(?:smell|odou?r)…` can match only where a word starts "sm" or "od"). It is a
 * filter, never a reading: a pattern whose start it cannot tell for certain is always tried.
 *
 * Written for patterns compiled with the `i` flag and without `u`: ASCII letters are compared in
 * lower case, a word boundary and `\w` are ASCII, and no other character folds to an ASCII one.
 */

const SPECIAL = new Set('\\^$.|?*+()[]{}');
/** Quantifiers that may leave the atom before them out (or that this reader does not count). */
const OPTIONAL = new Set('?*{');
const ASCII_WORD = /^[a-z0-9_]$/;
/** The longest key: three characters tell most words apart ("sme" for "smell", "smoke"). */
const KEY_LENGTH = 3;

/** What a pattern's matches must start with: `keys` at a word start (`\b`), or anywhere. */
export type StartKeys = { atWordStart: boolean; keys: string[] };

/** Calls `each` with every character of a source from `from` outside escapes and classes, until it returns true. */
function eachOutsideClasses(
  source: string,
  from: number,
  each: (c: string, at: number) => boolean,
): void {
  let inClass = false;
  for (let i = from; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (each(c, i)) return;
  }
}

/** The index just after the group that opens at `open`, or -1 when it never closes. */
export function afterGroup(source: string, open: number): number {
  let depth = 0;
  let end = -1;
  eachOutsideClasses(source, open, (c, at) => {
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) end = at + 1;
    return end >= 0;
  });
  return end;
}

/**
 * A pattern's source without its leading lookbehinds (`(?<!…)`, `(?<=…)`): the gate that any
 * match of the pattern also matches.
 */
export function withoutLookbehind(source: string): string {
  let rest = source;
  while (rest.startsWith('(?<!') || rest.startsWith('(?<=')) {
    const end = afterGroup(rest, 0);
    if (end < 0) return source;
    rest = rest.slice(end);
  }
  return rest;
}

/** A source split at its top-level `|`. */
function alternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  eachOutsideClasses(source, 0, (c, at) => {
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(from, at));
      from = at + 1;
    }
    return false;
  });
  parts.push(source.slice(from));
  return parts;
}

/** The literal character at `at` and where the next atom starts, or undefined for anything else. */
function literalAt(source: string, at: number): { char: string; next: number } | undefined {
  const c = source[at];
  if (c === undefined) return undefined;
  if (c === '\\') {
    const escaped = source[at + 1];
    // `\d`, `\b`, `\1`, `\u…`: a class, an assertion or a reference, not a literal.
    if (escaped === undefined || /[a-z0-9]/i.test(escaped)) return undefined;
    return { char: escaped, next: at + 2 };
  }
  return SPECIAL.has(c) ? undefined : { char: c, next: at + 1 };
}

/**
 * A literal as a key character: ASCII in lower case, or a Han character (which has no case);
 * undefined for any other, whose case folding this reader does not follow.
 */
function keyChar(c: string): string | undefined {
  const code = c.charCodeAt(0);
  if (code < 0x80) return c.toLowerCase();
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) ? c : undefined;
}

/** Keys of one to {@link KEY_LENGTH} characters, one of which starts every match of `source`; undefined if unsure. */
function prefixKeys(source: string): string[] | undefined {
  if (source.startsWith('(')) {
    // Lookarounds and named groups are not read.
    if (source.startsWith('(?=') || source.startsWith('(?!') || source.startsWith('(?<'))
      return undefined;
    const end = afterGroup(source, 0);
    if (end < 0 || OPTIONAL.has(source[end] ?? '')) return undefined;
    const body = source.slice(source.startsWith('(?:') ? 3 : 1, end - 1);
    const keys: string[] = [];
    for (const alternative of alternatives(body)) {
      const own = prefixKeys(alternative);
      if (own === undefined) return undefined;
      keys.push(...own);
    }
    return keys;
  }
  let key = '';
  let at = 0;
  while (key.length < KEY_LENGTH) {
    const literal = literalAt(source, at);
    if (literal === undefined || OPTIONAL.has(source[literal.next] ?? '')) break;
    const c = keyChar(literal.char);
    if (c === undefined) break;
    key += c;
    at = literal.next;
  }
  return key === '' ? undefined : [key];
}

/** The start keys of a pattern's source, or undefined when they cannot be told for certain. */
export function startKeys(source: string): StartKeys | undefined {
  if (alternatives(source).length > 1) return undefined;
  const atWordStart = source.startsWith('\\b');
  const keys = prefixKeys(atWordStart ? source.slice(2) : source);
  if (keys === undefined || keys.length === 0) return undefined;
  // After `\b` a match starting with a word character starts a word; anything else is not indexed.
  if (atWordStart && !keys.every((k) => ASCII_WORD.test(k[0] ?? ''))) return undefined;
  return { atWordStart, keys: [...new Set(keys)] };
}

const isWordCode = (code: number) =>
  (code >= 97 && code <= 122) ||
  (code >= 65 && code <= 90) ||
  (code >= 48 && code <= 57) ||
  code === 95;
const lowerCode = (code: number) => (code >= 65 && code <= 90 ? code + 32 : code);

/** A trie of keys by code unit: the patterns keyed by the characters so far. */
type KeyNode = { patterns: number[]; next: Map<number, KeyNode> };
const keyNode = (): KeyNode => ({ patterns: [], next: new Map() });

/** One pattern that may match a text: where its matches may start, or everywhere (`undefined`). */
export type StartCandidate = { index: number; starts: number[] | undefined };

/**
 * Narrows a list of patterns (their sources, as compiled with the `i` flag) to where they may
 * match a text: `candidates(text)` lists, in the patterns' order, each pattern that may match and
 * the positions its matches may start at (a pattern or a position left out cannot match there).
 * A pattern whose start keys cannot be told is listed for every text, with no positions.
 */
export function createStartFilter(sources: readonly string[]) {
  const always: number[] = [];
  const atWordStart = keyNode();
  const anywhere = keyNode();
  sources.forEach((source, i) => {
    const found = startKeys(source);
    if (found === undefined) {
      always.push(i);
      return;
    }
    for (const key of found.keys) {
      let node = found.atWordStart ? atWordStart : anywhere;
      for (let k = 0; k < key.length; k++) {
        const code = key.charCodeAt(k);
        let next = node.next.get(code);
        if (next === undefined) {
          next = keyNode();
          node.next.set(code, next);
        }
        node = next;
      }
      if (!node.patterns.includes(i)) node.patterns.push(i);
    }
  });
  // Each trie's first level by code unit (in lower case), the nodes numbered from 1 (0: no key
  // begins with it): most characters of a text begin none, and none costs a look-up.
  const firstLevel = (root: KeyNode) => {
    const nodes: KeyNode[] = [];
    const table = new Int32Array(0x10000);
    for (const [code, node] of root.next) table[code] = nodes.push(node);
    return { nodes, table };
  };
  const firstOf = { atWordStart: firstLevel(atWordStart), anywhere: firstLevel(anywhere) };
  // Scratch space for `candidates` (never re-entered): each pattern's starts so far, and which
  // patterns have any.
  const starts: (number[] | undefined)[] = new Array(sources.length).fill(undefined);
  const marked: number[] = [];
  /** Notes `at` for the patterns keyed by the characters from `at` (the first one's node given). */
  const mark = (first: KeyNode, text: string, at: number) => {
    let node: KeyNode | undefined = first;
    for (let k = at + 1; ; k++) {
      for (const i of node.patterns) {
        const list = starts[i];
        if (list === undefined) {
          starts[i] = [at];
          marked.push(i);
        } else if (list[list.length - 1] !== at) list.push(at);
      }
      if (k >= text.length) return;
      node = node.next.get(lowerCode(text.charCodeAt(k)));
      if (node === undefined) return;
    }
  };
  const anyAnywhere = anywhere.next.size > 0;
  return {
    /** The candidates in the patterns' order, or in no order when `ordered` is false. */
    candidates(text: string, ordered = true): StartCandidate[] {
      let wordBefore = false;
      for (let at = 0; at < text.length; at++) {
        const code = text.charCodeAt(at);
        const lower = lowerCode(code);
        if (anyAnywhere) {
          const first = firstOf.anywhere.table[lower] as number;
          if (first !== 0) mark(firstOf.anywhere.nodes[first - 1] as KeyNode, text, at);
        }
        const word = isWordCode(code);
        if (word && !wordBefore) {
          const first = firstOf.atWordStart.table[lower] as number;
          if (first !== 0) mark(firstOf.atWordStart.nodes[first - 1] as KeyNode, text, at);
        }
        wordBefore = word;
      }
      // A pattern whose keys cannot be told is never marked: its starts stay undefined.
      for (const index of always) marked.push(index);
      if (ordered) marked.sort((a, b) => a - b);
      const out: StartCandidate[] = [];
      for (const index of marked) out.push({ index, starts: starts[index] });
      for (const index of marked) starts[index] = undefined;
      marked.length = 0;
      return out;
    },
  };
}

/**
 * Whether a pattern matches a text, tried only where {@link createStartFilter} says a match may
 * start: `sticky` is the pattern compiled with the `y` flag as well.
 */
export function matchesFrom(
  candidate: StartCandidate,
  pattern: RegExp,
  sticky: RegExp,
  text: string,
): boolean {
  if (candidate.starts === undefined) return pattern.test(text);
  for (const at of candidate.starts) {
    sticky.lastIndex = at;
    if (sticky.test(text)) return true;
  }
  return false;
}

/**
 * Lists of patterns read on one text (each list as one case-insensitive alternation of its
 * patterns would read it): `read(text)` says, list by list, whether any of its patterns matches.
 * Every pattern is tried only where the text has its start keys ({@link createStartFilter}), one
 * walk of the text serving every list: a large alternation is tried at every position of the
 * text, each of its patterns in turn.
 */
export function createPatternLists(lists: readonly (readonly string[])[]) {
  const owner: number[] = [];
  const sources: string[] = [];
  lists.forEach((list, at) => {
    for (const source of list) {
      owner.push(at);
      sources.push(source);
    }
  });
  const whole = sources.map((source) => new RegExp(source, 'i'));
  const sticky = sources.map((source) => new RegExp(source, 'iy'));
  const filter = createStartFilter(sources.map(withoutLookbehind));
  return {
    /** Whether each list matches a text, in the lists' order. */
    read(text: string): boolean[] {
      const found = lists.map(() => false);
      for (const candidate of filter.candidates(text, false)) {
        const list = owner[candidate.index] as number;
        if (found[list] === true) continue;
        const i = candidate.index;
        if (matchesFrom(candidate, whole[i] as RegExp, sticky[i] as RegExp, text))
          found[list] = true;
      }
      return found;
    },
  };
}

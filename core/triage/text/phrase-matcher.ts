/** A span of a matched phrase in a string or token list: [start, end). */
export type Span = { start: number; end: number; phrase: string };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const isAscii = (text: string) => /^[\x20-\x7e]+$/.test(text);

/**
 * Finds any of a list of literal phrases in a string, longest first. Latin phrases match only at
 * word edges (so "air con" does not fire inside "air conditioner").
 */
export function createPhraseFinder(phrases: Iterable<string>): (text: string) => Span[] {
  const unique = [...new Set([...phrases].filter((p) => p.length > 0))];
  if (unique.length === 0) return () => [];
  unique.sort((a, b) => b.length - a.length);
  const source = unique
    .map((p) => (isAscii(p) ? `(?<![a-z0-9])${escapeRegExp(p)}(?![a-z0-9])` : escapeRegExp(p)))
    .join('|');
  const pattern = new RegExp(source, 'g');
  return (text) => {
    const spans: Span[] = [];
    for (const match of text.matchAll(pattern)) {
      spans.push({ start: match.index, end: match.index + match[0].length, phrase: match[0] });
    }
    return spans;
  };
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

/**
 * Finds sequences of stems (multi-word phrases already stemmed) in a list of stems.
 * Returns token spans; overlapping matches are all kept.
 */
export function createStemSequenceFinder(
  sequences: Iterable<{ stems: string[]; phrase: string }>,
): (stems: readonly string[]) => Span[] {
  const byFirst = new Map<string, { stems: string[]; phrase: string }[]>();
  for (const sequence of sequences) {
    const first = sequence.stems[0];
    if (first === undefined) continue;
    const list = byFirst.get(first) ?? [];
    list.push(sequence);
    byFirst.set(first, list);
  }
  return (stems) => {
    const spans: Span[] = [];
    stems.forEach((stem, start) => {
      for (const candidate of byFirst.get(stem) ?? []) {
        if (candidate.stems.every((s, k) => stems[start + k] === s)) {
          spans.push({ start, end: start + candidate.stems.length, phrase: candidate.phrase });
        }
      }
    });
    return spans;
  };
}

/** Whether two spans share at least one position. */
export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

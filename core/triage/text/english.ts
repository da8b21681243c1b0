/**
 * Light English stemming: plurals, -ed, -ing, -ly and a final -e, so that "leaks", "leaking" and
 * "leaked" meet, as do "freeze" and "freezing". Deliberately small (not Porter): product words
 * such as "heater" and "washer" keep their -er so they stay apart from "heat" and "wash".
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !/(ss|us|is|ys)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length >= 6 && /[aeiouy]/.test(w.slice(0, -3)))
    w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length >= 5 && /[aeiouy]/.test(w.slice(0, -2)))
    w = undouble(w.slice(0, -2));
  else if (w.endsWith('ly') && w.length >= 6) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length >= 4) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  const last = w.at(-1);
  return last !== undefined && last === w.at(-2) && !'lsz'.includes(last) ? w.slice(0, -1) : w;
}

/** A Latin word token: letters and digits; "2.4ghz" stays whole. */
export const LATIN_WORD = /[a-z0-9]+(?:\.[0-9]+[a-z]*)?/g;

/** Splits lower-case Latin text into word tokens ({@link LATIN_WORD}). */
export function latinWords(text: string): string[] {
  return text.match(LATIN_WORD) ?? [];
}

/**
 * Text helpers shared by the intake parsers: width folding, dash unification and Chinese numerals.
 * Customers type on Chinese IMEs, so full-width digits (１３８), full-width punctuation (：－（）)
 * and numerals written in characters (二〇二四年三月) are ordinary input, not edge cases.
 */

/** Folds full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their half-width forms. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (char) =>
    char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0),
  );
}

/** Hyphens, en/em dashes, minus signs and wave dashes used as range marks all become `-`. */
export function unifyDashes(text: string): string {
  return text.replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-');
}

/**
 * Full-width → half-width, dashes unified, invisible format characters (zero-width spaces, bidi
 * overrides) and lone surrogates dropped, control characters read as spaces, whitespace runs
 * collapsed, trimmed: nothing a person cannot see reaches a ticket.
 */
export function foldText(text: string): string {
  return unifyDashes(toHalfWidth(text.replace(/[\p{Cf}\p{Cs}]/gu, '')))
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
}

const DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  '○': 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Reads a Chinese numeral: positional (十二 → 12, 三十一 → 31, 两千零二十四 → 2024) or
 * digit by digit, as years are written (二〇二四 → 2024). `undefined` when it is not one.
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (text.length === 0) return undefined;
  const chars = Array.from(text);
  if (!chars.every((char) => char in DIGITS || char in UNITS)) return undefined;
  if (!chars.some((char) => char in UNITS)) {
    if (chars.length === 1) return DIGITS[chars[0] as string];
    return Number(chars.map((char) => DIGITS[char]).join(''));
  }
  let total = 0;
  let current = 0;
  for (const char of chars) {
    const unit = UNITS[char];
    if (unit === undefined) {
      current = DIGITS[char] ?? 0;
    } else {
      total += (current || 1) * unit;
      current = 0;
    }
  }
  return total + current;
}

/** Replaces every run of Chinese numeral characters with Arabic digits (三个月前 → 3个月前). */
export function replaceChineseNumerals(text: string): string {
  return text.replace(/[〇零○一二两兩三四五六七八九十百千]+/g, (run) => {
    const value = parseChineseNumeral(run);
    return value === undefined ? run : String(value);
  });
}

/** A regular-expression alternation of words, longest first so 大后天 is not read as 后天. */
export function alternationOf(words: Iterable<string>): string {
  return [...words].sort((a, b) => b.length - a.length).join('|');
}

/** Ideographs (Han script), used to tell Chinese words from codes and numbers. */
export const HAN = /\p{Script=Han}/u;

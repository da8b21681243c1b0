import { Converter } from 'opencc-js';
import type { TriageLexicon } from '../lexicon.ts';
import { createReplacer } from './phrase-matcher.ts';
import { createPatternLists } from './start-keys.ts';

/** Customer text made comparable: one script, Mandarin words, lower case. */
export type NormalisedText = {
  text: string;
  /** The customer wrote Traditional characters (replies should follow their script). */
  traditional: boolean;
  /** The input was longer than `maxChars` and was cut. */
  truncated: boolean;
};

/** A Han character (CJK unified ideographs, extension A and compatibility ideographs). */
export const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
/**
 * "加热不了" (cannot heat) says "不加热": without this, dropping 了 leaves "加热不", which reads as
 * "加热不均匀". Only the verb moves: a known two-character verb, else the one character before
 * 不了 ("电视开不了" → "电视不开", keeping the product word whole). Fixed phrases stay (受不了).
 */
const FIXED_BEFORE_BULIAO = '受免少大差错忘对';
/** A literal as a regular expression source. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const potentialNegative = (verbs: readonly string[]) => {
  const known = [...verbs].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(
    `(${[...known, `[\\u4e00-\\u9fff](?<![${FIXED_BEFORE_BULIAO}])`].join('|')})不了`,
    'g',
  );
  return (text: string) => (text.includes('不了') ? text.replace(pattern, '不$1') : text);
};

/**
 * Builds the normaliser: cut to `maxChars`, NFKC (full-width → half-width), lower case, English
 * contractions ("n't" → " not"), written Cantonese → Mandarin (唔 → 不, 冇 → 没有), Traditional →
 * Simplified with opencc-js (Taiwan phrases, then Hong Kong variants), then regional product words
 * (雪柜 → 冰箱, 热水炉 → 热水器), "V不了" → "不V", and ordinary senses of hazard words ("shocked at the
 * price"). opencc-js maps script only: the word tables come from the lexicon.
 */
export function createNormaliser(
  lexicon: TriageLexicon,
  maxChars: number,
): (raw: string) => NormalisedText {
  const fromTaiwan = Converter({ from: 'twp', to: 'cn' });
  const fromHongKong = Converter({ from: 'hk', to: 'cn' });
  const cantonese = createReplacer(lexicon.cantonese);
  const regional = createReplacer(lexicon.regional);
  const moveNegation = potentialNegative(lexicon.potentialVerbs);
  const ordinarySenses = createPatternLists(lexicon.ordinarySenses.map(({ pattern }) => [pattern]));
  const ordinary = lexicon.ordinarySenses.map(
    ({ pattern, replace }) => [new RegExp(pattern, 'gi'), replace] as const,
  );
  return (raw) => {
    const truncated = raw.length > maxChars;
    let text = truncated ? raw.slice(0, maxChars).replace(/[\ud800-\udbff]$/, '') : raw;
    text = text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[’‘`´]/g, "'")
      .replace(/n't\b/g, ' not');
    let traditional = false;
    if (HAN.test(text)) {
      text = cantonese(text);
      const simplified = fromHongKong(fromTaiwan(text));
      traditional = simplified !== text;
      text = simplified;
    }
    // A line break ends a clause (negation does not reach across it): it is kept, runs of other
    // whitespace become one space.
    text = moveNegation(regional(text))
      .replace(/\s*\n\s*/g, '\n')
      .replace(/[^\S\n]+/g, ' ')
      .trim();
    // A sense that does not match the text changes nothing, until an earlier one changed it.
    const before = text;
    const found = ordinarySenses.read(text);
    ordinary.forEach(([pattern, replace], i) => {
      if (text !== before || found[i] === true) text = text.replace(pattern, replace);
    });
    return { text, traditional, truncated };
  };
}

import * as OpenCC from 'opencc-js';
import {
  type ConversationEvent,
  type ConversationState,
  isTraditionalLocale,
  LOCALES,
  type Locale,
  toLocale,
} from '../../core/index.ts';

let simplifier: ((text: string) => string) | undefined;
let traditionaliser: ((text: string) => string) | undefined;

/** Traditional → Simplified, built on first use: OpenCC's tables take a moment to load. */
function toSimplified(text: string): string {
  const convert = simplifier ?? OpenCC.Converter({ from: 'hk', to: 'cn' });
  simplifier = convert;
  return convert(text);
}

/** Simplified → standard Traditional (no regional variants), built on first use. */
function toTraditional(text: string): string {
  const convert = traditionaliser ?? OpenCC.Converter({ from: 'cn', to: 't' });
  traditionaliser = convert;
  return convert(text);
}
const HAN = /\p{Script=Han}/gu;

const REPORT_FLOWS = new Set(['idle', 'choose-category', 'clarify', 'guide']);
const LATIN_WORD = /\b[a-z]{2,}\b/gi;

/**
 * Which script a text is written in: Traditional or Simplified Chinese, Chinese written the same in
 * both ("好的", "不行", "可以", "2026年3月14日": `chinese`), English words, or none.
 */
export function detectScript(
  text: string,
): 'traditional' | 'simplified' | 'chinese' | 'latin' | 'none' {
  const han = text.match(HAN)?.length ?? 0;
  if (han >= 2) {
    if (toSimplified(text) !== text) return 'traditional';
    return toTraditional(text) !== text ? 'simplified' : 'chinese';
  }
  if (han === 0 && (text.match(LATIN_WORD)?.length ?? 0) >= 3) return 'latin';
  return 'none';
}

/**
 * Written Cantonese: characters standard Chinese does not use (唔 not, 冇 have not, 嘅, 咗, 喺,
 * 啲, 嘢, 佢哋, 嚟, 睇, 嗰, 㗎, 啱) or 點解 (why). Traditional Cantonese is Hong Kong's and Macau's.
 */
const CANTONESE = /[唔冇嘅咗喺啲嘢佢哋嚟睇嗰㗎啱]|點解|乜嘢/;

export function isCantonese(text: string): boolean {
  return CANTONESE.test(text);
}

/**
 * Hong Kong's words for household things, Cantonese particles or not: 雪櫃 (fridge), 熱水爐 (water
 * heater), 煤氣 (town gas), 冷氣機, 花灑 (shower head), 掣 (switch), 插蘇 (plug), 火牛 (adapter), 拖板
 * (power strip), 屋企 (home).
 */
const HONG_KONG_WORDS = /雪櫃|熱水爐|煤氣|冷氣機|花灑|掣|插蘇|火牛|拖板|屋企/;

/** The stored language when it is one of ours, else the Telegram `language_code`'s. */
export function localeFor(languageCode: string | undefined, stored: string | undefined): Locale {
  return (LOCALES as readonly string[]).includes(stored ?? '')
    ? (stored as Locale)
    : toLocale(languageCode);
}

/**
 * Replies follow the customer's script (design.md "Triage"): until the customer picks a language
 * with /language, Chinese text switches the replies to Simplified or Traditional as written (a
 * regional Traditional locale is kept, written Cantonese chooses Hong Kong's, Chinese written the
 * same in both scripts keeps a Traditional reader's locale), and a sentence of
 * English (three words or more, no Chinese) to English.
 */
export function followScript(
  state: ConversationState,
  event: ConversationEvent,
): ConversationState {
  if (state.localeChosen || event.type !== 'text') return state;
  // Only reports count: a name or an address in another script says nothing about the reader.
  if (!REPORT_FLOWS.has(state.flow.kind)) return state;
  const script = detectScript(event.text);
  if (script === 'none') return state;
  // Chinese the same in both scripts says nothing about which the customer reads: a Traditional
  // reader's "不行" keeps Traditional (and its region); anyone else's "你好" is Simplified.
  const locale: Locale =
    script === 'traditional'
      ? traditionalFor(event.text, state.locale)
      : script === 'simplified'
        ? 'zh-Hans'
        : script === 'chinese'
          ? isTraditionalLocale(state.locale)
            ? state.locale
            : 'zh-Hans'
          : 'en';
  return locale === state.locale ? state : { ...state, locale };
}

/**
 * Traditional text keeps a regional locale already chosen from Telegram's `language_code`
 * (zh-TW, zh-HK); written Cantonese is Hong Kong's; otherwise Hong Kong's words for household
 * things choose Hong Kong's too, else the region-neutral zh-Hant.
 */
function traditionalFor(text: string, current: Locale): Locale {
  if (isCantonese(text)) return 'zh-HK';
  if (isTraditionalLocale(current)) return current;
  return HONG_KONG_WORDS.test(text) ? 'zh-HK' : 'zh-Hant';
}

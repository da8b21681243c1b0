import * as OpenCC from 'opencc-js';
import {
  type ConversationEvent,
  type ConversationState,
  LOCALES,
  type Locale,
  toLocale,
} from '../../core/index.ts';

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
const HAN = /\p{Script=Han}/gu;

const REPORT_FLOWS = new Set(['idle', 'choose-category', 'clarify', 'guide']);
const LATIN_WORD = /\b[a-z]{2,}\b/gi;

/** Which script a text is written in: Traditional or Simplified Chinese, English words, or none. */
export function detectScript(text: string): 'traditional' | 'simplified' | 'latin' | 'none' {
  const han = text.match(HAN)?.length ?? 0;
  if (han >= 2) return toSimplified(text) !== text ? 'traditional' : 'simplified';
  if (han === 0 && (text.match(LATIN_WORD)?.length ?? 0) >= 3) return 'latin';
  return 'none';
}

/** The stored language when it is one of ours, else the Telegram `language_code`'s. */
export function localeFor(languageCode: string | undefined, stored: string | undefined): Locale {
  return (LOCALES as readonly string[]).includes(stored ?? '')
    ? (stored as Locale)
    : toLocale(languageCode);
}

/**
 * Replies follow the customer's script (design.md "Triage"): until the customer picks a language
 * with /language, Chinese text switches the replies to Simplified or Traditional as written, and a
 * sentence of English (three words or more, no Chinese) to English.
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
  const locale: Locale =
    script === 'traditional' ? 'zh-Hant' : script === 'simplified' ? 'zh-Hans' : 'en';
  return locale === state.locale ? state : { ...state, locale };
}

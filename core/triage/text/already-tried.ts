import type { TriageLexicon } from '../lexicon.ts';

/** Where a sentence ends (a marker after a change is read up to here). */
const SENTENCE_END = /[。！？；;!?\n]|\.(?!\d)/;
/** Where a clause ends (a marker before a change is read from here). */
const CLAUSE_END = /[，,。！？；;!?\n…]|\.(?!\d)/;
/** How far after a change a cause marker, or a "still", may stand (characters). */
const AFTER_WINDOW = { zh: 16, en: 60 };
const PERSIST_WINDOW = { zh: 12, en: 60 };
/** A Chinese check right after a negation is not done ("没看过", "也没检查过"). */
const ZH_NEGATED = /(没|未|不|别|从未)(有)?$/;

const compile = (patterns: readonly string[], flags = 'i') =>
  patterns.map((p) => new RegExp(p, flags));
const anyOf = (patterns: readonly RegExp[], text: string) => patterns.some((p) => p.test(text));
const cut = (text: string, end: RegExp) => {
  const at = text.search(end);
  return at < 0 ? text : text.slice(0, at);
};
const lastPiece = (text: string, end: RegExp) => {
  const global = new RegExp(end.source, 'g');
  let from = 0;
  for (const m of text.matchAll(global)) from = m.index + m[0].length;
  return text.slice(from);
};

/**
 * "The customer already did the misuse checks" (design.md, "Triage"): any `alreadyTried` pattern,
 * except where the match is a change that caused the problem rather than a check — "换了个HDMI口就
 * 没信号", "moved it to another room and now no signal", "since I switched to a new router" — and,
 * in Chinese, a check under a negation ("没看过"). A change followed by "still" / "还是不行" counts.
 */
export function createAlreadyTried(lexicon: TriageLexicon): (text: string) => boolean {
  const checks = {
    zh: compile(lexicon.alreadyTried.zh, 'gi'),
    en: compile(lexicon.alreadyTried.en, 'gi'),
  };
  const rulesFor = (language: 'zh' | 'en') => {
    const { changes, after, before, persists } = lexicon.changeCaused;
    return {
      changes: compile(changes[language]),
      after: compile(after[language]),
      before: compile(before[language]),
      persists: compile(persists[language]),
    };
  };
  const cause = { zh: rulesFor('zh'), en: rulesFor('en') };

  const counts = (text: string, start: number, end: number, language: 'zh' | 'en') => {
    const ahead = text.slice(0, start);
    if (language === 'zh' && ZH_NEGATED.test(ahead)) return false;
    const rules = cause[language];
    if (!anyOf(rules.changes, text.slice(start, end))) return true;
    const rest = cut(text.slice(end), SENTENCE_END).slice(0, AFTER_WINDOW[language]);
    const caused = anyOf(rules.after, rest) || anyOf(rules.before, lastPiece(ahead, CLAUSE_END));
    return !caused || anyOf(rules.persists, rest.slice(0, PERSIST_WINDOW[language]));
  };

  const any = new RegExp(
    [...lexicon.alreadyTried.zh, ...lexicon.alreadyTried.en].map((p) => `(?:${p})`).join('|'),
    'i',
  );

  return (text) => {
    if (!any.test(text)) return false;
    for (const language of ['zh', 'en'] as const) {
      for (const pattern of checks[language]) {
        for (const m of text.matchAll(pattern)) {
          if (counts(text, m.index, m.index + m[0].length, language)) return true;
        }
      }
    }
    return false;
  };
}

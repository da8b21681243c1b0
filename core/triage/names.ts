import { CATEGORIES, type Category } from '../warranty/policy.ts';
import type { TriageLexicon } from './lexicon.ts';
import { createAnalyser, type NameList } from './text/analyse.ts';
import type { TriageCatalogue } from './types.ts';

/** A name found in this share of its own category's symptoms is generic and left out of symptom matching. */
const GENERIC_SHARE = 0.4;

/** Product words per category, with how much each one says about the category. */
export type ProductNames = {
  lists: NameList[];
  /** 1 for a name only its category uses; less when other categories' phrases use it too (屏幕). */
  weight(category: Category, name: string): number;
};

/**
 * Collects product words (catalogue `names` plus the lexicon's) and measures them against the
 * catalogue's own phrases: a name that other categories' customers also use counts for less, and
 * a name nearly every symptom of its category mentions (冰箱, washer) is kept out of symptom
 * matching, while one that tells symptoms apart (冷冻室, outdoor unit) stays in.
 */
export function collectProductNames(
  catalogue: TriageCatalogue,
  lexicon: TriageLexicon,
  maxChars: number,
): ProductNames {
  const lists: NameList[] = CATEGORIES.map((key) => {
    const entry = catalogue.find((c) => c.category === key);
    const extra = lexicon.categoryNames[key];
    return {
      key,
      zh: [...(entry?.names.zh ?? []), ...(extra?.zh ?? [])],
      en: [...(entry?.names.en ?? []), ...(extra?.en ?? [])],
    };
  });
  const probe = createAnalyser({ lexicon, names: lists, maxChars });
  const own = new Map<string, number>();
  const foreign = new Map<string, number>();
  for (const entry of catalogue) {
    for (const symptom of entry.symptoms) {
      const seen = new Set<string>();
      for (const phrase of [...symptom.phrases.zh, ...symptom.phrases.en]) {
        for (const [key, found] of probe.analyse(phrase).names) {
          for (const name of found) seen.add(`${key}|${name}`);
        }
      }
      for (const id of seen) {
        const counts = id.startsWith(`${entry.category}|`) ? own : foreign;
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
  }
  const generic = (key: string, name: string, normalised: string) => {
    const size = catalogue.find((c) => c.category === key)?.symptoms.length ?? 0;
    return (own.get(`${key}|${normalised}`) ?? 0) >= size * GENERIC_SHARE || size === 0
      ? [name]
      : [];
  };
  for (const list of lists) {
    list.masked = {
      zh: list.zh.flatMap((name) => generic(list.key, name, probe.normalise(name).text)),
      en: list.en.flatMap((name) => generic(list.key, name, name)),
    };
  }
  return {
    lists,
    weight: (category, name) => ((foreign.get(`${category}|${name}`) ?? 0) >= 2 ? 0.5 : 1),
  };
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTriageLexicon } from '../../../bot/content/load-lexicon.ts';
import {
  createPatternLists,
  createStartFilter,
  matchesFrom,
  startKeys,
  withoutLookbehind,
} from '../../../core/triage/text/start-keys.ts';

describe('start keys', () => {
  it.each([
    ['a word-start alternation', '\\b(?:smell|odou?r|st)\\b', true, ['sme', 'odo', 'st']],
    ['a capturing group', '\\b(keeps?|kept)\\s', true, ['kee', 'kep']],
    ['a literal word, upper case read as lower', '\\bBattery', true, ['bat']],
    ['a nested group', '(?:(摸|碰|外壳)[^，]{0,3}有电)', false, ['摸', '碰', '外壳']],
    ['a literal cut at an optional character', 'ab?c', false, ['a']],
    ['an escaped punctuation mark', '\\.net', false, ['.ne']],
    ['a repeated character kept once', 'z+t', false, ['z']],
  ])('%s', (_, source, atWordStart, keys) => {
    expect(startKeys(source)).toEqual({ atWordStart, keys });
  });

  it.each([
    ['an optional first group', '\\b(?:wall )?(?:mount|bracket)'],
    ['an optional first character', 'a?b'],
    ['a counted first character', '\\b(?:z{2,}t)'],
    ['a lookbehind inside the alternation', '\\b(?:runs?|(?<!lights?\\s)turns? on)'],
    ['a lookahead', '^(?=[^.]*\\btester\\b)'],
    ['an alternation at the top level', '\\bsmoke|fire'],
    ['an empty alternative', '\\b(?:|smoke)'],
    ['a class first', '[a-z]+smoke'],
    ['a class escape first', '\\w+ smoke'],
    ['a word boundary before a non-word character', '\\b\\.net'],
    ['a letter with case beyond ASCII', 'énorme'],
  ])('are not told for %s', (_, source) => {
    expect(startKeys(source)).toBeUndefined();
  });
});

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the start filter over the lexicon’s hazard patterns', () => {
  const lexicon = loadTriageLexicon();
  const sources = lexicon.hazard.patterns.map(withoutLookbehind);
  const patterns = sources.map((s) => new RegExp(s, 'i'));
  const sticky = sources.map((s) => new RegExp(s, 'iy'));
  const filter = createStartFilter(sources);
  const real = ['train', 'dev'].flatMap((split) =>
    readFileSync(join(import.meta.dirname, `../../support/real/${split}.jsonl`), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => String(JSON.parse(line).text)),
  );
  // Texts made of the patterns' own words in any case, the matches a filter could wrongly miss.
  const next = random(11);
  const fragments = [
    ...new Set(sources.flatMap((s) => s.match(/[a-z\u3400-\u9fff][a-z\u3400-\u9fff ']*/gi) ?? [])),
  ];
  const glue = [' ', '', '-', '. ', '\n', '，', ' the ', ' no '];
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const made = Array.from({ length: 20_000 }, () => {
    let text = '';
    for (let n = 2 + Math.floor(next() * 5); n > 0; n--) text += pick(fragments) + pick(glue);
    return next() < 0.3 ? text.toUpperCase() : text;
  });
  // And each pattern's words in its own order, some left out: many match the pattern itself.
  const own = sources.flatMap((source) => {
    const words = source.match(/[a-z\u3400-\u9fff][a-z\u3400-\u9fff ']*/gi) ?? [];
    return Array.from({ length: 60 }, () => {
      const text = words.filter(() => next() < 0.3).join(pick([' ', '', ' a ']));
      return next() < 0.3 ? text.toUpperCase() : text;
    });
  });
  const clauses = [...real, ...made, ...own].flatMap((text) => [
    text,
    ...text.split(/[。！？；;!?，,\n…]+|\.(?!\d)/),
  ]);

  it('never leaves out a pattern, or the place, that matches', () => {
    let matched = 0;
    const seen = new Set<number>();
    for (const text of clauses) {
      const candidates = new Map(filter.candidates(text).map((c) => [c.index, c]));
      patterns.forEach((pattern, i) => {
        if (!pattern.test(text)) return;
        matched += 1;
        seen.add(i);
        const candidate = candidates.get(i);
        if (candidate === undefined || !matchesFrom(candidate, pattern, sticky[i] as RegExp, text))
          expect.fail(`pattern ${i} matches ${JSON.stringify(text)}`);
      });
    }
    expect(matched).toBeGreaterThan(2_000);
    // Most patterns are matched by some text here (239 of 281 when written).
    expect(seen.size).toBeGreaterThan(sources.length * 0.75);
  });

  it('leaves out most patterns for most customer clauses', () => {
    const tried = real.map((text) => filter.candidates(text).length);
    const mean = tried.reduce((a, b) => a + b, 0) / tried.length;
    expect(mean).toBeLessThan(sources.length / 4);
  });
});

describe('pattern lists over the lexicon’s other cues', () => {
  const lexicon = loadTriageLexicon();
  const both = (list: { zh: readonly string[]; en: readonly string[] }) => [...list.zh, ...list.en];
  const lists = [
    both(lexicon.notYetTried),
    both(lexicon.ordinaryCause),
    both(lexicon.worsening),
    both(lexicon.normalQuestion),
    both(lexicon.wantsPerson),
    both(lexicon.hazard.hints),
    both(lexicon.alreadyTried),
    both(lexicon.errorCode),
    ...Object.values(lexicon.defect).map(both),
    ...both(lexicon.breakerTrip).map((p) => [p]),
    ...lexicon.ordinarySenses.map(({ pattern }) => [pattern]),
  ];
  const alternations = lists.map((list) =>
    list.length === 0 ? undefined : new RegExp(list.map((p) => `(?:${p})`).join('|'), 'i'),
  );
  const read = createPatternLists(lists);
  const real = ['train', 'dev'].flatMap((split) =>
    readFileSync(join(import.meta.dirname, `../../support/real/${split}.jsonl`), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => String(JSON.parse(line).text).toLowerCase()),
  );
  const next = random(23);
  const words = lists.map((list) =>
    list.flatMap((s) => s.match(/[a-z0-9\u3400-\u9fff][a-z0-9\u3400-\u9fff :']*/gi) ?? []),
  );
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  // Each list's own words in its order, some left out, with real text around them.
  const made = words.flatMap((own) =>
    Array.from({ length: 300 }, () => {
      const text = own.filter(() => next() < 0.2).join(pick([' ', '', ' a ', '了']));
      return `${pick(real).slice(0, 40)} ${text}${pick(['', '. ', '，'])}`;
    }),
  );

  it('says what each list’s alternation says', () => {
    let matched = 0;
    for (const text of [...real, ...made]) {
      const found = read.read(text);
      alternations.forEach((pattern, i) => {
        const expected = pattern?.test(text) ?? false;
        if (expected) matched += 1;
        if (found[i] !== expected) expect.fail(`list ${i} on ${JSON.stringify(text)}`);
      });
    }
    expect(matched).toBeGreaterThan(3_000);
  });
});

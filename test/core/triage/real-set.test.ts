import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../core/warranty/policy.js';
import { assignSplits, MAX_TEXT, sourceKey } from '../../support/real/ingest.js';

const DIR = join(import.meta.dirname, '../../support/real');
const SPLITS = ['train', 'dev', 'test'] as const;
type Line = {
  id: string;
  lang: string;
  text: string;
  category: string;
  label: string;
  script: string;
  source: string;
  source_key: string;
};
const read = (split: string): Line[] =>
  readFileSync(join(DIR, `${split}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Line);

describe('the real set of customers first messages', () => {
  const lines = Object.fromEntries(SPLITS.map((s) => [s, read(s)])) as Record<string, Line[]>;

  it('has no source in two splits, so the test split measures unseen sources', () => {
    const seen = new Map<string, string>();
    for (const split of SPLITS)
      for (const line of lines[split] ?? []) {
        expect(line.source_key).toBe(sourceKey(line.source));
        const other = seen.get(line.source_key);
        if (other) expect(other, line.source_key).toBe(split);
        seen.set(line.source_key, split);
      }
  });

  it('has unique ids, a known category and label, and text of at most 600 characters', () => {
    const all = SPLITS.flatMap((s) => lines[s] ?? []);
    expect(new Set(all.map((l) => l.id)).size).toBe(all.length);
    for (const line of all) {
      expect(CATEGORIES).toContain(line.category);
      expect(['misuse', 'fault', 'hazard']).toContain(line.label);
      expect(['latin', 'hans', 'hant']).toContain(line.script);
      expect(line.text.length).toBeGreaterThan(0);
      expect(line.text.length).toBeLessThanOrEqual(MAX_TEXT);
    }
  });

  it('keeps a committed source in its split when new sources are added', () => {
    const row = (id: string, source: string, category = 'tv', label = 'misuse') => ({
      id,
      lang: 'en',
      script: 'latin',
      text: id,
      category,
      label,
      source,
      source_kind: 'forum',
      resolution: '',
      confidence: 'high',
    });
    const rows = [
      row('a', 'https://a.example/1'),
      row('b', 'https://b.example/1'),
      row('c', 'https://c.example/1', 'microwave', 'fault'),
      row('d', 'https://d.example/1', 'network', 'hazard'),
      row('e', 'https://e.example/1'),
    ];
    const pinned = new Map([['a.example', 'test' as const]]);
    const splits = assignSplits(rows, pinned);
    expect(splits.get('a.example')).toBe('test');
    expect(assignSplits(rows, pinned)).toEqual(splits);
    expect(splits.size).toBe(5);
  });
});

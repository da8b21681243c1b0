import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTriageExamples } from '../../../bot/llm/index.ts';
import { catalogueExamples } from '../../../prompts/llm/triage.ts';
import { catalogue } from '../../support/llm.ts';

const line = (id: string, lang: string, label: string, text: string) =>
  JSON.stringify({ id, lang, text, category: 'refrigerator', label, source: 'x' });

describe('few-shot examples', () => {
  it('come from the catalogue in both languages and all three labels', () => {
    const examples = catalogueExamples(catalogue);
    expect(new Set(examples.map((e) => e.label))).toEqual(new Set(['misuse', 'fault', 'hazard']));
    expect(examples.some((e) => /\p{Script=Han}/u.test(e.text))).toBe(true);
    expect(examples.some((e) => /^[\x20-\x7e]+$/.test(e.text))).toBe(true);
    const ids = new Set(catalogue.flatMap((c) => c.symptoms.map((s) => s.id)));
    for (const e of examples) expect(ids.has(e.symptom ?? '')).toBe(true);
  });

  it('add short real messages per label and language from the TRAIN split', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontline-train-'));
    const file = join(dir, 'train.jsonl');
    writeFileSync(
      file,
      [
        line('1', 'en', 'misuse', 'x'.repeat(500)),
        line('2', 'en', 'misuse', 'fridge light off, door was not shut'),
        line('3', 'zh-hans', 'fault', '冰箱完全不制冷了'),
        line('4', 'zh-hant', 'fault', '雪櫃唔凍'),
        'not json',
      ].join('\n'),
    );
    const added = loadTriageExamples(catalogue, file).slice(catalogueExamples(catalogue).length);
    expect(added.map((e) => e.text)).toEqual([
      'fridge light off, door was not shut',
      '冰箱完全不制冷了',
    ]);
    expect(added.every((e) => e.symptom === undefined)).toBe(true);
  });

  it('are the catalogue’s alone when there is no TRAIN split', () => {
    expect(loadTriageExamples(catalogue, '/nonexistent/train.jsonl')).toEqual(
      catalogueExamples(catalogue),
    );
  });
});

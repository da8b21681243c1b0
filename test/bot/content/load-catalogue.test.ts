import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CatalogueError,
  DEFAULT_CATALOGUE_DIR,
  loadCatalogue,
  loadTriageLexicon,
} from '../../../bot/content/index.ts';

const fridge = () =>
  JSON.parse(readFileSync(join(DEFAULT_CATALOGUE_DIR, 'refrigerator.json'), 'utf8'));

function folderWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalogue-'));
  for (const [name, document] of Object.entries(files)) {
    writeFileSync(
      join(dir, name),
      typeof document === 'string' ? document : JSON.stringify(document),
    );
  }
  return dir;
}

function loadError(dir: string): CatalogueError {
  try {
    loadCatalogue(dir);
  } catch (error) {
    if (error instanceof CatalogueError) return error;
    throw error;
  }
  throw new Error('expected a CatalogueError');
}

describe('loadCatalogue', () => {
  it('loads the real catalogue in category order', () => {
    expect(loadCatalogue().length).toBe(9);
  });

  it('names the file and the field path of a broken entry', () => {
    const broken = fridge();
    broken.symptoms[2].phrases.en = ['only one'];
    const error = loadError(folderWith({ 'refrigerator.json': broken }));
    expect(error.name).toBe('CatalogueError');
    expect(error.file).toMatch(/refrigerator\.json$/);
    expect(error.field).toBe('symptoms.2.phrases.en');
    expect(error.message).toContain('refrigerator.json: symptoms.2.phrases.en');
  });

  it('rejects a misuse symptom without steps', () => {
    const broken = fridge();
    const at = broken.symptoms.findIndex((s: { label: string }) => s.label === 'misuse');
    broken.symptoms[at].steps = [];
    expect(loadError(folderWith({ 'refrigerator.json': broken })).field).toBe(
      `symptoms.${at}.steps`,
    );
  });

  it('rejects a model example that matches no pattern', () => {
    const broken = fridge();
    broken.modelExamples.push('NOT-A-FRIDGE');
    const error = loadError(folderWith({ 'refrigerator.json': broken }));
    expect(error.field).toBe(`modelExamples.${broken.modelExamples.length - 1}`);
  });

  it('rejects a file whose category does not match its name', () => {
    expect(loadError(folderWith({ 'freezer.json': fridge() })).field).toBe('category');
  });

  it('rejects a symptom id used in two files', () => {
    const other = fridge();
    other.category = 'washing_machine';
    const error = loadError(
      folderWith({ 'refrigerator.json': fridge(), 'washing_machine.json': other }),
    );
    expect(error.field).toMatch(/^symptoms\.0\.id$/);
  });

  it('names a file that is not JSON', () => {
    const error = loadError(folderWith({ 'tv.json': '{ not json' }));
    expect(error.file).toMatch(/tv\.json$/);
    expect(error.field).toBe('(file)');
  });

  it('rejects an empty folder', () => {
    expect(loadError(folderWith({})).field).toBe('(folder)');
  });
});

describe('loadTriageLexicon', () => {
  it('loads the built-in lexicon', () => {
    expect(loadTriageLexicon().negation.cues.en).toContain('not');
  });

  it('names a bad pattern', () => {
    const lexicon = JSON.parse(
      readFileSync(new URL('../../../prompts/triage/lexicon.json', import.meta.url), 'utf8'),
    );
    lexicon.alreadyTried.en.push('(unclosed');
    const dir = folderWith({ 'lexicon.json': lexicon });
    expect(() => loadTriageLexicon(join(dir, 'lexicon.json'))).toThrow(
      /lexicon\.json: alreadyTried\.en\.\d+: not a valid regular expression/,
    );
  });
});

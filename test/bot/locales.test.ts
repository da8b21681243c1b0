import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTraditionalLocales } from '../../bot/i18n/build-hant.ts';
import { LOCALES_DIR } from '../../bot/i18n/index.ts';
import { LOCALES } from '../../core/index.ts';

const messageIds = (locale: string) =>
  readdirSync(join(LOCALES_DIR, locale))
    .filter((file) => file.endsWith('.ftl'))
    .flatMap((file) => [
      ...readFileSync(join(LOCALES_DIR, locale, file), 'utf8').matchAll(/^([a-z][\w-]*) =/gm),
    ])
    .map((match) => match[1])
    .sort();

describe('locale files', () => {
  it('define the same messages in every locale', () => {
    const english = messageIds('en');
    expect(english.length).toBeGreaterThan(10);
    for (const locale of LOCALES) expect(messageIds(locale), locale).toEqual(english);
  });

  it('have zh-Hant generated from the current zh-Hans (run `npm run locales`)', () => {
    for (const { file, text } of buildTraditionalLocales(LOCALES_DIR)) {
      expect(readFileSync(file, 'utf8'), file).toBe(text);
    }
  });
});

describe('part names', () => {
  it('has a translation for every part the catalogue and the policy name', async () => {
    const { loadCatalogue } = await import('../../bot/content/index.ts');
    const { BUILT_IN_POLICY } = await import('../../core/index.ts');
    const parts = new Set<string>();
    for (const entry of loadCatalogue())
      for (const symptom of entry.symptoms) if (symptom.part) parts.add(symptom.part);
    for (const terms of Object.values(BUILT_IN_POLICY.categories))
      for (const part of Object.keys(terms?.mainParts ?? {})) parts.add(part);
    for (const locale of LOCALES) {
      const text = readFileSync(join(LOCALES_DIR, locale, 'warranty.ftl'), 'utf8');
      for (const part of parts) expect(text, `${locale} ${part}`).toContain(`[${part}]`);
    }
  });
});

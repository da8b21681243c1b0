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

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TraditionalLocale } from '../../core/index.ts';
import { toTraditional } from './to-traditional.ts';

/** The generated Traditional locales, each from zh-Hans. */
export const TRADITIONAL_LOCALES: readonly TraditionalLocale[] = ['zh-Hant', 'zh-HK', 'zh-TW'];

/**
 * Writes prompts/locales/{zh-Hant,zh-HK,zh-TW}/*.ftl from zh-Hans with {@link toTraditional}
 * (OpenCC's phrase-level conversion after the reviewed overrides in traditional.json). Message
 * ids, variables and selector keys are ASCII, so only the text changes. Run `npm run locales`
 * after editing zh-Hans or the overrides; a test fails when the committed files are stale.
 */
export function buildTraditionalLocales(localesDir: string): { file: string; text: string }[] {
  const source = join(localesDir, 'zh-Hans');
  const files = readdirSync(source)
    .filter((file) => file.endsWith('.ftl'))
    .sort();
  return TRADITIONAL_LOCALES.flatMap((locale) =>
    files.map((file) => ({
      file: join(localesDir, locale, file),
      text: `# Generated from zh-Hans/${file} by \`npm run locales\`; edit zh-Hans or traditional.json, not this file.\n${toTraditional(
        readFileSync(join(source, file), 'utf8'),
        locale,
      )}`,
    })),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { mkdirSync } = await import('node:fs');
  const { dirname } = await import('node:path');
  for (const { file, text } of buildTraditionalLocales(
    join(import.meta.dirname, '../../prompts/locales'),
  )) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    process.stdout.write(`wrote ${file}\n`);
  }
}

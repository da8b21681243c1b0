import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toTraditional } from './to-traditional.ts';

/**
 * Writes prompts/locales/zh-Hant/*.ftl from zh-Hans with OpenCC (cn → tw). Message ids, variables
 * and selector keys are ASCII, so only the text changes. Run `npm run locales` after editing zh-Hans;
 * a test fails when the committed zh-Hant files are stale.
 */
export function buildTraditionalLocales(localesDir: string): { file: string; text: string }[] {
  const source = join(localesDir, 'zh-Hans');
  return readdirSync(source)
    .filter((file) => file.endsWith('.ftl'))
    .sort()
    .map((file) => ({
      file: join(localesDir, 'zh-Hant', file),
      text: `# Generated from zh-Hans/${file} by \`npm run locales\`; edit zh-Hans, not this file.\n${toTraditional(
        readFileSync(join(source, file), 'utf8'),
      )}`,
    }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const { file, text } of buildTraditionalLocales(
    join(import.meta.dirname, '../../prompts/locales'),
  )) {
    writeFileSync(file, text);
    process.stdout.write(`wrote ${file}\n`);
  }
}

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const core = join(root, 'core');

/** Small pure libraries core/ may use besides itself. */
const ALLOWED_PACKAGES = new Set(['zod', 'opencc-js', 'libphonenumber-js']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => (match[1] ?? match[2]) as string);
}

describe('core/ stays pure', () => {
  const files = sourceFiles(core);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((file) => [relative(root, file), file]))(
    '%s imports only core/, zod and small pure libraries',
    (_name, file) => {
      const outside = importsOf(file).filter((specifier) => {
        if (specifier.startsWith('.'))
          return relative(core, resolve(dirname(file), specifier)).startsWith('..');
        const name = specifier.startsWith('@')
          ? specifier.split('/').slice(0, 2).join('/')
          : specifier.split('/')[0];
        return !ALLOWED_PACKAGES.has(name ?? '');
      });
      expect(outside).toEqual([]);
    },
  );

  it.each(files.map((file) => [relative(root, file), file]))(
    '%s reads no environment and no clock',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/process\.env|Date\.now\(|new Date\(\s*\)/);
    },
  );

  it('catches an import from outside core/ (the check itself works)', () => {
    const fake = join(core, 'warranty/fake.ts');
    const specifier = '../../db/index.ts';
    expect(relative(core, resolve(dirname(fake), specifier)).startsWith('..')).toBe(true);
    expect([...`import { x } from '${specifier}';`.matchAll(IMPORT)].map((m) => m[1])).toEqual([
      specifier,
    ]);
  });
});

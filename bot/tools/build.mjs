/**
 * `npm run build`: compiles the TypeScript sources to JavaScript in dist/ (TypeScript 7's `tsc`,
 * tsconfig.build.json) and copies the content files the code reads at run time (prompts, db
 * migrations) beside it, so `node dist/bot/main.js` finds them where the sources do. Plain
 * JavaScript: it runs before anything is compiled.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.build-stamp');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

/** What the build reads: a change to any of these makes dist/ stale. */
const SOURCES = ['core', 'db', 'bot', 'prompts'];
const SOURCE_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
/** Content read at run time, copied as is. */
const CONTENT = [
  ['prompts', (name) => name.endsWith('.json') || name.endsWith('.ftl') || name.endsWith('.txt')],
  ['db/migrations', () => true],
  // The LLM's few-shot examples, when the labelled TRAIN split is present.
  ['test/support/real', (name) => name.endsWith('.jsonl')],
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** `true` when dist/ is missing or older than any source, content or build setting. */
export function isBuildStale() {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  const paths = [...SOURCES, ...SOURCE_FILES].map((path) => join(ROOT, path));
  return paths.some((path) => newestMtime(path) > built);
}

/** `true` when the TypeScript compiler is installed (a development install). */
export function canBuild() {
  return existsSync(TSC);
}

/** Compiles and copies; returns the compiler's exit code (0: built). */
export function build() {
  rmSync(DIST, { recursive: true, force: true });
  const compiled = spawnSync(process.execPath, [TSC, '-p', join(ROOT, 'tsconfig.build.json')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (compiled.status !== 0) return compiled.status ?? 1;
  for (const [folder, keep] of CONTENT) {
    if (!existsSync(join(ROOT, folder))) continue;
    cpSync(join(ROOT, folder), join(DIST, folder), {
      recursive: true,
      filter: (source) => statSync(source).isDirectory() || keep(source),
    });
  }
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const code = build();
  if (code === 0) {
    process.stdout.write(`built dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  process.exitCode = code;
}

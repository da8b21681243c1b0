/**
 * `npm start` and `npm run cli`: runs an entry point compiled (dist/<entry>.js). The bot compiles
 * first when dist/ is missing or older than the sources; the CLI, which must answer at once, runs
 * the sources with tsx instead. Without the TypeScript compiler (an install without development
 * dependencies) the sources run with tsx too. Usage: node bot/tools/start.mjs [entry] [args…],
 * entry `bot/main` (default) or `bot/cli/main`.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, canBuild, DIST, isBuildStale, ROOT } from './build.mjs';

const ENTRIES = new Set(['bot/main', 'bot/cli/main']);
const entry = ENTRIES.has(process.argv[2] ?? '') ? process.argv.splice(2, 1)[0] : 'bot/main';
const bot = entry === 'bot/main';
if (bot) process.stderr.write('Frontline: starting…\n');

let compiled = !isBuildStale();
if (!compiled && bot && canBuild()) {
  process.stderr.write(
    'Frontline: compiling the TypeScript sources into dist/ (first start, or the sources changed)…\n',
  );
  const code = build();
  if (code !== 0) {
    process.stderr.write('Frontline: the build failed (above). `npm run dev` runs the sources.\n');
    process.exit(code);
  }
  compiled = true;
}

if (compiled) {
  // Stack traces name the TypeScript lines (the build writes source maps).
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(join(DIST, `${entry}.js`)).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(ROOT, `${entry}.ts`)).href);
}

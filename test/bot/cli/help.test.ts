import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../bot/cli/commands/index.ts';
import { runCliForTest } from '../../support/cli.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('operator CLI help', () => {
  it('lists every command with --help, exit 0', async () => {
    const run = await runCliForTest(['--help']);
    expect(run.code).toBe(0);
    for (const entry of commands) expect(run.stdout).toContain(entry.words.join(' '));
  });

  it.each(['warranty', 'triage', 'db', 'tickets'])('has help for the %s group', async (group) => {
    const run = await runCliForTest([group, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: npm run -s cli -- ${group} <command>`);
    const own = commands.filter((entry) => entry.words[0] === group);
    expect(own.length).toBeGreaterThan(0);
    for (const entry of own) expect(run.stdout).toContain(entry.words.join(' '));
    expect(run.stdout).not.toContain('Unknown command');
  });

  it('answers a group name alone with its commands on stderr, exit 2', async () => {
    const run = await runCliForTest(['warranty']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('warranty explain');
  });

  it.each(commands.map((entry) => [entry.words.join(' '), entry] as const))(
    'lists %s as its module defines it, with help',
    async (_name, entry) => {
      const loaded = (await entry.load()).find(
        (command) => command.words.join(' ') === entry.words.join(' '),
      );
      expect(loaded?.summary).toBe(entry.summary);
      const run = await runCliForTest([...entry.words, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: npm run -s cli -- /);
    },
  );

  it('lists every command the modules define', async () => {
    const modules = new Set(commands.map((entry) => entry.load));
    const defined = (await Promise.all([...modules].map((load) => load()))).flat();
    expect(defined.map((command) => command.words.join(' ')).sort()).toEqual(
      commands.map((entry) => entry.words.join(' ')).sort(),
    );
  });

  it('gives examples whose files exist in a clone', async () => {
    for (const entry of commands) {
      const { stdout } = await runCliForTest([...entry.words, '--help']);
      for (const [, path] of stdout.matchAll(/--(?:data|cases) ([^\s'"]+)/g)) {
        if (path === '-' || path === 'FILE' || path === undefined) continue;
        expect(existsSync(resolve(ROOT, path)), `${entry.words.join(' ')}: ${path}`).toBe(true);
      }
    }
  });

  it('prints one clean line for an unknown option, exit 2', async () => {
    const run = await runCliForTest(['triage', 'classify', 'x', '--bogus']);
    expect(run.code).toBe(2);
    const first = run.stderr.split('\n')[0];
    expect(first).toBe('triage classify: unknown option --bogus');
    expect(run.stderr).toContain('Usage: npm run -s cli -- triage classify');
  });

  it.each([
    [['db', 'migrate', 'extra'], 'db migrate: unexpected argument "extra"'],
    [['warranty', 'check', '--cases'], 'warranty check: --cases needs a value'],
    [
      ['tickets', 'list', '--limit', '-3'],
      'tickets list: --limit needs a value (one starting with "-" is written --limit=VALUE)',
    ],
  ])('names the mistake in %j', async (argv, message) => {
    const run = await runCliForTest(argv);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(message);
  });
});

/** Static imports of a source file, resolved to files or package names. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*import\s(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map(
    (match) => {
      const specifier = match[1] as string;
      return specifier.startsWith('.') ? resolve(dirname(file), specifier) : specifier;
    },
  );
}

function importGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.ts')) queue.push(...staticImports(file));
  }
  return seen;
}

describe('operator CLI start-up', () => {
  it.each([
    ['the command list and group help', 'bot/cli/main.ts'],
    ['warranty --help', 'bot/cli/commands/warranty.ts'],
    ['db --help', 'bot/cli/commands/db.ts'],
  ])('loads no core, database driver or Telegram code for %s', (_what, entry) => {
    const graph = [...importGraph(join(ROOT, entry))].map((file) =>
      file.startsWith(ROOT) ? file.slice(ROOT.length + 1) : file,
    );
    const heavy = graph.filter(
      (file) =>
        file === 'core/index.ts' ||
        file.startsWith('db/') ||
        /^(opencc-js|drizzle-orm|@electric-sql|pg|ioredis|grammy|@grammyjs)/.test(file),
    );
    expect(heavy).toEqual([]);
  });
});

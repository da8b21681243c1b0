import type { CliCommand, CliEntry, CliIo } from './command.ts';
import { UsageError } from './command.ts';

const line = (io: CliIo, stream: 'stdout' | 'stderr', text: string) =>
  io[stream].write(`${text}\n`);

const HELP_WORDS = new Set(['--help', '-h', 'help']);

function overview(entries: CliEntry[], group?: string): string {
  const width = Math.max(...entries.map((c) => c.words.join(' ').length));
  return [
    group ? `Frontline operator CLI: ${group} commands` : 'Frontline operator CLI',
    '',
    `Usage: npm run -s cli -- ${group ? `${group} <command>` : '<command>'} [options]`,
    '',
    'Commands:',
    ...entries.map((c) => `  ${c.words.join(' ').padEnd(width)}  ${c.summary}`),
    '',
    'Run a command with --help for its options.',
  ].join('\n');
}

async function commandOf(entry: CliEntry): Promise<CliCommand> {
  if (!('load' in entry)) return entry;
  const loaded = (await entry.load()).find(
    (command) => command.words.join(' ') === entry.words.join(' '),
  );
  if (!loaded) throw new Error(`command "${entry.words.join(' ')}" is listed but not built`);
  return loaded;
}

/**
 * Selects the command whose words prefix `argv` (longest first) and runs it. A group's name alone
 * or with --help (`warranty --help`) lists the group's commands; anything else unknown lists all.
 */
export async function runCli(argv: string[], entries: CliEntry[], io: CliIo): Promise<number> {
  const sorted = [...entries].sort((a, b) => b.words.length - a.words.length);
  const entry = sorted.find((c) => c.words.every((word, i) => argv[i] === word));
  if (!entry) {
    const group = entries.filter((c) => c.words[0] === argv[0]);
    if (group.length > 0 && (argv.length === 1 || HELP_WORDS.has(argv[1] ?? ''))) {
      // A group's name alone is a missing command: the list goes to stderr, exit 2.
      const asked = argv.length > 1;
      line(io, asked ? 'stdout' : 'stderr', overview(group, argv[0]));
      return asked ? 0 : 2;
    }
    const wantsHelp = argv.length === 0 || HELP_WORDS.has(argv[0] ?? '');
    if (!wantsHelp) line(io, 'stderr', `Unknown command: ${argv.join(' ')}\n`);
    line(
      io,
      wantsHelp ? 'stdout' : 'stderr',
      group.length > 0 ? overview(group, argv[0]) : overview(entries),
    );
    return wantsHelp ? 0 : 2;
  }
  const command = await commandOf(entry);
  const args = argv.slice(entry.words.length);
  if (args.includes('--help') || args.includes('-h')) {
    line(io, 'stdout', command.help);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      line(io, 'stderr', `${command.words.join(' ')}: ${error.message}\n\n${command.help}`);
      return 2;
    }
    throw error;
  }
}

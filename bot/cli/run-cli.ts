import type { CliCommand, CliIo } from './command.ts';
import { UsageError } from './command.ts';

const line = (io: CliIo, stream: 'stdout' | 'stderr', text: string) =>
  io[stream].write(`${text}\n`);

function overview(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.words.join(' ').length));
  return [
    'Frontline operator CLI',
    '',
    'Usage: npm run -s cli -- <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.words.join(' ').padEnd(width)}  ${c.summary}`),
    '',
    'Run a command with --help for its options.',
  ].join('\n');
}

/** Selects the command whose words prefix `argv` (longest first) and runs it. */
export async function runCli(argv: string[], commands: CliCommand[], io: CliIo): Promise<number> {
  const sorted = [...commands].sort((a, b) => b.words.length - a.words.length);
  const command = sorted.find((c) => c.words.every((word, i) => argv[i] === word));
  if (!command) {
    const wantsHelp =
      argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help';
    if (!wantsHelp) line(io, 'stderr', `Unknown command: ${argv.join(' ')}\n`);
    const group = commands.filter((c) => c.words[0] === argv[0]);
    line(io, wantsHelp ? 'stdout' : 'stderr', overview(group.length > 0 ? group : commands));
    return wantsHelp ? 0 : 2;
  }
  const args = argv.slice(command.words.length);
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

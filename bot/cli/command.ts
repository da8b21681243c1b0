import type { Writable } from 'node:stream';

/** Where a command reads and writes; injected so tests run commands in-process. */
export type CliIo = {
  stdin: NodeJS.ReadableStream;
  stdout: Writable;
  stderr: Writable;
  cwd: string;
  env: Record<string, string | undefined>;
};

/** One operator command: `npm run -s cli -- <words…> [options]`. */
export type CliCommand = {
  /** The words that select it, e.g. `['warranty', 'check']`. */
  words: string[];
  summary: string;
  /** Full `--help` text: usage line, options, an example. */
  help: string;
  /** Runs with the arguments after the command words; resolves to the exit code. */
  run(args: string[], io: CliIo): Promise<number>;
};

/** A usage mistake (unknown option, missing value); printed with the command's usage, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

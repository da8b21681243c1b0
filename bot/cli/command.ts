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

/**
 * A command as the command list shows it, its code imported only when it runs or shows its help:
 * `--help` and the command list answer at once, without loading the core, the database driver or
 * the catalogue. `load` gives the module's commands; the one with the same words runs.
 */
export type CliListing = Pick<CliCommand, 'words' | 'summary'> & {
  load(): Promise<CliCommand[]>;
};

export type CliEntry = CliCommand | CliListing;

/** A usage mistake (unknown option, missing value); printed with the command's usage, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

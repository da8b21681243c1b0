import { Readable, Writable } from 'node:stream';
import { commands } from '../../bot/cli/commands/index.ts';
import { runCli } from '../../bot/cli/run-cli.ts';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void) {
    this.text += chunk.toString('utf8');
    done();
  }
}

export type CliRun = { code: number; stdout: string; stderr: string; lines: string[] };

/** Runs the operator CLI in-process with the given arguments, standard input and environment. */
export async function runCliForTest(
  argv: string[],
  options: { stdin?: string; env?: Record<string, string | undefined>; cwd?: string } = {},
): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCli(argv, commands, {
    stdin: Readable.from([options.stdin ?? '']),
    stdout,
    stderr,
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
  });
  return {
    code,
    stdout: stdout.text,
    stderr: stderr.text,
    lines: stdout.text.split('\n').filter(Boolean),
  };
}

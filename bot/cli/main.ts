import { processEnv } from '../config.ts';
import { commands } from './commands/index.ts';
import { runCli } from './run-cli.ts';

// Output piped into a reader that stops early (`| head`) is no error: stop quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await runCli(process.argv.slice(2), commands, {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: processEnv(),
}).catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`,
  );
  return 1;
});
process.exitCode = code;

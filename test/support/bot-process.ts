import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = new URL('../..', import.meta.url).pathname;

/** The bot as a real process (`npm start`'s command line), its output kept for the assertions. */
export type BotProcess = {
  child: ChildProcess;
  /** The exit code once the process has exited (`null` when a signal ended it). */
  exited: Promise<number | null>;
  output(): string;
  /** Resolves once `/healthz` answers on `port`. */
  serving(port: number, ms?: number): Promise<void>;
  /** SIGKILL — a crash, no shutdown code runs; resolves once the process is gone. */
  kill(): Promise<void>;
};

/**
 * Starts `node --import tsx bot/main.ts` with exactly this environment (plus PATH and HOME). One
 * process, so a signal reaches the bot itself: the `tsx` command line relays SIGTERM to its child
 * and SIGKILLs it when the child does not acknowledge within 30 ms (a busy event loop does not),
 * which is no graceful shutdown to test.
 */
export function startBotProcess(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: a crash (SIGKILL to the group) takes anything it started too.
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    child,
    exited,
    output: () => output,
    async serving(port, ms = 90_000) {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        if (child.exitCode !== null)
          throw new Error(`the bot exited during start-up:\n${output.slice(-2_000)}`);
        const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
          .then((res) => res.ok)
          .catch(() => false);
        if (ok) return;
        await sleep(100);
      }
      throw new Error('the bot never answered /healthz');
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      // The whole group: the bot and anything it started.
      process.kill(-(child.pid as number), 'SIGKILL');
      await gone;
    },
  };
}

import type { Logger } from 'pino';
import { toLoggableError } from './loggable-error.ts';

/** A named step of the shutdown, run after the ones before it finished. */
export type ShutdownStep = [name: string, run: () => Promise<void>];

export type ShutdownOptions = {
  /** Longest the whole shutdown may take before the process exits anyway (code 1). Default 25 s. */
  graceMs?: number;
  exit?: (code: number) => void;
};

/**
 * Runs the steps in order once, then exits 0 (1 when a step failed or the grace period ran out).
 * A step that fails is logged and the next still runs: the pools close even if draining failed.
 */
export async function shutDown(
  log: Logger,
  steps: ShutdownStep[],
  { graceMs = 25_000, exit = (code) => process.exit(code) }: ShutdownOptions = {},
): Promise<void> {
  const deadline = setTimeout(() => {
    log.error(`shutdown did not finish within ${graceMs} ms: exiting`);
    exit(1);
  }, graceMs);
  deadline.unref();
  let code = 0;
  for (const [name, run] of steps) {
    try {
      await run();
    } catch (error) {
      code = 1;
      log.error({ error: toLoggableError(error), step: name }, 'shutdown step failed');
    }
  }
  clearTimeout(deadline);
  log.info('stopped');
  exit(code);
}

/** Shuts down on the first SIGTERM or SIGINT; a second signal exits at once. */
export function onShutdownSignal(
  log: Logger,
  steps: ShutdownStep[],
  options: ShutdownOptions = {},
): void {
  let started = false;
  const handle = (signal: NodeJS.Signals) => {
    if (started) {
      log.warn(`${signal} again: exiting now`);
      (options.exit ?? process.exit)(1);
      return;
    }
    started = true;
    log.info(`${signal}: stopping (no new updates; finishing the turns in hand)`);
    void shutDown(log, steps, options);
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}

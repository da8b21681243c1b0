/**
 * Start-up progress in plain words for the operator watching `npm start` (stderr), beside the
 * structured logs: what is happening now, and how long start-up took. The lines are operator
 * text, like the CLI's, not customer text.
 */
export type StartupProgress = {
  /** Something start-up is doing now ("opening the database"). */
  step(text: string): void;
  /** Start-up is over: "ready in 1.8 s", then what is running. */
  ready(what: string): void;
};

export type StartupProgressOptions = {
  write: (line: string) => void;
  /** Milliseconds, monotonic. */
  now?: () => number;
};

export function createStartupProgress(options: StartupProgressOptions): StartupProgress {
  const { write, now = () => performance.now() } = options;
  const started = now();
  return {
    step: (text) => write(`Frontline: ${text}`),
    ready: (what) =>
      write(`Frontline: ready in ${((now() - started) / 1000).toFixed(1)} s — ${what}`),
  };
}

/** No progress lines (tests, the CLI). */
export const silentProgress: StartupProgress = { step: () => {}, ready: () => {} };

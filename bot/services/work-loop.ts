import { setTimeout as sleep } from 'node:timers/promises';

export type WorkLoopOptions = {
  /** Pause when a step found nothing to do (work another instance wrote is seen this late). */
  pollMs: number;
  /** A step failed (the database or Redis down): told, then the loop waits a second. */
  onError(error: unknown): void;
};

/**
 * The background loop of a worker: runs `step` again and again, pausing `pollMs` when a step did
 * nothing (it returns how much it did) unless woken, and a second after a failure.
 */
export function createWorkLoop(step: () => Promise<number>, { pollMs, onError }: WorkLoopOptions) {
  let stopping = false;
  let loop: Promise<void> | undefined;
  let wake = new AbortController();

  async function run(): Promise<void> {
    while (!stopping) {
      let done = 0;
      try {
        done = await step();
      } catch (error) {
        onError(error);
        await sleep(1_000);
      }
      if (done === 0 && !stopping)
        await sleep(pollMs, undefined, { signal: wake.signal }).catch(() => {
          wake = new AbortController();
        });
    }
  }

  return {
    /** True from `stop()` on: work in progress should finish and take nothing new. */
    get stopping() {
      return stopping;
    },
    /** Something new was written: look now rather than at the next poll. */
    wake(): void {
      // abort() builds its DOMException reason even when already aborted: skip it then.
      if (!wake.signal.aborted) wake.abort();
    },
    start(): void {
      if (loop) return;
      stopping = false;
      loop = run();
    },
    /** Stops the loop and waits for the step in hand. */
    async stop(): Promise<void> {
      stopping = true;
      wake.abort();
      await loop;
      loop = undefined;
    },
  };
}

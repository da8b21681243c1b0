/** One named measurement: `setup` returns the operation to repeat (one unit of work per call). */
export type Benchmark = {
  /** The key in the final JSON line, e.g. `triage_messages_per_s`. */
  name: string;
  unit: string;
  setup(): () => void;
};

export type BenchmarkOptions = { warmupMs?: number; runMs?: number };

/** Runs one benchmark on this thread: warm up, then count operations for `runMs`; returns ops/s. */
export function measure(
  benchmark: Benchmark,
  { warmupMs = 500, runMs = 3000 }: BenchmarkOptions = {},
): number {
  const run = benchmark.setup();
  const loop = (ms: number) => {
    const start = performance.now();
    let count = 0;
    let now = start;
    while (now - start < ms) {
      for (let k = 0; k < 50; k++) run();
      count += 50;
      now = performance.now();
    }
    return count / ((now - start) / 1000);
  };
  loop(warmupMs);
  return loop(runMs);
}

/**
 * A measurement that runs once and reports several figures (an async scenario: the bot under
 * load, the job queue draining). Each key of the result becomes a key of the final JSON line.
 */
export type Scenario = {
  /** Run when the command line's filter is part of this name (or there is no filter). */
  name: string;
  run(): Promise<Record<string, number | string>>;
};

/** The value at quantile `q` (0–1) of `sorted` (ascending), nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

/** Rounds to `digits` decimals. */
export const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;

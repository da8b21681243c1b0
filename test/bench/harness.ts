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

import { type Benchmark, measure } from './harness.ts';
import { measureSends } from './sends.ts';
import { triageBenchmarks } from './triage.ts';
import { warrantyBenchmarks } from './warranty.ts';

/** Every benchmark; add a module's list here. Its `name` is its key in the final JSON line. */
const benchmarks: Benchmark[] = [...triageBenchmarks, ...warrantyBenchmarks];

const only = process.argv[2];
const figures: Record<string, number> = {};
for (const benchmark of benchmarks.filter((b) => only === undefined || b.name.includes(only))) {
  const value = Math.round(measure(benchmark));
  figures[benchmark.name] = value;
  process.stdout.write(
    `${benchmark.name.padEnd(32)} ${String(value).padStart(10)} ${benchmark.unit}\n`,
  );
}
if (only === undefined || 'sends_per_update'.includes(only)) {
  for (const [name, value] of Object.entries(await measureSends())) {
    figures[name] = value;
    process.stdout.write(`${name.padEnd(32)} ${String(value).padStart(10)}\n`);
  }
}
process.stdout.write(`${JSON.stringify({ ...figures, node: process.version, cores_used: 1 })}\n`);

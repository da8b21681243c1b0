import { cpus } from 'node:os';
import { type Benchmark, measure, type Scenario } from './harness.ts';
import { jobsScenario } from './jobs.ts';
import { measureSends } from './sends.ts';
import { measureSurge } from './surge.ts';
import { triageBenchmarks } from './triage.ts';
import { updateScenario } from './updates.ts';
import { warrantyBenchmarks } from './warranty.ts';

/** Every benchmark; add a module's list here. Its `name` is its key in the final JSON line. */
const benchmarks: Benchmark[] = [...triageBenchmarks, ...warrantyBenchmarks];

/** Every scenario (async, several figures each); add one here. */
const scenarios: Scenario[] = [
  { name: 'sends_per_update', run: measureSends },
  updateScenario,
  jobsScenario,
  { name: 'surge', run: measureSurge },
];

const only = process.argv[2];
const figures: Record<string, number | string> = {};
const show = (name: string, value: number | string, unit = '') =>
  process.stdout.write(`${name.padEnd(32)} ${String(value).padStart(10)} ${unit}\n`);
for (const benchmark of benchmarks.filter((b) => only === undefined || b.name.includes(only))) {
  const value = Math.round(measure(benchmark));
  figures[benchmark.name] = value;
  show(benchmark.name, value, benchmark.unit);
}
for (const scenario of scenarios.filter((s) => only === undefined || s.name.includes(only))) {
  for (const [name, value] of Object.entries(await scenario.run())) {
    figures[name] = value;
    show(name, value);
  }
}
process.stdout.write(
  `${JSON.stringify({ ...figures, node: process.version, cores_used: 1, machine_cores: cpus().length })}\n`,
);

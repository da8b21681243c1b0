import { loadTriageContent } from '../../bot/content/index.ts';
import { createTriageEngine } from '../../core/index.ts';
import type { Benchmark } from './harness.ts';
import { TRIAGE_BENCH_TEXTS } from './triage-texts.ts';

/** Triage classification throughput on one core, index built once. */
export const triageBenchmarks: Benchmark[] = [
  {
    name: 'triage_messages_per_s',
    unit: 'messages/s',
    setup() {
      const { catalogue, lexicon } = loadTriageContent();
      const engine = createTriageEngine(catalogue, { lexicon });
      let i = 0;
      return () => {
        engine.classify(TRIAGE_BENCH_TEXTS[i % TRIAGE_BENCH_TEXTS.length] ?? '');
        i += 1;
      };
    },
  },
  {
    name: 'triage_long_messages_per_s',
    unit: 'messages/s',
    setup() {
      const { catalogue, lexicon } = loadTriageContent();
      const engine = createTriageEngine(catalogue, { lexicon });
      const long = TRIAGE_BENCH_TEXTS.join(' ').repeat(4);
      return () => {
        engine.classify(long);
      };
    },
  },
];

import { readFileSync } from 'node:fs';
import { loadTriageContent } from '../../bot/content/index.ts';
import { createTriageEngine } from '../../core/index.ts';
import type { Benchmark } from './harness.ts';
import { TRIAGE_BENCH_TEXTS } from './triage-texts.ts';

/** The real set's dev split: real customers' first messages (median about 190 characters). */
const REAL_DEV = new URL('../support/real/dev.jsonl', import.meta.url).pathname;

/** Triage classification throughput on one core (the bot's engine: rules and learned model), index built once. */
export const triageBenchmarks: Benchmark[] = [
  {
    name: 'triage_messages_per_s',
    unit: 'messages/s',
    setup() {
      const { catalogue, lexicon, model } = loadTriageContent();
      const engine = createTriageEngine(catalogue, { lexicon, model });
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
      const { catalogue, lexicon, model } = loadTriageContent();
      const engine = createTriageEngine(catalogue, { lexicon, model });
      const long = TRIAGE_BENCH_TEXTS.join(' ').repeat(4);
      return () => {
        engine.classify(long);
      };
    },
  },
  {
    name: 'triage_real_messages_per_s',
    unit: 'messages/s',
    setup() {
      const { catalogue, lexicon, model } = loadTriageContent();
      const engine = createTriageEngine(catalogue, { lexicon, model });
      const texts = readFileSync(REAL_DEV, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => String(JSON.parse(line).text));
      let i = 0;
      return () => {
        engine.classify(texts[i % texts.length] ?? '');
        i += 1;
      };
    },
  },
];

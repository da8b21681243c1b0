import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import { percentile } from '../../../bot/llm/index.ts';
import { createTriageEngine, firstMessageSteps } from '../../../core/index.ts';
import { runCliForTest } from '../../support/cli.ts';
import { triageAnswer } from '../../support/llm.ts';
import { FakeModelServer, lastUserMessage } from '../../support/openai-server.ts';

const { catalogue, lexicon, model, content } = loadTriageContent();
const engine = createTriageEngine(catalogue, { lexicon, model });
const server = new FakeModelServer();
beforeAll(() => server.start());
afterAll(() => server.stop());

const lines = [
  {
    id: 'v1',
    lang: 'en',
    text: 'the fridge turns the salad into ice',
    category: 'refrigerator',
    label: 'misuse',
  },
  {
    id: 'h1',
    lang: 'zh',
    text: '冰箱后面冒烟了，有烧焦的味道',
    category: 'refrigerator',
    label: 'hazard',
  },
  {
    id: 'f1',
    lang: 'en',
    text: 'the washer sounds like a cement mixer and the clothes come out soaking',
    category: 'washing_machine',
    label: 'fault',
  },
];

describe('triage eval --engine openai', () => {
  it('scores the model’s readings with the same metrics, plus tokens and latency', async () => {
    server.respond((request) => {
      const text = lastUserMessage(request);
      if (text.includes('salad'))
        return {
          kind: 'answer',
          content: triageAnswer({ evidence: 'salad into ice' }),
          tokens: 500,
        };
      if (text.includes('冒烟'))
        // A model that misses the hazard: the net still catches it.
        return { kind: 'answer', content: triageAnswer({ evidence: '冰箱' }), tokens: 500 };
      return { kind: 'status', status: 500 };
    });
    const dir = mkdtempSync(join(tmpdir(), 'frontline-eval-'));
    const data = join(dir, 'set.jsonl');
    writeFileSync(data, lines.map((l) => JSON.stringify(l)).join('\n'));
    const out = join(dir, 'out.jsonl');
    const args = ['triage', 'eval', '--data', data, '--engine', 'openai', '--jsonl', out];
    const run = await runCliForTest(args, {
      env: { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: server.baseURL, OPENAI_MODEL: 'local-test' },
      cwd: dir,
    });
    expect(run.code).toBe(0);
    const metrics = JSON.parse(run.lines.at(-1) ?? '{}');
    expect(metrics).toMatchObject({
      n: 3,
      hazard_recall: 1,
      llm_model: 'local-test',
      llm_answered: 2,
      llm_fallbacks: { server_error: 1 },
      tokens: 1000,
    });
    // The model read the salad as a misuse and the net caught the hazard; the fault the server
    // failed on was read by the embedded engine, as the bot would.
    const embedded = engine.classify(lines[2]?.text ?? '').label === 'fault' ? 1 : 0;
    expect(metrics.label_accuracy).toBeCloseTo((2 + embedded) / 3, 3);
    expect(metrics.latency_ms_p50).toBeGreaterThanOrEqual(0);
    expect(metrics.latency_ms_p99).toBeGreaterThanOrEqual(metrics.latency_ms_p50);
    expect(run.stderr).toContain('server_error');
    // --jsonl: the step the bot would take on each first message, from the model's reading.
    const steps = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // f1 fell back to the embedded engine: the step is the embedded engine's own.
    const [fallback] = firstMessageSteps([engine.classify(lines[2]?.text ?? '')], content);
    expect(steps.map((s) => [s.id, s.next])).toEqual([
      ['v1', 'guide'],
      ['h1', 'hazard'],
      ['f1', fallback],
    ]);
    expect(steps[0]).toMatchObject({
      label: 'misuse',
      symptom: 'refrigerator.too-cold-food-frozen',
    });
  });
});

describe('percentile', () => {
  it.each([
    [[], 0.5, 0],
    [[10], 0.9, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.99, 10],
  ])('%j at %f is %d', (values, share, expected) => {
    expect(percentile(values, share)).toBe(expected);
  });
});

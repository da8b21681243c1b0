import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { triageCommands } from '../../../bot/cli/commands/triage.ts';
import { runCli } from '../../../bot/cli/run-cli.ts';

async function run(argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => {
    out += chunk;
  });
  stderr.on('data', (chunk) => {
    err += chunk;
  });
  const code = await runCli(argv, triageCommands, {
    stdin: new PassThrough(),
    stdout,
    stderr,
    cwd: process.cwd(),
    env: {},
  });
  return { code, out, err };
}

const extra = new URL('../../support/triage-extra.jsonl', import.meta.url).pathname;

describe('triage CLI', () => {
  it('eval prints misses, breakdowns and a JSON metrics object as the last line', async () => {
    const { code, out } = await run(['triage', 'eval', '--data', extra]);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    const metrics = JSON.parse(lines.at(-1) ?? '{}');
    for (const key of [
      'n',
      'label_accuracy',
      'category_accuracy',
      'hazard_recall',
      'misuse_precision',
      'fault_recall',
    ]) {
      expect(metrics).toHaveProperty(key);
    }
    expect(out).toContain('By language:');
    expect(out).toContain('Label confusion');
  });

  it('eval with --engine openai and no OPENAI_API_KEY is a usage error, exit 2', async () => {
    const { code, err } = await run(['triage', 'eval', '--data', extra, '--engine', 'openai']);
    expect(code).toBe(2);
    expect(err).toContain('needs OPENAI_API_KEY');
  });

  it('classify --json prints the reading and the next step', async () => {
    const { code, out } = await run(['triage', 'classify', '雪櫃後面冒煙', '--json']);
    expect(code).toBe(0);
    const { result, next } = JSON.parse(out);
    expect(result.label).toBe('hazard');
    expect(next.kind).toBe('hazard');
  });

  it('classify explains itself in readable lines', async () => {
    const { out } = await run([
      'triage',
      'classify',
      'fridge completely dead, tried another outlet',
    ]);
    expect(out).toMatch(/^label\s+fault/m);
    expect(out).toContain('already tried the checks');
  });

  it('prints help', async () => {
    const { code, out } = await run(['triage', 'eval', '--help']);
    expect(code).toBe(0);
    expect(out).toContain('--engine');
  });
});

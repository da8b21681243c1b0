import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { triageCommands } from '../../../bot/cli/commands/triage.ts';
import { runCli } from '../../../bot/cli/run-cli.ts';
import { DEFAULT_DECISION_THRESHOLDS } from '../../../core/triage/next-step.ts';

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
      'misuse_self_service',
      'hazard_first',
      'fault_direct',
      'false_alarm',
    ]) {
      expect(metrics).toHaveProperty(key);
    }
    expect(out).toContain('By language:');
    expect(out).toContain('Label confusion');
  });

  it('eval --jsonl writes one routing object per input line, in input order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'triage-eval-'));
    const data = join(dir, 'in.jsonl');
    const target = join(dir, 'out.jsonl');
    const input = [
      {
        id: 'a',
        lang: 'en',
        text: 'smoke is coming out of the fridge',
        category: 'refrigerator',
        label: 'hazard',
      },
      {
        id: 7,
        lang: 'zh',
        text: '冰箱冷藏室的菜都冻住了',
        category: 'refrigerator',
        label: 'misuse',
      },
      {
        id: 'c',
        lang: 'en',
        text: 'fridge not cooling, I already checked the settings and the plug',
        category: 'refrigerator',
        label: 'fault',
      },
      {
        id: 'd',
        lang: 'en',
        text: 'my fridge is not cooling',
        category: 'refrigerator',
        label: 'fault',
      },
    ];
    writeFileSync(data, input.map((c) => JSON.stringify(c)).join('\n'));
    const { code, out } = await run(['triage', 'eval', '--data', data, '--jsonl', target]);
    expect(code).toBe(0);
    const rows = readFileSync(target, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows.map((r) => r.id)).toEqual(['a', '7', 'c', 'd']);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['id', 'label', 'category', 'symptom', 'next']);
      expect(['guide', 'checks', 'ask', 'escalate', 'hazard']).toContain(row.next);
    }
    expect(rows.map((r) => r.next)).toEqual(['hazard', 'guide', 'escalate', 'checks']);
    const metrics = JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
    expect(metrics).toMatchObject({
      hazard_first: 1,
      misuse_self_service: 1,
      fault_direct: 0.5,
      false_alarm: 0,
    });
  });

  it('eval --jsonl keeps a malformed line in its place, with its id and the problem, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'triage-eval-'));
    const data = join(dir, 'in.jsonl');
    const target = join(dir, 'out.jsonl');
    const good = (id: string) =>
      JSON.stringify({
        id,
        lang: 'en',
        text: 'my fridge is not cooling',
        category: 'refrigerator',
        label: 'fault',
      });
    writeFileSync(
      data,
      [
        good('a'),
        '{"id":"b","lang":"en","text":"x","category":"toaster","label":"fault"}',
        '{not json',
        '{"id":"d","lang":"fr","text":"mon frigo","category":"refrigerator","label":"fault"}',
        good('e'),
      ].join('\n'),
    );
    const { code, out } = await run(['triage', 'eval', '--data', data, '--jsonl', target]);
    expect(code).toBe(1);
    const rows = readFileSync(target, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', null, 'd', 'e']);
    expect(rows[1].error).toContain('category');
    expect(rows[2].error).toBe('not valid JSON');
    expect(rows[3].error).toContain('lang');
    expect(rows[4]).toMatchObject({ label: 'fault', category: 'refrigerator' });
    expect(JSON.parse(out.trim().split('\n').at(-1) ?? '{}')).toMatchObject({ n: 2, malformed: 3 });
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

  it('classify shows what drove the decision: the rule and the learned features with weights', async () => {
    const { out } = await run(['triage', 'classify', '洗完衣服上都是白色粉末']);
    expect(out).toMatch(
      /^decided\s+learned model and rule cues weighed .*\(calibrated: misuse \d+\.\d%, fault \d+\.\d%/m,
    );
    const { visitCost, checksCost } = DEFAULT_DECISION_THRESHOLDS;
    const line = ((100 * visitCost) / (visitCost + checksCost)).toFixed(1).replace('.', '\\.');
    expect(out).toMatch(
      new RegExp(
        `^cost\\s+a fault goes to an engineer at once above calibrated P\\(fault\\) ${line}%`,
        'm',
      ),
    );
    expect(out).toMatch(/^features\s+label misuse: \S+ \+\d\.\d{3}/m);
    expect(out).toMatch(/^features\s+category washing_machine: /m);
  });

  it('classify names each number on the label line: the calibrated P the cost rule weighs, the unscaled confidence apart', async () => {
    const { out } = await run([
      'triage',
      'classify',
      'My fridge is not cooling since yesterday, the light is on',
      '--json',
    ]);
    const { result } = JSON.parse(out);
    expect(result.explanation.rule).toBe('weighed');
    const label = result.label as 'misuse' | 'fault';
    const calibrated = result.labelProbabilities[label] as number;
    const unscaled = result.labelConfidence as number;
    // The two numbers differ: printing only one of them, unnamed, misled operators.
    expect(Math.abs(calibrated - unscaled)).toBeGreaterThan(0.1);
    const { out: text } = await run([
      'triage',
      'classify',
      'My fridge is not cooling since yesterday, the light is on',
    ]);
    const line = text.split('\n').find((l) => l.startsWith('label')) ?? '';
    expect(line).toContain(
      `${label}: calibrated P(${label}) ${(calibrated * 100).toFixed(1)}%, what the cost rule weighs`,
    );
    expect(line).toContain(
      `unscaled confidence ${Math.round(unscaled * 100)}%, read only by the guidance floor`,
    );
    // The decided line's calibrated figures agree with the label line's.
    expect(text).toMatch(
      new RegExp(`^decided .*calibrated: .*${label} ${(calibrated * 100).toFixed(1)}%`, 'm'),
    );
  });

  it('classify says when a bare symptom gets quick checks however sure the label, and counts its words per script', async () => {
    const { out } = await run(['triage', 'classify', '冰箱不制冷了']);
    expect(out).toMatch(/^text\s+zh, 4 words /m);
    expect(out).toMatch(
      /^cues\s+a bare symptom \(4 words, at most 12; no defect sign\): quick checks before an engineer/m,
    );
    expect(out).toMatch(/^next\s+checks$/m);
    const { out: defect } = await run(['triage', 'classify', '冰箱不制冷了，压缩机换过了']);
    expect(defect).not.toContain('a bare symptom');
    expect(defect).toMatch(/^next\s+escalate \(fault\)$/m);
  });

  it('classify gives a hazard its confidence alone: no cost is weighed', async () => {
    const { out } = await run(['triage', 'classify', 'the TV is smoking']);
    expect(out).toMatch(/^label\s+hazard \(confidence 100%\)$/m);
    expect(out).not.toContain('calibrated P(');
  });

  it('classify says when the hazard net decided, before any model', async () => {
    const { out } = await run(['triage', 'classify', 'the TV is smoking']);
    expect(out).toMatch(/^decided\s+hazard net/m);
    expect(out).not.toMatch(/^cost/m);
    expect(out).not.toMatch(/^features\s+label/m);
  });

  it('prints help', async () => {
    const { code, out } = await run(['triage', 'eval', '--help']);
    expect(code).toBe(0);
    expect(out).toContain('--engine');
  });
});

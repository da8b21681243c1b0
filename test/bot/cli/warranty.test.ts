import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_POLICY } from '../../../core/index.ts';
import { runCliForTest } from '../../support/cli.ts';

const shared = join(import.meta.dirname, '../../../../shared/data');
const devCases = join(shared, 'warranty-dev.jsonl');
const readJsonLines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));

describe('warranty check on the shared development cases (../shared/data)', () => {
  it('finds the shared development cases beside the repository (never skipped)', () => {
    expect(
      existsSync(devCases),
      `${devCases} is missing: the project's shared/ folder must sit beside the repository`,
    ).toBe(true);
  });

  it('agrees with the expected answers on covered, remedies, charge and reason for every line', async () => {
    const run = await runCliForTest(['warranty', 'check', '--cases', devCases]);
    const got = run.lines.map((line) => JSON.parse(line));
    const expected = readJsonLines(join(shared, 'warranty-dev.expected.jsonl'));
    const expectsErrors = expected.some((line) => 'error' in line);
    expect(run.code).toBe(expectsErrors ? 1 : 0);
    expect(got.map((o) => o.id)).toEqual(readJsonLines(devCases).map((o) => o.id));
    const byId = new Map(got.map((o) => [o.id, o]));
    for (const want of expected) {
      const have = byId.get(want.id);
      if ('error' in want) {
        expect(have?.error, want.id).toEqual(expect.any(String));
        continue;
      }
      const keys = ['covered', 'remedies', 'charge', ...(want.covered ? [] : ['reason'])];
      expect(Object.fromEntries(keys.map((k) => [k, have?.[k]])), want.id).toEqual(
        Object.fromEntries(keys.map((k) => [k, want[k]])),
      );
    }
  });
});

describe('warranty check', () => {
  const good =
    '{"id":"a","category":"tv","purchaseDate":"2025-03-01","reportDate":"2025-03-05","cause":"normal_use"}';

  it('reads standard input with "-" and keeps order and ids', async () => {
    const stdin = [good, good.replace('"a"', '"b"').replace('03-05', '03-12')].join('\n');
    const run = await runCliForTest(['warranty', 'check', '--cases', '-'], { stdin });
    expect(run.code).toBe(0);
    expect(run.lines.map((line) => JSON.parse(line))).toEqual([
      {
        id: 'a',
        covered: true,
        remedies: ['refund', 'exchange', 'repair'],
        charge: 'none',
        clauses: ['return-window'],
      },
      {
        id: 'b',
        covered: true,
        remedies: ['exchange', 'repair'],
        charge: 'none',
        clauses: ['exchange-window'],
      },
    ]);
    expect(run.stderr).toContain('2 case(s), 2 decided, 0 error(s)');
  });

  it('answers a malformed line on its own line, runs the others and exits non-zero', async () => {
    const stdin = [
      good,
      '{not json',
      '{"id":"c","category":"toaster","purchaseDate":null,"reportDate":"2025-01-01","cause":"normal_use"}',
      '{"id":"d","category":"tv","purchaseDate":"2025-03-01","reportDate":"2025-02-01","cause":"normal_use"}',
      '',
      good.replace('"a"', '"e"'),
    ].join('\r\n');
    const run = await runCliForTest(['warranty', 'check', '--cases', '-'], { stdin });
    expect(run.code).toBe(1);
    const out = run.lines.map((line) => JSON.parse(line));
    expect(out.map((o) => o.id)).toEqual(['a', null, 'c', 'd', 'e']);
    expect(out[1].error).toMatch(/not valid JSON/);
    expect(out[2].error).toMatch(/unknown category "toaster"/);
    expect(out[3].error).toMatch(/reportDate is before purchaseDate/);
    expect(out[4].covered).toBe(true);
  });

  it('says so when the file cannot be read', async () => {
    const run = await runCliForTest(['warranty', 'check', '--cases', '/nonexistent/cases.jsonl']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot read .*ENOENT/);
  });

  it('prints usage and exits 2 without --cases', async () => {
    const run = await runCliForTest(['warranty', 'check']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--cases is required');
    expect(run.stderr).toContain('Usage: npm run -s cli -- warranty check');
  });

  it('uses WARRANTY_POLICY_FILE when set, and names the field of a broken one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-'));
    const policy = structuredClone(BUILT_IN_POLICY);
    policy.returnDays = 3;
    writeFileSync(join(dir, 'policy.json'), JSON.stringify(policy));
    const env = { WARRANTY_POLICY_FILE: 'policy.json' };
    const run = await runCliForTest(['warranty', 'check', '--cases', '-'], {
      stdin: good,
      env,
      cwd: dir,
    });
    expect(JSON.parse(run.lines[0] ?? '{}').remedies).toEqual(['exchange', 'repair']);

    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ ...policy, graceDays: 'ninety' }));
    await expect(
      runCliForTest(['warranty', 'check', '--cases', '-'], {
        stdin: good,
        env: { WARRANTY_POLICY_FILE: 'broken.json' },
        cwd: dir,
      }),
    ).rejects.toThrow(/WARRANTY_POLICY_FILE .*broken\.json: graceDays:/);
  });
});

describe('warranty explain', () => {
  const input =
    '{"category":"refrigerator","purchaseDate":"2025-03-14","reportDate":"2026-01-02","cause":"normal_use","part":"compressor"}';

  it('explains in English with the dates of each clause', async () => {
    const run = await runCliForTest(['warranty', 'explain', '--lang', 'en', '--case', input]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('compressor is a main part, covered until 2028-03-14');
    expect(run.stdout).toContain("preliminary answer: the engineer's inspection decides");
  });

  it('explains in Simplified and Traditional Chinese', async () => {
    const zh = await runCliForTest(['warranty', 'explain', '--lang', 'zh', '--case', input]);
    expect(zh.stdout).toContain('压缩机属于主要部件，保修至2028年3月14日');
    const hant = await runCliForTest(['warranty', 'explain', '--lang', 'zh-Hant', '--case', input]);
    expect(hant.stdout).toContain('壓縮機屬於主要部件');
  });

  it('reports an invalid case in one line and exits 1', async () => {
    const run = await runCliForTest(['warranty', 'explain', '--case', '{"category":"tv"}']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('rejects an unknown language as a usage error', async () => {
    expect(
      (await runCliForTest(['warranty', 'explain', '--lang', 'fr', '--case', input])).code,
    ).toBe(2);
  });

  /** The case above with one value changed, explained in `lang`. */
  const explainWith = (from: string, to: string, lang = 'en') =>
    runCliForTest(['warranty', 'explain', '--lang', lang, '--case', input.replace(from, to)]);

  it('explains in Hong Kong and Taiwan Traditional Chinese', async () => {
    const hk = await explainWith('', '', 'zh-HK');
    expect(hk.code).toBe(0);
    expect(hk.stdout).toContain('壓縮機');
    const tw = await explainWith('', '', 'zh-TW');
    expect(tw.code).toBe(0);
    expect(tw.stdout).toContain('保固');
  });

  it('refuses a misspelt part, listing the parts it knows, instead of answering "not covered"', async () => {
    const run = await explainWith('"compressor"', '"compresor"');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      'unknown part "compresor" for refrigerator (did you mean "compressor"?)',
    );
    expect(run.stderr).toContain(
      'Main parts: compressor, condenser, evaporator, main_board, thermostat.',
    );
  });

  it('refuses an unknown cause, listing the causes', async () => {
    const run = await explainWith('"normal_use"', '"normal_usee"');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('unknown cause "normal_usee"');
    expect(run.stderr).toContain('liquid_ingress');
  });

  it('still explains a part the catalogue names (an ordinary part)', async () => {
    expect((await explainWith('"compressor"', '"door_seal"')).code).toBe(0);
  });
});

describe('cli', () => {
  it('lists the commands with --help', async () => {
    const run = await runCliForTest(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('warranty check');
  });
  it('rejects an unknown command with exit 2', async () => {
    expect((await runCliForTest(['frobnicate'])).code).toBe(2);
  });
  it('prints a command help with --help', async () => {
    const run = await runCliForTest(['warranty', 'explain', '--help']);
    expect(run.stdout).toContain('Usage: npm run -s cli -- warranty explain');
  });
});

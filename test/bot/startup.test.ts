import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'frontline-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

type Started = { code: number | null; stdout: string; stderr: string };

/** `npm start` as the README runs it (the launcher, which compiles dist/ when it is stale). */
function start(input: string): Promise<Started> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, ['bot/tools/start.mjs'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATA_DIR: dataDir,
        LANG: 'en_US.UTF-8',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', failed);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const progress = (stderr: string) =>
  stderr.split('\n').filter((line) => line.startsWith('Frontline: '));

describe('npm start', () => {
  it('says what it is doing, is ready, and shows the console prompt; then starts warm', async () => {
    const cold = await start('/help\n/quit\n');
    expect(cold.code).toBe(0);
    const steps = progress(cold.stderr);
    const order = [
      /^Frontline: starting…$/,
      /^Frontline: opening the database \(embedded PostgreSQL in .+\)…$/,
      /^Frontline: loading the catalogue, triage lexicon, locales and warranty policy…$/,
      /^Frontline: applying migrations…$/,
      /^Frontline: migrations: applied \d+, \d+ in the database$/,
      /^Frontline: short-lived store: in-process$/,
      /^Frontline: ready in \d+\.\d s — console mode$/,
    ];
    const positions = order.map((pattern) => steps.findIndex((line) => pattern.test(line)));
    expect(
      positions.every((position) => position >= 0),
      steps.join('\n'),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // No raw JSON log lines for the operator to read in console mode.
    expect(cold.stderr).not.toMatch(/^\{"level"/m);
    expect(cold.stdout).toContain('Frontline — console mode');
    expect(cold.stdout).toContain('you › /help');
    expect(cold.stdout).toMatch(/bot │ .+/);

    const warm = await start('/quit\n');
    expect(warm.code).toBe(0);
    const warmSteps = progress(warm.stderr);
    expect(warmSteps.some((line) => /^Frontline: migrations: up to date \(\d+\)$/.test(line))).toBe(
      true,
    );
    expect(warmSteps.join('\n')).not.toContain('compiling');
    expect(warmSteps.at(-1)).toMatch(/^Frontline: ready in \d+\.\d s — console mode$/);
  }, 300_000);
});

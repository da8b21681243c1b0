import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotApiDouble } from '../support/bot-api-double.ts';

const TOKEN = '556677:StartUpCheckToken0000000000000000';
const BOT = { id: 556677, first_name: 'Frontline', username: 'frontline_start_bot', is_bot: true };
const root = join(import.meta.dirname, '../..');

/** Starts `npm start`'s entry point against the double; resolves on exit or on `until` in stderr. */
function startBot(env: Record<string, string>, until?: RegExp) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    child.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
      if (until?.test(stderr)) child.kill('SIGINT');
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('start-up with a real token', () => {
  const double = new BotApiDouble({ token: TOKEN, bot: BOT });
  const dataDir = mkdtempSync(join(tmpdir(), 'frontline-start-'));
  const env = () => ({
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: double.apiRoot,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
  });
  beforeAll(async () => {
    await double.start();
    double.addSupergroup(-100200, 'Not a forum', { isForum: false });
    double.setMember(-100200, BOT.id, 'member');
  });
  afterAll(async () => {
    await double.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops with one line naming what the staff chat lacks', async () => {
    const { code, stderr } = await startBot({ ...env(), STAFF_CHAT_ID: '-100200' });
    expect(code).toBe(1);
    // The progress lines come first; the reason is one line, the last.
    const lines = stderr.trim().split('\n');
    expect(lines.filter((line) => line.startsWith('Cannot start'))).toHaveLength(1);
    expect(lines.at(-1)).toBe(
      'Cannot start: STAFF_CHAT_ID -100200: it is not a forum (turn Topics on in the group settings); the bot is not an administrator there (it is "member")',
    );
  }, 60_000);

  it('says loudly that nobody will be told when STAFF_CHAT_ID is not set', async () => {
    const { stderr } = await startBot(env(), /tickets list/);
    expect(stderr).toMatch(
      /WARNING: STAFF_CHAT_ID is not set\. Tickets are filed, but no staff member is told/,
    );
    expect(stderr).toMatch(/npm run -s cli -- tickets list/);
  }, 60_000);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../bot/app.ts';
import { parseConfig } from '../../../bot/config.ts';
import { createMovableClock } from '../../../bot/console/console-clock.ts';
import { CONSOLE_STAFF_CHAT, runConsole } from '../../../bot/console/run-console.ts';
import { createLogger } from '../../../bot/logger.ts';

describe('console mode', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'frontline-console-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** Runs the console on these lines and returns what it printed. */
  async function session(lines: string[]): Promise<string> {
    const clock = createMovableClock();
    const config = parseConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      STAFF_CHAT_ID: String(CONSOLE_STAFF_CHAT),
    });
    const app = await createApp(config, createLogger('silent'), clock);
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => {
      printed += String(chunk);
    });
    try {
      await runConsole(app, {
        input: Readable.from(lines.map((line) => `${line}\n`)),
        output,
        clock,
        languageCode: 'en',
        interactive: false,
      });
    } finally {
      await app.close();
    }
    return printed;
  }

  /** The bot's answer to each line the customer typed, as printed. */
  const answers = (printed: string) =>
    printed
      .split(/^you › .*$/m)
      .slice(1)
      .map((block) => block.trim());

  it('shows one message per turn, and a guided step replacing the one before', async () => {
    const printed = await session([
      'my fridge is too cold, the vegetables freeze',
      '2',
      '/cancel',
      'washer shows E21 and will not drain, I already cleaned the filter',
    ]);
    const [report, next, , fault] = answers(printed);
    expect(
      report?.match(/^bot │ That sounds like "[^"]+", which often has a simple cause/gm),
    ).toHaveLength(1);
    expect(report).toMatch(/^bot │ Step 1 of \d/m);
    expect(report).toMatch(/\[2\] ❌ Still not working/);
    expect(next).toMatch(/^bot ↻ Step 2 of \d/);
    expect(next).not.toMatch(/^bot │/m);
    // The verdict, the intake's introduction and the first question, as paragraphs of one message.
    expect(fault).toMatch(
      /^bot │ This sounds like it needs an engineer\.\nbot │ \nbot │ I'll prepare a service ticket\..*\nbot │ \nbot │ What name should the engineer ask for\?$/,
    );
  }, 60_000);
});

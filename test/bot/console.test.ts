import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../bot/app.ts';
import { parseConfig } from '../../bot/config.ts';
import { createMovableClock } from '../../bot/console/console-clock.ts';
import { CONSOLE_STAFF_CHAT, runConsole } from '../../bot/console/run-console.ts';
import { createLogger } from '../../bot/logger.ts';
import { newTicket } from '../db/fixtures.ts';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void) {
    this.text += chunk.toString('utf8');
    done();
  }
}

describe('console mode', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'frontline-console-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('shows the staff side: the card, take, reply as staff, schedule, close and the rating', async () => {
    const config = parseConfig({
      DATA_DIR: dataDir,
      STAFF_CHAT_ID: String(CONSOLE_STAFF_CHAT),
      STAFF_LANGUAGE: 'en',
      LOG_LEVEL: 'silent',
    });
    const clock = createMovableClock();
    const app = await createApp(config, createLogger('silent'), clock);
    const output = new Capture();
    const script = [
      'washer shows E21 and will not drain, I already cleaned the filter',
      'Li Na',
      '/contact',
      'XQG100-B12866',
      '2025-11-10',
      '北京市朝阳区建国路88号',
      '1',
      '1',
      '9',
      '1',
      '/s Hello, I am looking at your E21 error.',
      'thanks, waiting',
      '/s /close repaired',
      '5',
      '/sg /queue',
      '/quit',
    ];
    await runConsole(app, {
      input: Readable.from([`${script.join('\n')}\n`]),
      output,
      clock,
      languageCode: 'en',
      interactive: false,
    });
    await app.close();
    const text = output.text;
    expect(text).toMatch(/staff #FL-\d{6}-\d{4} │ 🆕 FL-\d{6}-\d{4} · washing machine · fault/);
    expect(text).toMatch(/\[1\] ✋ Take/);
    expect(text).toMatch(/bot │ 👤 Console Staff from our service team is with you now/);
    expect(text).toMatch(/bot │ Hello, I am looking at your E21 error\./);
    expect(text).toMatch(/staff #FL-\d{6}-\d{4} │ thanks, waiting/);
    expect(text).toMatch(/bot │ ✅ Your ticket FL-\d{6}-\d{4} is closed: the repair is done/);
    expect(text).toMatch(/staff #FL-\d{6}-\d{4} │ ⭐ The customer rated FL-\d{6}-\d{4} 5\/5/);
    expect(text).toMatch(/staff General │ 📋 No open tickets\./);
    expect(text).not.toMatch(/error:/);
  }, 120_000);

  it('runs what start-up owes: a repair filed before the loaner reminder existed gets its reminder when the console opens', async () => {
    const config = parseConfig({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'frontline-console-catch-up-')),
      STAFF_CHAT_ID: String(CONSOLE_STAFF_CHAT),
      STAFF_LANGUAGE: 'en',
      LOG_LEVEL: 'silent',
    });
    const clock = createMovableClock();
    const app = await createApp(config, createLogger('silent'), clock);
    try {
      const { repos } = app.deps;
      const { id } = await repos.customers.ensure(4242, 'en', clock.now());
      // Filed 30 hours ago as before the reminder existed: no loaner job was scheduled.
      const { ticket } = await repos.tickets.create(newTicket(id), {
        idempotencyKey: 'console-catch-up',
        day: '2026-03-10' as never,
        at: new Date(clock.now().getTime() - 30 * 3_600_000),
        actor: { kind: 'customer', customerId: id },
      });
      const output = new Capture();
      await runConsole(app, {
        input: Readable.from(['/clock +1m\n/quit\n']),
        output,
        clock,
        languageCode: 'en',
        interactive: false,
      });
      const loaners = (await repos.tickets.history(ticket.id)).filter(
        (event) => event.type === 'loaner_due',
      );
      expect(loaners).toHaveLength(1);
      expect(output.text).toMatch(
        new RegExp(`${ticket.number} has waited 30 hours since the report`),
      );
    } finally {
      await app.close();
      rmSync(config.DATA_DIR, { recursive: true, force: true });
    }
  }, 120_000);
});

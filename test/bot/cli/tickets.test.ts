import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_POLICY, type CalendarDate, decideDraftWarranty } from '../../../core/index.ts';
import { createRepositories, openDatabase } from '../../../db/index.ts';
import { day, newTicket } from '../../db/fixtures.ts';
import { runCliForTest } from '../../support/cli.ts';

const at = new Date('2026-03-10T02:00:00Z');

describe('tickets list and show (the operator sees every ticket without a staff chat)', () => {
  let dataDir: string;
  let numbers: string[] = [];
  const env = () => ({ DATA_DIR: dataDir, SERVICE_TZ: 'Asia/Shanghai', STAFF_CONTACT_SLA: '30m' });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'frontline-cli-tickets-'));
    const handle = await openDatabase({ dataDir });
    const repos = createRepositories(handle.db);
    const { id } = await repos.customers.ensure(600_001, 'en', at);
    const file = async (key: string, overrides = {}) =>
      (
        await repos.tickets.create(newTicket(id, overrides), {
          idempotencyKey: key,
          day: day('2026-03-10'),
          at,
          actor: { kind: 'customer', customerId: id },
        })
      ).ticket;
    const normal = await file('a');
    // A fridge bought "over a year ago": the compressor's answer, the unit's over its days.
    const warranty = decideDraftWarranty(
      {
        category: 'refrigerator',
        purchaseDate: {
          from: '2024-03-11' as CalendarDate,
          to: '2025-03-10' as CalendarDate,
          precision: 'year',
          approximate: true,
        },
      },
      '2026-03-10' as CalendarDate,
      BUILT_IN_POLICY,
      'compressor',
    )?.decision;
    const urgent = await file('b', { priority: 'urgent', warranty });
    const closed = await file('c');
    await repos.tickets.apply(normal.id, { type: 'take', staffId: 42 }, at);
    await repos.tickets.appendEvent(normal.id, {
      at,
      actor: { kind: 'staff', staffId: 42 },
      type: 'note',
      payload: { text: 'call after 5pm' },
    });
    await repos.tickets.linkTopic({ ticketId: normal.id, chatId: -1001, topicId: 77 });
    await repos.tickets.apply(
      closed.id,
      { type: 'cancel', actor: { kind: 'system' }, reason: null },
      at,
    );
    // A customer who asked to be forgotten: their ticket keeps a random reference, not its number.
    const { id: gone } = await repos.customers.ensure(600_002, 'en', at);
    const { ticket: forgotten } = await repos.tickets.create(newTicket(gone), {
      idempotencyKey: 'd',
      day: day('2026-03-10'),
      at,
      actor: { kind: 'customer', customerId: gone },
    });
    await repos.customers.erase(gone, at);
    numbers = [normal.number, urgent.number, closed.number, forgotten.number];
    await handle.close();
  }, 60_000);
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('lists open tickets, urgent first, with holder and contact promise', async () => {
    const run = await runCliForTest(['tickets', 'list'], { env: env() });
    expect(run.code).toBe(0);
    expect(run.lines).toHaveLength(2);
    expect(run.lines[0]).toMatch(
      new RegExp(
        `^${numbers[1]} · open URGENT · fault · refrigerator · filed 2026-03-10 10:00 · holder - · contact promise broken \\d+ min ago$`,
      ),
    );
    expect(run.lines[1]).toMatch(
      new RegExp(`^${numbers[0]} · taken · fault · refrigerator · .* · holder 42 · `),
    );
  });

  it('lists the states asked for, as JSON when asked', async () => {
    const run = await runCliForTest(['tickets', 'list', '--state', 'cancelled', '--json'], {
      env: env(),
    });
    // The erased customer's ticket, cancelled by the erasure, under its random reference.
    expect(run.lines.map((line) => JSON.parse(line).number).sort()).toEqual([
      expect.stringMatching(/^ERASED-[0-9A-F]{12}$/),
      numbers[2],
    ]);
    const bad = await runCliForTest(['tickets', 'list', '--state', 'lost'], { env: env() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown state "lost"/);
  });

  it('shows one ticket with its customer, topic and history', async () => {
    const run = await runCliForTest(['tickets', 'show', numbers[0] as string], { env: env() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Customer:   王小明 · 13800138000 · 上海市浦东新区世纪大道100号');
    expect(run.stdout).toContain('Topic:      -1001 / 77');
    // The photos the customer sent: their Telegram file ids (the files stay with Telegram).
    expect(run.stdout).toContain('Photos:     1 (Telegram file ids: AgACAgUAAxkBAAIB)');
    expect(run.stdout).toMatch(/2026-03-10 10:00 {2}staff 42 {9}taken/);
    expect(run.stdout).toContain('note {"text":"call after 5pm"}');
    // The warranty as the customer got it (review11 L1): the part's, then the unit's per run of
    // days, the likely one first as the customer was told (the decision says which).
    const urgent = await runCliForTest(['tickets', 'show', numbers[1] as string], { env: env() });
    expect(urgent.stdout).toContain(
      'Warranty:   covered · repair · charge none · clauses main-part-term — if another part: not covered (expired) · repair · charge parts_and_labour · clauses expired (start 2024-03-11–2025-03-09, most likely); covered · repair · charge none · clauses whole-unit-term (start 2025-03-10–2025-03-10)',
    );
    const missing = await runCliForTest(['tickets', 'show', 'FL-260310-0999'], { env: env() });
    expect(missing).toMatchObject({ code: 1, stderr: 'tickets show: no ticket FL-260310-0999\n' });
  });

  it("says a number erased at the customer's request was erased, and nothing of them (review10 L1)", async () => {
    const erased = numbers[3] as string;
    for (const args of [[], ['--json']]) {
      const run = await runCliForTest(['tickets', 'show', erased, ...args], { env: env() });
      expect(run).toMatchObject({
        code: 1,
        stdout: '',
        stderr: `tickets show: ${erased} was erased at the customer's request: the ticket keeps no number and none of their details\n`,
      });
    }
    // A number of that day never handed out is still no ticket.
    const next = erased.replace(/\d{4}$/, (n) => String(Number(n) + 1).padStart(4, '0'));
    const never = await runCliForTest(['tickets', 'show', next], { env: env() });
    expect(never).toMatchObject({ code: 1, stderr: `tickets show: no ticket ${next}\n` });
  });
});

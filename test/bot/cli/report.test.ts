import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type DatabaseHandle, openDatabase } from '../../../db/index.ts';
import { day, newTicket } from '../../db/fixtures.ts';
import { runCliForTest } from '../../support/cli.ts';
import { createTestPostgresDatabase, DATABASE_URL } from '../../support/db.ts';

const MINUTE = 60_000;

/**
 * Files, in Asia/Shanghai (UTC+8): a ticket on 2 March just after local midnight (1 March in UTC),
 * taken after 10 minutes; an urgent one on 5 March taken after 45; one on 1 April (outside); and
 * guided cases on 3 March: working, still broken, pending. Plus one ticket and one case today.
 */
async function seed(handle: DatabaseHandle): Promise<void> {
  const repos = createRepositories(handle.db);
  const { id } = await repos.customers.ensure(555_001, 'zh-Hans', new Date('2024-01-01T00:00:00Z'));
  const file = async (at: string, priority: 'normal' | 'urgent', takenAfter?: number) => {
    const created = new Date(at);
    const { ticket } = await repos.tickets.create(newTicket(id, { priority }), {
      idempotencyKey: `cli-report:${at}`,
      day: day(at.slice(0, 10)),
      at: created,
      actor: { kind: 'system' },
    });
    if (takenAfter !== undefined) {
      const takenAt = new Date(created.getTime() + takenAfter * MINUTE);
      await repos.tickets.apply(ticket.id, { type: 'take', staffId: 1 }, takenAt);
      await repos.tickets.markContacted(ticket.id, takenAt, { kind: 'staff', staffId: 1 });
    }
  };
  await file('2024-03-01T16:30:00Z', 'normal', 10);
  await file('2024-03-05T02:00:00Z', 'urgent', 45);
  await file('2024-04-01T02:00:00Z', 'normal');
  await file(new Date().toISOString(), 'normal');
  const guide = async (at: Date, outcome?: 'working' | 'still_broken') => {
    const opened = await repos.guidance.open(
      {
        customerId: id,
        chatId: 555_001,
        locale: 'zh-Hans',
        category: 'tv',
        symptomId: 'tv.no-picture',
        description: '电视没画面',
        checkBackAt: at,
      },
      at,
    );
    if (outcome) await repos.guidance.recordOutcome(opened.id, outcome, at);
  };
  await guide(new Date('2024-03-03T02:00:00Z'), 'working');
  await guide(new Date('2024-03-03T03:00:00Z'), 'still_broken');
  await guide(new Date('2024-03-03T04:00:00Z'));
  await guide(new Date(), 'working');
}

const expectMarch = (json: Record<string, unknown>) =>
  expect(json).toMatchObject({
    period: {
      from: '2024-03-02',
      to: '2024-03-31',
      timeZone: 'Asia/Shanghai',
      start: '2024-03-01T16:00:00.000Z',
      end: '2024-03-31T16:00:00.000Z',
    },
    slaMs: 30 * MINUTE,
    tickets: {
      total: 2,
      byState: { open: 0, taken: 2, scheduled: 0, resolved: 0, cancelled: 0 },
      urgent: 1,
      byCategory: { refrigerator: 2 },
    },
    guidance: { total: 3, working: 1, stillBroken: 1, unconfirmed: 0, pending: 1 },
    solvedWithoutVisitRate: 0.5,
    contact: { measured: 2, withinSla: 1 },
  });

describe('report on a PGlite data folder', () => {
  let cwd = '';
  const env = { DATA_DIR: './data', SERVICE_TZ: 'Asia/Shanghai', STAFF_CONTACT_SLA: '30m' };
  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'frontline-report-'));
    const handle = await openDatabase({ dataDir: join(cwd, 'data') });
    try {
      await seed(handle);
    } finally {
      await handle.close();
    }
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('prints one JSON object for the days asked, counted in the service time zone', async () => {
    const run = await runCliForTest(
      ['report', '--from', '2024-03-02', '--to', '2024-03-31', '--json'],
      {
        env,
        cwd,
      },
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.lines).toHaveLength(1);
    expectMarch(JSON.parse(run.stdout));
  });

  it('leaves out a ticket filed on the day before --from in the service time zone', async () => {
    const run = await runCliForTest(
      ['report', '--from', '2024-03-01', '--to', '2024-03-01', '--json'],
      {
        env,
        cwd,
      },
    );
    expect(JSON.parse(run.stdout).tickets.total).toBe(0);
  });

  it('prints a readable table', async () => {
    const run = await runCliForTest(['report', '--from', '2024-03-02', '--to', '2024-03-31'], {
      env,
      cwd,
    });
    expect(run.code).toBe(0);
    expect(run.lines[0]).toBe('Service figures 2024-03-02 to 2024-03-31 (Asia/Shanghai)');
    expect(run.stdout).toMatch(/^Tickets +2$/m);
    expect(run.stdout).toMatch(/^ {2}urgent +1$/m);
    expect(run.stdout).toMatch(/^ {4}refrigerator +2$/m);
    expect(run.stdout).toMatch(/^Solved without a visit +50\.0% {2}of 2 with an outcome$/m);
    expect(run.stdout).toMatch(/^Contact promise kept +50\.0% {2}1 of 2 due within 30m$/m);
  });

  it('counts a ticket never taken as a missed promise once its deadline has passed', async () => {
    const april = await runCliForTest(
      ['report', '--from', '2024-04-01', '--to', '2024-04-30', '--json'],
      { env, cwd },
    );
    expect(JSON.parse(april.stdout).contact).toEqual({ measured: 1, withinSla: 0 });
    const today = await runCliForTest(['report', '--json'], { env, cwd });
    expect(JSON.parse(today.stdout).contact).toEqual({ measured: 0, withinSla: 0 });
  });

  it('covers the last 30 days, today included, by default', async () => {
    const run = await runCliForTest(['report', '--json'], { env, cwd });
    const json = JSON.parse(run.stdout);
    expect(json.tickets.total).toBe(1);
    expect(json.guidance).toMatchObject({ total: 1, working: 1 });
    const days = (Date.parse(json.period.to) - Date.parse(json.period.from)) / 86_400_000;
    expect(days).toBe(29);
  });

  it('rejects a malformed date, or a --from after --to, with exit code 2', async () => {
    const bad = await runCliForTest(['report', '--from', '2024-02-30'], { env, cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from must be a date YYYY-MM-DD, got "2024-02-30"');
    const reversed = await runCliForTest(['report', '--from', '2024-03-02', '--to', '2024-03-01'], {
      env,
      cwd,
    });
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toContain('--from 2024-03-02 is after --to 2024-03-01');
  });

  it('exits 1 with one line when there is no data folder, or it was never migrated', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'frontline-report-empty-'));
    try {
      const missing = await runCliForTest(['report'], { env, cwd: empty });
      expect(missing).toMatchObject({ code: 1, stdout: '' });
      expect(missing.stderr).toBe(
        `report: no PGlite data folder at ${join(empty, 'data')} (set DATA_DIR or DATABASE_URL)\n`,
      );
      await mkdir(join(empty, 'data'));
      const unmigrated = await runCliForTest(['report'], { env, cwd: empty });
      expect(unmigrated).toMatchObject({ code: 1, stdout: '' });
      expect(unmigrated.stderr).toMatch(
        /^report: report\.figures failed: relation "\w+" does not exist \(run "db migrate" first\)\n$/,
      );
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!DATABASE_URL)(
  `report against DATABASE_URL${DATABASE_URL ? '' : ': skipped, DATABASE_URL is not set'}`,
  () => {
    it('prints the same figures from PostgreSQL', async () => {
      const { url, drop } = await createTestPostgresDatabase();
      try {
        const handle = await openDatabase({ databaseUrl: url });
        try {
          await seed(handle);
        } finally {
          await handle.close();
        }
        const run = await runCliForTest(
          ['report', '--from', '2024-03-02', '--to', '2024-03-31', '--json'],
          { env: { DATABASE_URL: url, SERVICE_TZ: 'Asia/Shanghai' }, cwd: tmpdir() },
        );
        expect(run).toMatchObject({ code: 0, stderr: '' });
        expectMarch(JSON.parse(run.stdout));
      } finally {
        await drop();
      }
    });
  },
);

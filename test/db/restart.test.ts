import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  committedMigrations,
  createJobWorker,
  createRepositories,
  openDatabase,
} from '../../db/index.ts';
import { createTestClock } from '../support/db.ts';
import { day, newTicket } from './fixtures.ts';

describe('PGlite data folder across a restart', () => {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('keeps tickets and pending jobs, and runs the jobs that fell due while it was down', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'frontline-restart-'));
    folders.push(dataDir);
    const clock = createTestClock('2024-03-14T02:00:00Z');

    const before = await openDatabase({ dataDir });
    const repos = createRepositories(before.db);
    const customer = await repos.customers.ensure(99_001, 'zh-Hans', clock.now());
    const { ticket } = await repos.tickets.create(newTicket(customer.id), {
      idempotencyKey: 'restart-1',
      day: day('2024-03-14'),
      at: clock.now(),
      actor: { kind: 'system' },
      jobs: [
        {
          kind: 'check-back',
          key: 'check-back:restart-1',
          dueAt: new Date(clock.now().getTime() + 2 * 3_600_000),
          payload: { ticketId: 'restart-1' },
        },
      ],
    });
    await before.close();

    clock.advance(3 * 3_600_000);
    const after = await openDatabase({ dataDir });
    try {
      expect(await after.migrate()).toEqual({ applied: 0, total: committedMigrations() });
      const reopened = createRepositories(after.db);
      expect(await reopened.tickets.get(ticket.id)).toEqual(ticket);
      expect((await reopened.tickets.history(ticket.id)).map((e) => e.type)).toEqual(['created']);
      expect((await reopened.jobs.findByKey('check-back:restart-1'))?.state).toBe('pending');

      const ran: unknown[] = [];
      const worker = createJobWorker({
        db: after.db,
        clock,
        handlers: { 'check-back': async (job) => void ran.push(job.payload) },
      });
      expect(await worker.runDue()).toMatchObject({ done: 1 });
      expect(ran).toEqual([{ ticketId: ticket.id, ticketNumber: ticket.number }]);
      // The counter survived too: the next ticket that day is 0002.
      const next = await reopened.tickets.create(newTicket(customer.id), {
        idempotencyKey: 'restart-2',
        day: day('2024-03-14'),
        at: clock.now(),
        actor: { kind: 'system' },
      });
      expect(next.ticket.number).toBe('FL-240314-0002');
    } finally {
      await after.close();
    }
  });
});

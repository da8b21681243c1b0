import { describe, expect, it } from 'vitest';
import { createLogger } from '../../bot/logger.ts';
import { shutDown } from '../../bot/shutdown.ts';

const log = createLogger('silent');

describe('the shutdown sequence', () => {
  it('runs every step in order and exits 0', async () => {
    const ran: string[] = [];
    const codes: number[] = [];
    await shutDown(
      log,
      [
        ['updates', async () => void ran.push('updates')],
        ['storage', async () => void ran.push('storage')],
      ],
      { exit: (c) => void codes.push(c) },
    );
    expect(ran).toEqual(['updates', 'storage']);
    expect(codes).toEqual([0]);
  });

  it('still closes the storage when an earlier step fails, and exits 1', async () => {
    const ran: string[] = [];
    const codes: number[] = [];
    await shutDown(
      log,
      [
        [
          'updates',
          async () => {
            throw new Error('drain failed');
          },
        ],
        ['storage', async () => void ran.push('storage')],
      ],
      { exit: (c) => void codes.push(c) },
    );
    expect(ran).toEqual(['storage']);
    expect(codes).toEqual([1]);
  });

  it('exits 1 when a step hangs past the grace period', async () => {
    const codes: number[] = [];
    void shutDown(log, [['updates', () => new Promise<void>(() => {})]], {
      graceMs: 50,
      exit: (c) => void codes.push(c),
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(codes).toEqual([1]);
  });
});

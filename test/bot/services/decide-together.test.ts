import { describe, expect, it } from 'vitest';
import { createDecideTogether } from '../../../bot/services/decide-together.ts';

describe('deciding the turns of one pass together', () => {
  it('runs the decisions asked in one pass back to back, in order, after the other work of the pass', async () => {
    const decideTogether = createDecideTogether();
    const log: string[] = [];
    const asked: Promise<string>[] = [];
    // Three turns become ready in one pass, each followed by other work in the same pass (another
    // turn's driver callback, say). One timer callback stands for the pass: three timers of 0 ms
    // are not always due in the same pass (their creation can straddle a millisecond), which made
    // this test fail on a loaded machine.
    await new Promise<void>((done) => {
      setTimeout(() => {
        for (const name of ['a', 'b', 'c']) {
          asked.push(
            decideTogether(() => {
              log.push(`decide ${name}`);
              return name.toUpperCase();
            }),
          );
          log.push(`other work ${name}`);
        }
        done();
      }, 0);
    });
    expect(await Promise.all(asked)).toEqual(['A', 'B', 'C']);
    expect(log).toEqual([
      'other work a',
      'other work b',
      'other work c',
      'decide a',
      'decide b',
      'decide c',
    ]);
  });

  it('gives each caller its own error and the others their decisions', async () => {
    const decideTogether = createDecideTogether();
    const results = await Promise.allSettled([
      decideTogether(() => 1),
      decideTogether(() => {
        throw new Error('this turn failed');
      }),
      decideTogether(() => 3),
    ]);
    expect(results).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: new Error('this turn failed') },
      { status: 'fulfilled', value: 3 },
    ]);
  });

  it('starts a new group for a decision asked after the last group ran', async () => {
    const decideTogether = createDecideTogether();
    const log: string[] = [];
    await decideTogether(() => log.push('first'));
    const second = decideTogether(() => log.push('second'));
    expect(log).toEqual(['first']);
    await second;
    expect(log).toEqual(['first', 'second']);
  });
});

import { describe, expect, it } from 'vitest';
import { groupCalls } from '../../db/group-calls.ts';

/** A statement stand-in that records each group it ran and answers when told to. */
function recordingRun() {
  const groups: number[][] = [];
  let release: () => void = () => undefined;
  let gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    groups,
    open() {
      release();
      gate = Promise.resolve();
    },
    async run(inputs: number[]): Promise<number[]> {
      groups.push(inputs);
      await gate;
      if (inputs.includes(-1)) throw new Error('statement failed');
      return inputs.map((n) => n * 10);
    },
  };
}

describe('groupCalls', () => {
  it('runs a call at once when none runs, and the calls made meanwhile together after it', async () => {
    const statement = recordingRun();
    const call = groupCalls((inputs: number[]) => statement.run(inputs));
    const first = call(1);
    expect(statement.groups).toEqual([[1]]);
    const rest = [call(2), call(3), call(4)];
    expect(statement.groups).toEqual([[1]]);
    statement.open();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(statement.groups).toEqual([[1], [2, 3, 4]]);
  });

  it('runs at most maxGroup calls in one group, in the order they were made', async () => {
    const statement = recordingRun();
    const call = groupCalls((inputs: number[]) => statement.run(inputs), { maxGroup: 2 });
    const calls = [1, 2, 3, 4, 5].map(call);
    statement.open();
    expect(await Promise.all(calls)).toEqual([10, 20, 30, 40, 50]);
    expect(statement.groups).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('runs the calls of a failed group again alone: only the refused one fails', async () => {
    const statement = recordingRun();
    const call = groupCalls((inputs: number[]) => statement.run(inputs));
    const first = call(1);
    const [good, bad] = [call(2), call(-1)];
    statement.open();
    expect(await first).toBe(10);
    expect(await good).toBe(20);
    await expect(bad).rejects.toThrow('statement failed');
    // The next call starts a group of its own again.
    expect(await call(5)).toBe(50);
    expect(statement.groups).toEqual([[1], [2, -1], [2], [-1], [5]]);
  });

  it('rejects each call with its own error when every statement fails (an outage)', async () => {
    const statements: number[][] = [];
    let inFlight = 0;
    const call = groupCalls(async (inputs: number[]): Promise<number[]> => {
      statements.push(inputs);
      inFlight += 1;
      expect(inFlight).toBe(1);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      throw new Error(`connection refused (${inputs.join(', ')})`);
    });
    const results = await Promise.allSettled([call(1), call(2), call(3)]);
    expect(results).toEqual(
      [1, 2, 3].map((n) => ({
        status: 'rejected',
        reason: new Error(`connection refused (${n})`),
      })),
    );
    // [1], then [2, 3] together, then each of those alone, one after another in order.
    expect(statements).toEqual([[1], [2, 3], [2], [3]]);
  });

  it('rejects a group whose run answers a different count of outputs', async () => {
    const call = groupCalls(async (inputs: number[]) => inputs.slice(1));
    await expect(call(1)).rejects.toThrow('a group of 1 calls got 0 outputs');
  });
});

import type { Clock } from '../../core/index.ts';

/** The system clock plus an offset the console moves forward (`/clock +2h`). */
export type MovableClock = Clock & { advance(ms: number): void };

export function createMovableClock(base: () => number = Date.now): MovableClock {
  let offset = 0;
  return {
    now: () => new Date(base() + offset),
    advance(ms) {
      offset += ms;
    },
  };
}

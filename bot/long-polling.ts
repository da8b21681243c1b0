import { setTimeout as sleep } from 'node:timers/promises';
import type { Api } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import { toLoggableError } from './loggable-error.ts';

export type LongPollingOptions = {
  log: Pick<Logger, 'warn'>;
  /** Seconds Telegram holds an empty `getUpdates`. Default 30. */
  timeoutSeconds?: number;
  /** A pause after an empty answer (an emulator that does not hold the request). Default 0. */
  idleMs?: number;
};

/**
 * Long polling into the inbox: each batch of updates is stored before the next `getUpdates`
 * confirms it to Telegram (the offset moves past a batch only once it is stored), so an update is
 * never lost between Telegram and the database. While the database is down the batch is held and
 * stored again with backoff. One poller per bot token (Telegram allows one `getUpdates` at a
 * time); run several instances in webhook mode.
 */
export function startLongPolling(
  api: Api,
  receive: (updates: Update[]) => Promise<void>,
  options: LongPollingOptions,
) {
  const { log, timeoutSeconds = 30, idleMs = 0 } = options;
  const abort = new AbortController();
  const loop = (async () => {
    let offset = 0;
    let failures = 0;
    const backoff = () =>
      sleep(Math.min(10_000, 250 * 2 ** failures++), undefined, { signal: abort.signal });
    while (!abort.signal.aborted) {
      let updates: Update[];
      try {
        updates = await api.getUpdates({ offset, timeout: timeoutSeconds }, abort.signal as never);
        failures = 0;
      } catch (error) {
        if (abort.signal.aborted) break;
        log.warn({ error: toLoggableError(error) }, 'getUpdates failed; trying again');
        await backoff().catch(() => undefined);
        continue;
      }
      if (updates.length === 0) {
        if (idleMs > 0)
          await sleep(idleMs, undefined, { signal: abort.signal }).catch(() => undefined);
        continue;
      }
      while (!abort.signal.aborted) {
        try {
          await receive(updates);
          failures = 0;
          break;
        } catch (error) {
          log.warn(
            { error: toLoggableError(error) },
            'updates not stored; holding them and trying again',
          );
          await backoff().catch(() => undefined);
        }
      }
      offset = (updates.at(-1)?.update_id ?? offset - 1) + 1;
    }
  })();
  return {
    /** Stops polling; updates fetched but not stored stay with Telegram (the offset never moved). */
    async stop(): Promise<void> {
      abort.abort();
      await loop;
    },
  };
}

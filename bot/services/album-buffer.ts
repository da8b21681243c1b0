/** Waits this long after an album's last part before relaying it (parts arrive as separate updates). */
export const ALBUM_WAIT_MS = 700;

export type AlbumBufferOptions = {
  waitMs?: number;
  onError: (error: unknown) => void;
};

type Pending = {
  scope: string;
  ids: number[];
  timer: NodeJS.Timeout | undefined;
  flush: (ids: number[]) => Promise<void>;
  running?: Promise<void>;
};

export type AlbumBuffer = ReturnType<typeof createAlbumBuffer>;

/**
 * Collects the parts of an album (one message per photo, sharing a `media_group_id`) until none has
 * come for a moment, then hands all their ids, in order, to one flush — so an album is relayed as
 * an album. Within a scope (a chat, a topic) a later single message first flushes what is pending,
 * so order is kept.
 */
export function createAlbumBuffer({ waitMs = ALBUM_WAIT_MS, onError }: AlbumBufferOptions) {
  const pending = new Map<string, Pending>();

  function run(key: string, entry: Pending): Promise<void> {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = undefined;
    entry.running ??= entry
      .flush([...entry.ids].sort((a, b) => a - b))
      .catch(onError)
      .finally(() => pending.delete(key));
    return entry.running;
  }

  return {
    /** Adds a part; the album is flushed `waitMs` after its latest part. */
    add(
      scope: string,
      groupId: string,
      messageId: number,
      flush: (ids: number[]) => Promise<void>,
    ) {
      const key = `${scope}\u0000${groupId}`;
      let entry = pending.get(key);
      if (!entry || entry.running) {
        entry = { scope, ids: [], timer: undefined, flush };
        pending.set(key, entry);
      }
      entry.ids.push(messageId);
      if (entry.timer) clearTimeout(entry.timer);
      const current = entry;
      entry.timer = setTimeout(() => void run(key, current), waitMs);
    },
    /** Flushes every album pending in a scope now, and waits for those already flushing. */
    async flushScope(scope: string): Promise<void> {
      await Promise.all(
        [...pending]
          .filter(([, entry]) => entry.scope === scope)
          .map(([key, entry]) => run(key, entry)),
      );
    },
    /** Flushes everything (shutdown, tests). */
    async flushAll(): Promise<void> {
      await Promise.all([...pending].map(([key, entry]) => run(key, entry)));
    },
  };
}

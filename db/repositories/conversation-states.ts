import { eq, sql } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { preparedPerHandle } from '../prepared.ts';
import { sessions } from '../schema/index.ts';

/** Another turn saved the state first: this turn's work is stale and must run again. */
export class StaleStateError extends Error {
  override name = 'StaleStateError';
  constructor(readonly key: string) {
    super(`state ${key} was saved by another turn`);
  }
}

/** A stored state and the version it was read at (0 when there is none). */
export type Versioned<T> = { value: T | undefined; version: number };

/** A state and its version (read on every turn). */
const stateByKey = preparedPerHandle((db) =>
  db
    .select({ value: sessions.value, version: sessions.version, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(eq(sessions.key, sql.placeholder('key')))
    .prepare('state_by_key'),
);

/**
 * Loads a state with its version. An expired state reads as absent but keeps its version, so a
 * save still fences against a concurrent one.
 */
export async function loadVersioned<T>(db: Database, key: string, at: Date): Promise<Versioned<T>> {
  const [row] = await stateByKey(db).execute({ key });
  if (!row) return { value: undefined, version: 0 };
  return { value: row.expiresAt > at ? (row.value as T) : undefined, version: row.version };
}

/** What jsonb refuses: a NUL character, and a lone surrogate (half an emoji cut by a length limit). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL is what is matched
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Each string made storable in jsonb (each refused character becomes U+FFFD). */
const storableString = (_key: string, v: unknown) =>
  typeof v === 'string' ? v.replace(UNSTORABLE, '\uFFFD') : v;

/**
 * What JSON.stringify writes for those characters: `\u0000`, and a lone surrogate as its escape
 * (`\ud800`–`\udfff`; a pair is written as itself). Also found in an escaped backslash followed by
 * such letters (`\\u0000`): that text takes the careful way, with the same result.
 */
const UNSTORABLE_ESCAPE = /\\u(?:0000|d[89a-f])/;

/**
 * The value as JSON text that jsonb takes (see {@link storableString}), serialised once: without
 * the replacer (a call per key and value, a quarter of a turn's commit in this process) unless
 * the plain text holds what jsonb refuses.
 */
export const storableJson = (value: unknown): string => {
  const text = JSON.stringify(value);
  return UNSTORABLE_ESCAPE.test(text) ? JSON.stringify(value, storableString) : text;
};

/** The value with every string made storable in jsonb. */
function toStorable<T>(value: T): T {
  return JSON.parse(storableJson(value)) as T;
}

/** {@link saveVersioned}'s statement (one per turn, in the turn's transaction). */
const saveState = preparedPerHandle((db) =>
  db
    .insert(sessions)
    .values({
      key: sql.placeholder('key'),
      value: sql.placeholder('value'),
      version: sql.placeholder('nextVersion'),
      expiresAt: sql.placeholder('expiresAt'),
    })
    .onConflictDoUpdate({
      target: sessions.key,
      // The row just proposed: the state is serialised once, not once per clause.
      set: {
        value: sql`excluded.value`,
        expiresAt: sql`excluded.expires_at`,
        version: sql`${sessions.version} + 1`,
      },
      setWhere: eq(sessions.version, sql.placeholder('version')),
    })
    .returning({ version: sessions.version })
    .prepare('save_state'),
);

/**
 * Saves a state read at `version` (the fencing token), raising the version: throws
 * {@link StaleStateError} when it was saved since, so of two turns racing on one chat only the
 * first commits. Returns the new version. Runs in the caller's transaction.
 */
export async function saveVersioned<T>(
  db: Database,
  key: string,
  state: T,
  version: number,
  expiresAt: Date,
): Promise<number> {
  const rows = await saveState(db).execute({
    key,
    value: toStorable(state),
    version,
    nextVersion: version + 1,
    expiresAt,
  });
  const [row] = rows;
  if (!row) throw new StaleStateError(key);
  return row.version;
}

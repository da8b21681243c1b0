/** An expected outcome: a value, or a failure with a stable code the adapters map to messages. */
export type Result<T, C extends string = string> =
  | { ok: true; value: T }
  | { ok: false; code: C; detail?: string };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <C extends string>(
  code: C,
  detail?: string,
): { ok: false; code: C; detail?: string } =>
  detail === undefined ? { ok: false, code } : { ok: false, code, detail };

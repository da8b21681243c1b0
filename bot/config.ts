import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { parseDuration } from '../core/shared/duration.ts';
import { LOCALES } from '../core/shared/locale.ts';
// The shared modules, not core/index.ts: the CLI reads the configuration without loading the core.
import type { ContactPromiseRule } from '../core/tickets/contact-promise.ts';

/** Thrown when start-up configuration is invalid; `message` is one line naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}

const optionalText = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.string().trim().optional(),
);

const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const ms = parseDuration(text);
      if (ms === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `expected a duration such as 5s, 10m or 2h, got "${text}"`,
        });
        return z.NEVER;
      }
      return ms;
    });

const HOURS = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

const serviceHours = z
  .string()
  .default('08:00-18:00')
  .transform((text, ctx) => {
    const m = HOURS.exec(text.trim());
    const start = m ? Number(m[1]) * 60 + Number(m[2]) : 0;
    const end = m ? Number(m[3]) * 60 + Number(m[4]) : 0;
    if (!m || end <= start || end > 24 * 60) {
      ctx.addIssue({
        code: 'custom',
        message: `expected HH:MM-HH:MM with start before end, got "${text}"`,
      });
      return z.NEVER;
    }
    return { startMinute: start, endMinute: end };
  });

const timeZone = z
  .string()
  .default('Asia/Shanghai')
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'expected an IANA time zone such as Asia/Shanghai' },
  );

const userIds = z
  .string()
  .default('')
  .transform((text, ctx) => {
    const parts = text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const bad = parts.find((part) => !/^\d+$/.test(part));
    if (bad !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `expected comma-separated Telegram user ids, got "${bad}"`,
      });
      return z.NEVER;
    }
    return parts.map(Number);
  });

const url = (protocols: string[]) =>
  optionalText.refine(
    (value) => {
      if (value === undefined) return true;
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `expected a URL (${protocols.join(' or ')})` },
  );

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .default('false')
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const positiveInt = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

export const configSchema = z
  .object({
    TELEGRAM_BOT_TOKEN: optionalText.refine((v) => v === undefined || /^\d+:[\w-]{20,}$/.test(v), {
      message: 'expected a bot token such as 123456:ABC-DEF… from @BotFather',
    }),
    TELEGRAM_API_ROOT: url(['http:', 'https:']).default('https://api.telegram.org'),
    BOT_MODE: z.enum(['polling', 'webhook']).default('polling'),
    TELEGRAM_SENDS_PER_SECOND: positiveInt(30, 1000),
    TELEGRAM_PAID_BROADCAST: flag,
    TELEGRAM_PAID_BROADCAST_THRESHOLD: positiveInt(200, 1_000_000),
    TELEGRAM_PAID_SENDS_PER_SECOND: positiveInt(300, 1000),
    WEBHOOK_URL: url(['https:', 'http:']),
    WEBHOOK_SECRET: optionalText.refine((v) => v === undefined || /^[\w-]{1,256}$/.test(v), {
      message: 'expected 1-256 characters of A-Z, a-z, 0-9, _ and -',
    }),
    PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    STAFF_CHAT_ID: optionalText
      .refine((v) => v === undefined || /^-\d+$/.test(v), {
        message: 'expected a negative group chat id such as -1001234567890',
      })
      .transform((v) => (v === undefined ? undefined : Number(v))),
    STAFF_USER_IDS: userIds,
    STAFF_LANGUAGE: z.enum(LOCALES).default('zh-Hans'),
    DATABASE_URL: url(['postgres:', 'postgresql:']),
    DATA_DIR: z.string().default('./.data'),
    REDIS_URL: url(['redis:', 'rediss:']),
    OPENAI_API_KEY: optionalText,
    OPENAI_BASE_URL: url(['http:', 'https:']),
    OPENAI_MODEL: z.string().default('gpt-4o-mini'),
    OPENAI_TIMEOUT: duration('6s').refine((ms) => ms >= 1000 && ms <= 60_000, {
      message: 'expected a duration from 1s to 60s',
    }),
    OPENAI_TOKEN_BUDGET: z.coerce.number().int().min(0).default(100_000),
    CALLBACK_CHECK_AFTER: duration('2h'),
    STAFF_CONTACT_SLA: duration('30m'),
    SERVICE_TZ: timeZone,
    SERVICE_HOURS: serviceHours,
    WARRANTY_POLICY_FILE: optionalText,
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
  })
  .superRefine((config, ctx) => {
    if (config.BOT_MODE === 'webhook' && !config.WEBHOOK_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEBHOOK_URL'],
        message: 'required when BOT_MODE=webhook',
      });
    }
    if (
      config.TELEGRAM_PAID_BROADCAST &&
      config.TELEGRAM_PAID_SENDS_PER_SECOND <= config.TELEGRAM_SENDS_PER_SECOND
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_PAID_SENDS_PER_SECOND'],
        message: 'must be above TELEGRAM_SENDS_PER_SECOND (paying is for going faster)',
      });
    }
    if (config.BOT_MODE === 'webhook' && !config.TELEGRAM_BOT_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_BOT_TOKEN'],
        message: 'required when BOT_MODE=webhook',
      });
    }
  });

export type Config = z.output<typeof configSchema>;

/** Every variable the schema knows, for `.env.example` and the README. */
export const configVariables = Object.keys(configSchema.shape);

/**
 * Parses configuration from `env` (blank values count as unset). Throws a {@link ConfigError}
 * naming the first bad variable.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const known = Object.fromEntries(
    configVariables.map((name) => [name, env[name] === '' ? undefined : env[name]]),
  );
  const parsed = configSchema.safeParse(known);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const variable = String(issue?.path[0] ?? 'config');
  const problem =
    issue?.code === 'invalid_value' ? `expected one of ${issue.values.join(', ')}` : issue?.message;
  throw new ConfigError(variable, problem ?? 'invalid');
}

/**
 * Reads `.env` from `cwd` when present (the real environment wins) and parses the result.
 * The only place in Frontline that reads `process.env`.
 */
export function loadConfig(cwd = process.cwd(), env: Env = processEnv()): Config {
  const file = `${cwd}/.env`;
  const fromFile = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
  return parseConfig({ ...fromFile, ...env });
}

export type Env = Record<string, string | undefined>;

/** The process environment, handed to the composition root and the CLI. */
export function processEnv(): Env {
  return process.env;
}

/** The contact promise's terms as configured (`STAFF_CONTACT_SLA`, `SERVICE_HOURS`, `SERVICE_TZ`). */
export function toContactPromiseRule(config: Config): ContactPromiseRule {
  return {
    slaMs: config.STAFF_CONTACT_SLA,
    hours: config.SERVICE_HOURS,
    timeZone: config.SERVICE_TZ,
  };
}

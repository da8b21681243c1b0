import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configVariables, loadConfig, parseConfig } from '../../bot/config.ts';

describe('configuration', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      TELEGRAM_BOT_TOKEN: undefined,
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
      BOT_MODE: 'polling',
      DATABASE_URL: undefined,
      DATA_DIR: './.data',
      REDIS_URL: undefined,
      CALLBACK_CHECK_AFTER: 2 * 3_600_000,
      STAFF_CONTACT_SLA: 30 * 60_000,
      SERVICE_TZ: 'Asia/Shanghai',
      SERVICE_HOURS: { startMinute: 480, endMinute: 1080 },
      STAFF_USER_IDS: [],
      LOG_LEVEL: 'info',
    });
  });

  it('parses durations, ids and hours', () => {
    const config = parseConfig({
      CALLBACK_CHECK_AFTER: '5s',
      STAFF_CONTACT_SLA: '10m',
      STAFF_USER_IDS: '12, 34',
      STAFF_CHAT_ID: '-1001234567890',
      SERVICE_HOURS: '09:30-17:00',
      PORT: '3000',
    });
    expect(config.CALLBACK_CHECK_AFTER).toBe(5_000);
    expect(config.STAFF_CONTACT_SLA).toBe(600_000);
    expect(config.STAFF_USER_IDS).toEqual([12, 34]);
    expect(config.STAFF_CHAT_ID).toBe(-1001234567890);
    expect(config.SERVICE_HOURS).toEqual({ startMinute: 570, endMinute: 1020 });
    expect(config.PORT).toBe(3000);
  });

  it('reads the LLM settings, with a short deadline and a budget by default', () => {
    expect(parseConfig({})).toMatchObject({
      OPENAI_API_KEY: undefined,
      OPENAI_MODEL: 'gpt-4o-mini',
      OPENAI_TIMEOUT: 6_000,
      OPENAI_TOKEN_BUDGET: 100_000,
    });
    expect(
      parseConfig({
        OPENAI_API_KEY: 'ollama',
        OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
        OPENAI_MODEL: 'qwen2.5:7b',
        OPENAI_TIMEOUT: '4s',
        OPENAI_TOKEN_BUDGET: '20000',
      }),
    ).toMatchObject({ OPENAI_TIMEOUT: 4_000, OPENAI_TOKEN_BUDGET: 20_000 });
  });

  it('keeps surge mode off by default and reads the send budget and its paid ceiling', () => {
    expect(parseConfig({})).toMatchObject({
      TELEGRAM_SENDS_PER_SECOND: 30,
      TELEGRAM_PAID_BROADCAST: false,
      TELEGRAM_PAID_BROADCAST_THRESHOLD: 200,
      TELEGRAM_PAID_SENDS_PER_SECOND: 300,
    });
    expect(
      parseConfig({
        TELEGRAM_PAID_BROADCAST: 'true',
        TELEGRAM_PAID_BROADCAST_THRESHOLD: '50',
        TELEGRAM_PAID_SENDS_PER_SECOND: '1000',
      }),
    ).toMatchObject({
      TELEGRAM_PAID_BROADCAST: true,
      TELEGRAM_PAID_BROADCAST_THRESHOLD: 50,
      TELEGRAM_PAID_SENDS_PER_SECOND: 1000,
    });
  });

  it.each([
    [{ TELEGRAM_PAID_BROADCAST: 'sometimes' }, 'TELEGRAM_PAID_BROADCAST'],
    [{ TELEGRAM_SENDS_PER_SECOND: '0' }, 'TELEGRAM_SENDS_PER_SECOND'],
    [{ TELEGRAM_PAID_SENDS_PER_SECOND: '5000' }, 'TELEGRAM_PAID_SENDS_PER_SECOND'],
    [
      { TELEGRAM_PAID_BROADCAST: 'true', TELEGRAM_PAID_SENDS_PER_SECOND: '30' },
      'TELEGRAM_PAID_SENDS_PER_SECOND',
    ],
  ])('refuses a surge setting that makes no sense: %o', (env, variable) => {
    expect(() => parseConfig(env)).toThrow(new RegExp(`^${variable}: `));
  });

  it('treats blank values as unset', () => {
    expect(parseConfig({ TELEGRAM_BOT_TOKEN: '', REDIS_URL: '' }).REDIS_URL).toBeUndefined();
  });

  it.each([
    ['CALLBACK_CHECK_AFTER', '2 hours', /CALLBACK_CHECK_AFTER: expected a duration/],
    ['STAFF_CONTACT_SLA', '0m', /STAFF_CONTACT_SLA: expected a duration/],
    ['SERVICE_TZ', 'Mars/Olympus', /SERVICE_TZ: expected an IANA time zone/],
    ['SERVICE_HOURS', '18:00-08:00', /SERVICE_HOURS: expected HH:MM-HH:MM/],
    ['BOT_MODE', 'carrier-pigeon', /BOT_MODE: expected one of polling, webhook/],
    ['PORT', '70000', /^PORT: /],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL: expected a URL \(postgres: or postgresql:\)/],
    ['REDIS_URL', 'not a url', /REDIS_URL: expected a URL/],
    ['TELEGRAM_BOT_TOKEN', 'abc', /TELEGRAM_BOT_TOKEN: expected a bot token/],
    ['STAFF_CHAT_ID', '12345', /STAFF_CHAT_ID: expected a negative group chat id/],
    ['OPENAI_TIMEOUT', '500ms', /OPENAI_TIMEOUT: expected a duration/],
    ['OPENAI_TIMEOUT', '5m', /OPENAI_TIMEOUT: expected a duration from 1s to 60s/],
    ['OPENAI_TOKEN_BUDGET', 'lots', /^OPENAI_TOKEN_BUDGET: /],
    ['OPENAI_BASE_URL', 'localhost:11434', /OPENAI_BASE_URL: expected a URL/],
    [
      'STAFF_USER_IDS',
      '12,abc',
      /STAFF_USER_IDS: expected comma-separated Telegram user ids, got "abc"/,
    ],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL: expected one of/],
  ])('stops on a bad %s with one line naming it', (name, value, message) => {
    let error: unknown;
    try {
      parseConfig({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(name);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('requires WEBHOOK_URL in webhook mode', () => {
    expect(() =>
      parseConfig({ BOT_MODE: 'webhook', TELEGRAM_BOT_TOKEN: '123:abcdefghijklmnopqrstuvwxyz' }),
    ).toThrow(/^WEBHOOK_URL: required when BOT_MODE=webhook$/);
  });

  it('loads .env, with the real environment winning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    writeFileSync(join(dir, '.env'), 'LOG_LEVEL=debug\nPORT=4000\n# a comment\n');
    const config = loadConfig(dir, { PORT: '5000' });
    expect(config.LOG_LEVEL).toBe('debug');
    expect(config.PORT).toBe(5000);
  });

  it('documents every variable in .env.example', async () => {
    const { readFileSync } = await import('node:fs');
    const example = readFileSync(join(import.meta.dirname, '../../.env.example'), 'utf8');
    for (const name of configVariables) expect(example).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
  });
});

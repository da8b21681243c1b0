import pino, { type Logger } from 'pino';

/**
 * Structured logs. Personal data never goes in: handlers log ids and codes only, and these paths
 * are censored should an object carrying them slip through.
 */
export const REDACTED_PATHS = [
  'name',
  'phone',
  'address',
  'text',
  'description',
  'contact',
  '*.name',
  '*.phone',
  '*.address',
  '*.text',
  '*.description',
  '*.contact',
  '*.first_name',
  '*.last_name',
  '*.phone_number',
  'update.message',
  'payload',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}

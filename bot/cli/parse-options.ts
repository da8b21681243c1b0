import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './command.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util's messages for the mistakes an operator makes, in one short line each (its own
 * message for an unknown option is long and ends in an unbalanced quote).
 */
function usageMessage(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const text = message ?? String(error);
  const quoted = /'(-{1,2}[^' ]+)/.exec(text)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted ?? text}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (text.includes('argument missing')) return `${quoted ?? 'an option'} needs a value`;
      // "--limit -3": a value starting with a dash reads as another option.
      if (text.includes('ambiguous'))
        return `${quoted ?? 'an option'} needs a value (one starting with "-" is written ${quoted ?? '--option'}=VALUE)`;
      return `${quoted ?? 'an option'} takes no value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const argument = /'([^']*)'/.exec(text)?.[1];
      return argument === undefined ? 'unexpected argument' : `unexpected argument "${argument}"`;
    }
    default:
      return text;
  }
}

/** `node:util` parseArgs with strict checking, turning its errors into {@link UsageError}s. */
export function parseOptions<O extends Options>(
  args: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError(usageMessage(error));
  }
}

/** The value of a required string option, or a usage error naming it. */
export function required(
  value: string | boolean | (string | boolean)[] | undefined,
  name: string,
): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

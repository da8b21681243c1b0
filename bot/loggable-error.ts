import { GrammyError, HttpError } from 'grammy';
import { redactPersonalData } from '../core/index.ts';

export type LoggableError = {
  type: string;
  message: string;
  code?: string | number;
  method?: string;
  cause?: string;
};

/**
 * Values a driver quotes in its message (`invalid input syntax for type uuid: "…"`, JSON.parse's
 * `"…" is not valid JSON`, PostgreSQL's `Key (phone)=(…)`) may be anything the customer wrote,
 * names included, which no pattern can recognise: they are dropped whole.
 */
const QUOTED_VALUE = /"[^"]*"|“[^”]*”|「[^」]*」|=\([^)]*\)/g;

/**
 * A failed drizzle query lists the values it was writing after its SQL (`Failed query: insert …
 * \nparams: 王小明,…,九龙弥敦道…`): a contact's name and address among them. They are dropped whole.
 */
const QUERY_PARAMS = /\n\s*params:[\s\S]*$/;

const toLoggableMessage = (message: string) =>
  redactPersonalData(
    message
      .replace(QUERY_PARAMS, '\nparams: …')
      .replace(QUOTED_VALUE, (value) => (value.startsWith('=') ? '=(…)' : '"…"')),
  ).slice(0, 300);

/**
 * An error as it may be logged: its class, a redacted and shortened message, and its code — never
 * the payload of an API call or a database error's detail, which can carry a customer's text,
 * phone or address.
 */
export function toLoggableError(error: unknown): LoggableError {
  if (!(error instanceof Error)) return { type: typeof error, message: '(not an Error)' };
  const loggable: LoggableError = {
    type: error.name,
    message: toLoggableMessage(error.message),
  };
  if (error instanceof GrammyError) {
    loggable.code = error.error_code;
    loggable.method = error.method;
  } else if (error instanceof HttpError) {
    loggable.message = toLoggableMessage(String(error.error));
  } else if (
    'code' in error &&
    (typeof error.code === 'string' || typeof error.code === 'number')
  ) {
    loggable.code = error.code;
  }
  if (error.cause instanceof Error) loggable.cause = error.cause.name;
  return loggable;
}

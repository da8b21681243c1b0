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
 * An error as it may be logged: its class, a redacted and shortened message, and its code — never
 * the payload of an API call or a database error's detail, which can carry a customer's text,
 * phone or address.
 */
export function toLoggableError(error: unknown): LoggableError {
  if (!(error instanceof Error)) return { type: typeof error, message: '(not an Error)' };
  const loggable: LoggableError = {
    type: error.name,
    message: redactPersonalData(error.message).slice(0, 300),
  };
  if (error instanceof GrammyError) {
    loggable.code = error.error_code;
    loggable.method = error.method;
  } else if (error instanceof HttpError) {
    loggable.message = redactPersonalData(String(error.error)).slice(0, 300);
  } else if (
    'code' in error &&
    (typeof error.code === 'string' || typeof error.code === 'number')
  ) {
    loggable.code = error.code;
  }
  if (error.cause instanceof Error) loggable.cause = error.cause.name;
  return loggable;
}

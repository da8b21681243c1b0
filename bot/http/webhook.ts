import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Update } from 'grammy/types';
import { isSameSecret } from './secret.ts';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** Telegram updates are a few kilobytes; anything near this is not from Telegram. */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

export type WebhookOptions = {
  /** Required: Telegram sends it in `X-Telegram-Bot-Api-Secret-Token`; anything else is refused. */
  secretToken: string;
  /** Takes one update; the request is answered 200 once it resolves, 500 when it throws. */
  onUpdate(update: Update): Promise<void>;
  maxBodyBytes?: number;
};

/** Why a request body was not read: too large, or the client went away. */
class BodyError extends Error {
  override name = 'BodyError';
  constructor(readonly status: 400 | 413) {
    super(status === 413 ? 'body too large' : 'body not read');
  }
}

/** Reads the body up to `limit` bytes; stops reading (and rejects with 413) past it. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return reject(new BodyError(413));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(new BodyError(413));
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', () => reject(new BodyError(400)));
    req.once('aborted', () => reject(new BodyError(400)));
  });
}

/** A parsed body that has the shape of an update: an object with an integer `update_id`. */
function toUpdate(body: Buffer): Update | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const id = (value as { update_id?: unknown }).update_id;
  return Number.isSafeInteger(id) ? (value as Update) : undefined;
}

/** Answers and closes the connection: what follows a refused body is not read. */
const refuse = (res: ServerResponse, status: number) =>
  void res.writeHead(status, { connection: 'close', 'content-type': 'text/plain' }).end();

/**
 * Handles one webhook POST: the secret header is checked first, in constant time, before a byte of
 * the body is read (401); the body is capped (413), must be JSON with an `update_id` (400); then
 * the update is handled and the request answered 200, or 500 so Telegram delivers it again.
 */
export async function handleWebhookRequest(
  req: IncomingMessage,
  res: ServerResponse,
  options: WebhookOptions,
): Promise<void> {
  const header = req.headers[SECRET_HEADER];
  if (!isSameSecret(Array.isArray(header) ? header[0] : header, options.secretToken))
    return refuse(res, 401);
  let body: Buffer;
  try {
    body = await readBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  } catch (error) {
    return refuse(res, error instanceof BodyError ? error.status : 400);
  }
  const update = toUpdate(body);
  if (!update) return refuse(res, 400);
  await options.onUpdate(update);
  res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
}

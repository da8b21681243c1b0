import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request the server received, as JSON. */
export type ReceivedRequest = {
  path: string;
  headers: IncomingMessage['headers'];
  body: {
    model?: string;
    messages?: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { name: string; schema: unknown } };
    [key: string]: unknown;
  };
  raw: string;
};

/** What the server answers to one request. */
export type Reply =
  /** A chat completion whose message content is `content` (an object is sent as its JSON). */
  | {
      kind: 'answer';
      content: unknown;
      finishReason?: 'stop' | 'length' | 'content_filter';
      tokens?: number;
    }
  | { kind: 'refusal'; refusal: string; tokens?: number }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  /** Accepts the request and never answers (the client's timeout must end it). */
  | { kind: 'hang' }
  /** A 200 with this body as it is: something that is no chat completion. */
  | { kind: 'raw'; body: string; contentType: string };

export type Responder = (request: ReceivedRequest, index: number) => Reply;

/**
 * A local HTTP server on 127.0.0.1 that speaks the chat-completions wire format, for the real
 * openai SDK to talk to: tests script its replies and read the bodies it received.
 */
export class FakeModelServer {
  readonly requests: ReceivedRequest[] = [];
  private server: Server | undefined;
  private sockets = new Set<Socket>();
  private responder: Responder = () => ({ kind: 'status', status: 500 });
  private port = 0;

  /** The base URL for the SDK (`…/v1`). */
  get baseURL(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  respond(responder: Responder): void {
    this.responder = responder;
  }

  /** Replies in order, the last one repeated. */
  sequence(...replies: Reply[]): void {
    this.respond((_, index) => replies[Math.min(index, replies.length - 1)] as Reply);
  }

  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Stops listening and cuts open connections: the endpoint is down. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
    this.server = undefined;
  }

  /** Starts again on the same port (the endpoint is back). */
  async restart(): Promise<void> {
    await this.start(this.port);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
    });
    req.on('end', () => {
      const request: ReceivedRequest = {
        path: req.url ?? '',
        headers: req.headers,
        body: raw ? JSON.parse(raw) : {},
        raw,
      };
      const index = this.requests.push(request) - 1;
      this.send(res, this.responder(request, index), request);
    });
  }

  private send(res: ServerResponse, reply: Reply, request: ReceivedRequest): void {
    if (reply.kind === 'hang') return;
    if (reply.kind === 'raw') {
      res.writeHead(200, { 'content-type': reply.contentType });
      res.end(reply.body);
      return;
    }
    if (reply.kind === 'status') {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(
        JSON.stringify(reply.body ?? { error: { message: 'scripted', type: 'server_error' } }),
      );
      return;
    }
    const tokens = reply.tokens ?? 100;
    const message =
      reply.kind === 'refusal'
        ? { role: 'assistant', content: null, refusal: reply.refusal }
        : {
            role: 'assistant',
            content:
              typeof reply.content === 'string' ? reply.content : JSON.stringify(reply.content),
            refusal: null,
          };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: `chatcmpl-${this.requests.length}`,
        object: 'chat.completion',
        created: 1_700_000_000,
        model: request.body.model ?? 'local',
        choices: [
          {
            index: 0,
            message,
            finish_reason: reply.kind === 'answer' ? (reply.finishReason ?? 'stop') : 'stop',
            logprobs: null,
          },
        ],
        usage: { prompt_tokens: tokens - 20, completion_tokens: 20, total_tokens: tokens },
      }),
    );
  }
}

/** The last user message of a request: the customer's text as the model was given it. */
export function lastUserMessage(request: ReceivedRequest): string {
  const users = (request.body.messages ?? []).filter((m) => m.role === 'user');
  return users.at(-1)?.content ?? '';
}

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../db/index.ts';
import { assistFor, triageAnswer } from '../../support/llm.ts';
import { FakeModelServer } from '../../support/openai-server.ts';

/**
 * The openai triage against a local server speaking the chat-completions wire format, through
 * the real SDK: every way an answer can fail ends in a correct decision and one log line.
 */
const server = new FakeModelServer();
beforeAll(() => server.start());
afterAll(() => server.stop());
beforeEach(() => {
  server.requests.length = 0;
});

/** The embedded engine gives this one quick checks; the model's reading guides it. */
const VAGUE = 'the fridge turns the salad into ice';
const GOOD = triageAnswer({ evidence: 'salad into ice' });
const text = { type: 'text', text: VAGUE } as const;

const guidedByModel = (flow: { kind: string; symptomId?: string }) =>
  expect(flow).toMatchObject({ kind: 'guide', symptomId: 'refrigerator.too-cold-food-frozen' });
const askedByEmbedded = (flow: { kind: string }) => expect(flow.kind).toBe('checks');

describe('openai triage failure handling', () => {
  it('uses a valid answer: the model guides what the embedded engine would ask about', async () => {
    server.sequence({ kind: 'answer', content: GOOD, tokens: 1234 });
    const { runTurn, warnings, usage, lines } = assistFor(server);
    const turn = await runTurn(text);
    guidedByModel(turn.state.flow);
    expect(warnings()).toEqual([]);
    expect(lines.find((l) => l.msg === 'llm tokens')).toMatchObject({
      tokens: 1234,
      conversationTokens: 1234,
    });
    expect(server.requests).toHaveLength(1);
    expect(turn.typing).toBe(1);
    expect(await usage.used('chat-1')).toBe(1234);
    expect(usage.figures()).toMatchObject({ calls: 1, answered: 1, tokens: 1234 });
  });

  it('sends the catalogue-constrained schema as the response format', async () => {
    server.sequence({ kind: 'answer', content: GOOD });
    await assistFor(server).runTurn(text);
    const format = server.requests[0]?.body.response_format;
    expect(format?.type).toBe('json_schema');
    const schema = JSON.stringify(format?.json_schema?.schema);
    expect(schema).toContain('refrigerator.too-cold-food-frozen');
    expect(schema).toContain('"unknown"');
    expect(schema).not.toContain('"default"');
  });

  it('reads an id outside the catalogue as unknown, asks, and logs it', async () => {
    server.sequence({
      kind: 'answer',
      content: triageAnswer({ symptom: 'refrigerator.teleports-food', evidence: 'salad into ice' }),
    });
    const { runTurn, warnings } = assistFor(server);
    const turn = await runTurn(text);
    expect(turn.state.flow.kind).toBe('clarify');
    expect(warnings()).toEqual(['llm triage: outside_catalogue (symptom), read as unknown']);
  });

  it('treats a symptom from another product as unknown', async () => {
    server.sequence({
      kind: 'answer',
      content: triageAnswer({ symptom: 'washing_machine.door-locked', evidence: 'salad into ice' }),
    });
    const turn = await assistFor(server).runTurn(text);
    expect(turn.state.flow.kind).toBe('clarify');
  });

  it('retries malformed JSON once, then uses the answer', async () => {
    server.sequence(
      { kind: 'answer', content: '{"label": "misuse", ' },
      { kind: 'answer', content: GOOD },
    );
    const { runTurn, warnings } = assistFor(server);
    guidedByModel((await runTurn(text)).state.flow);
    expect(warnings()).toEqual(['llm triage: invalid_json, retrying']);
    expect(server.requests).toHaveLength(2);
  });

  it('falls back to the embedded engine after malformed JSON twice', async () => {
    server.sequence({ kind: 'answer', content: 'not json at all' });
    const { runTurn, warnings, usage } = assistFor(server);
    askedByEmbedded((await runTurn(text)).state.flow);
    expect(warnings()).toEqual([
      'llm triage: invalid_json, retrying',
      'llm triage: invalid_json, falling back',
    ]);
    expect(usage.figures().fallbacks).toEqual({ invalid_json: 1 });
  });

  it('falls back after a schema violation twice', async () => {
    server.sequence({ kind: 'answer', content: triageAnswer({ confidence: 'very high' }) });
    const { runTurn, warnings } = assistFor(server);
    askedByEmbedded((await runTurn(text)).state.flow);
    expect(warnings()).toEqual([
      'llm triage: schema, retrying',
      'llm triage: schema, falling back',
    ]);
  });

  it('falls back on a refusal without retrying', async () => {
    server.sequence({ kind: 'refusal', refusal: 'I cannot help with that.' });
    const { runTurn, warnings } = assistFor(server);
    askedByEmbedded((await runTurn(text)).state.flow);
    expect(warnings()).toEqual(['llm triage: refusal, falling back']);
    expect(server.requests).toHaveLength(1);
  });

  it('falls back on finish_reason length without retrying', async () => {
    server.sequence({ kind: 'answer', content: '{"label": "mis', finishReason: 'length' });
    const { runTurn, warnings } = assistFor(server);
    askedByEmbedded((await runTurn(text)).state.flow);
    expect(warnings()).toEqual(['llm triage: length, falling back']);
    expect(server.requests).toHaveLength(1);
  });

  it('gives up at the deadline when the server does not answer', async () => {
    server.sequence({ kind: 'hang' });
    const { runTurn, warnings } = assistFor(server, { timeoutMs: 400 });
    const turn = await runTurn(text);
    askedByEmbedded(turn.state.flow);
    expect(turn.ms).toBeLessThan(1500);
    expect(warnings()).toEqual(['llm triage: timeout, falling back']);
  });

  it('waits out 429 retry-after once and then uses the answer', async () => {
    server.sequence(
      { kind: 'status', status: 429, headers: { 'retry-after': '1' } },
      { kind: 'answer', content: GOOD },
    );
    const { runTurn, warnings } = assistFor(server, { timeoutMs: 4000 });
    const turn = await runTurn(text);
    guidedByModel(turn.state.flow);
    expect(turn.ms).toBeGreaterThanOrEqual(950);
    expect(warnings()).toEqual(['llm triage: rate_limited, retrying']);
  });

  it('does not wait for a retry-after longer than the deadline', async () => {
    server.sequence({ kind: 'status', status: 429, headers: { 'retry-after': '30' } });
    const { runTurn, warnings } = assistFor(server, { timeoutMs: 2000 });
    const turn = await runTurn(text);
    askedByEmbedded(turn.state.flow);
    expect(turn.ms).toBeLessThan(1000);
    expect(warnings()).toEqual(['llm triage: rate_limited, falling back']);
  });

  it('retries a 500 once and falls back when it stays broken', async () => {
    server.sequence({ kind: 'status', status: 500 });
    const { runTurn, warnings } = assistFor(server);
    askedByEmbedded((await runTurn(text)).state.flow);
    expect(warnings()).toEqual([
      'llm triage: server_error, retrying',
      'llm triage: server_error, falling back',
    ]);
    expect(server.requests).toHaveLength(2);
  });

  it('uses the answer after one 503', async () => {
    server.sequence({ kind: 'status', status: 503 }, { kind: 'answer', content: GOOD });
    guidedByModel((await assistFor(server).runTurn(text)).state.flow);
  });

  it.each([
    ['an HTML page', '<html>proxy error</html>', 'text/html'],
    ['JSON that is no chat completion', '{"hello":"world"}', 'application/json'],
  ])('falls back when the server answers %s', async (_, body, contentType) => {
    server.sequence({ kind: 'raw', body, contentType });
    const { runTurn, warnings } = assistFor(server);
    askedByEmbedded((await runTurn(text)).state.flow);
    expect(warnings()).toEqual(['llm triage: unexpected, falling back']);
  });

  it('runs the turn without the model when counting its tokens fails (store down)', async () => {
    server.sequence({ kind: 'answer', content: GOOD });
    const store = createMemoryStore();
    const broken = {
      ...store,
      setSession: async () => {
        throw new Error('connection lost');
      },
    };
    const { runTurn, lines } = assistFor(server, { store: broken });
    askedByEmbedded((await runTurn(text)).state.flow);
    expect(lines.map((l) => l.msg)).toContain('llm assist failed: embedded engine only');
  });

  it('falls back at once when the endpoint is down', async () => {
    const down = new FakeModelServer();
    await down.start();
    await down.stop();
    const { runTurn, warnings } = assistFor(down);
    const turn = await runTurn(text);
    askedByEmbedded(turn.state.flow);
    expect(turn.ms).toBeLessThan(1000);
    expect(warnings()).toEqual(['llm triage: unreachable, falling back']);
  });

  it('stops calling past the conversation token budget', async () => {
    server.sequence({ kind: 'answer', content: GOOD, tokens: 800 });
    const { runTurn, lines } = assistFor(server, { budget: 1000 });
    guidedByModel((await runTurn(text)).state.flow);
    guidedByModel((await runTurn(text)).state.flow);
    expect(server.requests).toHaveLength(2);
    const third = await runTurn(text);
    askedByEmbedded(third.state.flow);
    expect(third.typing).toBe(0);
    expect(server.requests).toHaveLength(2);
    expect(lines.map((l) => l.msg)).toContain('llm budget spent: embedded engine only');
  });

  it('asks nothing of the model for a turn that triages nothing', async () => {
    server.sequence({ kind: 'answer', content: GOOD });
    const turn = await assistFor(server).runTurn({ type: 'command', name: 'help' });
    expect(turn.typing).toBe(0);
    expect(server.requests).toHaveLength(0);
  });
});

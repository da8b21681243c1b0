import { describe, expect, it } from 'vitest';
import { type ConsoleOutput, createConsoleApi } from '../../../bot/console/console-api.ts';

const STAFF = -100_123;

describe('the console stand-in for the Bot API', () => {
  it('shows an edited message where it was sent: a topic card edited in place stays in its topic', async () => {
    const outputs: ConsoleOutput[] = [];
    const api = createConsoleApi((output) => outputs.push(output), STAFF);
    const call = (method: string, payload: Record<string, unknown>) =>
      // biome-ignore lint/suspicious/noExplicitAny: the transformer's own types are grammY's.
      (api.transformer as any)(undefined, method, payload) as Promise<{ result: any }>;
    const topic = (await call('createForumTopic', { chat_id: STAFF, name: 'FL-261201-0001' }))
      .result.message_thread_id as number;
    const card = (
      await call('sendMessage', { chat_id: STAFF, message_thread_id: topic, text: 'card v1' })
    ).result.message_id as number;
    await call('editMessageText', { chat_id: STAFF, message_id: card, text: 'card v2' });
    const edited = outputs.at(-1);
    expect(edited).toMatchObject({ edited: true, text: 'card v2', threadId: topic });
    expect(edited?.topic).toBe('FL-261201-0001');
  });
});

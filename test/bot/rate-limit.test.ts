import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRecordedBot } from '../support/recorded-bot.ts';

const WINDOW_MS = 1_500;
const CHAT = 8201;

describe('the per-customer rate limit never drops a message', () => {
  let recorded: Awaited<ReturnType<typeof openRecordedBot>>;
  let nextId = 1;
  const send = (text: string): Promise<void> => {
    const id = nextId++;
    const update: Update = {
      update_id: 500_000 + id,
      message: {
        message_id: id,
        date: 0,
        chat: { id: CHAT, type: 'private', first_name: 'Test' },
        from: { id: CHAT, is_bot: false, first_name: 'Test', language_code: 'en' },
        text,
        ...(text.startsWith('/')
          ? { entities: [{ type: 'bot_command' as const, offset: 0, length: text.length }] }
          : {}),
      },
    };
    return recorded.deliver(update);
  };
  const texts = () =>
    recorded.telegram.messages.filter((m) => m.chatId === CHAT).map((m) => m.text);

  beforeAll(async () => {
    recorded = await openRecordedBot({}, { customerRate: { updates: 3, windowMs: WINDOW_MS } });
  }, 60_000);
  afterAll(() => recorded.close());

  it('keeps what comes over the limit, says once when it will be answered, and answers it then, in order', async () => {
    for (const command of ['/help', '/help', '/help']) await send(command);
    expect(texts()).toHaveLength(3);

    await send('my fridge is too cold, the vegetables freeze');
    const notice = texts().at(-1) ?? '';
    const seconds = Number(/in about (\d+) seconds/.exec(notice)?.[1]);
    expect(notice).toMatch(/^You're sending messages very fast\. I've kept what you sent/);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(Math.ceil(WINDOW_MS / 1000) + 1);
    const noticedAt = Date.now();

    // A message sent again within the window is kept too, behind the first, without a second notice.
    await send('/privacy');
    expect(texts()).toHaveLength(4);
    // Nothing is answered before the window resets.
    await recorded.frontline.settle();
    expect(texts()).toHaveLength(4);

    while (texts().length < 6 && Date.now() - noticedAt < (seconds + 1) * 1000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await recorded.frontline.settle();
    }
    const answers = texts().slice(4);
    expect(answers).toHaveLength(2);
    // The kept report first (its triage reply), then the command sent after it.
    expect(answers[0]).not.toMatch(/^What we store:/);
    expect(answers[0]).toMatch(/fridge|freez|cold/i);
    expect(answers[1]).toMatch(/^What we store:/);
    // Told "in about N seconds": answered within them.
    expect(Date.now() - noticedAt).toBeLessThanOrEqual(seconds * 1000);
  });
});

import { Writable } from 'node:stream';
import fc from 'fast-check';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../bot/logger.ts';
import { CATEGORIES, CUSTOMER_COMMANDS } from '../../core/index.ts';
import { createTestPostgresDatabase, DATABASE_URL } from '../support/db.ts';
import { hostileText, longText } from '../support/hostile-text.ts';
import { openRecordedBot, RECORDED_STAFF_CHAT } from '../support/recorded-bot.ts';

/** Updates per run of each property; thousands in all. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
const MAX_STEPS = 15;

/** What a customer may do next: any text, any attachment, any button, real or forged. */
type Step =
  | { kind: 'text'; text: string }
  | { kind: 'command'; text: string }
  | { kind: 'contact'; phone: string; own: boolean }
  | { kind: 'location'; latitude: number; longitude: number }
  | { kind: 'photo'; fileId: string; caption?: string }
  | { kind: 'document'; mime: string }
  | { kind: 'other'; field: 'sticker' | 'voice' | 'video_note' | 'audio' | 'dice' | 'poll' }
  | { kind: 'edited'; text: string }
  | { kind: 'press-shown'; index: number }
  | { kind: 'press'; data: string }
  | { kind: 'press-no-data' };

/** Text a customer plausibly writes, so runs reach the intake and beyond. */
const likelyText = fc.constantFrom(
  'The washing machine shows error E21 and the drum does not turn at all, already restarted it twice',
  'my fridge is too cold, the vegetables freeze',
  '冰箱后面冒烟了',
  '熱水爐有煤氣味',
  'Alice Wong',
  '13812345678',
  'XQG100-B12866',
  '3 months ago',
  'Flat 5B, 12 Nathan Road, Tsim Sha Tsui, Kowloon',
  'tomorrow afternoon',
  'yes',
  'no',
);

/** Callback data of every shape the bot reads, with forged arguments, and plain garbage. */
const forgedData = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.constantFrom('confirm', 'discard', 'yes', 'no', 'confirm:x', 'cb:', 'cb:ok:', ':', ''),
  fc
    .tuple(
      fc.constantFrom(
        'cat',
        'g',
        'edit',
        'skip',
        'lang',
        'cancel',
        'cb:ok',
        'cb:broken',
        'win',
        'st:take',
        'st:closing',
      ),
      fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom(...CATEGORIES, 'fixed', 'human', 'name', 'phone', 'en', 'zh-Hant'),
        fc.uuid(),
        fc.constantFrom(
          'FL-260314-0001',
          'FL-999999-99999999',
          '2026-03-15:480-600',
          '2026-02-30:0-99999',
          '0000-00-00:-1-1',
        ),
      ),
    )
    .map(([head, arg]) => `${head}:${arg}`),
);

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .oneof(likelyText, hostileText(), longText)
      .map((text) => ({ kind: 'text' as const, text })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...CUSTOMER_COMMANDS, 'nope', 'START', 'start@someone_else_bot'),
        fc.oneof(fc.constant(''), hostileText(20)),
      )
      .map(([name, args]) => ({
        kind: 'command' as const,
        text: `/${name}${args ? ` ${args}` : ''}`,
      })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('contact' as const),
      phone: fc.oneof(hostileText(30), fc.constant('85291234567')),
      own: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('location' as const),
      latitude: fc.double({ noNaN: true, noDefaultInfinity: true }),
      longitude: fc.double({ noNaN: true, noDefaultInfinity: true }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('photo' as const),
      fileId: fc.string({ maxLength: 80 }),
      caption: hostileText(100),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('document' as const),
      mime: fc.constantFrom('image/png', 'application/pdf', '', 'image/', 'text/html'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('other' as const),
      field: fc.constantFrom('sticker', 'voice', 'video_note', 'audio', 'dice', 'poll'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('edited' as const), text: hostileText(50) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('press-shown' as const), index: fc.nat(20) }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('press' as const), data: forgedData }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'press-no-data' as const }) },
);

const FIELDS_OF_OTHER = {
  sticker: {
    sticker: {
      file_id: 's',
      file_unique_id: 's',
      type: 'regular',
      width: 1,
      height: 1,
      is_animated: false,
      is_video: false,
    },
  },
  voice: { voice: { file_id: 'v', file_unique_id: 'v', duration: 1 } },
  video_note: { video_note: { file_id: 'n', file_unique_id: 'n', length: 1, duration: 1 } },
  audio: { audio: { file_id: 'a', file_unique_id: 'a', duration: 1 } },
  dice: { dice: { emoji: '🎲', value: 3 } },
  poll: {
    poll: {
      id: 'p',
      question: 'q',
      options: [],
      total_voter_count: 0,
      is_closed: false,
      is_anonymous: true,
      type: 'regular',
      allows_multiple_answers: false,
    },
  },
};

describe('the whole update handler, on random and malformed updates', () => {
  const errors: string[] = [];
  const log = new Writable({
    write(chunk, _encoding, done) {
      const line = String(chunk);
      if (/"level":(50|60)/.test(line)) errors.push(line);
      done();
    },
  });
  let bot: Awaited<ReturnType<typeof openRecordedBot>>;
  let dropDatabase: (() => Promise<void>) | undefined;
  let nextUser = 300_000_000;
  let nextId = 1;
  let played = 0;

  beforeAll(async () => {
    const server = DATABASE_URL ? await createTestPostgresDatabase() : undefined;
    dropDatabase = server?.drop;
    bot = await openRecordedBot(server ? { DATABASE_URL: server.url } : {}, {
      log: createLogger('warn', log),
    });
  }, 60_000);
  afterAll(async () => {
    await bot.close();
    await dropDatabase?.();
  });

  /** Plays one customer's steps; returns, per update, whether the bot answered in that chat. */
  async function play(
    steps: Step[],
  ): Promise<{ step: Step; answered: boolean; callbackAnswered: boolean }[]> {
    const userId = nextUser++;
    const from = { id: userId, is_bot: false, first_name: 'Hostile', language_code: 'en' };
    const chat = { id: userId, type: 'private' as const, first_name: 'Hostile' };
    const results = [];
    played += steps.length;
    for (const each of steps) {
      const before = bot.telegram.calls.length;
      const id = nextId++;
      const message = (fields: Record<string, unknown>) => ({
        message: { message_id: id, date: 0, chat, from, ...fields },
      });
      const press = (data: string | undefined) => ({
        callback_query: {
          id: `cq${id}`,
          from,
          chat_instance: 'hostile',
          ...(data === undefined ? { game_short_name: 'g' } : { data }),
          message: { message_id: 1, date: 0, chat, text: '' },
        },
      });
      let update: Record<string, unknown>;
      switch (each.kind) {
        case 'text':
        case 'command':
          update = message({ text: each.text });
          break;
        case 'contact':
          update = message({
            contact: {
              phone_number: each.phone,
              first_name: 'X',
              user_id: each.own ? userId : userId + 1,
            },
          });
          break;
        case 'location':
          update = message({ location: { latitude: each.latitude, longitude: each.longitude } });
          break;
        case 'photo':
          update = message({
            photo: [{ file_id: each.fileId, file_unique_id: 'u', width: 1, height: 1 }],
            caption: each.caption,
          });
          break;
        case 'document':
          update = message({
            document: { file_id: 'd', file_unique_id: 'd', mime_type: each.mime },
          });
          break;
        case 'other':
          update = message(FIELDS_OF_OTHER[each.field]);
          break;
        case 'edited':
          update = {
            edited_message: { message_id: id, date: 0, edit_date: 1, chat, from, text: each.text },
          };
          break;
        case 'press-shown': {
          const shown = [...bot.telegram.messages]
            .reverse()
            .find((m) => m.chatId === userId && m.buttons.length > 0);
          update = press(
            shown ? shown.buttons[each.index % shown.buttons.length]?.data : 'confirm',
          );
          break;
        }
        case 'press':
          update = press(each.data);
          break;
        case 'press-no-data':
          update = press(undefined);
          break;
      }
      await bot.deliver({
        update_id: 5_000_000 + id,
        ...update,
      } as unknown as Update);
      const calls = bot.telegram.calls.slice(before);
      results.push({
        step: each,
        answered: calls.some(
          (call) =>
            call.payload.chat_id === userId &&
            ['sendMessage', 'editMessageText'].includes(call.method),
        ),
        callbackAnswered: calls.some(
          (call) =>
            call.method === 'answerCallbackQuery' && call.payload.callback_query_id === `cq${id}`,
        ),
      });
    }
    return results;
  }

  it('answers every private message, button press and edit, and nothing fails inside', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: MAX_STEPS }), async (steps) => {
        errors.length = 0;
        for (const result of await play(steps)) {
          if (result.step.kind === 'press-no-data') continue;
          expect(result.answered, JSON.stringify(result.step).slice(0, 200)).toBe(true);
          if (result.step.kind.startsWith('press')) expect(result.callbackAnswered).toBe(true);
        }
        expect(errors).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    expect(played).toBeGreaterThanOrEqual(RUNS);
  }, 900_000);

  it('never lets a forged button cancel another customer’s ticket', async () => {
    // Alice files a ticket; strangers then press every cancel button they can forge.
    const alice = await play([
      {
        kind: 'text',
        text: 'The washing machine shows error E21 and the drum does not turn at all, already restarted it twice',
      },
      { kind: 'text', text: 'Alice Wong' },
      { kind: 'text', text: '13812345678' },
      { kind: 'text', text: 'XQG100-B12866' },
      { kind: 'text', text: '3 months ago' },
      { kind: 'text', text: 'Flat 5B, 12 Nathan Road, Tsim Sha Tsui, Kowloon' },
      { kind: 'text', text: 'tomorrow afternoon' },
    ]);
    expect(alice.every((r) => r.answered)).toBe(true);
    const userId = nextUser - 1;
    for (const label of [/Skip/, /Confirm/]) {
      const found = bot.telegram.buttonIn(userId, label);
      if (!found) throw new Error(`no ${label} button`);
      await bot.deliver({
        update_id: 5_000_000 + nextId++,
        callback_query: {
          id: `cq${nextId}`,
          from: { id: userId, is_bot: false, first_name: 'Alice' },
          chat_instance: 'x',
          data: found.data,
          message: {
            message_id: found.message.messageId,
            date: 0,
            chat: { id: userId, type: 'private', first_name: 'A' },
            text: '',
          },
        },
      } as unknown as Update);
    }
    const customer = await bot.app.deps.repos.customers.findByTelegramId(userId);
    const [ticket] = await bot.app.deps.repos.tickets.listByCustomer(customer?.id ?? '');
    expect(ticket?.state).toBe('open');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          `cancel:${ticket?.number}`,
          `cancel:${ticket?.number}:x`,
          `cancel: ${ticket?.number}`,
        ),
        async (data) => {
          await play([
            { kind: 'press', data },
            { kind: 'command', text: '/cancel' },
            { kind: 'press-shown', index: 0 },
          ]);
          expect((await bot.app.deps.repos.tickets.get(ticket?.id ?? ''))?.state).toBe('open');
        },
      ),
      { numRuns: 10 },
    );
  }, 120_000);

  it('stays silent in groups and channels, and refuses forged staff buttons from strangers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(RECORDED_STAFF_CHAT, -100123, -42),
        fc.oneof(forgedData, fc.constant('st:take:FL-260314-0001')),
        hostileText(50),
        async (chatId, data, text) => {
          const before = bot.telegram.calls.length;
          const from = { id: nextUser++, is_bot: false, first_name: 'Stranger' };
          const chat = { id: chatId, type: 'supergroup', title: 'G', is_forum: true };
          await bot.deliver({
            update_id: 5_000_000 + nextId++,
            message: { message_id: 1, date: 0, chat, from, text, message_thread_id: 7 },
          } as unknown as Update);
          await bot.deliver({
            update_id: 5_000_000 + nextId++,
            callback_query: {
              id: `g${nextId}`,
              from,
              chat_instance: 'g',
              data,
              message: { message_id: 1, date: 0, chat, text: '' },
            },
          } as unknown as Update);
          const calls = bot.telegram.calls.slice(before);
          expect(
            calls.filter((c) => c.method === 'sendMessage' && c.payload.chat_id !== chatId),
          ).toEqual([]);
          expect(
            calls.some((c) =>
              /^(closeForumTopic|editForumTopic|pinChatMessage|copyMessage)$/.test(c.method),
            ),
          ).toBe(false);
          expect(errors).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  }, 300_000);
});

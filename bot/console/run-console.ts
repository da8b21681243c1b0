import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import type { Update, UserFromGetMe } from 'grammy/types';
import { parseDuration } from '../../core/index.ts';
import { createJobWorker } from '../../db/index.ts';
import type { App } from '../app.ts';
import { createBot } from '../create-bot.ts';
import { watchJobs } from '../instrument.ts';
import { type ConsoleOutput, createConsoleApi } from './console-api.ts';
import type { MovableClock } from './console-clock.ts';

const BOT_INFO: UserFromGetMe = {
  id: 1,
  is_bot: true,
  first_name: 'Frontline',
  username: 'frontline_console_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

export const CONSOLE_STAFF_CHAT = -100;

export type ConsoleOptions = {
  input: Readable;
  output: Writable;
  clock: MovableClock;
  /** Telegram `language_code` of the console customer. */
  languageCode: string;
  /** Colours and the prompt; off when the input is not a terminal. */
  interactive: boolean;
};

const HELP = `Console mode: you are the customer; type as you would in Telegram.
  1, 2, 3…          press the numbered button (a staff card's buttons are pressed as staff)
  /contact [phone]  share your phone number      /location LAT,LON  share a location
  /photo            send a photo (nameplate or invoice)
  /clock +2h        move time forward (runs due jobs such as the check-back); /clock shows it
  /s TEXT           say TEXT as staff in the latest ticket's topic: /s /take, /s Hello!, /s /close repaired
  /sg TEXT          say TEXT as staff in the staff chat's General topic: /sg /queue
  /staff            everything the staff chat received  /console  this help   /quit  leave
  Bot commands: /start /help /status /cancel /human /language /privacy /forget`;

/** The console's staff member, a member of the console's staff chat. */
const STAFF_USER = { id: 2001, is_bot: false, first_name: 'Console Staff', language_code: 'en' };

/**
 * Console mode: the same bot, driven from the terminal on the embedded defaults. Each line becomes
 * a Telegram update for the real bot; its API calls are answered locally and printed, with
 * inline buttons as numbered choices.
 */
export async function runConsole(app: App, options: ConsoleOptions): Promise<void> {
  const { deps } = app;
  const { output, clock } = options;
  const color = (code: number, text: string) =>
    options.interactive ? `\x1b[${code}m${text}\x1b[0m` : text;
  const print = (text: string) => output.write(`${text}\n`);
  const staffFeed: string[] = [];
  let buttons: ConsoleOutput['buttons'] = [];
  /** The bot message the numbered buttons belong to (a press names it, as Telegram does). */
  let buttonsOn: ConsoleOutput | undefined;

  const staffChat = deps.config.STAFF_CHAT_ID ?? CONSOLE_STAFF_CHAT;
  const consoleApi = createConsoleApi((message) => {
    const toStaff = message.chatId === staffChat;
    const where = message.topic ? `#${message.topic.split(' ')[0]}` : 'General';
    // An edit replaces the message above it in Telegram; the console marks it and prints it anew.
    const bar = message.edited ? '↻' : '│';
    const prefix = toStaff ? `staff ${where} ${bar} ` : `bot ${bar} `;
    if (toStaff) staffFeed.push(message.text.replace(/^/gm, prefix));
    print(color(toStaff ? 35 : 36, message.text.replace(/^/gm, prefix)));
    if (message.buttons.length > 0) {
      buttons = message.buttons;
      buttonsOn = message;
      print(
        color(
          33,
          message.buttons.map((button, index) => `  [${index + 1}] ${button.text}`).join('\n'),
        ),
      );
    }
    if (message.request === 'contact')
      print(color(33, '  (share your number: /contact, or type it)'));
    if (message.request === 'location')
      print(color(33, '  (share a location: /location 31.23,121.47, or type the address)'));
  }, staffChat);
  const frontline = createBot(deps, {
    token: '1:console',
    botInfo: BOT_INFO,
    apiPolicy: false,
    transformers: [consoleApi.transformer],
    staff: { perMinute: 10_000, albumWaitMs: 50 },
  });
  const { jobHandlers } = frontline;

  const worker = createJobWorker({
    db: app.database.db,
    clock,
    handlers: jobHandlers,
    ...watchJobs(deps.metrics, deps.log),
  });
  worker.start();
  // What start-up owes (the console drives the bot without its loops, so not through start()).
  await frontline.catchUp();

  let updateId = Math.floor(clock.now().getTime() / 1000);
  const user = {
    id: 1001,
    is_bot: false,
    first_name: 'Console',
    language_code: options.languageCode,
  };
  const chat = { id: 1001, type: 'private' as const, first_name: 'Console' };
  let messageId = 1_000_000;
  // Each line goes the whole way: into the inbox, through the turn, out of the outbox.
  const send = async (update: Omit<Update, 'update_id'>) => {
    await frontline.receive([{ update_id: ++updateId, ...update } as Update]);
    await frontline.settle();
  };
  const message = (extra: Record<string, unknown>) => {
    const sent = {
      message_id: ++messageId,
      date: Math.floor(clock.now().getTime() / 1000),
      chat,
      from: user,
      ...extra,
    };
    consoleApi.remember(chat.id, sent);
    return send({ message: sent as never });
  };
  const staffChatObject = {
    id: staffChat,
    type: 'supergroup' as const,
    title: 'Staff',
    is_forum: true,
  };
  /** The console's staff member writes in a topic (or General, `undefined`). */
  const staffMessage = (text: string, threadId: number | undefined) => {
    const sent = {
      message_id: ++messageId,
      date: Math.floor(clock.now().getTime() / 1000),
      chat: staffChatObject,
      from: STAFF_USER,
      text,
      ...(threadId === undefined ? {} : { message_thread_id: threadId, is_topic_message: true }),
    };
    consoleApi.remember(staffChat, sent);
    return send({ message: sent as never });
  };

  print(
    color(
      1,
      'Frontline — console mode (no TELEGRAM_BOT_TOKEN: embedded database, in-process store).',
    ),
  );
  print(color(90, HELP));
  await message({ text: '/start' });

  const lines = createInterface({
    input: options.input,
    output: options.interactive ? output : undefined,
    terminal: options.interactive,
  });
  if (options.interactive) lines.setPrompt(color(32, 'you › '));
  lines.prompt();
  for await (const raw of lines) {
    const line = raw.trim();
    if (!options.interactive && line) print(color(32, `you › ${line}`));
    // Numbers press the buttons of the bot's latest answer only; otherwise they are text.
    const pressable = buttons;
    const pressedOn = buttonsOn;
    buttons = [];
    try {
      if (line === '/quit' || line === '/exit') break;
      if (line === '') {
        // nothing
      } else if (line === '/console') {
        print(HELP);
      } else if (line === '/staff') {
        print(staffFeed.length === 0 ? '(nothing yet)' : staffFeed.join('\n\n'));
      } else if (line.startsWith('/clock')) {
        const amount = line.slice('/clock'.length).trim().replace(/^\+/, '');
        if (amount) {
          const ms = parseDuration(amount);
          if (ms === undefined) print('Usage: /clock +2h (s, m, h or d)');
          else clock.advance(ms);
        }
        const ran = await worker.runDue();
        await frontline.settle();
        print(color(90, `   (clock: ${clock.now().toISOString()}; jobs run: ${ran.done})`));
      } else if (line.startsWith('/contact')) {
        const phone = line.slice('/contact'.length).trim() || '+8613800138000';
        await message({
          contact: { phone_number: phone, first_name: 'Console', user_id: user.id },
        });
      } else if (line.startsWith('/location')) {
        const [latitude, longitude] = line
          .slice('/location'.length)
          .split(',')
          .map((part) => Number(part.trim()));
        await message({
          location: { latitude: latitude ?? Number.NaN, longitude: longitude ?? Number.NaN },
        });
      } else if (line === '/photo') {
        await message({
          photo: [
            {
              file_id: `console-photo-${messageId}`,
              file_unique_id: `p${messageId}`,
              width: 800,
              height: 600,
            },
          ],
        });
      } else if (line.startsWith('/sg ') || line.startsWith('/s ')) {
        const general = line.startsWith('/sg ');
        const text = line.slice(general ? 4 : 3).trim();
        const topic = general ? undefined : consoleApi.latestTopic();
        if (!general && topic === undefined) print('No ticket topic yet: file a ticket first.');
        else await staffMessage(text, topic);
      } else if (/^\d{1,2}$/.test(line) && pressable[Number(line) - 1]) {
        const button = pressable[Number(line) - 1] as ConsoleOutput['buttons'][number];
        const asStaff = pressedOn?.chatId === staffChat;
        const pressedId = pressedOn?.messageId ?? 0;
        const pressed = asStaff
          ? {
              message_id: pressedId,
              date: 0,
              chat: staffChatObject,
              text: '',
              ...(pressedOn?.threadId === undefined
                ? {}
                : { message_thread_id: pressedOn.threadId, is_topic_message: true }),
            }
          : { message_id: pressedId, date: 0, chat, text: '' };
        await send({
          callback_query: {
            id: String(updateId),
            from: asStaff ? STAFF_USER : user,
            chat_instance: 'console',
            data: button.callback_data,
            message: pressed,
          } as never,
        });
      } else {
        await message({ text: line });
      }
      // Jobs due now (the staff notice of a ticket just filed) run before the next prompt.
      await worker.runDue();
      await frontline.settle();
    } catch (error) {
      print(color(31, `error: ${error instanceof Error ? error.message : String(error)}`));
    }
    lines.prompt();
  }
  lines.close();
  await worker.stop();
}

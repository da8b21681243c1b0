import type { Update } from 'grammy/types';
import type { RecordedTelegram } from './recorded-telegram.ts';
import { SEND_METHODS } from './recorded-telegram.ts';

/** One thing the customer does, or time passing (which lets due jobs such as the check-back run). */
export type JourneyStep =
  | { say: string }
  | { press: RegExp }
  | { contact: string }
  | { later: number };

export type Journey = { name: string; languageCode: string; steps: JourneyStep[] };

const HOUR = 3_600_000;

/**
 * The standard journey mix (issue 14): a report that guidance fixes and its check-back, a fault
 * taken through the whole intake to a ticket, and a hazard's urgent ticket — in English,
 * Simplified and Traditional Chinese.
 */
export const JOURNEY_MIX: Journey[] = [
  {
    name: 'guidance and check-back (en)',
    languageCode: 'en',
    steps: [
      { say: 'my fridge is too cold, the vegetables freeze' },
      { press: /Still not working/ },
      { press: /Fixed/ },
      { later: 2 * HOUR },
      { press: /Working fine/ },
    ],
  },
  {
    name: 'guidance and check-back (zh-Hans)',
    languageCode: 'zh-hans',
    steps: [
      { say: '冰箱冷藏室太冷了，菜都冻住了' },
      { press: /已解决/ },
      { later: 2 * HOUR },
      { press: /一切正常/ },
    ],
  },
  {
    name: 'fault intake to a ticket (en)',
    languageCode: 'en',
    steps: [
      {
        say: 'The washing machine shows error E21 and the drum does not turn at all, already restarted it twice',
      },
      { say: 'Alice Wong' },
      { contact: '85291234567' },
      { say: 'XQG100-B12866' },
      { say: '3 months ago' },
      { say: 'Flat 5B, 12 Nathan Road, Tsim Sha Tsui, Kowloon' },
      { press: /\d{2}:\d{2}–\d{2}:\d{2}/ },
      { press: /Skip/ },
      { press: /Confirm/ },
    ],
  },
  {
    name: 'fault intake to a ticket (zh-Hans)',
    languageCode: 'zh-hans',
    steps: [
      { say: '洗衣机显示E21，滚筒完全不转，已经重启过两次了' },
      { say: '李雷' },
      { say: '138 1234 5678' },
      { say: 'XQG100-B12866' },
      { say: '三个月前' },
      { say: '广州市天河区体育西路100号3栋1201' },
      { press: /\d{2}:\d{2}–\d{2}:\d{2}/ },
      { press: /跳过/ },
      { press: /确认提交/ },
    ],
  },
  {
    name: 'hazard to an urgent ticket (zh-Hant)',
    languageCode: 'zh-hk',
    steps: [
      { say: '熱水爐有煤氣味' },
      { contact: '85291234567' },
      { say: '九龍旺角彌敦道600號12樓B室' },
      { say: '陳大文' },
      { press: /確認提交/ },
    ],
  },
];

/** What drives the bot: updates in, time forward; `settle` waits until the bot is done. */
export type JourneyTarget = {
  handleUpdate(update: Update): Promise<void>;
  /** Moves the clock and runs the jobs that fall due. */
  advance(ms: number): Promise<void>;
  /** Waits until everything the last update caused has been sent. */
  settle(): Promise<void>;
};

export type JourneyFigures = {
  updates: number;
  /** New messages (what Telegram's send budget counts), to customers and the staff chat. */
  sends: number;
  /** Message edits (a guided step replacing the one before). */
  edits: number;
  sendsPerUpdate: number;
};

/** Plays journeys against the bot, one chat each, and counts updates and sends. */
export async function playJourneys(
  target: JourneyTarget,
  telegram: RecordedTelegram,
  journeys: Journey[],
  firstUserId = 700_000,
): Promise<JourneyFigures> {
  let updateId = Math.floor(Math.random() * 1e6) * 100;
  let messageId = 1_000_000;
  let updates = 0;
  const callsBefore = telegram.calls.length;
  for (const [index, journey] of journeys.entries()) {
    const userId = firstUserId + index;
    const from = {
      id: userId,
      is_bot: false,
      first_name: 'Test',
      language_code: journey.languageCode,
    };
    const chat = { id: userId, type: 'private', first_name: 'Test' };
    const send = async (update: Omit<Update, 'update_id'>) => {
      updates += 1;
      await target.handleUpdate({ update_id: ++updateId, ...update } as Update);
      await target.settle();
    };
    for (const step of journey.steps) {
      if ('later' in step) {
        await target.advance(step.later);
        await target.settle();
      } else if ('press' in step) {
        const found = telegram.buttonIn(userId, step.press);
        if (!found) throw new Error(`${journey.name}: no button ${step.press}`);
        await send({
          callback_query: {
            id: `q${updateId}`,
            from,
            chat_instance: 'journey',
            data: found.data,
            message: { message_id: found.message.messageId, date: 0, chat, text: '' },
          },
        } as never);
      } else {
        const extra =
          'say' in step
            ? { text: step.say }
            : { contact: { phone_number: step.contact, first_name: 'Test', user_id: userId } };
        await send({
          message: { message_id: ++messageId, date: 0, chat, from, ...extra },
        } as never);
      }
    }
  }
  const calls = telegram.calls.slice(callsBefore);
  const sends = calls.filter((call) => SEND_METHODS.has(call.method)).length;
  const edits = calls.filter((call) => call.method.startsWith('editMessage')).length;
  return { updates, sends, edits, sendsPerUpdate: sends / updates };
}

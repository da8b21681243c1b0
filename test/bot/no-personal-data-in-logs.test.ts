import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../bot/logger.ts';
import { JOURNEY_MIX, playJourneys } from '../support/journeys.ts';
import { triageAnswer } from '../support/llm.ts';
import { FakeModelServer } from '../support/openai-server.ts';
import { openRecordedBot, RECORDED_STAFF_CHAT } from '../support/recorded-bot.ts';

/** Everything the journeys tell the bot about the customers, in each form it may be written. */
const PERSONAL_DATA = [
  'Alice Wong',
  'Alice',
  '85291234567',
  '9123 4567',
  '91234567',
  'Nathan Road',
  'Flat 5B',
  '李雷',
  '138 1234 5678',
  '13812345678',
  '12345678',
  '体育西路',
  '广州市天河区',
  '陳大文',
  '彌敦道',
  '旺角',
];

const FIRST_USER = 810_000;

/** A stream the real logger writes to, and the lines it received. */
function capturedLog() {
  const lines: string[] = [];
  const buffer = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, buffer };
}

describe('a log of whole conversations', () => {
  const { lines, buffer } = capturedLog();
  let bot: Awaited<ReturnType<typeof openRecordedBot>>;

  beforeAll(async () => {
    // The real logger at its most talkative level, writing to a buffer.
    bot = await openRecordedBot({}, { log: createLogger('trace', buffer) });
  }, 60_000);
  afterAll(() => bot.close());

  it('contains none of the customers’ names, phone numbers or addresses', async () => {
    // One filing fails the way a database does, its detail quoting the row (as PostgreSQL's do),
    // and one turn fails with a driver error that quotes what the customer wrote. Turns run their
    // repositories on the turn's transaction, or a turn without effects its one statement on the
    // database (`turns.commitPlain`), a turn with effects its state, replies and transcript in one
    // statement (`turns.commitTail`): the failures go in there.
    const reposOn = bot.app.deps.reposOn;
    let filingFails = true;
    let turnFails = true;
    bot.app.deps.reposOn = (db) => {
      const repos = reposOn(db);
      return {
        ...repos,
        tickets: {
          ...repos.tickets,
          async create(input, options) {
            if (!filingFails) return repos.tickets.create(input, options);
            filingFails = false;
            throw Object.assign(new Error('duplicate key value violates unique constraint'), {
              code: '23505',
              detail:
                'Key (contact_phone)=(+85291234567) already exists for Alice Wong, Nathan Road.',
            });
          },
        },
        transcript: {
          ...repos.transcript,
          async append(entry) {
            if (!turnFails || !entry.text.includes('9123 4567'))
              return repos.transcript.append(entry);
            turnFails = false;
            throw new Error(`invalid input syntax for type json: "${entry.text}"`);
          },
          async appendAll(entries) {
            const quoted = entries.find((entry) => entry.text.includes('9123 4567'));
            if (!turnFails || !quoted) return repos.transcript.appendAll(entries);
            turnFails = false;
            throw new Error(`invalid input syntax for type json: "${quoted.text}"`);
          },
        },
        turns: {
          ...repos.turns,
          async commitPlain(turn) {
            const quoted = turn.transcript.find((entry) => entry.text.includes('9123 4567'));
            if (!turnFails || !quoted) return repos.turns.commitPlain(turn);
            turnFails = false;
            throw new Error(`invalid input syntax for type json: "${quoted.text}"`);
          },
          async commitTail(tail) {
            const quoted = tail.transcript.find((entry) => entry.text.includes('9123 4567'));
            if (!turnFails || !quoted) return repos.turns.commitTail(tail);
            turnFails = false;
            throw new Error(`invalid input syntax for type json: "${quoted.text}"`);
          },
        },
      };
    };
    await playJourneys(
      bot.target,
      bot.telegram,
      [
        {
          name: 'phone in a report',
          languageCode: 'en',
          steps: [{ say: 'call Alice on 9123 4567, the fridge is warm' }],
        },
      ],
      FIRST_USER - 1,
    );
    const figures = await playJourneys(bot.target, bot.telegram, JOURNEY_MIX, FIRST_USER);
    expect(figures.updates).toBeGreaterThanOrEqual(30);
    // The English fault (the first ticket of the mix) failed to file: its customer confirms again.
    const english = JOURNEY_MIX.findIndex(
      (journey) => journey.name === 'fault intake to a ticket (en)',
    );
    const again = { name: 'confirm again', languageCode: 'en', steps: [{ press: /Confirm/ }] };
    await playJourneys(bot.target, bot.telegram, [again], FIRST_USER + english);
    expect(
      bot.telegram.messages.some(
        (m) => m.chatId === FIRST_USER + english && /is filed/.test(m.text),
      ),
    ).toBe(true);
    await bot.worker.runDue();

    // The conversations really happened and reached the staff chat.
    expect(bot.telegram.messages.some((m) => /Alice Wong/.test(m.text))).toBe(true);
    expect(bot.telegram.messages.some((m) => m.chatId === RECORDED_STAFF_CHAT)).toBe(true);
    const log = lines.join('');
    expect(log).toMatch(/filing a ticket failed/);
    expect(log).toMatch(/update failed/);
    for (const value of PERSONAL_DATA) expect(log, value).not.toContain(value);
  }, 120_000);
});

describe('a log of a conversation with the LLM engine on', () => {
  const { lines, buffer } = capturedLog();
  const model = new FakeModelServer();
  let bot: Awaited<ReturnType<typeof openRecordedBot>>;
  /** A chat id no timestamp, counter or token figure in the log could contain. */
  const CHAT = 7_364_519_283;

  beforeAll(async () => {
    await model.start();
    model.respond(() => ({
      kind: 'answer',
      content: triageAnswer({ label: 'unknown', category: 'unknown', symptom: 'unknown' }),
    }));
    bot = await openRecordedBot(
      { OPENAI_API_KEY: 'local-test-key', OPENAI_BASE_URL: model.baseURL, OPENAI_MODEL: 'm' },
      { log: createLogger('trace', buffer) },
    );
  }, 60_000);
  afterAll(async () => {
    await bot.close();
    await model.stop();
  });

  it('names no chat or user: the LLM engine lines carry no chat id', async () => {
    await playJourneys(
      bot.target,
      bot.telegram,
      [
        {
          name: 'two reports the model reads',
          languageCode: 'en',
          steps: [{ say: 'the thing in the kitchen hums oddly' }, { say: 'it is the fridge' }],
        },
      ],
      CHAT,
    );
    expect(model.requests.length).toBeGreaterThan(0);
    const log = lines.join('');
    expect(log).toMatch(/llm tokens/);
    expect(log).not.toContain(String(CHAT));
  }, 60_000);
});

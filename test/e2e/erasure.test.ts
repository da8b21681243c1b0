import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatStoreKeys } from '../../bot/services/chat-keys.ts';
import { rowsOf } from '../../db/migrate.ts';
import { BOT, STAFF_CHAT, StaffHarness } from '../support/staff-harness.ts';

/** A Telegram user id no timestamp, message id or counter in the tables could contain. */
const CUSTOMER_ID = 918_273_645_501;

/** Everything the customer told the bot or the bot learnt about them, as it could be stored. */
const PERSONAL = [
  String(CUSTOMER_ID),
  'Wanda Okafor',
  'Okafor',
  '85291234567',
  '9123 4567',
  'XQG100-B12866',
  '2025-11-10',
  'Flat 5B',
  'Nathan Road',
  'Kowloon',
  'E21',
  'drum does not turn',
  'drum is full of water',
  'photo-of-drum',
];

/** Every table of every schema the database has (a new table cannot be left out). */
async function dumpEveryTable(h: StaffHarness): Promise<Record<string, string>> {
  const { db } = h.app.database;
  const tables = rowsOf<{ schema: string; name: string }>(
    await db.execute(sql`
      select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
      order by 1, 2`),
  );
  const dump: Record<string, string> = {};
  for (const { schema, name } of tables) {
    const rows = await db.execute(
      sql`select row_to_json(t)::text as row from ${sql.identifier(schema)}.${sql.identifier(name)} t`,
    );
    dump[`${schema}.${name}`] = rowsOf<{ row: string }>(rows)
      .map((r) => r.row)
      .join('\n');
  }
  return dump;
}

describe('erasure that erases', () => {
  const h = new StaffHarness();
  beforeAll(() => h.start(), 90_000);
  afterAll(() => h.stop(), 30_000);

  it('after /forget, no table holds anything of the customer; the open ticket is cancelled, its staff topic deleted and staff told', async () => {
    const anna = h.staffMember('Anna');
    const wanda = { id: CUSTOMER_ID, first_name: 'Wanda', language_code: 'en' };
    h.double.addPrivateChat(wanda);

    // A whole journey: the intake, a ticket, staff take it over, messages both ways.
    await h.says(
      wanda,
      wanda.id,
      'The washing machine shows error E21 and the drum does not turn at all, already restarted it twice',
      /What name should the engineer ask for/,
    );
    await h.says(wanda, wanda.id, 'Wanda Okafor', /Which phone number/);
    await h.says(wanda, wanda.id, '+852 9123 4567', /model number/);
    await h.says(wanda, wanda.id, 'XQG100-B12866', /When did you buy it/);
    await h.says(wanda, wanda.id, '2025-11-10', /Where should the engineer come/);
    await h.says(
      wanda,
      wanda.id,
      'Flat 5B, 12 Nathan Road, Tsim Sha Tsui, Kowloon',
      /When suits you/,
    );
    await h.says(wanda, wanda.id, 'tomorrow afternoon', /receipt or invoice/);
    await h.presses(wanda, wanda.id, /Skip/, /check your service ticket/);
    const filed = await h.presses(
      wanda,
      wanda.id,
      /Confirm/,
      /Your ticket FL-\d{6}-\d{4} is filed/,
    );
    const number = /FL-\d{6}-\d{4}/.exec(filed.text ?? '')?.[0] as string;
    await h.runJobs();
    const ticket = await h.repos.tickets.getByNumber(number);
    const topicId = (await h.repos.tickets.topicOf(ticket?.id ?? ''))?.topicId as number;
    expect(h.double.botMessages(STAFF_CHAT, topicId)[0]?.text).toContain('Wanda Okafor');
    await h.presses(anna, STAFF_CHAT, /Take/, /took/, { topicId });
    await h.says(anna, STAFF_CHAT, 'Hello Wanda, I see the E21 code.', /E21 code/, {
      topicId,
      answerIn: wanda.id,
    });
    await h.says(wanda, wanda.id, 'Thanks, the drum is full of water', /drum is full of water/, {
      answerIn: STAFF_CHAT,
      answerTopic: topicId,
    });
    await h.says(wanda, wanda.id, { photo: 'photo-of-drum' }, /^$/, {
      answerIn: STAFF_CHAT,
      answerTopic: topicId,
    });
    const before = await dumpEveryTable(h);
    // Before: the tables hold all of it (a relayed photo is kept by Telegram, not by us).
    const beforeText = Object.values(before).join('\n');
    expect(PERSONAL.filter((value) => !beforeText.includes(value))).toEqual(['photo-of-drum']);

    // The customer asks to be forgotten and confirms.
    await h.says(wanda, wanda.id, '/forget', /Erase everything we hold about you/);
    const done = await h.presses(wanda, wanda.id, /Yes/, /personal data is erased/);
    expect(done.text).toBe(
      'Done: your personal data is erased, and your open ticket is cancelled (our team has been told).',
    );
    await h.runJobs();

    // Staff side: the topic (card, copies, replies) is deleted and the staff chat is told.
    expect(h.double.topic(STAFF_CHAT, topicId)?.state).toBe('deleted');
    const notice = await h.waitForBot(STAFF_CHAT, /was erased at the customer's request/);
    expect(notice.text).toContain(number);
    expect(notice.text).toMatch(/the ticket is cancelled/);
    expect(notice.text).toContain('Its topic is deleted with everything in it.');
    expect(notice.message_thread_id).toBeUndefined();

    // Every table, read whole: nothing of the customer, not even their Telegram user id.
    const after = await dumpEveryTable(h);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const [table, rows] of Object.entries(after))
      for (const value of PERSONAL) expect(rows, `${table} holds "${value}"`).not.toContain(value);
    // Nor does the short-lived store.
    for (const key of chatStoreKeys(CUSTOMER_ID))
      expect(await h.app.store.getSession(key), key).toBeUndefined();

    // What stays is anonymous: the ticket, cancelled, under a random reference.
    const kept = await h.repos.tickets.get(ticket?.id ?? '');
    expect(kept).toMatchObject({
      state: 'cancelled',
      category: 'washing_machine',
      priority: 'normal',
    });
    expect(kept?.number).toMatch(/^ERASED-/);
    expect(await h.repos.tickets.getByNumber(number)).toBeUndefined();

    // Writing again starts afresh, as a new customer with nothing remembered.
    await h.says(wanda, wanda.id, '/status', /no tickets/i);
  }, 180_000);

  it("when the bot may no longer delete messages (so not its topic either), overwrites the card and deletes its copies of the customer's messages instead, and tells staff so, asking them to delete the topic", async () => {
    const anna = h.staffMember('Anna');
    const kim = h.customer('Kim');
    await h.says(kim, kim.id, '/start', /after-sales assistant/);
    const { ticket, topicId } = await h.fileTicket(kim);
    const card = h.double.botMessages(STAFF_CHAT, topicId)[0];
    expect(card?.text).toContain('王小明');
    await h.presses(anna, STAFF_CHAT, /Take/, /took/, { topicId });
    const copy = await h.says(kim, kim.id, 'my flat is 12B, call me on 13800138000', /call me on/, {
      answerIn: STAFF_CHAT,
      answerTopic: topicId,
    });
    await h.says(anna, STAFF_CHAT, 'Thanks Kim, see you at 12B', /see you at 12B/, {
      topicId,
      answerIn: kim.id,
    });
    // Telegram's rule: deleting a topic needs the right to delete messages; a bot may delete its
    // own messages (the copies it made, the card) without it.
    h.double.setMember(STAFF_CHAT, BOT.id, 'administrator', {
      can_pin_messages: true,
      can_delete_messages: false,
      can_manage_topics: true,
    });

    // The operator's log (the bot's own logger, silent here): its errors are read.
    const errors: string[] = [];
    const log = h.app.deps.log;
    const error = log.error.bind(log);
    log.error = ((fields: unknown, line?: string) => {
      errors.push(String(line ?? fields));
      error(fields as object, line);
    }) as typeof log.error;

    await h.says(kim, kim.id, '/forget', /Erase everything we hold about you/);
    await h.presses(kim, kim.id, /Yes/, /personal data is erased/);
    await h.runJobs();

    expect(h.double.topic(STAFF_CHAT, topicId)?.state).not.toBe('deleted');
    const inTopic = h.double.botMessages(STAFF_CHAT, topicId);
    expect(inTopic.find((m) => m.message_id === card?.message_id)?.text).toBe(
      "🗑 Erased at the customer's request.",
    );
    expect(inTopic.some((m) => m.message_id === copy.message_id)).toBe(false);
    expect(JSON.stringify(inTopic)).not.toContain('13800138000');
    expect(JSON.stringify(inTopic)).not.toContain('王小明');
    // The staff's own message in the topic stays: without the right only staff may delete it
    // (it is not even tried: a batch with one message the bot may not delete fails whole).
    expect(
      h.double
        .messages(STAFF_CHAT, topicId)
        .filter((m) => m.from?.id === anna.id)
        .map((m) => m.text),
    ).toEqual(['Thanks Kim, see you at 12B']);
    expect(h.double.calls.filter((c) => c.method === 'deleteMessages').map((c) => c.ok)).toEqual([
      true,
    ]);
    const told = new RegExp(`${ticket.number} was erased at the customer's request`);
    // The notice, written once the deletions settled, says what was done and what was not.
    expect((await h.waitForBot(STAFF_CHAT, told)).text).toBe(
      `🗑 ${ticket.number} was erased at the customer's request: the ticket is cancelled. The bot may not delete its topic (that needs the right to delete messages): its card is overwritten and the bot's copies of the customer's messages are deleted, but your replies and any photos posted after the card stay. Please delete the topic by hand.`,
    );
    // The operator is told, with the ticket named.
    expect(errors).toContain(
      `erasure of ticket ${ticket.number}: the bot may not delete its staff topic (it needs the right to delete messages); staff are asked to delete it by hand`,
    );
    log.error = error;
    h.double.setMember(STAFF_CHAT, BOT.id, 'administrator');
  }, 120_000);
  it('with an engineer visit booked: the customer is told before and after that it is called off, and staff in General with the visit and the holder (review10 M3)', async () => {
    h.advanceTo(10);
    const anna = h.staffMember('Anna');
    const vic = h.customer('Vic');
    const { ticket, topicId } = await h.fileTicket(vic);
    await h.presses(anna, STAFF_CHAT, /Take/, /took/, { topicId });
    await h.says(anna, STAFF_CHAT, '/schedule tomorrow 9-11', /scheduled the visit/, { topicId });
    const booked = await h.repos.tickets.getByNumber(ticket.number);
    const start = booked?.visitWindow?.start as Date;
    const day = start.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const visit = `${ticket.number} ${day} 09:00–11:00`;

    const asked = await h.says(vic, vic.id, '/forget', /Erase everything we hold about you/);
    expect(asked.text).toContain(
      `You have an engineer visit booked: ${visit}. Erasing your data cancels it, and the engineer will not come.`,
    );
    const done = await h.presses(vic, vic.id, /Yes/, /personal data is erased/);
    expect(done.text).toBe(
      `Done: your personal data is erased, and your open ticket is cancelled (our team has been told).\n\nThe engineer visit booked for ${visit} is called off with it: nobody will come.`,
    );
    const general = h.double.botMessages(STAFF_CHAT, 0).length;
    await h.runJobs();
    const notice = await h.waitForBot(
      STAFF_CHAT,
      new RegExp(`${ticket.number} was erased at the customer's request`),
      { topicId: 0, after: general },
    );
    expect(notice.text).toContain(
      `📅 The engineer visit booked for ${day} 09:00–11:00 is called off (holder: Anna): please tell the engineer.`,
    );
  }, 120_000);

  it('with two engineer visits booked: the customer is told of both, in the plural (review11 F2)', async () => {
    h.advanceTo(10);
    const anna = h.staffMember('Anna');
    const wes = h.customer('Wes');
    const visits: string[] = [];
    for (const hours of ['9-11', '14-16']) {
      const { ticket, topicId } = await h.fileTicket(wes);
      await h.presses(anna, STAFF_CHAT, /Take/, /took/, { topicId });
      await h.says(anna, STAFF_CHAT, `/schedule tomorrow ${hours}`, /scheduled the visit/, {
        topicId,
      });
      const start = (await h.repos.tickets.getByNumber(ticket.number))?.visitWindow?.start as Date;
      const day = start.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
      const [from, to] = hours.split('-').map((hour) => `${hour.padStart(2, '0')}:00`);
      visits.push(`${ticket.number} ${day} ${from}–${to}`);
    }
    // Newest first, as /status lists them.
    const both = visits.reverse().join('; ');
    const asked = await h.says(wes, wes.id, '/forget', /Erase everything we hold about you/);
    expect(asked.text).toContain(
      `You have 2 engineer visits booked: ${both}. Erasing your data cancels them, and the engineers will not come.`,
    );
    const done = await h.presses(wes, wes.id, /Yes/, /personal data is erased/);
    expect(done.text).toContain(
      `The 2 engineer visits booked (${both}) are called off with it: nobody will come.`,
    );
    // Staff hear of each (its own notice in General), and the topics go.
    await h.runJobs();
    for (const visit of visits)
      await h.waitForBot(STAFF_CHAT, new RegExp(`${visit.split(' ')[0]} was erased`), {
        topicId: 0,
      });
  }, 120_000);

  it('leaves nothing of the customer anywhere in the staff chat: not a hazard alert in General, not a rating comment, even where topics cannot be deleted', async () => {
    const rights = (deleteMessages: boolean) =>
      h.double.setMember(STAFF_CHAT, BOT.id, 'administrator', {
        can_pin_messages: true,
        can_delete_messages: deleteMessages,
        can_manage_topics: true,
      });
    rights(true);
    const anna = h.staffMember('Anna');
    const rae = h.customer('Rae');
    await h.says(rae, rae.id, '/start', /after-sales assistant/);
    // A hazard ticket: raised at once in its topic and in General.
    const { ticket, topicId } = await h.fileTicket(rae, {
      priority: 'urgent',
      triage: { label: 'hazard', category: 'refrigerator', symptomId: null },
    });
    await h.waitForBot(STAFF_CHAT, new RegExp(`Hazard ticket ${ticket.number}`), { topicId: 0 });
    // Taken, closed, rated, and a comment typed in the customer's own chat.
    await h.presses(anna, STAFF_CHAT, /Take/, /took/, { topicId });
    await h.says(anna, STAFF_CHAT, '/close repaired', /closed/, { topicId });
    await h.waitForBot(rae.id, /Rate us from 1/);
    await h.presses(rae, rae.id, /^5 ⭐$/, /write a short comment/);
    const comment = 'Rae Quist here, Harbour Lane 7, thank you';
    await h.says(rae, rae.id, comment, /^Rae Quist here/, {
      answerIn: STAFF_CHAT,
      answerTopic: topicId,
    });
    const staffChat = () => JSON.stringify(h.double.botMessages(STAFF_CHAT));
    expect(staffChat()).toContain(comment);
    expect(staffChat()).toContain('王小明');

    rights(false);
    await h.says(rae, rae.id, '/forget', /Erase everything we hold about you/);
    await h.presses(rae, rae.id, /Yes/, /personal data is erased/);
    await h.runJobs();
    await h.waitForBot(STAFF_CHAT, new RegExp(`${ticket.number} was erased`));

    // Every message the bot left in the staff chat, General and every topic alike.
    for (const value of [comment, 'Harbour Lane', '王小明', '13800138000', '世纪大道'])
      expect(staffChat(), value).not.toContain(value);
    // Nor any table (the comment was stored with the rating).
    for (const [table, rows] of Object.entries(await dumpEveryTable(h)))
      for (const value of [comment, 'Harbour Lane'])
        expect(rows, `${table} holds "${value}"`).not.toContain(value);
  }, 120_000);
});

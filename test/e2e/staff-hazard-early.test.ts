import { sql } from 'drizzle-orm';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoubleUser } from '../support/bot-api-double.ts';
import { STAFF_CHAT, StaffHarness } from '../support/staff-harness.ts';

const MIN = 60_000;
const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
const NUMBER = /FL-\d{6}-\d{4}/;
const numberOf = (text: string | undefined) => NUMBER.exec(text ?? '')?.[0] as string;

/**
 * A hazard reaches staff at once (review9 H1): the safety steps tell the customer to leave, so the
 * urgent ticket is filed with the report — topic, card, the urgent alert, the contact promise
 * watched — and the intake's answers complete that ticket; and /human mid-intake gives staff what
 * the customer already gave (review9 M2). Through the Bot API double, on the real bot.
 */
describe('a hazard reaches staff at the report, before the intake', () => {
  const h = new StaffHarness();
  beforeAll(() => h.start(), 90_000);
  afterAll(() => h.stop(), 30_000);

  let nextUpdate = 8_100_000 + (process.pid % 1000) * 100;
  /** A private message as Telegram delivers it, to hand to the bot more than once. */
  const update = (from: DoubleUser, text: string): Update => {
    nextUpdate += 1;
    return {
      update_id: nextUpdate,
      message: {
        message_id: nextUpdate,
        date: Math.floor(h.clock.now().getTime() / 1000),
        chat: { id: from.id, type: 'private', first_name: from.first_name },
        from: { ...from, is_bot: false },
        text,
      },
    } as Update;
  };
  const texts = (chatId: number, topicId?: number) =>
    h.double.botMessages(chatId, topicId).map((m) => m.text ?? m.caption ?? '');
  const count = (chatId: number, topicId: number, pattern: RegExp) =>
    texts(chatId, topicId).filter((text) => pattern.test(text)).length;

  it('files the urgent ticket with the report: a customer who stops after the safety steps is still seen, once, and the contact promise is watched', async () => {
    h.advanceTo(10);
    const mei = h.customer('Mei');
    const generalBefore = h.double.botMessages(STAFF_CHAT, 0).length;
    const report = update(
      mei,
      'my water heater is leaking onto the socket and I got a small shock',
    );
    // Delivered twice (Telegram redelivers after a timeout; or a second instance took it in).
    await h.frontline.handle(report);
    await h.frontline.handle(report);
    const told = await h.waitForBot(mei.id, /Which phone number/);
    const text = told.text ?? '';
    // The safety steps, then the ticket and who calls when, then the first question.
    expect(text).toMatch(/^⚠️ Safety first/);
    expect(text).toMatch(
      /Our service team has this as urgent ticket FL-\d{6}-\d{4}\. A person will contact you within 30 minutes, and they see what you write here\./,
    );
    expect(text.indexOf('Safety first')).toBeLessThan(text.indexOf('urgent ticket'));
    expect(text.indexOf('urgent ticket')).toBeLessThan(text.indexOf('Which phone number'));
    expect(text).toMatch(/If you need to leave, go now: the team already has your ticket/);
    const number = numberOf(text);

    // The customer follows the safety text and leaves. Staff have it all the same.
    await h.runJobs();
    const ticket = await h.repos.tickets.getByNumber(number);
    expect(ticket).toMatchObject({ priority: 'urgent', state: 'open', kind: 'fault' });
    expect(ticket?.triage?.label).toBe('hazard');
    expect(await h.repos.tickets.listByCustomer(ticket?.customerId ?? '')).toHaveLength(1);
    const topicId = (await h.repos.tickets.topicOf(ticket?.id ?? ''))?.topicId as number;
    const [card] = h.double.botMessages(STAFF_CHAT, topicId);
    expect(card?.pinned).toBe(true);
    expect(card?.text).toMatch(new RegExp(`🚨 URGENT ${number} · water heater · HAZARD`));
    expect(card?.text).toMatch(/⏳ Filed when the customer reported the hazard, before the intake/);
    expect(card?.text).toContain('📝 my water heater is leaking onto the socket');
    const alert = new RegExp(
      `Hazard ticket ${number}: contact the customer now \\(no phone number yet: write to them in its topic`,
    );
    await h.waitForBot(STAFF_CHAT, alert, { topicId: 0, after: generalBefore });
    await h.runJobs();
    await settle();
    expect(count(STAFF_CHAT, 0, alert)).toBe(1);
    expect(count(STAFF_CHAT, topicId, alert)).toBe(1);
    expect(h.double.botMessages(STAFF_CHAT, topicId).filter((m) => m.pinned)).toHaveLength(1);
    const history = await h.repos.tickets.history(ticket?.id ?? '');
    expect(history.filter((e) => e.type === 'created')).toHaveLength(1);
    expect(history.filter((e) => e.type === 'intake_pending')).toHaveLength(1);
    // The customer heard it once.
    expect(texts(mei.id).filter((t) => /urgent ticket/.test(t))).toHaveLength(1);

    // Staff can write to the customer in the topic: take it and write.
    const staff = h.staffMember('Kai');
    await h.presses(staff, STAFF_CHAT, /Take/, /Kai took/, { topicId });
    await h.says(staff, STAFF_CHAT, 'Are you safe? Is the power off?', /Are you safe/, {
      topicId,
      answerIn: mei.id,
    });
  });

  it('watches the contact promise of a hazard ticket nobody answered: the breach is raised', async () => {
    h.advanceTo(11);
    const ivy = h.customer('Ivy');
    const told = await h.says(
      ivy,
      ivy.id,
      'there is a burning smell and smoke from my microwave',
      /urgent ticket/,
    );
    const number = numberOf(told.text);
    await h.runJobs();
    h.clock.advance(31 * MIN);
    await h.runJobs();
    await h.waitForBot(
      STAFF_CHAT,
      new RegExp(
        `${number}: the contact promise was broken \\d+ min ago .* \\(no phone number on the card yet: if the customer has given one in its topic, where their answers arrive, call it; otherwise write to them there\\)`,
      ),
      { topicId: 0 },
    );
  });

  it('completes the same ticket when the customer answers the intake: one ticket, its pinned card brought up to date with the phone and address', async () => {
    h.advanceTo(12);
    const wu = h.customer('Wu');
    const first = await h.says(
      wu,
      wu.id,
      'my water heater is leaking onto the socket and I got a small shock',
      /Which phone number/,
    );
    const number = numberOf(first.text);
    await h.runJobs();
    const ticket = await h.repos.tickets.getByNumber(number);
    const topicId = (await h.repos.tickets.topicOf(ticket?.id ?? ''))?.topicId as number;
    // While the ticket waits for a person, the answers reach its topic as they are given.
    await h.says(wu, wu.id, '+86 138 0013 8000', /Where should the engineer come/);
    await h.waitForBot(STAFF_CHAT, /^\+86 138 0013 8000$/, { topicId });
    await h.says(wu, wu.id, 'Room 1203, 88 Century Avenue, Pudong, Shanghai', /What name/);
    await h.says(wu, wu.id, 'Wu Lei', /Wu Lei/);
    const filed = await h.presses(wu, wu.id, /Confirm/, /is filed/);
    expect(numberOf(filed.text)).toBe(number);
    expect(filed.text).toMatch(/It is marked URGENT/);

    const tickets = await h.repos.tickets.listByCustomer(ticket?.customerId ?? '');
    expect(tickets.map((t) => t.number)).toEqual([number]);
    expect(tickets[0]?.contact).toMatchObject({ name: 'Wu Lei', phone: '+8613800138000' });
    expect(tickets[0]?.contactDueAt).toEqual(ticket?.contactDueAt);
    // The pinned card is brought up to date in place: still one card, now with who and where.
    const sent = h.double.botMessages(STAFF_CHAT).length;
    await h.runJobs();
    const [card] = h.double.botMessages(STAFF_CHAT, topicId);
    await h.double.waitFor(() => card?.text?.includes('📞 +8613800138000'), 'the card updated');
    expect(card?.pinned).toBe(true);
    expect(card?.text).toContain('👤 Wu Lei');
    expect(card?.text).toContain('📍 Room 1203, 88 Century Avenue');
    expect(card?.text).not.toMatch(/⏳ Filed when/);
    // Each answer once in the card's latest exchange, though it was both a turn and a copy.
    expect(card?.text?.match(/^› customer: Wu Lei$/gm) ?? []).toHaveLength(1);
    expect(card?.text?.match(/^› customer: Room 1203, 88 Century Avenue/gm) ?? []).toHaveLength(1);
    await h.runJobs();
    await settle();
    expect(h.double.botMessages(STAFF_CHAT).length).toBe(sent);
    const history = await h.repos.tickets.history(ticket?.id ?? '');
    expect(history.filter((e) => e.type === 'intake_completed')).toHaveLength(1);
    expect(history.filter((e) => e.type === 'created')).toHaveLength(1);
  });

  it('writes the phone number to the urgent ticket as it is given, before Confirm: the card shows it and the breach alert says to call (review10 H4)', async () => {
    h.advanceTo(13);
    const yan = h.customer('Yan');
    const first = await h.says(
      yan,
      yan.id,
      'sparks came out of the washing machine socket and it smells burnt',
      /Which phone number/,
    );
    const number = numberOf(first.text);
    await h.runJobs();
    const ticket = await h.repos.tickets.getByNumber(number);
    expect(ticket?.contact.phone).toBeNull();
    const topicId = (await h.repos.tickets.topicOf(ticket?.id ?? ''))?.topicId as number;
    // The customer gives the number and then stops answering (they left, as told).
    await h.says(yan, yan.id, '+86 139 0013 9000', /Where should the engineer come/);
    expect((await h.repos.tickets.getByNumber(number))?.contact.phone).toBe('+8613900139000');
    await h.runJobs();
    const [card] = h.double.botMessages(STAFF_CHAT, topicId);
    await h.double.waitFor(
      () => card?.text?.includes('📞 +8613900139000'),
      'the card has the phone',
    );
    expect(card?.text).toMatch(/⏳ Filed when the customer reported the hazard/);
    const history = await h.repos.tickets.history(ticket?.id ?? '');
    expect(history.filter((e) => e.type === 'contact_added')).toHaveLength(1);
    // The card refresh is a job of its own kind, not a completed intake's (the intake is pending).
    const jobs = await h.app.database.db.execute(
      sql`select kind, state from jobs where payload->>'ticketNumber' = ${number} and key like 'contact-added:%'`,
    );
    expect((jobs as unknown as { rows: unknown[] }).rows).toEqual([
      { kind: 'staff-contact-added', state: 'done' },
    ]);
    expect(JSON.stringify(history)).not.toContain('13900139000');
    // /status meanwhile: the urgent ticket is listed and not said to wait for Confirm.
    const status = await h.says(yan, yan.id, '/status', /Where should the engineer come/);
    expect(status.text).toContain(number);
    expect(status.text).toContain('Your urgent report is already with our service team');
    expect(status.text).not.toMatch(/filed when you confirm/);
    h.clock.advance(31 * MIN);
    await h.runJobs();
    await h.waitForBot(
      STAFF_CHAT,
      new RegExp(
        `${number}: the contact promise was broken \\d+ min ago .*\\(record a call with /contacted`,
      ),
      { topicId: 0 },
    );
    // Confirming later still completes the same ticket.
    await h.says(yan, yan.id, 'Room 5, 1 Nanjing Road, Shanghai', /What name/);
    await h.says(yan, yan.id, 'Yan Li', /Yan Li/);
    const filed = await h.presses(yan, yan.id, /Confirm/, /is filed/);
    expect(numberOf(filed.text)).toBe(number);
    expect(await h.repos.tickets.listByCustomer(ticket?.customerId ?? '')).toHaveLength(1);
  });

  it('at night says the team is back at the opening and what to do until then, at the report and when filed', async () => {
    h.advanceTo(3);
    const lin = h.customer('Lin', 'zh-hans');
    const told = await h.says(lin, lin.id, '空调冒烟了，有很重的焦味', /电话/);
    const text = told.text ?? '';
    expect(text).toMatch(/售后团队已收到您的紧急工单FL-\d{6}-\d{4}。/);
    expect(text).toMatch(/他们的服务时间为08:00–18:00，将于08:00上班，最晚08:30前联系您。/);
    expect(text).toMatch(
      /在此之前请按上面的步骤做：保持断电，远离它。.*内地火警 119、急救 120，台湾 119，香港 999/,
    );
    expect(text.indexOf('安全第一')).toBeLessThan(text.indexOf('紧急工单'));
    const number = numberOf(text);
    await h.says(lin, lin.id, '13800138000', /地址/);
    await h.says(lin, lin.id, '上海市浦东新区世纪大道88号1203室', /称呼/);
    await h.says(lin, lin.id, '林女士', /林女士/);
    const filed = await h.presses(lin, lin.id, /确认/, /已提交/);
    expect(numberOf(filed.text)).toBe(number);
    expect(filed.text).toMatch(/将于08:00上班/);
    expect(filed.text).toMatch(/在此之前请按上面的步骤做.*香港 999/);
  });
});

describe('/human in the middle of an intake', () => {
  const h = new StaffHarness();
  beforeAll(() => h.start(), 90_000);
  afterAll(() => h.stop(), 30_000);

  it("puts what the customer already gave (name, phone, product, model) on the question ticket's card, and the breach alert says to call", async () => {
    h.advanceTo(10);
    const li = h.customer('Li');
    await h.says(
      li,
      li.id,
      'The washing machine shows error E21 and the drum does not turn at all, already restarted it twice',
      /What name should the engineer ask for/,
    );
    await h.says(li, li.id, 'Li Na', /Which phone number/);
    await h.says(li, li.id, '+86 138 0013 8000', /model number/);
    await h.says(li, li.id, 'XQG100-B12866', /When did you buy it/);
    const asked = await h.says(li, li.id, '/human', /a person will answer you here/);
    const number = numberOf(asked.text);
    const ticket = await h.repos.tickets.getByNumber(number);
    expect(ticket).toMatchObject({
      kind: 'question',
      category: 'washing_machine',
      contact: { name: 'Li Na', phone: '+8613800138000' },
    });
    await h.runJobs();
    const topicId = (await h.repos.tickets.topicOf(ticket?.id ?? ''))?.topicId as number;
    const [card] = h.double.botMessages(STAFF_CHAT, topicId);
    expect(card?.text).toMatch(new RegExp(`${number} · customer question · washing machine`));
    expect(card?.text).toContain('👤 Li Na · 📞 +8613800138000');
    expect(card?.text).toContain('🏷 Model XQG100-B12866');
    expect(card?.text).toContain('📝 The washing machine shows error E21');

    expect(card?.text).toContain('Asked for a person in the middle of a repair request');

    h.clock.advance(40 * MIN);
    await h.runJobs();
    await h.waitForBot(
      STAFF_CHAT,
      new RegExp(
        `${number}: the contact promise was broken .*\\(record a call with /contacted in its topic\\)`,
      ),
      { topicId: 0 },
    );

    // The customer finishes the intake: the question ticket becomes the repair, no second ticket.
    await h.says(li, li.id, '2025-11-10', /Where should the engineer come/);
    await h.says(li, li.id, 'Flat 5B, 12 Nathan Road, Tsim Sha Tsui, Kowloon', /When suits you/);
    await h.says(li, li.id, 'tomorrow afternoon', /receipt or invoice/);
    await h.presses(li, li.id, /Skip/, /check your service ticket/);
    const filed = await h.presses(li, li.id, /Confirm/, /FL-\d{6}-\d{4}/);
    expect(numberOf(filed.text)).toBe(number);
    const tickets = await h.repos.tickets.listByCustomer(ticket?.customerId ?? '', { limit: 10 });
    expect(tickets.map((t) => t.number)).toEqual([number]);
    expect(tickets[0]).toMatchObject({ kind: 'fault', category: 'washing_machine' });
  });
});

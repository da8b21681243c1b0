import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toCalendarDate } from '../../core/index.ts';
import { createOutboxStore, customerTicketKeyPrefix } from '../../db/index.ts';
import { BOT, newTicket, STAFF_CHAT, StaffHarness } from '../support/staff-harness.ts';

const MIN = 60_000;
const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The staff forum end to end: the real bot long-polls the Bot API double (forum topics, copies,
 * edits, albums, pins, members, and Telegram's errors), staff and customers act through it.
 */
describe('staff take over escalated chats in the staff forum', () => {
  const h = new StaffHarness();
  beforeAll(() => h.start(), 90_000);
  afterAll(() => h.stop(), 30_000);

  it('files a fault through the intake, then: topic with a pinned card → take → relay both ways (text, photo, album, edits) → schedule with a reminder → close with a rating', async () => {
    const anna = h.staffMember('Anna', { username: 'anna_service' });
    const bob = h.staffMember('Bob');
    const li = h.customer('Li');

    // The customer's fault becomes a ticket through the real conversation.
    await h.says(
      li,
      li.id,
      'The washing machine shows error E21 and the drum does not turn at all, already restarted it twice',
      /What name should the engineer ask for/,
    );
    await h.says(li, li.id, 'Alice Wong', /Which phone number/);
    await h.says(li, li.id, '+852 9123 4567', /model number/);
    await h.says(li, li.id, 'XQG100-B12866', /When did you buy it/);
    await h.says(li, li.id, '2025-11-10', /Where should the engineer come/);
    await h.says(li, li.id, 'Flat 5B, 12 Nathan Road, Tsim Sha Tsui, Kowloon', /When suits you/);
    await h.says(li, li.id, 'tomorrow afternoon', /receipt or invoice/);
    await h.presses(li, li.id, /Skip/, /check your service ticket/);
    const filed = await h.presses(li, li.id, /Confirm/, /Your ticket FL-\d{6}-\d{4} is filed/);
    const number = /FL-\d{6}-\d{4}/.exec(filed.text ?? '')?.[0] as string;
    await h.runJobs();

    // One topic, named by number, product and district, its first message the pinned card.
    const ticket = await h.repos.tickets.getByNumber(number);
    const topic = await h.repos.tickets.topicOf(ticket?.id ?? '');
    const topicId = topic?.topicId as number;
    expect(h.double.topic(STAFF_CHAT, topicId)?.name).toBe(`${number} · washing machine · Kowloon`);
    const [card] = h.double.botMessages(STAFF_CHAT, topicId);
    expect(card?.pinned).toBe(true);
    expect(card?.message_id).toBe(topic?.cardMessageId);
    expect(card?.text).toContain('Alice Wong');
    expect(card?.text).toContain('+85291234567');
    expect(card?.text).toContain('Flat 5B, 12 Nathan Road');
    expect(card?.text).toContain('XQG100-B12866');
    expect(card?.text).toMatch(/Covered by the warranty/);
    expect(card?.text).toMatch(/The whole unit is covered until/);
    expect(card?.text).toMatch(/Contact promise: the customer hears from us by 10:30/);
    expect(card?.text).toMatch(/› customer: The washing machine shows error E21/);
    // What the customer said they already did is on the card as ruled out, in their words.
    expect(card?.text).toContain(
      'Already ruled out (none fixed it; in quotes, what the customer said they did):\n  1. "already restarted it twice"',
    );
    expect(card?.reply_markup?.inline_keyboard?.flat().map((b) => b.text)).toEqual([
      '✋ Take',
      '📅 Schedule',
      '✅ Close',
    ]);

    // Nobody has taken it yet: what the customer writes reaches the topic, as the filed ticket said.
    expect(filed.text).toMatch(/Anything you write here meanwhile is passed on to them/);
    await h.says(li, li.id, 'thanks', /^thanks$/, { answerIn: STAFF_CHAT, answerTopic: topicId });

    // Anna chooses the name customers see, then takes the ticket with the card's button.
    await h.says(anna, STAFF_CHAT, '/name Anna L.', /Customers now see you as "Anna L."/, {
      topicId,
    });
    await h.presses(anna, STAFF_CHAT, /Take/, /Anna L\. took/, { topicId });
    const told = await h.waitForBot(li.id, /Anna L\. from our service team is with you now/);
    expect(told).toBeDefined();

    // Anna's message reaches the customer as a copy (no forward header, the bot as sender).
    const sent = await h.says(
      anna,
      STAFF_CHAT,
      'Hello Alice, I can see the E21 code.',
      /I can see the E21 code/,
      {
        topicId,
        answerIn: li.id,
      },
    );
    expect(sent.from?.id).toBe(BOT.id);
    expect(sent.copiedFrom?.chatId).toBe(STAFF_CHAT);
    // The contact promise is kept by that first message.
    await h.double.waitFor(
      async () => (await h.repos.tickets.get(ticket?.id ?? ''))?.contactedAt,
      'the contact recorded',
    );

    // While held, the bot stays quiet: the customer's text goes to the topic and nowhere else.
    const botRepliesBefore = h.double.botMessages(li.id).length;
    const reply = await h.says(
      li,
      li.id,
      'Thanks, the drum is full of water',
      /drum is full of water/,
      {
        answerIn: STAFF_CHAT,
        answerTopic: topicId,
      },
    );
    expect(reply.copiedFrom?.chatId).toBe(li.id);
    await h.says(li, li.id, { photo: 'photo-of-drum', caption: 'look' }, /^look$/, {
      answerIn: STAFF_CHAT,
      answerTopic: topicId,
    });
    expect(h.double.botMessages(li.id)).toHaveLength(botRepliesBefore);

    // A customer album arrives as one album (one copyMessages call).
    const copyMessagesBefore = h.double.calls.filter((c) => c.method === 'copyMessages').length;
    h.double.sendAlbum(li, li.id, [
      { photo: 'a1', caption: 'nameplate' },
      { photo: 'a2' },
      { photo: 'a3' },
    ]);
    const album = await h.double.waitFor(() => {
      const copies = h.double
        .botMessages(STAFF_CHAT, topicId)
        .filter((m) => m.photo && m.media_group_id);
      return copies.length === 3 && copies;
    }, 'the album in the topic');
    expect(new Set(album.map((m) => m.media_group_id)).size).toBe(1);
    expect(h.double.calls.filter((c) => c.method === 'copyMessages').length).toBe(
      copyMessagesBefore + 1,
    );

    // Anna's album reaches the customer as an album.
    h.double.sendAlbum(
      anna,
      STAFF_CHAT,
      [{ photo: 's1', caption: 'this filter' }, { photo: 's2' }],
      { topicId },
    );
    const staffAlbum = await h.double.waitFor(() => {
      const copies = h.double.botMessages(li.id).filter((m) => m.photo && m.media_group_id);
      return copies.length === 2 && copies;
    }, 'the staff album at the customer');
    expect(staffAlbum[0]?.caption).toBe('this filter');

    // Edits on either side edit the copy.
    h.double.edit(
      li.id,
      reply.copiedFrom?.messageId as number,
      'Thanks, the drum is half full of water',
    );
    await h.double.waitFor(
      () =>
        h.double.message(STAFF_CHAT, reply.message_id).text ===
        'Thanks, the drum is half full of water',
      'the customer edit in the topic',
    );
    h.double.edit(
      STAFF_CHAT,
      sent.copiedFrom?.messageId as number,
      'Hello Alice, I can see the E21 drain code.',
    );
    await h.double.waitFor(
      () =>
        h.double.message(li.id, sent.message_id).text ===
        'Hello Alice, I can see the E21 drain code.',
      'the staff edit at the customer',
    );

    // A staff reply to the customer's copy replies to the customer's own message.
    const answer = await h.says(
      anna,
      STAFF_CHAT,
      'Please open the pump flap.',
      /open the pump flap/,
      {
        topicId,
        replyTo: reply.message_id,
        answerIn: li.id,
      },
    );
    expect(answer.reply_to_message?.message_id).toBe(reply.copiedFrom?.messageId);

    // Bob talks in the topic and Anna notes something: neither reaches the customer.
    const atCustomer = h.double.botMessages(li.id).length;
    h.double.send(bob, STAFF_CHAT, { text: 'Bob: I had one like this last week' }, { topicId });
    await h.says(anna, STAFF_CHAT, '/note customer prefers calls after 5pm', /Internal note kept/, {
      topicId,
    });
    await settle();
    expect(h.double.botMessages(li.id)).toHaveLength(atCustomer);

    // Schedule: the customer gets the confirmed window, and a reminder the evening before.
    await h.says(anna, STAFF_CHAT, '/schedule 2026-03-12 9-11', /scheduled the visit/, { topicId });
    await h.waitForBot(li.id, /engineer visit for ticket .* is confirmed: 2026-03-12 09:00–11:00/);
    const reminder = await h.repos.jobs.findByKey(
      `visit-reminder:${ticket?.id}:${new Date('2026-03-12T01:00:00Z').toISOString()}`,
    );
    expect(reminder?.dueAt).toEqual(new Date('2026-03-11T11:00:00Z'));
    h.clock.advance((reminder?.dueAt.getTime() ?? 0) - h.clock.now().getTime() + 1_000);
    await h.runJobs();
    await h.waitForBot(li.id, /Reminder: our engineer visits you tomorrow, 2026-03-12 09:00–11:00/);

    // Close: the closing message and one rating request; the rating and a comment are stored.
    await h.says(
      anna,
      STAFF_CHAT,
      '/close repaired replaced the drain pump',
      /Anna L\. closed .*: repaired/,
      { topicId },
    );
    await h.waitForBot(li.id, /is closed: the repair is done/);
    await h.waitForBot(li.id, /Rate us from 1/);
    await h.presses(li, li.id, /^4 ⭐$/, /write a short comment/);
    await h.says(li, li.id, 'Quick and friendly', /rated .* 4\/5|comment on/, {
      answerIn: STAFF_CHAT,
      answerTopic: topicId,
    });
    await h.waitForBot(li.id, /your comment has been passed on/);
    expect(await h.repos.ratings.get(ticket?.id ?? '')).toMatchObject({
      score: 4,
      comment: 'Quick and friendly',
    });

    // The chat is the bot's again, and every staff action is in the ticket's history.
    await h.says(li, li.id, '/status', /Your tickets/);
    const history = (await h.repos.tickets.history(ticket?.id ?? '')).map((e) => e.type);
    expect(history).toEqual(
      expect.arrayContaining([
        'created',
        'topic_opened',
        'taken',
        'contacted',
        'note',
        'scheduled',
        'resolved',
        'rated',
      ]),
    );
    expect(h.double.calls.some((c) => c.payload.message_thread_id === 1)).toBe(false);
  });

  it('lets exactly one of two staff racing to take a ticket win', async () => {
    const [cara, dan] = [h.staffMember('Cara'), h.staffMember('Dan')];
    const { ticket, topicId } = await h.fileTicket(h.customer('Wei'));
    const [card] = h.double.botMessages(STAFF_CHAT, topicId);
    const before = h.double.botMessages(STAFF_CHAT, topicId).length;
    h.double.press(cara, STAFF_CHAT, card?.message_id as number, /Take/);
    h.double.send(dan, STAFF_CHAT, { text: '/take' }, { topicId });
    await h.double.waitFor(
      () => h.double.botMessages(STAFF_CHAT, topicId).length >= before + 2,
      'two answers',
    );
    const answers = h.double
      .botMessages(STAFF_CHAT, topicId)
      .slice(before)
      .map((m) => m.text);
    expect(answers.filter((text) => /took/.test(text ?? ''))).toHaveLength(1);
    expect(answers.filter((text) => /is already taken by/.test(text ?? ''))).toHaveLength(1);
    const taken = (await h.repos.tickets.history(ticket.id)).filter((e) => e.type === 'taken');
    expect(taken).toHaveLength(1);
  });

  it('refuses every staff command and button to someone outside the staff chat, and audits each', async () => {
    const mallory = { id: 990_001, first_name: 'Mallory', language_code: 'en' };
    const { ticket, topicId } = await h.fileTicket(h.customer('Ming'));
    const commands = [
      '/take',
      '/release',
      '/assign @anna_service',
      '/schedule tomorrow 9-11',
      '/note hi',
      '/close repaired',
      '/reopen',
      '/warranty',
    ];
    const refusals = () =>
      h.double
        .botMessages(STAFF_CHAT)
        .filter((m) => /Only the service team can use this/.test(m.text ?? '')).length;
    const before = refusals();
    // The first attempt is answered; later ones within the minute are audited without a reply.
    await h.says(mallory, STAFF_CHAT, commands[0] as string, /Only the service team can use/, {
      topicId,
    });
    for (const command of commands.slice(1))
      h.double.send(mallory, STAFF_CHAT, { text: command }, { topicId });
    for (const command of ['/queue', '/find 13800138000', '/name Evil', '/lang en'])
      h.double.send(mallory, STAFF_CHAT, { text: command });
    const audited = () =>
      h.repos.audit.list(50).then((list) => list.filter((e) => e.telegramUserId === mallory.id));
    await h.double.waitFor(async () => (await audited()).length >= 12, 'twelve audited commands');
    expect(refusals()).toBe(before + 1);
    const [card] = h.double.botMessages(STAFF_CHAT, topicId);
    for (const button of [/Take/, /Schedule/, /Close/]) {
      h.double.press(mallory, STAFF_CHAT, card?.message_id as number, button);
    }
    await h.double.waitFor(
      () =>
        h.double.calls.filter((c) => c.method === 'answerCallbackQuery' && c.payload.show_alert)
          .length >= 3,
      'three refused buttons',
    );
    await h.double.waitFor(async () => (await audited()).length >= 15, 'fifteen audited attempts');
    const audit = await audited();
    expect(audit).toHaveLength(15);
    expect(audit.every((entry) => entry.outcome === 'refused')).toBe(true);
    const refusedEvents = (await h.repos.tickets.history(ticket.id)).filter(
      (e) => e.type === 'refused',
    );
    expect(refusedEvents).toHaveLength(11);
    expect(await h.repos.tickets.get(ticket.id)).toMatchObject({ state: 'open', assigneeId: null });
    expect(await h.repos.staff.get(mallory.id)).toBeUndefined();
  });

  it('recreates a deleted topic with its card, updates the mapping and delivers the message', async () => {
    const erin = h.staffMember('Erin');
    const jun = h.customer('Jun');
    const { ticket, topicId } = await h.fileTicket(jun);
    await h.presses(erin, STAFF_CHAT, /Take/, /took/, { topicId });
    h.double.deleteTopic(STAFF_CHAT, topicId);
    h.double.send(jun, jun.id, { text: 'Are you still there?' });
    const recreated = await h.double.waitFor(
      () =>
        h.double
          .topics(STAFF_CHAT)
          .find((t) => t.name.startsWith(ticket.number) && t.id !== topicId),
      'a new topic',
    );
    const inNew = await h.waitForBot(STAFF_CHAT, /^Are you still there\?$/, {
      topicId: recreated.id,
    });
    expect(inNew.copiedFrom?.chatId).toBe(jun.id);
    const moved = await h.repos.tickets.topicOf(ticket.id);
    expect(moved?.topicId).toBe(recreated.id);
    expect(
      h.double.topics(STAFF_CHAT).filter((t) => t.name.startsWith(ticket.number)),
    ).toHaveLength(2);
    // The new topic's card follows the message that found the topic lost (both queued in the
    // staff chat's line), pinned.
    const card = await h.double.waitFor(
      () => h.double.botMessages(STAFF_CHAT, recreated.id).find((m) => m.pinned),
      'the pinned card in the new topic',
    );
    expect(card.text).toContain(ticket.number);
    expect(card.reply_markup?.inline_keyboard?.flat().map((b) => b.text)).toContain('✋ Take');
    expect(moved && (await h.repos.tickets.topicOf(ticket.id))?.cardMessageId).toBe(
      card.message_id,
    );
    const opened = (await h.repos.tickets.history(ticket.id)).filter(
      (e) => e.type === 'topic_opened',
    );
    expect(opened.map((e) => e.payload.recreated)).toEqual([false, true]);
    // Staff carry on in the new topic.
    await h.says(erin, STAFF_CHAT, 'Yes, still here.', /still here/, {
      topicId: recreated.id,
      answerIn: jun.id,
    });
  });

  it('tells the topic the customer was asked to rate only when the rating request went out', async () => {
    const gus = h.staffMember('Gus');
    const bo = h.customer('Bo');
    const { topicId } = await h.fileTicket(bo);
    await h.presses(gus, STAFF_CHAT, /Take/, /took/, { topicId });
    await h.says(
      gus,
      STAFF_CHAT,
      '/close repaired',
      /Gus.* closed .*repaired\. The customer was asked to rate us\.$/,
      { topicId },
    );
    await h.waitForBot(bo.id, /Rate us from 1/);
    await h.says(gus, STAFF_CHAT, '/reopen', /reopened/, { topicId });
    await h.says(gus, STAFF_CHAT, '/take', /took/, { topicId });
    // Closed again: the rating was asked once per ticket, so this closing asks nothing.
    await h.says(gus, STAFF_CHAT, '/close repaired', /Gus.* closed .*repaired\.$/, { topicId });
    const closings = h.double
      .botMessages(STAFF_CHAT, topicId)
      .filter((m) => /closed/.test(m.text ?? ''))
      .map((m) => /asked to rate/.test(m.text ?? ''));
    expect(closings).toEqual([true, false]);
    expect(
      h.double.botMessages(bo.id).filter((m) => /Rate us from 1/.test(m.text ?? '')),
    ).toHaveLength(1);
  });

  it('reopens a closed topic and delivers the message', async () => {
    const finn = h.staffMember('Finn');
    const ana = h.customer('Ana');
    const { topicId } = await h.fileTicket(ana);
    await h.presses(finn, STAFF_CHAT, /Take/, /took/, { topicId });
    h.double.closeTopic(STAFF_CHAT, topicId, finn);
    await settle();
    await h.says(ana, ana.id, 'Hello?', /Hello\?/, { answerIn: STAFF_CHAT, answerTopic: topicId });
    expect(h.double.topic(STAFF_CHAT, topicId)?.state).toBe('open');
    expect(h.double.calls.some((c) => c.method === 'reopenForumTopic' && c.ok)).toBe(true);
  });

  it('alerts at 80 % and at the breach with the time left counted from now, and at once for a hazard', async () => {
    const gus = h.staffMember('Gus');
    // Filed in service hours: the promise runs from filing (at night it runs from opening).
    h.advanceTo(10);
    const { ticket, topicId } = await h.fileTicket(h.customer('Hui'));
    const general = () => h.double.botMessages(STAFF_CHAT, 0).length;

    // The 80 % alert runs late (27 minutes in): it says 3 minutes, not 6.
    h.clock.advance(27 * MIN);
    const before = general();
    await h.runJobs();
    const warning = await h.waitForBot(
      STAFF_CHAT,
      new RegExp(`${ticket.number}: nobody has contacted the customer yet`),
      { topicId: 0, after: before },
    );
    expect(warning.text).toMatch(/lapses in 3 min/);
    await h.waitForBot(STAFF_CHAT, /lapses in 3 min/, { topicId });

    h.clock.advance(4 * MIN);
    await h.runJobs();
    const breach = await h.waitForBot(
      STAFF_CHAT,
      new RegExp(`${ticket.number}: the contact promise was broken`),
      { topicId: 0, after: before },
    );
    expect(breach.text).toMatch(/broken 1 min ago/);
    const history = (await h.repos.tickets.history(ticket.id)).map((e) => e.type);
    expect(history).toContain('contact_breached');

    // A hazard ticket is raised at once; the contact cancels the rest.
    const { ticket: hazard, topicId: hazardTopic } = await h.fileTicket(h.customer('Ivy'), {
      priority: 'urgent',
      triage: { label: 'hazard', category: 'refrigerator', symptomId: null },
    });
    await h.waitForBot(STAFF_CHAT, /Hazard ticket .* contact the customer now/, {
      topicId: hazardTopic,
    });
    await h.presses(gus, STAFF_CHAT, /Take/, /took/, { topicId: hazardTopic });
    await h.says(gus, STAFF_CHAT, 'Please unplug it now.', /unplug it now/, {
      topicId: hazardTopic,
      answerIn: (await h.repos.customers.findById(hazard.customerId))?.telegramUserId as number,
    });
    for (const stage of ['warning', 'breach']) {
      const key = `contact-alert:${hazard.id}:${stage}`;
      await h.double.waitFor(
        async () => (await h.repos.jobs.findByKey(key))?.state === 'cancelled',
        `${stage} alert cancelled by the contact`,
      );
    }
  });

  it('records a call with /contacted: the promise is kept, its alerts stop, a second changes nothing', async () => {
    const kai = h.staffMember('Kai');
    h.advanceTo(10);
    const { ticket, topicId } = await h.fileTicket(h.customer('Lin'), {
      priority: 'urgent',
      triage: { label: 'hazard', category: 'refrigerator', symptomId: null },
    });
    await h.waitForBot(
      STAFF_CHAT,
      /Hazard ticket .* After a call, record it there with \/contacted/,
      {
        topicId,
      },
    );
    h.clock.advance(5 * MIN);
    await h.says(
      kai,
      STAFF_CHAT,
      '/contacted called at 10:05, it is unplugged',
      new RegExp(`Contact with the customer of ${ticket.number} recorded: its contact alerts stop`),
      { topicId },
    );
    for (const stage of ['warning', 'breach']) {
      const key = `contact-alert:${ticket.id}:${stage}`;
      expect((await h.repos.jobs.findByKey(key))?.state, stage).toBe('cancelled');
    }
    const before = h.double.botMessages(STAFF_CHAT, 0).length;
    h.clock.advance(40 * MIN);
    await h.runJobs();
    const later = h.double
      .botMessages(STAFF_CHAT, 0)
      .slice(before)
      .map((m) => m.text ?? '');
    expect(later.filter((text) => text.includes(ticket.number))).toEqual([]);

    await h.says(
      kai,
      STAFF_CHAT,
      '/contacted',
      new RegExp(`${ticket.number} was already recorded; nothing changed`),
      { topicId },
    );
    const history = await h.repos.tickets.history(ticket.id);
    expect(history.filter((e) => e.type === 'contacted').map((e) => e.payload)).toEqual([
      { onTime: true },
    ]);
    expect(history.filter((e) => e.type === 'note').map((e) => e.payload)).toEqual([
      { text: 'called at 10:05, it is unplugged' },
    ]);
    // Recorded when the command came (5 minutes after filing), not when it was repeated.
    const contactedAt = (await h.repos.tickets.getByNumber(ticket.number))?.contactedAt;
    expect(contactedAt?.getTime()).toBeLessThan(h.clock.now().getTime() - 39 * MIN);
  });

  it('says "today" in a visit reminder run on the visit\'s morning, and nothing once the visit has begun', async () => {
    const ada = h.staffMember('Ada');
    h.advanceTo(10);
    const tomorrow = addDays(toCalendarDate(h.clock.now(), 'Asia/Shanghai'), 1);
    const nia = h.customer('Nia');
    const oli = h.customer('Oli');
    for (const [customer, hours] of [
      [nia, '14-16'],
      [oli, '9-11'],
    ] as const) {
      const { topicId } = await h.fileTicket(customer);
      await h.says(ada, STAFF_CHAT, '/take', /took/, { topicId });
      await h.says(ada, STAFF_CHAT, `/schedule ${tomorrow} ${hours}`, /scheduled the visit/, {
        topicId,
      });
      await h.waitForBot(customer.id, /is confirmed/);
    }
    // Every send recorded before the clock moves a day: a message still in flight would outlive
    // its claim's lease and go again (the outbox's one window), a second confirmation to Oli.
    await h.double.waitFor(
      async () => (await h.frontline.sender.depth()) === 0,
      'the outbox drained',
      30_000,
    );
    // The bot was down overnight: the 19:00 reminders run at 10:00 on the visit's day.
    const before = {
      nia: h.double.botMessages(nia.id).length,
      oli: h.double.botMessages(oli.id).length,
    };
    h.advanceTo(10);
    await h.runJobs();
    await h.waitForBot(
      nia.id,
      new RegExp(`Reminder: our engineer visits you today, ${tomorrow} 14:00–16:00`),
    );
    await settle();
    expect(
      h.double
        .botMessages(nia.id)
        .slice(before.nia)
        .map((m) => m.text),
    ).toHaveLength(1);
    // 09:00–11:00 has begun: no reminder of it.
    expect(h.double.botMessages(oli.id).slice(before.oli)).toEqual([]);
  });

  it('records a customer who blocked the bot and tells the topic', async () => {
    const hana = h.staffMember('Hana');
    const kim = h.customer('Kim');
    const { ticket, topicId } = await h.fileTicket(kim);
    await h.presses(hana, STAFF_CHAT, /Take/, /took/, { topicId });
    await h.waitForBot(kim.id, /with you now/);
    h.double.block(kim.id);
    await h.says(hana, STAFF_CHAT, 'Are you there?', /blocked the bot/, { topicId });
    expect((await h.repos.customers.findByTelegramId(kim.id))?.blockedAt).not.toBeNull();
    expect((await h.repos.tickets.history(ticket.id)).map((e) => e.type)).toContain(
      'customer_blocked',
    );
    // Known blocked: the next message is not queued for the customer; the topic hears it again.
    const again = await h.says(hana, STAFF_CHAT, 'Hello?', /blocked the bot/, { topicId });
    expect(again).toBeDefined();
    const unsent = h.double.messages(STAFF_CHAT, topicId).find((m) => m.text === 'Hello?');
    const outbox = createOutboxStore(h.app.deps.db);
    expect(
      await outbox.byKey(`${customerTicketKeyPrefix(ticket.id)}copy:${unsent?.message_id}`),
    ).toBeUndefined();
    expect(
      (await h.repos.tickets.history(ticket.id)).filter((e) => e.type === 'customer_blocked'),
    ).toHaveLength(2);
  });

  it('waits out a 429 storm on the staff chat and loses nothing, in order', async () => {
    const iris = h.staffMember('Iris');
    const lou = h.customer('Lou');
    const { topicId } = await h.fileTicket(lou);
    await h.presses(iris, STAFF_CHAT, /Take/, /took/, { topicId });
    h.double.rateLimit(STAFF_CHAT, 2_500, 1);
    const texts = Array.from({ length: 8 }, (_, i) => `storm message ${i + 1}`);
    for (const text of texts) h.double.send(lou, lou.id, { text });
    const arrived = await h.double.waitFor(
      () => {
        const got = h.double
          .botMessages(STAFF_CHAT, topicId)
          .filter((m) => /storm message/.test(m.text ?? ''));
        return got.length === texts.length && got;
      },
      'all eight messages in the topic',
      30_000,
    );
    expect(arrived.map((m) => m.text)).toEqual(texts);
    expect(h.double.rateLimited.get(STAFF_CHAT) ?? 0).toBeGreaterThan(0);
  }, 45_000);

  it('reminds staff to offer a loaner when a ticket is still open 24 hours after the report, not for one closed by then', async () => {
    const gus = h.staffMember('Gus');
    const open = await h.fileTicket(h.customer('Lou'));
    const closed = await h.fileTicket(h.customer('Max'));
    await h.presses(gus, STAFF_CHAT, /Take/, /took/, { topicId: closed.topicId });
    await h.says(gus, STAFF_CHAT, '/close repaired', /closed/, { topicId: closed.topicId });
    const before = h.double.botMessages(STAFF_CHAT, 0).length;

    h.clock.advance(24 * 60 * MIN + MIN);
    await h.runJobs();
    const due = new RegExp(
      `${open.ticket.number} has waited 24 hours since the report without a repair.*free loaner`,
    );
    await h.waitForBot(STAFF_CHAT, due, { topicId: open.topicId });
    await h.waitForBot(STAFF_CHAT, due, { topicId: 0, after: before });
    const loaner = (topicId: number) =>
      h.double.botMessages(STAFF_CHAT, topicId).filter((m) => /free loaner/.test(m.text ?? ''));
    expect(loaner(closed.topicId)).toHaveLength(0);
    const events = async () =>
      (await h.repos.tickets.history(open.ticket.id)).filter((e) => e.type === 'loaner_due');
    expect(await events()).toHaveLength(1);

    // The jobs run again: nothing twice.
    await h.runJobs();
    await settle();
    expect(loaner(open.topicId)).toHaveLength(1);
    expect(await events()).toHaveLength(1);
  }, 120_000);

  /** The loaner reminders in a topic. */
  const loanersIn = (topicId: number) =>
    h.double.botMessages(STAFF_CHAT, topicId).filter((m) => /free loaner/.test(m.text ?? ''));

  it('reminds staff once more when a repair reopened after its reminder stays open 24 hours more, not before, and once', async () => {
    const ivy = h.staffMember('Ivy');
    const { ticket, topicId } = await h.fileTicket(h.customer('Ned'));
    await h.presses(ivy, STAFF_CHAT, /Take/, /took/, { topicId });
    h.clock.advance(24 * 60 * MIN + MIN);
    await h.runJobs();
    await h.double.waitFor(() => loanersIn(topicId).length === 1, 'the first reminder');

    await h.says(ivy, STAFF_CHAT, '/close repaired', /closed/, { topicId });
    h.clock.advance(60 * MIN);
    await h.says(ivy, STAFF_CHAT, '/reopen', /reopened/, { topicId });
    const generalBefore = h.double.botMessages(STAFF_CHAT, 0).length;
    // 23 hours into the new opening: nothing yet.
    h.clock.advance(23 * 60 * MIN);
    await h.runJobs();
    await settle();
    expect(loanersIn(topicId)).toHaveLength(1);
    // 24 hours into it: one more, in the topic and in General.
    h.clock.advance(60 * MIN + MIN);
    await h.runJobs();
    await h.double.waitFor(() => loanersIn(topicId).length === 2, 'the reopened ticket reminded');
    expect(loanersIn(topicId)[1]?.text).toMatch(
      new RegExp(`${ticket.number} was reopened 24 hours ago and is still not repaired`),
    );
    await h.waitForBot(STAFF_CHAT, new RegExp(`${ticket.number} .*free loaner`), {
      topicId: 0,
      after: generalBefore,
    });
    await h.runJobs();
    await settle();
    expect(loanersIn(topicId)).toHaveLength(2);
    const events = (await h.repos.tickets.history(ticket.id)).filter(
      (e) => e.type === 'loaner_due',
    );
    expect(events).toHaveLength(2);
  }, 120_000);

  it('a repair closed and reopened before its first reminder is reminded 24 hours into the new opening, once', async () => {
    const joe = h.staffMember('Joe');
    const { ticket, topicId } = await h.fileTicket(h.customer('Oli'));
    await h.presses(joe, STAFF_CHAT, /Take/, /took/, { topicId });
    h.clock.advance(2 * 60 * MIN);
    await h.says(joe, STAFF_CHAT, '/close repaired', /closed/, { topicId });
    await h.says(joe, STAFF_CHAT, '/reopen', /reopened/, { topicId });
    // 24 hours after the report, 22 into the new opening: the report's reminder is not this one's.
    h.clock.advance(22 * 60 * MIN + MIN);
    await h.runJobs();
    await settle();
    expect(loanersIn(topicId)).toHaveLength(0);
    h.clock.advance(2 * 60 * MIN);
    await h.runJobs();
    await h.double.waitFor(() => loanersIn(topicId).length === 1, 'the new opening reminded');
    await h.runJobs();
    await settle();
    expect(loanersIn(topicId)).toHaveLength(1);
    expect(
      (await h.repos.tickets.history(ticket.id)).filter((e) => e.type === 'loaner_due'),
    ).toHaveLength(1);
  }, 120_000);

  it('at start-up, repairs open from before the reminder existed get theirs (at once when overdue); one already reminded and one whose reminder waits get none more', async () => {
    const now = h.clock.now();
    const file = async (name: string, hoursAgo: number) => {
      const customer = h.customer(name);
      const { id } = await h.repos.customers.ensure(customer.id, 'en', now);
      const at = new Date(now.getTime() - hoursAgo * 60 * MIN);
      // Filed as before the reminder existed: no loaner job.
      const { ticket } = await h.repos.tickets.create(newTicket(id), {
        idempotencyKey: `loaner-sweep:${customer.id}`,
        day: '2026-03-10' as never,
        at,
        actor: { kind: 'customer', customerId: id },
      });
      return ticket;
    };
    const overdue = await file('Pia', 30);
    const young = await file('Quin', 2);
    const reminded = await file('Rae', 40);
    await h.repos.tickets.appendEvent(reminded.id, {
      at: new Date(now.getTime() - 16 * 60 * MIN),
      actor: { kind: 'system' },
      type: 'loaner_due',
      payload: { hours: 24 },
    });

    // What start-up runs (calling it again leaves the running loops as they are).
    await h.frontline.start();
    await h.frontline.start();
    await h.runJobs();
    const remindedIn = async (ticketId: string) =>
      (await h.repos.tickets.history(ticketId)).filter((e) => e.type === 'loaner_due').length;
    await h.double.waitFor(async () => (await remindedIn(overdue.id)) === 1, 'the overdue one');
    const topic = (await h.repos.tickets.topicOf(overdue.id))?.topicId as number;
    await h.double.waitFor(() => loanersIn(topic).length === 1, 'its reminder in its topic');
    // Overdue when found: the hours it has really waited.
    expect(loanersIn(topic)[0]?.text).toMatch(
      new RegExp(`${overdue.number} has waited 30 hours since the report`),
    );
    expect(await remindedIn(young.id)).toBe(0);
    expect(await remindedIn(reminded.id)).toBe(1);

    // The young one's comes 24 hours after its report, once.
    h.clock.advance(22 * 60 * MIN + MIN);
    await h.frontline.start();
    await h.runJobs();
    await h.double.waitFor(async () => (await remindedIn(young.id)) === 1, 'the young one');
    await h.runJobs();
    await settle();
    expect(await remindedIn(young.id)).toBe(1);
    expect(await remindedIn(overdue.id)).toBe(1);
    expect(await remindedIn(reminded.id)).toBe(1);
  }, 120_000);

  it('treats the bot removed from the staff chat as an operator error, not a blocked customer', async () => {
    const mia = h.customer('Mia');
    h.double.setMember(STAFF_CHAT, BOT.id, 'kicked');
    try {
      const { id } = await h.repos.customers.ensure(mia.id, 'en', h.clock.now());
      const { ticket } = await h.repos.tickets.create(newTicket(id), {
        idempotencyKey: `kicked:${mia.id}`,
        day: '2026-03-10' as never,
        at: h.clock.now(),
        actor: { kind: 'customer', customerId: id },
        jobs: [{ kind: 'staff-new-ticket', dueAt: h.clock.now(), payload: {} }],
      });
      const summary = await h.runJobs();
      expect(summary.retried).toBeGreaterThan(0);
      expect(await h.repos.tickets.topicOf(ticket.id)).toBeUndefined();
      expect((await h.repos.customers.findByTelegramId(mia.id))?.blockedAt).toBeNull();
    } finally {
      h.double.setMember(STAFF_CHAT, BOT.id, 'administrator');
    }
  });
});

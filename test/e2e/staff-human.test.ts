import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toZonedTime } from '../../core/index.ts';
import { BOT, STAFF_CHAT, StaffHarness } from '../support/staff-harness.ts';

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * "/human reaches a person": through the Bot API double, a customer who asks for a person gets a
 * staff topic and staff are alerted (a job written with the turn), and the customer hears when to
 * expect the answer; the bot keeps helping until someone takes the chat.
 */
describe('a customer asks for a person', () => {
  const h = new StaffHarness();
  beforeAll(() => h.start(), 90_000);
  afterAll(() => h.stop(), 30_000);

  const advanceTo = (hour: number) => h.advanceTo(hour);

  it('in service hours: a question ticket with its topic, staff alerted, the answer promised within 30 minutes, and the bot keeps helping', async () => {
    advanceTo(10);
    const zoe = h.customer('Zoe');
    const generalBefore = h.double.botMessages(STAFF_CHAT, 0).length;
    const told = await h.says(
      zoe,
      zoe.id,
      '/human',
      /a person will answer you here within 30 minutes/,
    );
    const number = /FL-\d{6}-\d{4}/.exec(told.text ?? '')?.[0] as string;
    const ticket = await h.repos.tickets.getByNumber(number);
    expect(ticket).toMatchObject({ kind: 'question', state: 'open' });
    // The turn made no Bot API call to the staff chat: the alert's job, written with the turn
    // (and the ticket's own), raises it.
    expect(await h.repos.tickets.topicOf(ticket?.id ?? '')).toBeUndefined();
    await h.runJobs();

    // The topic with its card; the request in it and in General, once, recorded once.
    const topic = await h.repos.tickets.topicOf(ticket?.id ?? '');
    expect(topic).toBeDefined();
    const [card] = h.double.botMessages(STAFF_CHAT, topic?.topicId);
    expect(card?.text).toMatch(new RegExp(`${number} · customer question`));
    expect(h.double.topic(STAFF_CHAT, topic?.topicId ?? 0)?.name).toBe(`${number} · question`);
    const asked = new RegExp(`${number}: the customer asks for a person. Answer them by`);
    await h.waitForBot(STAFF_CHAT, asked, { topicId: 0, after: generalBefore });
    await h.waitForBot(STAFF_CHAT, asked, { topicId: topic?.topicId });
    await h.runJobs();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const count = (topicId: number) =>
      h.double.botMessages(STAFF_CHAT, topicId).filter((m) => asked.test(m.text ?? '')).length;
    expect(count(0)).toBe(1);
    expect(count(topic?.topicId ?? -1)).toBe(1);
    const requested = (await h.repos.tickets.history(ticket?.id ?? '')).filter(
      (e) => e.type === 'human_requested',
    );
    expect(requested).toHaveLength(1);
    expect(requested[0]?.actor).toEqual({ kind: 'customer', customerId: ticket?.customerId });

    // Until someone takes it, the bot answers as before.
    await h.says(zoe, zoe.id, 'my fridge is too cold, the vegetables freeze', /Step 1 of/);

    // Taken: the chat is held and the customer's next message goes to the topic.
    const staff = h.staffMember('Yan');
    await h.presses(staff, STAFF_CHAT, /Take/, /Yan took/, { topicId: topic?.topicId });
    await h.says(zoe, zoe.id, 'Are you a person?', /^Are you a person\?$/, {
      answerIn: STAFF_CHAT,
      answerTopic: topic?.topicId,
    });
    const again = await h.says(
      zoe,
      zoe.id,
      '/human',
      /Yan from our service team is already with you/,
    );
    expect(again).toBeDefined();
    const tickets = await h.repos.tickets.listByCustomer(ticket?.customerId ?? '');
    expect(tickets).toHaveLength(1);
  });

  it('keeps what the customer writes after /human and before anyone takes the chat: it reaches the topic, the bot still answers, and the taker reads it there', async () => {
    advanceTo(11);
    const eva = h.customer('Eva');
    const told = await h.says(eva, eva.id, '/human', /within 30 minutes/);
    expect(told.text).toMatch(/what you write here is passed on to them too/);
    const number = /FL-\d{6}-\d{4}/.exec(told.text ?? '')?.[0] as string;
    const ticket = await h.repos.tickets.getByNumber(number);
    await h.runJobs();
    const topicId = (await h.repos.tickets.topicOf(ticket?.id ?? ''))?.topicId as number;

    // Nobody has taken it: the message is copied to the topic AND the bot answers it.
    const before = h.double.botMessages(eva.id).length;
    await h.says(eva, eva.id, 'the fridge is warm and the food smells', /^the fridge is warm/, {
      answerIn: STAFF_CHAT,
      answerTopic: topicId,
    });
    await h.double.waitFor(
      () => h.double.botMessages(eva.id).length > before,
      'the bot still answering the customer',
    );
    await h.says(eva, eva.id, 'it is a Haier, bought last year', /^it is a Haier/, {
      answerIn: STAFF_CHAT,
      answerTopic: topicId,
    });
    // In order, once each, and on the ticket's transcript.
    const copies = h.double
      .botMessages(STAFF_CHAT, topicId)
      .map((m) => m.text)
      .filter((text) => /^(the fridge is warm|it is a Haier)/.test(text ?? ''));
    expect(copies).toEqual([
      'the fridge is warm and the food smells',
      'it is a Haier, bought last year',
    ]);
    const transcript = await h.repos.transcript.list(ticket?.customerId ?? '', {
      ticketId: ticket?.id ?? '',
    });
    expect(transcript.map((entry) => entry.text)).toEqual(
      expect.arrayContaining(['the fridge is warm and the food smells']),
    );

    // Taken: from now on the bot is quiet and messages go only to the topic, as before.
    const staff = h.staffMember('Uma');
    await h.presses(staff, STAFF_CHAT, /Take/, /Uma took/, { topicId });
    const quietFrom = h.double.botMessages(eva.id).length;
    await h.says(eva, eva.id, 'hello?', /^hello\?$/, {
      answerIn: STAFF_CHAT,
      answerTopic: topicId,
    });
    expect(
      h.double
        .botMessages(eva.id)
        .slice(quietFrom)
        .map((m) => m.text),
    ).not.toContainEqual(expect.stringMatching(/Step|engineer/));
  });

  it('still answers a customer waiting for a person when the staff chat refuses the copy (the bot removed from it)', async () => {
    const ned = h.customer('Ned');
    await h.fileTicket(ned);
    h.double.setMember(STAFF_CHAT, BOT.id, 'kicked');
    try {
      // The bot's answer (its fridge ticket waits: asked whether this is about it) still comes.
      await h.says(ned, ned.id, 'my fridge is too cold, the vegetables freeze', /a new problem\?/);
    } finally {
      h.double.setMember(STAFF_CHAT, BOT.id, 'administrator');
    }
  });

  it('on a ticket in progress: no second ticket, the request raised in its topic', async () => {
    const kai = h.customer('Kai');
    const { ticket, topicId } = await h.fileTicket(kai);
    // Its own contact promise is pending and watched: the customer is told that deadline.
    await h.says(
      kai,
      kai.id,
      '/human',
      new RegExp(
        `reminded our service team \\(ticket ${ticket.number}\\): a person will answer you here by .+, as promised`,
      ),
    );
    await h.runJobs();
    await h.waitForBot(STAFF_CHAT, /the customer asks for a person/, { topicId });
    expect(await h.repos.tickets.listByCustomer(ticket.customerId)).toHaveLength(1);
    const history = (await h.repos.tickets.history(ticket.id)).map((e) => e.type);
    expect(history).toContain('human_requested');
  });

  it('on a ticket whose contact promise was kept: the request is raised, no new time promised', async () => {
    const lee = h.customer('Lee');
    const { ticket, topicId } = await h.fileTicket(lee);
    const staff = h.staffMember('Quinn');
    await h.presses(staff, STAFF_CHAT, /Take/, /Quinn took/, { topicId });
    await h.says(staff, STAFF_CHAT, 'Hello, checking your fridge now', /checking your fridge/, {
      topicId,
      answerIn: lee.id,
    });
    await h.says(staff, STAFF_CHAT, '/release', /Quinn released/, { topicId });
    // Written after the release: not the customer's, and Quinn is told so — once.
    const toLee = h.double.botMessages(lee.id).length;
    await h.says(
      staff,
      STAFF_CHAT,
      'one more question about the fridge',
      /Not sent to the customer/,
      {
        topicId,
      },
    );
    h.double.send(staff, STAFF_CHAT, { text: 'and another' }, { topicId });
    await settle();
    const notices = h.double
      .botMessages(STAFF_CHAT, topicId)
      .filter((m) => /Not sent to the customer/.test(m.text ?? ''));
    expect(notices).toHaveLength(1);
    expect(h.double.botMessages(lee.id).slice(toLee)).toEqual([]);
    const told = await h.says(lee, lee.id, '/human', /asked our service team/);
    expect(told.text).toMatch(
      new RegExp(
        `^🙋 I have asked our service team \\(ticket ${ticket.number}\\) to answer you here\\.`,
      ),
    );
    expect(told.text).not.toMatch(/within|by \d/);
    await h.runJobs();
    await h.waitForBot(STAFF_CHAT, /the customer asks for a person/, { topicId });
  });

  it('a customer who cancels a held ticket: the topic hears it and the bot has the chat again', async () => {
    const ola = h.customer('Ola');
    const { ticket, topicId } = await h.fileTicket(ola);
    const staff = h.staffMember('Pia');
    await h.presses(staff, STAFF_CHAT, /Take/, /Pia took/, { topicId });
    await h.says(ola, ola.id, '/cancel', /Which ticket should I cancel/);
    // The ticket's button asks again (in place or anew), then Yes cancels it.
    const choose = h.double.botMessages(ola.id).at(-1);
    h.double.press(ola, ola.id, choose?.message_id as number, new RegExp(ticket.number));
    const confirm = await h.double.waitFor(
      () =>
        h.double
          .botMessages(ola.id)
          .find((m) => /Cancel ticket/.test(m.text ?? '') && m.reply_markup?.inline_keyboard),
      'the confirmation',
    );
    h.double.press(ola, ola.id, confirm.message_id, /^Yes$/);
    await h.waitForBot(STAFF_CHAT, /The customer cancelled .* themselves/, { topicId });
    expect((await h.repos.jobs.findByKey(`contact-alert:${ticket.id}:breach`))?.state).toBe(
      'cancelled',
    );
    await h.says(ola, ola.id, 'my fridge is too cold, the vegetables freeze', /Step 1 of/);
  });

  it('from a guided step: the step stays with its buttons', async () => {
    const lin = h.customer('Lin');
    await h.says(lin, lin.id, 'my fridge is too cold, the vegetables freeze', /Step 1 of/);
    // A guided step's answer replaces the pressed message in place.
    const step = h.double.botMessages(lin.id).at(-1);
    h.double.press(lin, lin.id, step?.message_id as number, /Talk to a person/);
    const answer = await h.double.waitFor(() => {
      const now = h.double.message(lin.id, step?.message_id as number);
      return /within 30 minutes/.test(now.text ?? '') && now;
    }, 'the answer in place of the step');
    expect(answer.text).toMatch(/Step 1 of/);
    expect(answer.reply_markup?.inline_keyboard?.flat().map((b) => b.text)).toContain('✅ Fixed');
  });

  it('outside service hours: the answer is promised after opening time', async () => {
    advanceTo(19);
    const mo = h.customer('Mo');
    const told = await h.says(mo, mo.id, '/human', /back at/);
    expect(told.text).toMatch(
      /They work 08:00–18:00 and are back at \d{4}-\d{2}-\d{2} 08:00: a person will answer you here by \d{4}-\d{2}-\d{2} 08:30/,
    );
    const number = /FL-\d{6}-\d{4}/.exec(told.text ?? '')?.[0] as string;
    const ticket = await h.repos.tickets.getByNumber(number);
    // The contact promise is the one the customer heard: 08:30 the next morning, Shanghai time.
    const due = toZonedTime(ticket?.contactDueAt as Date, 'Asia/Shanghai');
    expect(due.minute).toBe(8 * 60 + 30);
    await h.runJobs();
    const warning = await h.repos.jobs.findByKey(`contact-alert:${ticket?.id}:warning`);
    expect(warning?.dueAt).toEqual(new Date((ticket?.contactDueAt?.getTime() ?? 0) - 6 * 60_000));
  });
});

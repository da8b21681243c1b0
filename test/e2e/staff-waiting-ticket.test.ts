import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_CHAT, StaffHarness } from '../support/staff-harness.ts';

/**
 * A customer whose repair ticket waits for staff (filed, nobody has taken it) and who writes a
 * problem again (review10 H2): asked "about FL-… or a new problem?" first; about the ticket, the
 * words stay with it (its topic has them, as any message while it waits); a new problem is triaged
 * as any report; a hazard is never asked about.
 */
describe('a problem told while a ticket waits for staff', () => {
  const h = new StaffHarness();
  beforeAll(() => h.start(), 90_000);
  afterAll(() => h.stop(), 30_000);

  it('asks which, adds the words to the waiting ticket or triages a new problem, and puts a hazard first', async () => {
    h.advanceTo(10);
    const mei = h.customer('Mei');
    const { ticket, topicId } = await h.fileTicket(mei);
    const { number } = ticket;

    // Words about the fridge: asked first, with both buttons, naming the ticket and its fault.
    const asked = await h.says(mei, mei.id, "I'm home all day tomorrow", /or a new problem\?/);
    expect(asked.text).toContain(`Is this about your ticket ${number} (refrigerator: "`);
    expect(asked.reply_markup?.inline_keyboard?.flat().map((b) => b.text)).toEqual([
      `📎 About ${number}`,
      '🆕 A new problem',
    ]);
    // The message reached the ticket's topic as it came (the ticket waits for a person).
    await h.waitForBot(STAFF_CHAT, /^I'm home all day tomorrow$/, { topicId });
    const added = await h.presses(mei, mei.id, /About FL-/, /Added to your ticket/);
    expect(added.text).toBe(`Added to your ticket ${number}: our service team sees it there.`);
    expect(await h.repos.tickets.listByCustomer(ticket.customerId)).toHaveLength(1);
    // Staff in the topic hear which: the words above are about this ticket.
    await h.waitForBot(
      STAFF_CHAT,
      new RegExp(`^📎 The customer says "I'm home all day tomorrow" is about ${number}\\.$`),
      { topicId },
    );

    // Asked once (review11 H2b): more words go with the ticket unasked, and staff hear nothing new.
    const again = await h.says(mei, mei.id, 'the fridge is still not cold', /Added to your ticket/);
    expect(again.text).toBe(`Added to your ticket ${number}: our service team sees it there.`);
    // Not merged for good: the reply offers to call those words a new problem.
    expect(again.reply_markup?.inline_keyboard?.flat().map((b) => b.text)).toEqual([
      "🆕 No, that's a new problem",
    ]);
    await h.waitForBot(STAFF_CHAT, /^the fridge is still not cold$/, { topicId });
    // Another symptom is not added silently: asked again, as 制冰机也有噪音 is in Chinese (review12
    // M2), and a new problem is triaged, staff told.
    await h.says(mei, mei.id, 'the ice maker is noisy too', /or a new problem\?/);
    await h.presses(mei, mei.id, /About FL-/, /Added to your ticket/);
    await h.says(mei, mei.id, 'now the vegetables freeze in the fridge', /or a new problem\?/);
    const leak = await h.presses(mei, mei.id, /A new problem/, /./);
    expect(leak.text).not.toMatch(/Added to your ticket/);
    await h.waitForBot(
      STAFF_CHAT,
      new RegExp(
        `^ℹ️ The customer says "now the vegetables freeze in the fridge" is a new problem, not about ${number}`,
      ),
      { topicId },
    );

    // A new problem: triaged as any report.
    const ron = h.customer('Ron');
    const { ticket: ronTicket, topicId: ronTopic } = await h.fileTicket(ron);
    await h.says(
      ron,
      ron.id,
      'the fridge is too cold, the vegetables freeze',
      /or a new problem\?/,
    );
    await h.presses(ron, ron.id, /A new problem/, /Step 1 of/);
    await h.waitForBot(
      STAFF_CHAT,
      new RegExp(
        `^ℹ️ The customer says "the fridge is too cold, the vegetables freeze" is a new problem, not about ${ronTicket.number}`,
      ),
      { topicId: ronTopic },
    );

    // Words added unasked, then called a new problem with the reply's button: triaged, staff told.
    const ada = h.customer('Ada');
    const { ticket: adaTicket, topicId: adaTopic } = await h.fileTicket(ada);
    await h.says(ada, ada.id, "I'm home all day tomorrow", /or a new problem\?/);
    await h.presses(ada, ada.id, /About FL-/, /Added to your ticket/);
    await h.says(ada, ada.id, 'also the light inside is off', /Added to your ticket/);
    const light = await h.presses(ada, ada.id, /that's a new problem/, /./);
    expect(light.text).not.toMatch(/Added to your ticket|no longer|expired/i);
    await h.waitForBot(
      STAFF_CHAT,
      new RegExp(
        `^ℹ️ The customer says "also the light inside is off" is a new problem, not about ${adaTicket.number}`,
      ),
      { topicId: adaTopic },
    );

    // Another product named outright is no question: triaged at once.
    const kim = h.customer('Kim');
    await h.fileTicket(kim);
    const tv = await h.says(kim, kim.id, 'my TV has no picture, only sound', /./);
    expect(tv.text).not.toMatch(/or a new problem\?/);

    // "No, not new" is about the ticket (review11 H2a); a warranty question is answered, not asked
    // about (H2c).
    const lee = h.customer('Lee');
    const filed = await h.fileTicket(lee);
    await h.says(lee, lee.id, 'the door seal leaks a bit too', /or a new problem\?/);
    const notNew = await h.says(lee, lee.id, 'no, not new', /Added to your ticket/);
    expect(notNew.text).toBe(
      `Added to your ticket ${filed.ticket.number}: our service team sees it there.`,
    );
    const warranty = await h.says(lee, lee.id, 'is it still under warranty?', /./);
    expect(warranty.text).not.toMatch(/or a new problem\?/);
    expect(warranty.text).toMatch(/^(?:Which product is it\?|When did you buy your)/);

    // Danger first, never behind the question: the safety steps and an urgent ticket.
    const mai = h.customer('Mai');
    await h.fileTicket(mai);
    const hazard = await h.says(
      mai,
      mai.id,
      'the fridge is smoking and smells of burning',
      /Stop using|unplug|Unplug/,
    );
    expect(hazard.text).not.toMatch(/or a new problem\?/);
    await h.waitForBot(mai.id, /urgent/i);
  });

  it('an older "that\'s a new problem" button or an older question\'s button is stale: it never acts on later words (review12 M1)', async () => {
    h.advanceTo(10, 30);
    const tom = h.customer('Tom');
    const { ticket, topicId } = await h.fileTicket(tom);
    /** Presses "that's a new problem" under `message` (not necessarily the latest reply). */
    const pressOn = (message: { message_id: number }) => {
      const after = h.double.botMessages(tom.id).length;
      h.double.press(tom, tom.id, message.message_id, /that's a new problem/);
      return h.waitForBot(tom.id, /./, { after });
    };
    const stale = /^That button is no longer active\./;
    const another = 'now the vegetables freeze in the fridge';
    await h.says(tom, tom.id, "I'm home all day tomorrow", /or a new problem\?/);
    await h.presses(tom, tom.id, /About FL-/, /Added to your ticket/);
    const first = await h.says(tom, tom.id, 'it is getting worse', /Added to your ticket/);
    // Another symptom asked about, "about it" again, then more words added unasked: the first
    // reply's button still names "it is getting worse" only.
    await h.says(tom, tom.id, another, /or a new problem\?/);
    await h.presses(tom, tom.id, /About FL-/, /Added to your ticket/);
    const second = await h.says(tom, tom.id, 'please call me after 5pm', /Added to your ticket/);
    expect((await pressOn(first)).text).toMatch(stale);
    // The question open for other words: an earlier reply's button does not triage them.
    await h.says(tom, tom.id, another, /or a new problem\?/);
    const atQuestion = await pressOn(second);
    expect(atQuestion.text).toMatch(
      /^That button is no longer active\.\n\nIs this about your ticket/,
    );
    await h.presses(tom, tom.id, /About FL-/, /Added to your ticket/);
    // An older question's buttons (answered in words) do not answer a later question.
    await h.says(tom, tom.id, 'the ice maker is noisy too', /or a new problem\?/);
    const typed = await h.says(tom, tom.id, 'the same one', /Added to your ticket/);
    expect(typed.text).toMatch(/Added to your ticket/);
    const laterQuestion = await h.says(tom, tom.id, another, /or a new problem\?/);
    const olderQuestion = h.double
      .botMessages(tom.id)
      .filter(
        (m) => m.message_id < laterQuestion.message_id && /or a new problem\?/.test(m.text ?? ''),
      )
      .at(-1);
    if (!olderQuestion) throw new Error('no older question');
    const afterOlder = h.double.botMessages(tom.id).length;
    h.double.press(tom, tom.id, olderQuestion.message_id, /About FL-/);
    const refused = await h.waitForBot(tom.id, /./, { after: afterOlder });
    expect(refused.text).toMatch(/^That button is no longer active\.\n\nIs this about your ticket/);
    await h.presses(tom, tom.id, /About FL-/, /Added to your ticket/);
    // A button from before this change (`wt:new:N`, numbers that restarted) is out of date.
    const third = await h.says(tom, tom.id, "I'm out on Friday", /Added to your ticket/);
    const oldButton = h.double.message(tom.id, third.message_id).reply_markup
      ?.inline_keyboard?.[0]?.[0];
    if (!oldButton) throw new Error('no button on the reply');
    oldButton.callback_data = 'wt:new:1';
    expect((await pressOn(third)).text).toMatch(stale);
    // The latest reply's own button still works: those words are a new problem, staff told.
    const latest = await h.says(tom, tom.id, 'please ring twice', /Added to your ticket/);
    expect((await pressOn(latest)).text).not.toMatch(/Added to your ticket|no longer active/);
    await h.waitForBot(
      STAFF_CHAT,
      new RegExp(
        `^ℹ️ The customer says "please ring twice" is a new problem, not about ${ticket.number}`,
      ),
      { topicId },
    );
    const told = h.double
      .botMessages(STAFF_CHAT, topicId)
      .filter((m) => m.text?.startsWith('ℹ️'))
      .map((m) => m.text);
    expect(told).toHaveLength(1);
  });

  it('in Chinese: typed answers work ("同一个", "新问题"), and the question is in the customer\'s script', async () => {
    h.advanceTo(11);
    const wang = h.customer('Wang', 'zh-hans');
    const { ticket } = await h.fileTicket(wang);
    const asked = await h.says(wang, wang.id, '冰箱还是不制冷', /还是一个新问题/);
    expect(asked.text).toContain(`这是关于您的工单${ticket.number}（冰箱`);
    const added = await h.says(wang, wang.id, '同一个', /已添加到您的工单/);
    expect(added.text).toBe(`已添加到您的工单${ticket.number}：服务团队在工单里能看到。`);
    // Asked once: more words go with the ticket, unless they tell another symptom.
    await h.says(wang, wang.id, '我明天全天在家', /已添加到您的工单/);
    await h.says(wang, wang.id, '制冰机也有噪音', /还是一个新问题/);
    await h.says(wang, wang.id, '是同一个', /已添加到您的工单/);
    const li = h.customer('Li', 'zh-hans');
    await h.fileTicket(li);
    await h.says(li, li.id, '冰箱太冷了，蔬菜都冻住了', /还是一个新问题/);
    const triaged = await h.says(li, li.id, '新问题', /第1步/);
    expect(triaged.text).not.toMatch(/已添加/);

    const chan = h.customer('Chan', 'zh-hk');
    await h.fileTicket(chan);
    const traditional = await h.says(
      chan,
      chan.id,
      '雪櫃仲係唔凍',
      /定係一個新問題|還是一個新問題/,
    );
    expect(traditional.text).toMatch(/這是關於您的/);
  });
});

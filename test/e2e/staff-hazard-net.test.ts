import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_CHAT, StaffHarness } from '../support/staff-harness.ts';

/**
 * The hazard net runs on every message (design.md), also where the conversation does not read it:
 * a chat a person holds, and the comment window after a rating. Through the Bot API double with
 * the real bot: the customer gets the safety text, staff the urgent alert in the ticket's topic
 * (and General), and the message is still copied to the topic; a hazard is never taken as a
 * rating's comment.
 */
describe('the hazard net in a chat staff hold and in the comment window after a rating', () => {
  const h = new StaffHarness();
  beforeAll(() => h.start(), 90_000);
  afterAll(() => h.stop(), 30_000);

  const scripts = [
    {
      language: 'en',
      words: "it's smoking again",
      gasSafe: /Do not touch any electrical switch, plug or light/,
      intake: /Which phone number/,
    },
    {
      language: 'zh-hans',
      words: '又冒烟了',
      gasSafe: /不要开关任何电器开关、插头或电灯/,
      intake: /哪个电话/,
    },
    {
      language: 'zh-hk',
      words: '有陣燒焦味',
      gasSafe: /不要開關任何電器開關、插頭或電燈/,
      intake: /哪個電話/,
    },
  ];

  /** A ticket whose chat Cara holds. */
  async function heldTicket(language: string) {
    const cara = h.staffMember('Cara');
    const customer = h.customer('Wu', language);
    const { ticket, topicId } = await h.fileTicket(customer);
    await h.says(cara, STAFF_CHAT, '/take', /took/, { topicId });
    await h.double.waitFor(
      async () => (await h.frontline.staff.customers.holdOf(customer.id)) !== undefined,
      'the chat held',
    );
    return { cara, customer, ticket, topicId };
  }

  for (const script of scripts) {
    it(`a held chat (${script.language}): "${script.words}" gets the gas-safe safety text, the topic and General the urgent alert, and the copy`, async () => {
      const { customer, ticket, topicId } = await heldTicket(script.language);
      const generalBefore = h.double.botMessages(STAFF_CHAT, 0).length;
      const copy = await h.says(
        customer,
        customer.id,
        script.words,
        new RegExp(`^${script.words}$`),
        {
          answerIn: STAFF_CHAT,
          answerTopic: topicId,
        },
      );
      expect(copy.copiedFrom?.chatId).toBe(customer.id);
      const safety = await h.waitForBot(customer.id, script.gasSafe);
      // The words name no product: the generic text, never a guessed appliance's steps.
      expect(safety.text).not.toMatch(/unplug/i);
      const alert = await h.waitForBot(STAFF_CHAT, new RegExp(`🚨 ${ticket.number}`), {
        topicId,
      });
      expect(alert.text).toMatch(/reads as a hazard/);
      // In the topic the alert is right above the copy it calls "below".
      expect(alert.text).toMatch(/message below/);
      expect(alert.message_id).toBeLessThan(copy.message_id);
      // General hears it too (the staff chat's first topic), where everyone looks. The message is
      // not there: the alert says it is in the ticket's topic, links it, and says no "below".
      const general = await h.waitForBot(
        STAFF_CHAT,
        new RegExp(`🚨 ${ticket.number}: .*reads as a hazard`),
        { topicId: 0, after: generalBefore },
      );
      expect(general.text).not.toMatch(/below/);
      expect(general.text).toMatch(/in the ticket's topic/);
      expect(general.text).toMatch(new RegExp(`https://t\\.me/c/\\d+/${topicId}$`));
      expect(
        h.double
          .botMessages(STAFF_CHAT, 0)
          .slice(generalBefore)
          .some((m) => m.text === copy.text),
      ).toBe(false);
      // Still held: the bot says nothing else (no intake question in a chat a person has).
      expect(h.double.botMessages(customer.id).some((m) => script.intake.test(m.text ?? ''))).toBe(
        false,
      );
    });
  }

  /** Sums a counter's values whose labels include `labels` (all of them without). */
  async function total(
    counter: { get(): Promise<{ values: { value: number; labels: object }[] }> },
    labels: Record<string, string> = {},
  ): Promise<number> {
    const { values } = await counter.get();
    return values
      .filter((v) =>
        Object.entries(labels).every(
          ([k, w]) => String((v.labels as Record<string, unknown>)[k]) === w,
        ),
      )
      .reduce((sum, v) => sum + v.value, 0);
  }

  it("/metrics: the net on a held chat is counted apart (where, outcome), never as the conversation's triage", async () => {
    const { metrics } = h.app.deps;
    const { customer, topicId } = await heldTicket('en');
    const decisions = await total(metrics.triage);
    const fired = await total(metrics.staffHazardChecks, { where: 'held_chat', outcome: 'hazard' });
    const clear = await total(metrics.staffHazardChecks, { where: 'held_chat', outcome: 'clear' });
    await h.says(customer, customer.id, 'it is smoking again', /^it is smoking again$/, {
      answerIn: STAFF_CHAT,
      answerTopic: topicId,
    });
    await h.says(customer, customer.id, 'when does the engineer come?', /^when does the engineer/, {
      answerIn: STAFF_CHAT,
      answerTopic: topicId,
    });
    expect(await total(metrics.staffHazardChecks, { where: 'held_chat', outcome: 'hazard' })).toBe(
      fired + 1,
    );
    expect(await total(metrics.staffHazardChecks, { where: 'held_chat', outcome: 'clear' })).toBe(
      clear + 1,
    );
    // The conversation took no turn in the held chat: its triage count is unchanged.
    expect(await total(metrics.triage)).toBe(decisions);
  });

  for (const script of scripts) {
    it(`the comment window after a rating (${script.language}): "${script.words}" is no comment — the safety text and the urgent intake, the alert and the copy in the rated ticket's topic`, async () => {
      const { cara, customer, ticket, topicId } = await heldTicket(script.language);
      await h.says(cara, STAFF_CHAT, '/close repaired', /closed/, { topicId });
      await h.double.waitFor(
        () =>
          h.double
            .botMessages(customer.id)
            .some((m) => m.reply_markup?.inline_keyboard?.flat().some((b) => b.text === '4 ⭐')),
        'the rating request',
      );
      h.double.press(
        customer,
        customer.id,
        h.double
          .botMessages(customer.id)
          .findLast((m) => m.reply_markup?.inline_keyboard?.flat().some((b) => b.text === '4 ⭐'))
          ?.message_id as number,
        /^4 ⭐$/,
      );
      await h.double.waitFor(
        async () => (await h.repos.ratings.get(ticket.id))?.score === 4,
        'the rating stored',
      );
      h.double.send(customer, customer.id, { text: script.words });
      await h.waitForBot(customer.id, script.gasSafe);
      // The conversation answers it as the hazard report it is: the urgent intake follows.
      await h.waitForBot(customer.id, script.intake);
      await h.waitForBot(STAFF_CHAT, new RegExp(`🚨 ${ticket.number}`), { topicId });
      await h.waitForBot(STAFF_CHAT, new RegExp(`^${script.words}$`), { topicId });
      expect((await h.repos.ratings.get(ticket.id))?.comment ?? null).toBeNull();
      // The net's read is counted apart; the conversation's answer to it is its own triage.
      expect(
        await total(h.app.deps.metrics.staffHazardChecks, {
          where: 'rating_comment',
          outcome: 'hazard',
        }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        await total(h.app.deps.metrics.triage, { step: 'hazard', label: 'hazard' }),
      ).toBeGreaterThanOrEqual(1);
      // Not thanked as a comment.
      expect(
        h.double
          .botMessages(customer.id)
          .some((m) => /comment has been passed on|评价已转达|評價已轉達/.test(m.text ?? '')),
      ).toBe(false);
    });
  }
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eCustomer, E2eHarness } from '../support/e2e.ts';

describe('end to end through the Bot API emulator: a fault becomes a ticket', () => {
  const harness = new E2eHarness();
  beforeAll(() => harness.start(), 60_000);
  afterAll(() => harness.stop());

  it('takes an English fault through the intake to a ticket with the warranty answer', async () => {
    const customer = harness.client(5001, 'en');
    const greeting = await customer.say('/start', /after-sales assistant/);
    expect(greeting[0]?.buttons.map((b) => b.text)).toContain('Refrigerator');

    const filed = await fileWasherFault(customer);
    // The ticket is a message of its own, worth keeping; the summary stays above it.
    expect(filed).toHaveLength(1);
    const text = filed.at(-1)?.text ?? '';
    // This emulator has no staff chat (no STAFF_CHAT_ID): nobody is told, so no contact time is
    // promised, only the number to quote (staff-chat-promises.test.ts has both configurations).
    expect(text).toMatch(/Please keep this number and quote it when you contact us\./);
    expect(text).not.toMatch(/contact you within/);
    expect(text).toMatch(/Preliminary warranty answer/);
    expect(text).toMatch(/Covered by the warranty: free of charge/);
    expect(text).toMatch(/engineer's inspection decides/);

    const status = await customer.say('/status', /Your tickets/);
    expect(status.at(-1)?.text).toMatch(/FL-\d{6}-\d{4} · washing machine · waiting for our team/);
    // Asked in words while waiting: the same list, not a new report about the washer.
    const asked = await customer.say('when will the engineer come?', /Your tickets/);
    expect(asked.at(-1)?.text).toMatch(/FL-\d{6}-\d{4} · washing machine · waiting for our team/);
    expect(asked).toHaveLength(1);
    // The staff side's job ran and scheduled the contact-promise alerts (the staff forum itself,
    // which this emulator cannot model, is driven in staff-forum.test.ts).
    await harness.worker.runDue();
    const number = /FL-\d{6}-\d{4}/.exec(text)?.[0] ?? '';
    const ticket = await harness.app.deps.repos.tickets.getByNumber(number);
    const alert = await harness.app.deps.repos.jobs.findByKey(`contact-alert:${ticket?.id}:breach`);
    expect(alert?.dueAt).toEqual(new Date((ticket?.createdAt.getTime() ?? 0) + 30 * 60_000));
  });

  it('counts the contact promise of a ticket filed at night from opening (no staff chat: no time is told)', async () => {
    // 10:00 + 13 h: 23:00 in Shanghai, after the service team's 08:00–18:00.
    harness.clock.advance(13 * 3_600_000);
    const customer = harness.client(5002, 'en');
    const filed = await fileWasherFault(customer);
    const text = filed.at(-1)?.text ?? '';
    expect(text).not.toMatch(/contact you within/);
    expect(text).toMatch(/Please keep this number and quote it when you contact us\./);
    const number = /FL-\d{6}-\d{4}/.exec(text)?.[0] ?? '';
    const ticket = await harness.app.deps.repos.tickets.getByNumber(number);
    // The deadline the customer heard is the ticket's: 08:30 Shanghai, 00:30 UTC.
    expect(ticket?.contactDueAt).toEqual(new Date('2026-03-11T00:30:00Z'));
    await harness.worker.runDue();
    const alertAt = async (stage: string) =>
      (await harness.app.deps.repos.jobs.findByKey(`contact-alert:${ticket?.id}:${stage}`))?.dueAt;
    expect(await alertAt('warning')).toEqual(new Date('2026-03-11T00:24:00Z'));
    expect(await alertAt('breach')).toEqual(new Date('2026-03-11T00:30:00Z'));
  });

  /** A washing-machine fault through the whole intake to the filed ticket's message. */
  async function fileWasherFault(customer: E2eCustomer) {
    const intake = await customer.say(
      'The washing machine shows error E21 and the drum does not turn at all, already restarted it twice',
      /What name should the engineer ask for/,
    );
    // One message per turn: the verdict, the intake's introduction and the first question.
    expect(intake).toHaveLength(1);
    expect(intake[0]?.text).toMatch(
      /^This sounds like it needs an engineer\.\n\nI'll prepare a service ticket\..*\n\nWhat name/s,
    );

    await customer.say('Alice Wong', /Which phone number/);
    await customer.shareContact('85291234567', /model number/);
    await customer.say('XQG100-B12866', /When did you buy it/);
    await customer.say('2025-11-10', /Where should the engineer come/);
    await customer.say('Flat 5B, 12 Nathan Road, Tsim Sha Tsui, Kowloon', /When suits you/);
    await customer.say('tomorrow afternoon', /receipt or invoice/);
    const review = await customer.press(/Skip/, /check your service ticket/);
    const summary = review.at(-1)?.text ?? '';
    expect(summary).toContain('Alice Wong');
    expect(summary).toContain('+85291234567');
    expect(summary).toContain('XQG100-B12866');
    expect(summary).toContain('2025-11-10');

    return customer.press(/Confirm/, /Your ticket FL-\d{6}-\d{4} is filed/);
  }
});

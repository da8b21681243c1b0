import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_CHAT, StaffHarness } from '../support/staff-harness.ts';

const numberOf = (text: string | undefined) => /FL-\d{6}-\d{4}/.exec(text ?? '')?.[0] as string;

/**
 * /release in the middle of an intake (review10 L1): the customer is back with the bot, and the
 * question it waits on is asked again in the same message, with its buttons, so they know what to
 * answer; with nothing pending, only the notice.
 */
describe('staff hand the chat back while a question is pending', () => {
  const h = new StaffHarness();
  beforeAll(() => h.start(), 90_000);
  afterAll(() => h.stop(), 30_000);

  it('asks the pending intake question again after /release, and the intake goes on from there', async () => {
    h.advanceTo(10);
    const anna = h.staffMember('Anna');
    const li = h.customer('Li');
    await h.says(
      li,
      li.id,
      'The washing machine shows error E21 and the drum does not turn at all, already restarted it twice',
      /What name should the engineer ask for/,
    );
    await h.says(li, li.id, 'Li Na', /Which phone number/);
    await h.says(li, li.id, '+86 138 0013 8000', /model number/);
    const asked = await h.says(li, li.id, '/human', /a person will answer you here/);
    const ticket = await h.repos.tickets.getByNumber(numberOf(asked.text));
    await h.runJobs();
    const topicId = (await h.repos.tickets.topicOf(ticket?.id ?? ''))?.topicId as number;
    await h.presses(anna, STAFF_CHAT, /Take/, /took/, { topicId });
    await h.waitForBot(li.id, /from our service team is with you now/);

    const back = await h.says(anna, STAFF_CHAT, '/release', /back with the assistant/, {
      topicId,
      answerIn: li.id,
    });
    expect(back.text).toMatch(
      /^You are back with the assistant\. Let's go on where we left off:\n\nWhat is the model number\?/,
    );
    expect(back.text).toContain('A photo of the nameplate works too.');
    // The customer answers it, and the intake goes on.
    await h.says(li, li.id, 'XQG100-B12866', /When did you buy it/);
  });

  it('with nothing pending (idle), only the notice (zh-Hans)', async () => {
    h.advanceTo(11);
    const bo = h.staffMember('Bo');
    const wang = h.customer('Wang', 'zh-hans');
    const { topicId } = await h.fileTicket(wang);
    await h.presses(bo, STAFF_CHAT, /Take/, /took/, { topicId });
    const back = await h.says(bo, STAFF_CHAT, '/release', /您已回到智能助手/, {
      topicId,
      answerIn: wang.id,
    });
    expect(back.text).toBe('您已回到智能助手。如有需要，随时留言。');
  });
});

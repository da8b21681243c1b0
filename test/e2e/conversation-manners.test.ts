import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eHarness } from '../support/e2e.ts';

const WASHER =
  'The washing machine shows error E21 and the drum does not turn, I restarted it twice';

describe('end to end through the Bot API emulator: greetings, typed answers, commands mid-intake', () => {
  const harness = new E2eHarness();
  beforeAll(() => harness.start(), 60_000);
  afterAll(() => harness.stop());

  it('answers "hi" and "你好" with a prompt for the problem and the product buttons; the report that follows is guided, not escalated', async () => {
    const customer = harness.client(7101, 'en');
    // Replies follow the script the customer writes in.
    for (const [hello, prompt, product] of [
      ['hi', /^Hello! Tell me in a sentence what is wrong/, 'Refrigerator'],
      ['你好', /^您好！请用一句话告诉我电器出了什么问题/, '冰箱'],
    ] as const) {
      const reply = await customer.say(hello, prompt);
      expect(reply).toHaveLength(1);
      expect(reply[0]?.buttons.map((b) => b.text)).toContain(product);
    }
    const guided = await customer.say('my fridge is too cold, the vegetables freeze', /Step 1 of/);
    expect(guided.at(-1)?.text).not.toMatch(/prepare a service ticket/);
  });

  it('keeps the thread through /help and /start, reads typed answers, and files the call-time note', async () => {
    const customer = harness.client(7102, 'en');
    await customer.say(WASHER, /What name should the engineer ask for/);
    // /help answers, then the pending question once.
    const help = await customer.say('/help', /What name should the engineer ask for/);
    const helpText = help.map((m) => m.text).join('\n');
    expect(helpText).toMatch(/Write what is wrong in your own words/);
    expect(helpText.match(/What name should the engineer ask for/g)).toHaveLength(1);
    // /start asks before discarding the draft; "No" keeps it.
    await customer.say('/start', /Start over\? The ticket I'm preparing/);
    const kept = await customer.press(/^No$/, /What name should the engineer ask for/);
    expect(kept.at(-1)?.text).toMatch(/nothing changed/);

    await customer.say('Alice Wong', /Which phone number/);
    await customer.say('我的电话是13812345678，下午打', /model number/);
    await customer.say("I don't know", /photo of it helps the engineer/);
    await customer.say('skip', /When did you buy it/);
    await customer.say('2025-11-10', /Where should the engineer come/);
    await customer.say('Flat 5B, 12 Nathan Road, Tsim Sha Tsui, Kowloon', /When suits you/);
    await customer.say('tomorrow afternoon', /receipt or invoice/);
    const review = await customer.say('no', /check your service ticket/);
    const summary = review.at(-1)?.text ?? '';
    expect(summary).toContain('+8613812345678 (“下午打”)');
    expect(summary).toMatch(/Model: not known \(the engineer will read the nameplate\)/);

    const filed = await customer.say('yes', /Your ticket FL-\d{6}-\d{4} is filed/);
    const number = /FL-\d{6}-\d{4}/.exec(filed.at(-1)?.text ?? '')?.[0] ?? '';
    const ticket = await harness.app.deps.repos.tickets.getByNumber(number);
    expect(ticket?.description).toContain('☎ 下午打');
  });

  it('after two unreadable names offers to keep the answer as written, the question asked once each time', async () => {
    const customer = harness.client(7103, 'en');
    await customer.say(WASHER, /What name should the engineer ask for/);
    const first = await customer.say('12345', /What name should the engineer ask for/);
    expect(first).toHaveLength(1);
    expect(first[0]?.text).toBe(
      "That doesn't look like a name.\n\nWhat name should the engineer ask for?",
    );
    const second = await customer.say('@@ 99', /What name should the engineer ask for/);
    expect(second.at(-1)?.text).toMatch(/pass it on exactly as you wrote it/);
    expect(second.at(-1)?.buttons.map((b) => b.text)).toEqual(['✅ Keep my answer as written']);
    const kept = await customer.press(/Keep my answer/, /Which phone number/);
    expect(kept.at(-1)?.text).toMatch(/Noted as you wrote it/);
  });

  it('reads the check-back answered in words: "yes all good now thanks" closes it, "还是不行" opens the intake', async () => {
    const english = harness.client(7104, 'en');
    await english.say('my fridge is too cold, the vegetables freeze', /Step 1 of/);
    await english.press(/Fixed/, /check back in 2 hours/);
    const chinese = harness.client(7105, 'zh-hans');
    await chinese.say('冰箱冷藏室太冷了，菜都冻住了', /第1步/);
    await chinese.press(/已解决/, /回访/);

    harness.clock.advance(2 * 3_600_000);
    await harness.worker.runDue();
    await english.waitFor(/Is it still working\?/);
    await chinese.waitFor(/现在还正常吗/);

    await english.say('yes all good now thanks', /closed this as solved/);
    const intake = await chinese.say('还是不行', /怎么称呼您/);
    expect(intake.map((m) => m.text).join('\n')).toMatch(/安排工程师/);
    // The answers are recorded as the buttons would record them; a button pressed later is too late.
    await english.press(/Broken again/, /check-back has closed/);
    const answered = await harness.app.database.db.execute(
      sql`select outcome from guidance_cases where chat_id in (7104, 7105) order by chat_id`,
    );
    expect((answered as unknown as { rows: { outcome: string }[] }).rows).toEqual([
      { outcome: 'working' },
      { outcome: 'still_broken' },
    ]);
  });
});

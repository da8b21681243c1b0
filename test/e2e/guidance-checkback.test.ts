import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eHarness } from '../support/e2e.ts';

const TWO_HOURS = 2 * 3_600_000;

describe('end to end through the Bot API emulator: guidance and the 2-hour check-back', () => {
  const harness = new E2eHarness();
  beforeAll(() => harness.start(), 60_000);
  afterAll(() => harness.stop());

  it('guides a misuse step by step, checks back 2 hours later, and closes it as working', async () => {
    const customer = harness.client(6001, 'en');
    const steps = await customer.say(
      'my fridge is too cold, the vegetables freeze',
      /Step 1 of \d/,
    );
    // The introduction and the first step are one message.
    expect(steps).toHaveLength(1);
    expect(steps[0]?.text).toMatch(
      /^That sounds like ".+", which often has a simple cause\. .+\n\nStep 1 of \d/s,
    );
    expect(steps.at(-1)?.buttons.map((b) => b.text)).toEqual([
      '✅ Fixed',
      '❌ Still not working',
      '🔁 Repeat step',
      '⏭ Skip step',
      '👤 Talk to a person',
    ]);
    // Each step replaces the one before in place: no new message.
    const stepMessage = steps[0]?.messageId;
    const count = harness.botMessages(6001).length;
    await customer.press(/Still not working/, /Step 2 of/);
    const fixed = await customer.press(/Fixed/, /check back in 2 hours/);
    expect(fixed.at(-1)?.text).toMatch(/Glad it works again/);
    expect(fixed.at(-1)?.messageId).toBe(stepMessage);
    expect(harness.botMessages(6001)).toHaveLength(count);

    expect((await harness.worker.runDue()).done).toBe(0);
    harness.clock.advance(TWO_HOURS);
    expect((await harness.worker.runDue()).done).toBeGreaterThanOrEqual(1);
    const question = await customer.waitFor(/Is it still working\?/);
    expect(question.at(-1)?.buttons.map((b) => b.text)).toEqual([
      '✅ Working fine',
      '❌ Broken again',
    ]);
    const closed = await customer.press(/Working fine/, /closed this as solved/);
    // The answer replaces the question.
    expect(closed).toHaveLength(1);
    expect(closed[0]?.messageId).toBe(question.at(-1)?.messageId);
    await customer.press(/Broken again/, /check-back has closed/);
  });

  it('re-opens a case that broke again: intake with what is known, then a ticket', async () => {
    const customer = harness.client(6002, 'zh-hans');
    await customer.say('冰箱冷藏室太冷了，菜都冻住了', /第1步/);
    await customer.press(/已解决/, /回访/);
    harness.clock.advance(TWO_HOURS);
    await harness.worker.runDue();
    await customer.waitFor(/现在还正常吗/);
    const intake = await customer.press(/又坏了/, /怎么称呼您/);
    expect(intake.map((m) => m.text).join('\n')).toMatch(/安排工程师/);
    await customer.say('李雷', /哪个电话/);
    await customer.say('138 1234 5678', /产品型号/);
    await customer.say('BCD-470WDPG', /什么时候买的/);
    await customer.say('三个月前', /上门的地址/);
    await customer.say('广州市天河区体育西路100号3栋1201', /什么时间上门/);
    await customer.press(/\d{2}:\d{2}–\d{2}:\d{2}/, /发票/);
    const review = await customer.press(/跳过/, /请核对/);
    expect(review.at(-1)?.text).toContain('冰箱冷藏室太冷了，菜都冻住了');
    const filed = await customer.press(/确认提交/, /您的工单FL-\d{6}-\d{4}已提交/);
    expect(filed.at(-1)?.text).toMatch(/在保修范围内：免费/);
  });

  it('checks back on time at night too, but without a sound (and with one by day)', async () => {
    const customer = harness.client(6004, 'en');
    // To 01:30 in the service time zone (Asia/Shanghai, UTC+8): the check-back falls at 03:30.
    const now = harness.clock.now().getTime();
    const day = 86_400_000;
    const target = Math.floor(now / day) * day + 17.5 * 3_600_000;
    harness.clock.advance((target > now ? target : target + day) - now);
    await customer.say('my fridge is too cold, the vegetables freeze', /Step 1 of/);
    await customer.press(/Fixed/, /check back in 2 hours/);
    harness.clock.advance(TWO_HOURS);
    await harness.worker.runDue();
    const night = await customer.waitFor(/Is it still working\?/);
    expect(night.at(-1)?.silent).toBe(true);
    await customer.press(/Working fine/, /closed this as solved/);
    // By day (10:30 → 12:30) the same question rings as usual.
    harness.clock.advance(7 * 3_600_000);
    await customer.say('my fridge is too cold, the vegetables freeze', /Step 1 of/);
    await customer.press(/Fixed/, /check back in 2 hours/);
    harness.clock.advance(TWO_HOURS);
    await harness.worker.runDue();
    const byDay = await customer.waitFor(/Is it still working\?/);
    expect(byDay.at(-1)?.silent).toBe(false);
  });

  it('records a check-back nobody answered as unconfirmed after 24 hours', async () => {
    const customer = harness.client(6003, 'en');
    await customer.say('the tv has no signal on the screen', /Step 1 of/);
    await customer.press(/Fixed/, /check back/);
    harness.clock.advance(TWO_HOURS);
    await harness.worker.runDue();
    await customer.waitFor(/still working/);
    harness.clock.advance(24 * 3_600_000 + 60_000);
    expect((await harness.worker.runDue()).done).toBeGreaterThanOrEqual(1);
    await customer.press(/Working fine/, /check-back has closed/);
  });
});

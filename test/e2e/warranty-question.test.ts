import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eHarness } from '../support/e2e.ts';

/**
 * "Tell you what the warranty covers" (the welcome): a warranty question with no problem in it is
 * answered by the same engine as a ticket's preliminary answer, end to end through the Bot API
 * emulator. Today is 2026-03-10 in the harness.
 */
describe('end to end: a warranty question', () => {
  const harness = new E2eHarness();
  beforeAll(() => harness.start(), 60_000);
  afterAll(() => harness.stop());

  it('asks when it was bought, then gives the preliminary answer and how to go on', async () => {
    const customer = harness.client(7101, 'en');
    await customer.say('what is the warranty on my TV?', /When did you buy your TV\?/i);
    const [answer] = await customer.say('2025-12-01', /Preliminary warranty answer/);
    expect(answer?.text).toMatch(/Covered by the warranty: free of charge/);
    expect(answer?.text).toMatch(/main parts are covered for longer/);
    expect(answer?.text).toMatch(/tell me what happens/);
    // No ticket, no intake: the next message is a new report.
    await customer.say('/status', /no tickets/i);
  });

  it('a vague date over the end of the term is answered only for the days it holds (zh-Hans)', async () => {
    const customer = harness.client(7102, 'zh-hans');
    const [answer] = await customer.say('我的冰箱还在保修期吗？去年春天买的', /整机初步保修答复/);
    // Bought 2025-03-01..05-31: the 12 months end around today, so "free" is said only for a
    // purchase from the day it holds, and an earlier one's answer (charged) follows it.
    expect(answer?.text).toMatch(
      /答复取决于具体的购买日期。若在2025年3月10日当天或之后购买：\n在保修范围内：免费。/,
    );
    expect(answer?.text).toMatch(/若在2025年3月10日之前购买：\n不在保修范围内。/);
  });
});

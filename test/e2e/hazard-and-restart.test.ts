import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eHarness } from '../support/e2e.ts';

describe('end to end through the Bot API emulator: hazards, restarts and odd input', () => {
  const harness = new E2eHarness();
  beforeAll(() => harness.start(), 60_000);
  afterAll(() => harness.stop());

  it('gives safety instructions first, then files an urgent ticket asking only who and where', async () => {
    const customer = harness.client(7001, 'zh-hk');
    const first = await customer.say('熱水爐有煤氣味', /電話/);
    // One message: the safety steps first, one a line, then the first question.
    expect(first).toHaveLength(1);
    const text = first[0]?.text ?? '';
    expect(text).toMatch(/^⚠️ 安全第一.*\n1\. .+\n2\. /);
    expect(text.indexOf('安全第一')).toBeLessThan(text.indexOf('電話'));
    await customer.shareContact('85291234567', /地址/);
    await customer.say('九龍旺角彌敦道600號12樓B室', /稱呼/);
    const review = await customer.say('陳大文', /緊急維修單/);
    expect(review.at(-1)?.text).toContain('+85291234567');
    const filed = await customer.press(/確認提交/, /已標記為緊急/);
    expect(filed.at(-1)?.text).toMatch(/FL-\d{6}-\d{4}/);
    // A hazard ticket is raised with staff at once (the forum is driven in staff-forum.test.ts).
    await harness.worker.runDue();
    const number = /FL-\d{6}-\d{4}/.exec(filed.at(-1)?.text ?? '')?.[0] ?? '';
    const ticket = await harness.app.deps.repos.tickets.getByNumber(number);
    const urgent = await harness.app.deps.repos.jobs.findByKey(
      `contact-alert:${ticket?.id}:urgent`,
    );
    expect(urgent?.state).toBe('done');
  });

  it('resumes the intake where it was after the bot restarts', async () => {
    const customer = harness.client(7002, 'en');
    await customer.say(
      'washing machine makes a loud grinding noise and then stops with error F21, already tried restarting',
      /What name/,
    );
    await customer.say('Bob Li', /phone number/);
    await harness.stopBot();
    await harness.startBot();
    const next = await customer.say('+44 7911 123456', /model number/);
    expect(next.at(-1)?.text).toMatch(/XQG|model/);
  });

  it('answers stickers, voice and edited messages instead of staying silent', async () => {
    const customer = harness.client(7003, 'en');
    const client = harness.server.getClient('123456:AAE2eTestTokenForTheEmulator0000', {
      userId: 7003,
      chatId: 7003,
      type: 'private',
    });
    const sticker = client.makeMessage('', {
      sticker: {
        file_id: 's1',
        file_unique_id: 's1',
        type: 'regular',
        width: 1,
        height: 1,
        is_animated: false,
        is_video: false,
      },
    } as never) as Record<string, unknown>;
    delete sticker.text;
    await client.sendMessage(sticker as never);
    await customer.waitFor(/describe the problem in words/);
    const voice = client.makeMessage('', {
      voice: { file_id: 'v1', file_unique_id: 'v1', duration: 3 },
    } as never) as Record<string, unknown>;
    delete voice.text;
    await client.sendMessage(voice as never);
    await customer.waitFor(/voice messages/);
    const long = await customer.say(`my dishwasher ${'does not drain '.repeat(200)}`, /.+/);
    expect(long[0]?.text).toMatch(/first 2,?000 characters/);
  });
});

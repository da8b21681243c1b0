import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eHarness } from '../support/e2e.ts';
import { triageAnswer } from '../support/llm.ts';
import { FakeModelServer, lastUserMessage, type Reply } from '../support/openai-server.ts';

/**
 * The bot with LLM triage on, through the Bot API emulator, against a local model server that
 * speaks the chat-completions wire format. Each report below is one the embedded engine reads
 * differently (it asks about the salad, it guides the cement mixer), so the bot's path shows the
 * model's reading was used — and that the customer is unaffected when the model goes away.
 */
const UNKNOWN = triageAnswer({ label: 'unknown', category: 'unknown', symptom: 'unknown' });

function model(request: Parameters<Parameters<FakeModelServer['respond']>[0]>[0]): Reply {
  if (request.body.response_format?.json_schema?.name === 'intake')
    return { kind: 'answer', content: { value: null } };
  const text = lastUserMessage(request);
  if (text.includes('salad into ice'))
    return { kind: 'answer', content: triageAnswer({ evidence: 'salad into ice' }) };
  if (text.includes('cement mixer') || text.includes('拖拉机'))
    return {
      kind: 'answer',
      content: triageAnswer({
        label: 'fault',
        category: 'washing_machine',
        symptom: 'washing_machine.drum-not-spinning',
        evidence: text.includes('拖拉机') ? '声音像拖拉机' : 'sounds like a cement mixer',
      }),
    };
  return { kind: 'answer', content: UNKNOWN };
}

describe('end to end with LLM triage through the Bot API emulator', () => {
  const harness = new E2eHarness();
  const llm = new FakeModelServer();
  beforeAll(async () => {
    await llm.start();
    llm.respond(model);
    await harness.start({
      OPENAI_API_KEY: 'local-test-key',
      OPENAI_BASE_URL: llm.baseURL,
      OPENAI_MODEL: 'local-test',
      OPENAI_TIMEOUT: '2s',
    });
  }, 60_000);
  afterAll(async () => {
    await harness.stop();
    await llm.stop();
  });

  it('guides a misuse the model recognises', async () => {
    const customer = harness.client(7001, 'en');
    const before = llm.requests.length;
    const guided = await customer.say('the fridge turns the salad into ice', /Step 1 of/);
    expect(guided.map((m) => m.text).join('\n')).toMatch(/Fridge too cold, food freezing/);
    expect(llm.requests.length).toBe(before + 1);
    await customer.press(/Fixed/, /check back in/);
    // The model's tokens are exported, and the turn's decision counted once (not the dry run's).
    const { metrics } = harness.app.deps;
    const tokens = (await metrics.llmTokens.get()).values[0]?.value ?? 0;
    expect(tokens).toBeGreaterThan(0);
    const steps = (await metrics.triage.get()).values;
    expect(steps.reduce((sum, v) => sum + v.value, 0)).toBe(1);
    expect(steps.find((v) => v.labels.step === 'guide')?.value).toBe(1);
  });

  it('files a ticket for a fault the model recognises', async () => {
    const customer = harness.client(7002, 'en');
    await customer.say(
      'the washer sounds like a cement mixer and the clothes come out soaking',
      /What name should the engineer ask for/,
    );
    await customer.say('Mary Chan', /Which phone number/);
    await customer.say('+852 6123 4567', /model number/);
    await customer.say('XQG80-B1426', /When did you buy it/);
    await customer.press(/no receipt/, /production date/);
    await customer.press(/can't find it/, /Where should the engineer come/);
    await customer.say('Room 12A, 8 Queen Street, Central', /When suits you/);
    await customer.say('the day after tomorrow, morning', /receipt or invoice/);
    await customer.press(/Skip/, /check your service ticket/);
    const filed = await customer.press(/Confirm/, /Your ticket FL-\d{6}-\d{4} is filed/);
    expect(filed.at(-1)?.text).toMatch(/quote it when you contact us/);
    const sent = llm.requests.map((r) => r.raw).join('\n');
    for (const secret of ['Alice', 'Wong', '85291234567', 'Nathan'])
      expect(sent).not.toContain(secret);
  });

  it('carries on unaffected when the model endpoint goes down mid-conversation', async () => {
    const customer = harness.client(7003, 'zh-CN');
    await customer.say('洗衣机声音像拖拉机一样，衣服出来还是湿的', /怎么称呼|姓名|名字/);
    await llm.stop();
    const started = Date.now();
    await customer.say('王小明', /电话/);
    await customer.shareContact('8613812345678', /型号/);
    await customer.say('XQG100-B12866', /什么时候买的/);
    // Free text the parser cannot read: without the model, the parser's own answer comes back.
    await customer.say('好像是去年某个时候吧', /没看懂这个日期/);
    await customer.say('2025-11-10', /上门的地址/);
    await customer.say('北京市朝阳区建国路88号', /什么时间上门/);
    await customer.say('明天下午', /发票/);
    await customer.press(/跳过/, /请核对/);
    const filed = await customer.press(/确认/, /FL-\d{6}-\d{4}/);
    expect(filed.at(-1)?.text).toMatch(/请保留此工单号/);
    // No turn waited on the dead endpoint.
    expect(Date.now() - started).toBeLessThan(20_000);
    await llm.restart();
  });
});

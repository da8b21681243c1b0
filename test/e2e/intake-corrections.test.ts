import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickText } from '../../bot/render/reply.ts';
import { E2eHarness } from '../support/e2e.ts';
import { catalogue } from '../support/turn-context.ts';

/**
 * Corrections told in words in the middle of an intake, through the Bot API emulator: "it's not the
 * washing machine, it's the dishwasher" changes the product once the customer says yes (and the
 * model number is asked for the new one); a new phone number typed under the summary replaces the
 * old one on yes; an urgent ticket whose product was unknown takes the product named later, with
 * its own safety steps. The filed ticket carries what the customer settled on.
 */
describe('end to end through the Bot API emulator: corrections in the middle of an intake', () => {
  const harness = new E2eHarness();
  beforeAll(() => harness.start(), 60_000);
  afterAll(() => harness.stop());

  const cases = [
    {
      language: 'en',
      report:
        'The washing machine shows error E21 and the drum does not turn at all, already restarted it twice',
      askName: /What name should the engineer ask for/,
      name: 'Alice Wong',
      askPhone: /Which phone number/,
      phone: '+852 9123 4567',
      askModel: /model number/,
      correction: "sorry, it's not the washing machine, it's my dishwasher that shows E21",
      changeProduct: /change the product on this ticket to dishwasher\?/,
      yes: /^Yes$/,
      changedModel: /Done, changed\.[\s\S]*model number/,
      model: 'WQP12-J7635',
      askPurchase: /When did you buy it/,
      purchase: '2025-11-10',
      askAddress: /Where should the engineer come/,
      address: 'Flat 5B, 12 Nathan Road, Tsim Sha Tsui, Kowloon',
      askWindow: /When suits you/,
      window: 'tomorrow afternoon',
      askInvoice: /receipt or invoice/,
      skip: /^Skip$/,
      review: /check your service ticket/,
      newPhone: "wait, my phone number is wrong, it's 13912345678",
      changePhone: /change the phone number on this ticket to \+8613912345678\?/,
      confirm: /Confirm/,
    },
    {
      language: 'zh-hans',
      report: '洗衣机显示E21，滚筒完全不转，已经重启过两次了',
      askName: /怎么称呼您/,
      name: '李雷',
      askPhone: /哪个电话/,
      phone: '138 1234 5678',
      askModel: /产品型号/,
      correction: '不好意思，不是洗衣机，是洗碗机显示E21',
      changeProduct: /要把这张维修单的产品改成洗碗机吗/,
      yes: /^是$/,
      changedModel: /好的，已修改。[\s\S]*产品型号/,
      model: 'WQP12-J7635',
      askPurchase: /什么时候买的/,
      purchase: '2025-11-10',
      askAddress: /上门的地址/,
      address: '广州市天河区体育西路100号3栋1201',
      askWindow: /什么时间上门/,
      window: '明天下午',
      askInvoice: /购物小票或发票/,
      skip: /^跳过$/,
      review: /请核对您的服务工单/,
      newPhone: '电话写错了，应该是139 1234 5678',
      changePhone: /要把这张维修单的电话号码改成\+8613912345678吗/,
      confirm: /确认提交/,
    },
  ];

  let nextUser = 9400;
  const newUser = () => {
    nextUser += 1;
    return nextUser;
  };

  it.each(cases)(
    'in $language: the product and the phone changed in words reach the ticket',
    async (script) => {
      const customer = harness.client(newUser(), script.language);
      await customer.say(script.report, script.askName);
      await customer.say(script.name, script.askPhone);
      await customer.say(script.phone, script.askModel);
      const asked = await customer.say(script.correction, script.changeProduct);
      expect(asked.at(-1)?.buttons.map((b) => b.text)).toHaveLength(2);
      await customer.press(script.yes, script.changedModel);
      await customer.say(script.model, script.askPurchase);
      await customer.say(script.purchase, script.askAddress);
      await customer.say(script.address, script.askWindow);
      await customer.say(script.window, script.askInvoice);
      await customer.press(script.skip, script.review);
      await customer.say(script.newPhone, script.changePhone);
      const summary = await customer.press(script.yes, script.review);
      expect(summary.at(-1)?.text).toContain('+8613912345678');
      const filed = await customer.press(script.confirm, /FL-\d{6}-\d{4}/);
      const number = /FL-\d{6}-\d{4}/.exec(filed.at(-1)?.text ?? '')?.[0] ?? '';
      const ticket = await harness.app.deps.repos.tickets.getByNumber(number);
      expect(ticket?.category).toBe('dishwasher');
      expect(ticket?.triage?.category).toBe('dishwasher');
      // The sentence itself stays with the ticket for the engineer.
      expect(ticket?.description).toContain(script.correction);
      expect(ticket?.contact.phone).toBe('+8613912345678');
    },
  );

  it("an urgent ticket's product named after the generic safety text: its own steps, on the ticket", async () => {
    const customer = harness.client(newUser(), 'en');
    const first = await customer.say(
      'there is a burning smell in my kitchen',
      /Which phone number/,
    );
    expect(first[0]?.text).toMatch(/Do not touch any electrical switch/);
    const named = await customer.say("I think it's the microwave actually", /Which phone number/);
    const text = named.at(-1)?.text ?? '';
    expect(text).toMatch(/microwave oven\. Its own safety steps:/);
    const steps = catalogue.find((entry) => entry.category === 'microwave')?.safety ?? [];
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(text).toContain(pickText(step, 'en'));
    await customer.say('+852 9123 4567', /Where should the engineer come/);
    await customer.say('Flat 5B, 12 Nathan Road, Tsim Sha Tsui, Kowloon', /What name/);
    // The product is known now: not asked again.
    await customer.say('Ann Lee', /Urgent ticket — please check/);
    const filed = await customer.press(/Confirm/, /FL-\d{6}-\d{4}/);
    const number = /FL-\d{6}-\d{4}/.exec(filed.at(-1)?.text ?? '')?.[0] ?? '';
    const ticket = await harness.app.deps.repos.tickets.getByNumber(number);
    expect(ticket).toMatchObject({ priority: 'urgent', category: 'microwave' });
  });
});

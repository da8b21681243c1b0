import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickText } from '../../bot/render/reply.ts';
import type { Locale } from '../../core/index.ts';
import { E2eHarness } from '../support/e2e.ts';
import { catalogue } from '../support/turn-context.ts';

/** Every product's own safety steps, as a locale writes them: none may reach a product-less hazard. */
const productSafety = (locale: Locale) =>
  catalogue.flatMap((entry) => entry.safety.map((step) => pickText(step, locale)));

/**
 * Issue 8 ("A hazard report that names no product gets the generic safety text, gas-safe") and
 * issue 9 item 1, through the Bot API emulator: the generic text, never a guessed appliance's
 * steps; the urgent intake asks who and where, then the product; the ticket carries no guessed
 * product, only the one the customer names.
 */
describe('end to end through the Bot API emulator: a hazard that names no product', () => {
  const harness = new E2eHarness();
  beforeAll(() => harness.start(), 60_000);
  afterAll(() => harness.stop());

  const cases = [
    {
      language: 'en',
      locale: 'en' as Locale,
      report: 'smells like gas in the kitchen',
      gasSafe: /Do not touch any electrical switch, plug or light/,
      askPhone: /Which phone number/,
      phone: '+852 9123 4567',
      askAddress: /Where should the engineer come/,
      address: 'Flat 5B, 12 Nathan Road, Tsim Sha Tsui, Kowloon',
      askName: /What name should the engineer ask for/,
      name: 'Ann Lee',
      askProduct: /Which product is it\?/,
      notSure: /Not sure/,
      product: /^Water heater$/,
      named: 'water_heater' as const,
      review: /Urgent ticket — please check/,
      confirm: /Confirm/,
    },
    {
      language: 'zh-hans',
      locale: 'zh-Hans' as Locale,
      report: '冒烟了',
      gasSafe: /不要开关任何电器开关、插头或电灯/,
      askPhone: /哪个电话/,
      phone: '138 1234 5678',
      askAddress: /上门的地址/,
      address: '广州市天河区体育西路100号3栋1201',
      askName: /怎么称呼您/,
      name: '李雷',
      askProduct: /请问是哪种产品/,
      notSure: /不确定/,
      product: /^微波炉$/,
      named: 'microwave' as const,
      review: /紧急工单，请核对/,
      confirm: /确认提交/,
    },
    {
      language: 'zh-hk',
      locale: 'zh-HK' as Locale,
      report: '有陣燒焦味',
      gasSafe: /不要開關任何電器開關、插頭或電燈/,
      askPhone: /哪個電話/,
      phone: '9123 4567',
      askAddress: /上門的地址/,
      address: '九龍旺角彌敦道600號12樓B室',
      askName: /怎麼稱呼您/,
      name: '陳大文',
      askProduct: /請問是哪種產品/,
      notSure: /不確定/,
      product: /^電視$/,
      named: 'tv' as const,
      review: /緊急維修單，請核對/,
      confirm: /確認提交/,
    },
  ];
  let nextUser = 8300;
  const newUser = () => {
    nextUser += 1;
    return nextUser;
  };

  describe.each(cases)('in $language: "$report"', (script) => {
    /** From the report to the product question; returns the first reply's text. */
    async function upToTheProduct(user: number) {
      const customer = harness.client(user, script.language);
      const first = await customer.say(script.report, script.askPhone);
      // One message: the safety text first, then the first question of the urgent intake.
      expect(first).toHaveLength(1);
      const text = first[0]?.text ?? '';
      await customer.say(script.phone, script.askAddress);
      await customer.say(script.address, script.askName);
      const asked = await customer.say(script.name, script.askProduct);
      // The product is asked with a button per product and a "not sure" way out.
      const buttons = asked.at(-1)?.buttons.map((b) => b.text) ?? [];
      expect(buttons.some((label) => script.notSure.test(label))).toBe(true);
      expect(buttons.some((label) => script.product.test(label))).toBe(true);
      return { customer, text };
    }

    it('gives the generic gas-safe safety text, never a guessed product’s, then asks for the product; "not sure" files no product', async () => {
      const user = newUser();
      const { customer, text } = await upToTheProduct(user);
      expect(text).toMatch(script.gasSafe);
      expect(text.indexOf(text.match(script.gasSafe)?.[0] ?? '')).toBeLessThan(
        text.search(script.askPhone),
      );
      for (const step of productSafety(script.locale)) expect(text).not.toContain(step);

      await customer.press(script.notSure, script.review);
      const filed = await customer.press(script.confirm, /FL-\d{6}-\d{4}/);
      const number = /FL-\d{6}-\d{4}/.exec(filed.at(-1)?.text ?? '')?.[0] ?? '';
      const ticket = await harness.app.deps.repos.tickets.getByNumber(number);
      expect(ticket).toMatchObject({ priority: 'urgent', category: null, productId: null });
      expect(ticket?.triage).toMatchObject({ label: 'hazard', category: null, symptomId: null });
    });

    it('files the product the customer names, and only that one', async () => {
      const user = newUser();
      const { customer } = await upToTheProduct(user);
      await customer.press(script.product, script.review);
      const filed = await customer.press(script.confirm, /FL-\d{6}-\d{4}/);
      const number = /FL-\d{6}-\d{4}/.exec(filed.at(-1)?.text ?? '')?.[0] ?? '';
      const ticket = await harness.app.deps.repos.tickets.getByNumber(number);
      expect(ticket).toMatchObject({ priority: 'urgent', category: script.named });
      expect(ticket?.triage).toMatchObject({ label: 'hazard' });
    });
  });
});

describe('end to end through the Bot API emulator: a hazard after talking about another product', () => {
  const harness = new E2eHarness();
  beforeAll(() => harness.start(), 60_000);
  afterAll(() => harness.stop());

  it('a gas smell after a fridge was fixed gets the generic gas-safe text, not the fridge’s steps', async () => {
    const customer = harness.client(8501, 'en');
    await customer.say('my fridge is too cold, the vegetables freeze', /Step 1 of/);
    await customer.press(/Fixed/, /check back/);
    const first = await customer.say('smells like gas in the kitchen', /Which phone number/);
    const text = first.at(-1)?.text ?? '';
    expect(text).toMatch(/Do not touch any electrical switch, plug or light/);
    for (const step of productSafety('en')) expect(text).not.toContain(step);
    await customer.say('+852 9123 4567', /Where should the engineer come/);
    await customer.say('Flat 5B, 12 Nathan Road, Kowloon', /What name/);
    // The fridge talked about before is not assumed: the product is asked.
    await customer.say('Ann Lee', /Which product is it\?/);
    await customer.press(/Not sure/, /Urgent ticket — please check/);
    const filed = await customer.press(/Confirm/, /FL-\d{6}-\d{4}/);
    const number = /FL-\d{6}-\d{4}/.exec(filed.at(-1)?.text ?? '')?.[0] ?? '';
    const ticket = await harness.app.deps.repos.tickets.getByNumber(number);
    expect(ticket).toMatchObject({ priority: 'urgent', category: null });
  });
});

/**
 * Issue 8 ("a hazard net that runs on every message and every later answer"): a hazard written as
 * the answer to an intake question is caught, put first, and turns the ticket urgent.
 */
describe('end to end through the Bot API emulator: a hazard in a later answer', () => {
  const harness = new E2eHarness();
  beforeAll(() => harness.start(), 60_000);
  afterAll(() => harness.stop());

  const cases = [
    {
      language: 'en',
      report:
        'The washing machine shows error E21 and the drum does not turn at all, already restarted it twice',
      askName: /What name should the engineer ask for/,
      answers: [
        ['Alice Wong', /Which phone number/],
        ['+852 9123 4567', /model number/],
        ['XQG100-B12866', /When did you buy it/],
        ['2025-11-10', /Where should the engineer come/],
      ] as const,
      hazard: "there's smoke coming out of it now",
      safetyFirst: /^⚠️ Safety first/,
      askAddress: /Where should the engineer come/,
      address: 'Flat 5B, 12 Nathan Road, Tsim Sha Tsui, Kowloon',
      review: /Urgent ticket — please check/,
      confirm: /Confirm/,
    },
    {
      language: 'zh-hans',
      report: '冰箱不制冷了，换了插座也不行',
      askName: /怎么称呼您/,
      answers: [
        ['李雷', /哪个电话/],
        ['138 1234 5678', /产品型号/],
        ['BCD-470WDPG', /什么时候买的/],
        ['2025-11-10', /上门的地址/],
      ] as const,
      hazard: '等一下，现在冒烟了',
      safetyFirst: /^⚠️ 安全第一/,
      askAddress: /上门的地址/,
      address: '广州市天河区体育西路100号3栋1201',
      review: /紧急工单，请核对/,
      confirm: /确认提交/,
    },
    {
      language: 'zh-hk',
      report: '冷氣唔凍，已經洗過隔塵網都係唔得',
      askName: /怎麼稱呼您/,
      answers: [
        ['陳大文', /哪個電話/],
        ['9123 4567', /型號/],
        ['KFR-35GW', /什麼時候買的/],
        ['2025-11-10', /上門的地址/],
      ] as const,
      hazard: '開始有燒焦味',
      safetyFirst: /^⚠️ 安全第一/,
      askAddress: /上門的地址/,
      address: '九龍旺角彌敦道600號12樓B室',
      review: /緊急維修單，請核對/,
      confirm: /確認提交/,
    },
  ];
  let nextUser = 8400;
  const newUser = () => {
    nextUser += 1;
    return nextUser;
  };

  it.each(cases)(
    'in $language: "$hazard" at the address question comes first and makes the ticket urgent',
    async (script) => {
      const user = newUser();
      const customer = harness.client(user, script.language);
      await customer.say(script.report, script.askName);
      for (const [answer, next] of script.answers) await customer.say(answer, next);
      const caught = await customer.say(script.hazard, script.askAddress);
      expect(caught).toHaveLength(1);
      expect(caught[0]?.text).toMatch(script.safetyFirst);
      await customer.say(script.address, script.review);
      const filed = await customer.press(script.confirm, /FL-\d{6}-\d{4}/);
      const number = /FL-\d{6}-\d{4}/.exec(filed.at(-1)?.text ?? '')?.[0] ?? '';
      const ticket = await harness.app.deps.repos.tickets.getByNumber(number);
      expect(ticket?.priority).toBe('urgent');
      expect(ticket?.triage?.label).toBe('hazard');
      expect(ticket?.description).toContain(script.hazard);
    },
  );
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../bot/content/index.ts';
import { pickText } from '../../bot/render/reply.ts';
import {
  type Bilingual,
  createCatalogueView,
  createTriageEngine,
  type Locale,
} from '../../core/index.ts';
import type { DoubleUser } from '../support/bot-api-double.ts';
import { type E2eCustomer, E2eHarness } from '../support/e2e.ts';
import { STAFF_CHAT, StaffHarness } from '../support/staff-harness.ts';
import { catalogue } from '../support/turn-context.ts';

const TWO_HOURS = 2 * 3_600_000;
const view = createCatalogueView(catalogue);
/** The bot's engine (rules and learned model), to know how it reads a report. */
const engine = createTriageEngine(catalogue, loadTriageContent());
/** The symptom's quick checks as the bot offers them: its own, or a misuse's first three steps. */
function checksOf(symptomId: string) {
  const symptom = view.symptom(symptomId);
  if (!symptom) return [];
  return symptom.checks.length > 0 ? symptom.checks : symptom.steps.slice(0, 3);
}

/** One script's words for the quick-checks journey (issue 8, "Decide by cost"). */
type Script = {
  language: string;
  /** A report that is not unmistakably a defect, and the symptom it reads as. */
  report: string;
  symptomId: string;
  locale: Locale;
  step: (n: number, total: number) => RegExp;
  skipButton: RegExp;
  fixed: RegExp;
  failed: RegExp;
  checkBack: RegExp;
  stillWorking: RegExp;
  ruledOut: RegExp;
  skipped: RegExp;
  askName: RegExp;
  /** A warranty question and a request for the engineer, typed in one message. */
  warrantyAndEngineer: string;
  /** The warranty aside that answers it. */
  warrantyAside: RegExp;
};

const SCRIPTS: Script[] = [
  {
    language: 'en',
    report: 'my fridge is not cooling',
    symptomId: 'refrigerator.not-cooling',
    locale: 'en',
    step: (n, total) => new RegExp(`^Check ${n} of ${total}: `, 'm'),
    skipButton: /Skip the checks, send an engineer/,
    fixed: /Fixed/,
    failed: /Still not working/,
    checkBack: /check back in 2 hours/,
    stillWorking: /Is it still working\?/,
    ruledOut: /already ruled out/,
    skipped: /I'll arrange an engineer/,
    askName: /What name should the engineer ask for/,
    warrantyAndEngineer: 'is it still under warranty? I want a technician',
    warrantyAside: /About the warranty/,
  },
  {
    language: 'zh-hans',
    report: '冰箱好像不太冷',
    symptomId: 'refrigerator.not-cold-enough-setting',
    locale: 'zh-Hans',
    step: (n, total) => new RegExp(`^检查${n}/${total}：`, 'm'),
    skipButton: /跳过检查，派工程师/,
    fixed: /已解决/,
    failed: /还是不行/,
    checkBack: /回访/,
    stillWorking: /现在还正常吗/,
    ruledOut: /哪些原因已经排除/,
    skipped: /我为您安排工程师/,
    askName: /怎么称呼您/,
    warrantyAndEngineer: '还在保修期吗？我要师傅上门',
    warrantyAside: /关于保修/,
  },
  {
    language: 'zh-hk',
    report: '雪櫃唔凍',
    symptomId: 'refrigerator.fridge-warm-freezer-cold',
    locale: 'zh-HK',
    step: (n, total) => new RegExp(`^檢查${n}/${total}：`, 'm'),
    skipButton: /跳過檢查，派工程師/,
    fixed: /已解決/,
    failed: /還是不行/,
    checkBack: /回訪/,
    stillWorking: /現在還正常嗎/,
    ruledOut: /哪些原因已經排除/,
    skipped: /我為您安排工程師/,
    askName: /怎麼稱呼您/,
    warrantyAndEngineer: '仲有冇保養？搵師傅',
    warrantyAside: /關於保修/,
  },
];

/** Completes a non-urgent intake from the name question to the filed ticket; returns its number. */
async function fileFromName(customer: E2eCustomer, script: Script): Promise<string> {
  const zhScript = script.language !== 'en';
  await customer.say(zhScript ? '李雷' : 'Ann Lee', zhScript ? /电话|電話/ : /phone number/);
  await customer.say('+852 9123 4567', zhScript ? /型號|型号/ : /model number/);
  await customer.say('BCD-470WDPG', zhScript ? /什麼時候買的|什么时候买的/ : /When did you buy it/);
  await customer.say('2025-12-01', zhScript ? /地址/ : /Where should the engineer come/);
  await customer.say(
    zhScript ? '九龍旺角彌敦道600號12樓B室' : 'Flat 5B, 12 Nathan Road, Tsim Sha Tsui, Kowloon',
    zhScript ? /什麼時間上門|什么时间上门/ : /When suits you/,
  );
  await customer.press(/\d{2}:\d{2}–\d{2}:\d{2}/, zhScript ? /發票|发票/ : /receipt or invoice/);
  await customer.press(zhScript ? /跳過|跳过/ : /Skip/, zhScript ? /核對|核对/ : /check your/);
  const filed = await customer.press(zhScript ? /確認提交|确认提交/ : /Confirm/, /FL-\d{6}-\d{4}/);
  return /FL-\d{6}-\d{4}/.exec(filed.at(-1)?.text ?? '')?.[0] ?? '';
}

describe('end to end through the Bot API emulator: quick checks before an engineer', () => {
  const harness = new E2eHarness();
  beforeAll(() => harness.start(), 60_000);
  afterAll(() => harness.stop());
  let nextUser = 8100;
  const newUser = () => {
    nextUser += 1;
    return nextUser;
  };

  describe.each(SCRIPTS)('in $language', (script) => {
    const checks = checksOf(script.symptomId);

    it('offers at most three quick checks with a visible "skip the checks, send an engineer" button', async () => {
      expect(checks.length).toBeGreaterThan(0);
      expect(checks.length).toBeLessThanOrEqual(3);
      const customer = harness.client(newUser(), script.language);
      const first = await customer.say(script.report, script.step(1, checks.length));
      const step = first.at(-1);
      expect(step?.text).toContain(pickText(checks[0]?.action as Bilingual, script.locale));
      expect(step?.buttons.map((b) => b.text)).toEqual([
        expect.stringMatching(script.fixed),
        expect.stringMatching(script.failed),
        expect.stringMatching(script.skipButton),
      ]);
    });

    it('ends fixed: the check-back is scheduled and asks 2 hours later', async () => {
      const user = newUser();
      const customer = harness.client(user, script.language);
      await customer.say(script.report, script.step(1, checks.length));
      if (checks.length > 1) await customer.press(script.failed, script.step(2, checks.length));
      await customer.press(script.fixed, script.checkBack);
      // Nothing is due yet; two hours later the check-back asks, in the customer's language.
      await harness.worker.runDue();
      expect(harness.botMessages(user).some((m) => script.stillWorking.test(m.text))).toBe(false);
      harness.clock.advance(TWO_HOURS);
      expect((await harness.worker.runDue()).done).toBeGreaterThanOrEqual(1);
      const question = await customer.waitFor(script.stillWorking);
      expect(question.at(-1)?.text).toContain(
        pickText(view.symptom(script.symptomId)?.title as Bilingual, script.locale),
      );
    });

    it('ends in a ticket listing what was ruled out when the checks do not help, with no check-back', async () => {
      const user = newUser();
      const customer = harness.client(user, script.language);
      await customer.say(script.report, script.step(1, checks.length));
      for (let n = 2; n <= checks.length; n += 1)
        await customer.press(script.failed, script.step(n, checks.length));
      const intake = await customer.press(script.failed, script.askName);
      expect(intake.map((m) => m.text).join('\n')).toMatch(script.ruledOut);
      const number = await fileFromName(customer, script);
      // The summary lists what was ruled out one check a line, each its own bullet.
      const summary = harness
        .botMessages(user)
        .map((m) => m.text ?? '')
        .find((text) => /(Already ruled out|已排除)/.test(text));
      expect(summary?.match(/\n• /g)?.length).toBe(checks.length);
      const ticket = await harness.app.deps.repos.tickets.getByNumber(number);
      expect(ticket?.triage).toMatchObject({
        label: 'fault',
        symptomId: script.symptomId,
        ruledOut: checks.map((check) => check.action),
      });
      // No check-back for checks that failed: two hours on, nothing asks whether it still works.
      harness.clock.advance(TWO_HOURS + 60_000);
      await harness.worker.runDue();
      await customer.say('/status', new RegExp(number));
      expect(harness.botMessages(user).some((m) => script.stillWorking.test(m.text))).toBe(false);
    });

    it('goes straight to the intake on "skip the checks", and files nothing as ruled out', async () => {
      const customer = harness.client(newUser(), script.language);
      await customer.say(script.report, script.step(1, checks.length));
      const intake = await customer.press(script.skipButton, script.askName);
      expect(intake.map((m) => m.text).join('\n')).toMatch(script.skipped);
      const number = await fileFromName(customer, script);
      const ticket = await harness.app.deps.repos.tickets.getByNumber(number);
      // Skipping rules nothing out and keeps the engine's reading of the report.
      expect(ticket?.triage).toMatchObject({
        label: engine.classify(script.report).label,
        symptomId: script.symptomId,
      });
      expect(ticket?.triage?.ruledOut).toBeUndefined();
    });

    it('takes a typed warranty question with a request for the engineer as the skip: the aside, then the intake', async () => {
      const customer = harness.client(newUser(), script.language);
      await customer.say(script.report, script.step(1, checks.length));
      const intake = await customer.say(script.warrantyAndEngineer, script.askName);
      const said = intake.map((m) => m.text).join('\n');
      expect(said).toMatch(script.warrantyAside);
      expect(said).toMatch(script.skipped);
      expect(said.search(script.warrantyAside)).toBeLessThan(said.search(script.skipped));
      const number = await fileFromName(customer, script);
      const ticket = await harness.app.deps.repos.tickets.getByNumber(number);
      expect(ticket?.priority).not.toBe('urgent');
      expect(ticket?.triage?.symptomId).toBe(script.symptomId);
      expect(ticket?.triage?.ruledOut).toBeUndefined();
    });
  });
});

/**
 * The staff side of checks that did not help: the ticket's card in the staff forum (the Bot API
 * double; telegram-test-api has no forum topics) lists, in the staff language, what the customer
 * already ruled out, and a skipped check is not listed.
 */
describe('end to end through the staff forum: the card lists what quick checks ruled out', () => {
  const h = new StaffHarness();
  beforeAll(() => h.start(), 90_000);
  afterAll(() => h.stop(), 30_000);

  /** Presses a button on the newest message that has it; waits for any bot message matching. */
  async function pressAndWait(customer: DoubleUser, button: RegExp, until: RegExp) {
    const before = new Map(h.double.botMessages(customer.id).map((m) => [m.message_id, m.text]));
    const owner = [...h.double.botMessages(customer.id)]
      .reverse()
      .find((m) => m.reply_markup?.inline_keyboard?.flat().some((b) => button.test(b.text)));
    if (!owner) throw new Error(`no button ${button}`);
    h.double.press(customer, customer.id, owner.message_id, button);
    // A step may replace the pressed message in place: a new or edited message counts.
    return h.double.waitFor(
      () =>
        h.double
          .botMessages(customer.id)
          .find((m) => before.get(m.message_id) !== m.text && until.test(m.text ?? '')),
      `a bot message ${until}`,
    );
  }

  async function cardOf(number: string) {
    await h.runJobs();
    const ticket = await h.repos.tickets.getByNumber(number);
    const topic = await h.repos.tickets.topicOf(ticket?.id ?? '');
    return { ticket, card: h.double.botMessages(STAFF_CHAT, topic?.topicId as number)[0] };
  }

  it.each([
    { language: 'en', report: 'my fridge is not cooling', symptomId: 'refrigerator.not-cooling' },
    {
      language: 'zh-hans',
      report: '冰箱好像不太冷',
      symptomId: 'refrigerator.not-cold-enough-setting',
    },
  ])(
    '$language: the checks that failed are on the card, the one skipped is not',
    async (script) => {
      const checks = checksOf(script.symptomId);
      expect(checks.length).toBeGreaterThanOrEqual(2);
      const customer = h.customer('Li', script.language);
      const en = script.language === 'en';
      await h.says(customer, customer.id, script.report, en ? /Check 1 of/ : /检查1\//);
      // The first check did not help; the customer skips the rest.
      await pressAndWait(
        customer,
        en ? /Still not working/ : /还是不行/,
        en ? /Check 2 of/ : /检查2\//,
      );
      await pressAndWait(
        customer,
        en ? /Skip the checks/ : /跳过检查/,
        en ? /What name/ : /怎么称呼您/,
      );
      await h.says(customer, customer.id, 'Ann Lee', en ? /phone number/ : /电话/);
      await h.says(customer, customer.id, '+852 9123 4567', en ? /model number/ : /型号/);
      await h.says(
        customer,
        customer.id,
        'BCD-470WDPG',
        en ? /When did you buy it/ : /什么时候买的/,
      );
      await h.says(
        customer,
        customer.id,
        '2025-12-01',
        en ? /Where should the engineer come/ : /地址/,
      );
      await h.says(
        customer,
        customer.id,
        'Flat 5B, 12 Nathan Road, Kowloon',
        en ? /When suits you/ : /什么时间上门/,
      );
      await h.says(customer, customer.id, 'tomorrow afternoon', en ? /receipt or invoice/ : /发票/);
      const review = await h.presses(
        customer,
        customer.id,
        en ? /Skip/ : /跳过/,
        en ? /check your/ : /核对/,
      );
      expect(review.text).toContain(
        pickText(checks[0]?.action as Bilingual, script.language === 'en' ? 'en' : 'zh-Hans'),
      );
      const filed = await h.presses(
        customer,
        customer.id,
        en ? /Confirm/ : /确认提交/,
        /FL-\d{6}-\d{4}/,
      );
      const number = /FL-\d{6}-\d{4}/.exec(filed.text ?? '')?.[0] as string;

      const { ticket, card } = await cardOf(number);
      expect(ticket?.triage?.ruledOut).toEqual([checks[0]?.action]);
      // The staff language is English: the card words the check as the catalogue does in English.
      const text = card?.text ?? '';
      expect(text).toContain(
        'Already ruled out (none fixed it; in quotes, what the customer said they did):',
      );
      expect(text).toContain(`  1. ${checks[0]?.action.en}`);
      for (const skipped of checks.slice(1)) expect(text).not.toContain(skipped.action.en);
    },
  );

  it('lists the guided steps a misuse customer did without result, not the one skipped', async () => {
    const steps = view.symptom('refrigerator.too-cold-food-frozen')?.steps ?? [];
    expect(steps.length).toBeGreaterThanOrEqual(2);
    const customer = h.customer('Mo', 'en');
    await h.says(
      customer,
      customer.id,
      'my fridge is too cold, the vegetables freeze',
      /Step 1 of/,
    );
    // Every step but the last done without result; the last skipped.
    for (let n = 2; n <= steps.length; n += 1)
      await pressAndWait(customer, /Still not working/, new RegExp(`Step ${n} of`));
    await pressAndWait(customer, /Skip step/, /What name/);
    await h.says(customer, customer.id, 'Mo Chan', /phone number/);
    await h.says(customer, customer.id, '+852 9123 4569', /model number/);
    await h.says(customer, customer.id, 'BCD-470WDPG', /When did you buy it/);
    await h.says(customer, customer.id, '2025-12-01', /Where should the engineer come/);
    await h.says(customer, customer.id, 'Flat 7D, 12 Nathan Road, Kowloon', /When suits you/);
    await h.says(customer, customer.id, 'tomorrow afternoon', /receipt or invoice/);
    await h.presses(customer, customer.id, /Skip/, /check your/);
    const filed = await h.presses(customer, customer.id, /Confirm/, /FL-\d{6}-\d{4}/);
    const number = /FL-\d{6}-\d{4}/.exec(filed.text ?? '')?.[0] as string;
    const { ticket, card } = await cardOf(number);
    const done = steps.slice(0, -1).map((step) => step.action);
    expect(ticket?.triage?.ruledOut).toEqual(done);
    const text = card?.text ?? '';
    expect(text).toContain(
      'Already ruled out (none fixed it; in quotes, what the customer said they did):',
    );
    done.forEach((action, index) => {
      expect(text).toContain(`  ${index + 1}. ${action.en}`);
    });
    expect(text).not.toContain(steps.at(-1)?.action.en as string);
  });

  it('shows no "already tried" list when the customer skipped every check', async () => {
    const customer = h.customer('Jo', 'en');
    await h.says(customer, customer.id, 'my fridge is not cooling', /Check 1 of/);
    await pressAndWait(customer, /Skip the checks/, /What name/);
    await h.says(customer, customer.id, 'Jo Chan', /phone number/);
    await h.says(customer, customer.id, '+852 9123 4568', /model number/);
    await h.says(customer, customer.id, 'BCD-470WDPG', /When did you buy it/);
    await h.says(customer, customer.id, '2025-12-01', /Where should the engineer come/);
    await h.says(customer, customer.id, 'Flat 6C, 12 Nathan Road, Kowloon', /When suits you/);
    await h.says(customer, customer.id, 'tomorrow afternoon', /receipt or invoice/);
    await h.presses(customer, customer.id, /Skip/, /check your/);
    const filed = await h.presses(customer, customer.id, /Confirm/, /FL-\d{6}-\d{4}/);
    const number = /FL-\d{6}-\d{4}/.exec(filed.text ?? '')?.[0] as string;
    const { ticket, card } = await cardOf(number);
    expect(ticket?.triage?.symptomId).toBe('refrigerator.not-cooling');
    expect(card?.text).toContain('my fridge is not cooling');
    expect(card?.text).not.toContain('Already tried');
  });
});

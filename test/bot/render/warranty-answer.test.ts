import { describe, expect, it } from 'vitest';
import { createI18n, createTranslate, formatPeriod } from '../../../bot/i18n/index.ts';
import { renderWarrantyAnswer } from '../../../bot/render/warranty.ts';
import {
  BUILT_IN_POLICY,
  type CalendarDate,
  type DatePeriod,
  type Draft,
  decideDraftWarranty,
  decideWarranty,
  type Locale,
  parsePurchaseDate,
} from '../../../core/index.ts';
import { draftOf } from '../../support/conversation.ts';

const i18n = createI18n();
const d = (text: string) => text as CalendarDate;
const today = d('2026-03-10');
const month = (from: string, to: string): DatePeriod => ({
  from: d(from),
  to: d(to),
  precision: 'month',
  approximate: false,
});

function answer(draft: Partial<Draft>, locale: Locale = 'en', nameplatePhoto = false) {
  const decided = decideDraftWarranty(draftOf(draft), today, BUILT_IN_POLICY);
  if (!decided) throw new Error('no warranty question');
  const t = createTranslate(i18n, locale);
  return renderWarrantyAnswer(decided.case.input, decided.decision, t, locale, { nameplatePhoto });
}

describe('the warranty answer for a date known only as a period', () => {
  it('states no charge for "last March" when a purchase late that March is still covered', () => {
    // What the first day alone says: not covered, parts and labour.
    const firstDay = decideWarranty(
      {
        category: 'washing_machine',
        purchaseDate: d('2025-03-01'),
        reportDate: today,
        cause: 'unknown',
        priorRepairs: 0,
        partsWaitDays: 0,
      },
      BUILT_IN_POLICY,
    );
    expect(firstDay).toMatchObject({ covered: false, charge: 'parts_and_labour' });
    const text = answer({ purchaseDate: month('2025-03-01', '2025-03-31') });
    expect(text).toContain(
      'It depends on the exact purchase day. If you bought it on or after 2025-03-10:',
    );
    expect(text).toContain('Covered by the warranty: free of charge.');
    // The earlier purchases' answer is spelled out after it, its end date as "at the latest"
    // (review10 M9: not "fewer choices, or a charge").
    const after = text.slice(text.indexOf('If you bought it before 2025-03-10:'));
    expect(after).toContain('Not covered by the warranty.');
    expect(after).toContain('You pay for parts and labour at the standard rates.');
    expect(after).toContain('The warranty ended on 2026-03-09 at the latest.');
    expect(text.indexOf('Covered by the warranty: free of charge.')).toBeLessThan(
      text.indexOf('If you bought it before'),
    );
    expect(text).toContain('The engineer confirms the exact day from your invoice.');
  });

  it('says the same in Chinese, with no charge stated', () => {
    const text = answer({ purchaseDate: month('2025-03-01', '2025-03-31') }, 'zh-Hans');
    expect(text).toContain('答复取决于具体的购买日期。若在2025年3月10日当天或之后购买：');
    expect(text).toContain('若在2025年3月10日之前购买：\n不在保修范围内。');
  });

  it.each([
    [
      '一年多了',
      'zh-Hans',
      '很可能是在2025年3月10日之前购买的',
      '需按标准收取配件费和人工费',
      '只有在2025年3月10日当天购买，才是：',
    ],
    [
      '買咗一年幾',
      'zh-HK',
      '很可能是在2025年3月10日之前購買的',
      '需按標準收取配件費和人工費',
      '只有在2025年3月10日當天購買，才是：',
    ],
    [
      'over a year ago',
      'en',
      'Most likely you bought it before 2025-03-10',
      'You pay for parts and labour',
      'Only if you bought it on 2025-03-10:',
    ],
  ] as const)(
    'leads with the likely answer for %j, the 12-month edge a day of its range (review10 M9), in %s',
    (said, locale, likely, charge, exception) => {
      const read = parsePurchaseDate(said, { today, lang: locale === 'en' ? 'en' : 'zh' });
      if (!read.ok) throw new Error(read.code);
      const text = answer({ purchaseDate: read.value }, locale);
      const lines = text.split('\n');
      // "Over a year" is 2024-03-11 to 2025-03-10: only its last day is still within 12 months,
      // so the answer for the other 364 comes first, with its charge, and the free one after it.
      expect(lines[1]).toContain(likely);
      expect(lines.findIndex((line) => line.includes(charge))).toBeLessThan(
        lines.findIndex((line) => line.includes(exception)),
      );
      expect(lines.findIndex((line) => line.includes(exception))).toBeGreaterThan(1);
    },
  );

  it('gives the answer that holds for the whole period and says the dates follow the invoice', () => {
    const text = answer({ purchaseDate: month('2025-09-01', '2025-09-30') });
    expect(text).toContain('Covered by the warranty: free of charge.');
    expect(text).toContain('The dates count from the earliest day you may have bought it');
    expect(text).not.toContain('It depends');
  });

  it('applies rule 1 from a production date read on the nameplate', () => {
    const text = answer({ purchaseDate: null, productionDate: month('2025-06-01', '2025-06-30') });
    expect(text).toContain(
      'No proof of purchase: the warranty is counted from the production date plus 90 days',
    );
    expect(text).toContain('Covered by the warranty');
  });

  it('does not ask for a nameplate photo the customer already sent', () => {
    const withPhoto = answer({ purchaseDate: null, productionDate: null }, 'en', true);
    expect(withPhoto).not.toContain('a nameplate photo showing the production date');
    expect(withPhoto).toContain(
      'the engineer will read the production date on your nameplate photo',
    );
    const without = answer({ purchaseDate: null, productionDate: null });
    expect(without).toContain('a nameplate photo showing the production date');
  });
});

describe('formatPeriod', () => {
  it.each([
    ['en', month('2025-03-01', '2025-03-31'), 'about March 2025'],
    ['zh-Hans', month('2025-03-01', '2025-03-31'), '约2025年3月'],
    ['zh-Hant', month('2025-03-01', '2025-03-31'), '約2025年3月'],
    [
      'en',
      { from: d('2025-01-01'), to: d('2025-12-31'), precision: 'year', approximate: false },
      'about 2025',
    ],
    [
      'en',
      { from: d('2025-03-01'), to: d('2025-05-31'), precision: 'season', approximate: false },
      'about 2025-03-01 to 2025-05-31',
    ],
    [
      'en',
      { from: d('2025-03-14'), to: d('2025-03-14'), precision: 'day', approximate: false },
      '2025-03-14',
    ],
    [
      'en',
      { from: d('2025-12-10'), to: d('2025-12-10'), precision: 'day', approximate: true },
      'about 2025-12-10',
    ],
  ] as const)(
    'writes a %s period as the locale does and marks it approximate (%#)',
    (locale, period, expected) => {
      expect(formatPeriod(period, locale, createTranslate(i18n, locale))).toBe(expected);
    },
  );
});

describe('dates and lists written by Intl, not by hand', () => {
  const recent = {
    purchaseDate: {
      from: d('2026-03-07'),
      to: d('2026-03-07'),
      precision: 'day',
      approximate: false,
    } as DatePeriod,
  };

  it.each([
    ['en', /You may choose: [^,.]+, [^,.]+, or [^,.]+\./],
    ['zh-Hans', /：[^、。]+、[^、。]+或[^、。]+。/],
    ['zh-HK', /：[^、。]+、[^、。]+或[^、。]+。/],
  ] as const)('lists the remedies in %s with Intl.ListFormat', (locale, list) => {
    expect(answer(recent, locale)).toMatch(list);
  });

  it.each(['zh-Hans', 'zh-Hant', 'zh-HK', 'zh-TW'] as const)(
    'writes a day in %s with Intl.DateTimeFormat (2026年3月10日)',
    (locale) => {
      expect(answer(recent, locale)).toContain('2026年3月10日');
    },
  );
});

describe('the repeat-failure exchange clause names the policy’s own number of repairs', () => {
  const repeat = (repeatRepairs: number, locale: Locale) => {
    const policy = { ...BUILT_IN_POLICY, repeatRepairs };
    const input = {
      category: 'washing_machine' as const,
      part: 'motor',
      purchaseDate: d('2026-01-10'),
      reportDate: today,
      cause: 'unknown' as const,
      priorRepairs: repeatRepairs,
      partsWaitDays: 0,
    };
    const t = createTranslate(i18n, locale);
    return renderWarrantyAnswer(input, decideWarranty(input, policy), t, locale);
  };

  it.each([
    [
      2,
      'en',
      'The same part failed again after 2 warranty repairs: you may also choose an exchange',
    ],
    [3, 'en', 'The same part failed again after 3 warranty repairs'],
    [1, 'en', 'The same part failed again after a warranty repair'],
    [3, 'zh-Hans', '同一部件经3次保修维修后再次故障'],
    [3, 'zh-Hant', '同一部件經3次保修維修後再次故障'],
  ] as const)('repeatRepairs %i in %s', (repairs, locale, line) => {
    expect(repeat(repairs, locale)).toContain(line);
  });
});

describe('the warranty answer that counts a likely part (review10 H5)', () => {
  /** A fridge bought in October 2024, reported 2026-03-10: the unit's 12 months are over. */
  const fridge = draftOf({
    category: 'refrigerator',
    purchaseDate: {
      from: d('2024-10-01'),
      to: d('2024-10-01'),
      precision: 'day',
      approximate: false,
    },
  });
  const render = (locale: Locale) => {
    const likely = decideDraftWarranty(fridge, today, BUILT_IN_POLICY, 'compressor');
    const unit = decideDraftWarranty(fridge, today, BUILT_IN_POLICY);
    if (!likely || !unit) throw new Error('no warranty question');
    expect(likely.decision.covered).toBe(true);
    expect(unit.decision.covered).toBe(false);
    // The decision itself carries the unit's answer: the customer's message and the staff card
    // render the one stored decision.
    expect(likely.decision.otherwise).toEqual(unit.decision);
    const t = createTranslate(i18n, locale);
    return renderWarrantyAnswer(likely.case.input, likely.decision, t, locale);
  };

  it.each([
    [
      'en',
      'Covered by the warranty, free of charge, if the engineer finds the compressor at fault',
      'If it is another part: not covered by the warranty. You pay for parts and labour',
      'The warranty ended on 2025-10-01.',
    ],
    [
      'zh-Hans',
      '如果工程师检查确认是压缩机的问题',
      '如果是其他部件的问题：不在保修范围内。',
      '2025年10月1日',
    ],
    [
      'zh-TW',
      '如果工程師檢查確認是壓縮機的問題',
      '如果是其他部件的問題：不在保固範圍內。',
      '2025年10月1日',
    ],
  ] as const)(
    'in %s says free only if the engineer finds that part, and the unit’s answer',
    (locale, ifPart, other, ended) => {
      const text = render(locale);
      expect(text).toContain(ifPart);
      expect(text).toContain(other);
      expect(text).toContain(ended);
      expect(text).not.toMatch(/^Covered by the warranty: free of charge\.$/m);
    },
  );

  it('says nothing more when the unit is covered too', () => {
    const recent = draftOf({
      category: 'refrigerator',
      purchaseDate: {
        from: d('2025-10-01'),
        to: d('2025-10-01'),
        precision: 'day',
        approximate: false,
      },
    });
    const likely = decideDraftWarranty(recent, today, BUILT_IN_POLICY, 'compressor');
    if (!likely) throw new Error('no warranty question');
    expect(likely.decision.otherwise).toBeUndefined();
    const t = createTranslate(i18n, 'en');
    const text = renderWarrantyAnswer(likely.case.input, likely.decision, t, 'en');
    expect(text).toContain('Covered by the warranty: free of charge.');
    expect(text).not.toContain('another part');
  });
});

describe('every run of a vague date’s days gets its own answer (review11)', () => {
  const t = createTranslate(i18n, 'en');
  const render = (draft: Partial<Draft>, part?: string) => {
    const decided = decideDraftWarranty(draftOf(draft), today, BUILT_IN_POLICY, part);
    if (!decided) throw new Error('no warranty question');
    return renderWarrantyAnswer(decided.case.input, decided.decision, t, 'en');
  };
  const tailFrom = (text: string, heading: string) => text.slice(text.indexOf(heading));

  it('W1: "about two weeks ago" offers an exchange only for the days it holds on', () => {
    const read = parsePurchaseDate('about two weeks ago', { today, lang: 'en' });
    if (!read.ok) throw new Error(read.code);
    const text = render({ purchaseDate: read.value });
    const lines = text.split('\n');
    expect(lines[1]).toBe(
      'It depends on the exact purchase day. Most likely you bought it between 2026-02-23 and 2026-03-02, and then:',
    );
    expect(lines[3]).toBe('You may choose: exchange or repair.');
    expect(text).toContain('Only if you bought it on 2026-03-03:');
    const oldest = tailFrom(text, 'If you bought it before 2026-02-23:');
    expect(oldest).toContain('We can repair it.');
    expect(oldest).not.toMatch(/exchange|refund/);
  });

  it('W2: a likely part covered all period long, the unit only on its last day: "free" only if the engineer finds the part', () => {
    const read = parsePurchaseDate('over a year ago', { today, lang: 'en' });
    if (!read.ok) throw new Error(read.code);
    const text = render({ category: 'refrigerator', purchaseDate: read.value }, 'compressor');
    // The first verdict is the part's, conditional; a plain "free" only inside the unit's own
    // answer, for the one day it holds on.
    expect(text.split('\n')[1]).toContain('if the engineer finds the compressor at fault');
    const unit = tailFrom(text, "If it is another part, the whole unit's warranty applies:");
    expect(unit).toContain('Most likely you bought it before 2025-03-10, and then:\nNot covered');
    expect(unit).toContain('The warranty ended on 2026-03-09 at the latest.');
    expect(unit).toContain(
      'Only if you bought it on 2025-03-10:\nCovered by the warranty: free of charge.',
    );
  });

  it.each([
    [
      'en',
      "The whole unit's warranty has ended; the compressor's longer term ended on 2026-03-09 at the latest.",
    ],
    ['zh-Hans', '整机保修期已结束；压缩机的更长保修期最晚已于2026年3月9日结束。'],
    ['zh-Hant', '整機保修期已結束；壓縮機的更長保修期最晚已於2026年3月9日結束。'],
  ] as const)(
    'W4 (%s): an earlier run with a likely part names the part\'s term as the one that ended, not "the warranty"',
    (locale, line) => {
      // "three years ago" (2023-02-01..2023-04-01 as read on 2026-03-10): the compressor's 36
      // months still run for the latest days, not for the earlier ones; the unit's 12 ended in 2024.
      const read = parsePurchaseDate('three years ago', {
        today,
        lang: locale === 'en' ? 'en' : 'zh',
      });
      if (!read.ok) throw new Error(read.code);
      const decided = decideDraftWarranty(
        draftOf({ category: 'refrigerator', purchaseDate: read.value }),
        today,
        BUILT_IN_POLICY,
        'compressor',
      );
      if (!decided) throw new Error('no warranty question');
      const text = renderWarrantyAnswer(
        decided.case.input,
        decided.decision,
        createTranslate(i18n, locale),
        locale,
      );
      expect(text).toContain(line);
      expect(text).not.toMatch(/^• The warranty ended on 2026-/m);
    },
  );

  it("W4: an exact date past the part's term says both ended, the part's date given", () => {
    const old = draftOf({
      category: 'refrigerator',
      purchaseDate: {
        from: d('2022-01-05'),
        to: d('2022-01-05'),
        precision: 'day',
        approximate: false,
      },
    });
    const decided = decideDraftWarranty(old, today, BUILT_IN_POLICY, 'compressor');
    if (!decided) throw new Error('no warranty question');
    expect(decided.decision.clauses).toEqual([
      { id: 'expired', until: '2025-01-05', part: 'compressor' },
    ]);
    const text = renderWarrantyAnswer(decided.case.input, decided.decision, t, 'en');
    expect(text).toContain(
      "• The whole unit's warranty has ended; the compressor's longer term ended on 2025-01-05.",
    );
  });

  it("W3: the unit's answer beside a likely part, in the branch of the days it holds on, dates from that branch's first day", () => {
    // "in 2023", reported 2026-03-10: the compressor's 36 months run for a purchase on or after
    // 2023-03-10; the unit's 12 months are over on every day, ending from 2024-03-10 for those days
    // (2024-01-01 is a purchase on 2023-01-01's, in the other branch).
    const text = render(
      {
        category: 'refrigerator',
        purchaseDate: {
          from: d('2023-01-01'),
          to: d('2023-12-31'),
          precision: 'year',
          approximate: false,
        },
      },
      'compressor',
    );
    const branch = text.slice(
      text.indexOf('If you bought it on or after 2023-03-10:'),
      text.indexOf('If you bought it before 2023-03-10:'),
    );
    expect(branch).toContain(
      'If it is another part: not covered by the warranty. You pay for parts and labour at the standard rates.\n• The warranty ended on 2024-03-10.\nThe dates count from the earliest day you may have bought it;',
    );
    expect(text).not.toContain('2024-01-01');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import type { CalendarDate } from '../../../core/index.ts';
import * as intake from '../../../core/intake/index.ts';
import { addDays, compareDates, parseIsoDate } from '../../../core/shared/calendar-date.ts';
import { hostileText, longText, timed } from '../../support/hostile-text.ts';

const TODAY = '2026-03-14' as CalendarDate;
const HOURS = intake.DEFAULT_SERVICE_HOURS;
const { catalogue } = loadTriageContent();
const PATTERNS: intake.ModelPatternsByCategory = Object.fromEntries(
  catalogue.map((entry) => [entry.category, entry.modelPatterns]),
);
const RUNS = { numRuns: 2_000 };
/** A parser on ordinary hardware takes well under a millisecond; a backtracking one takes seconds. */
const SLOW_MS = 250;

type Outcome = { ok: true; value: unknown } | { ok: false; code: string };

/**
 * Every text parser the intake exports, called as the bot calls it. A parser exported from
 * `core/intake` and missing here fails the first test below, so a new one cannot be left out.
 */
const PARSERS: Record<string, (text: string) => Outcome | string | boolean> = {
  parseAddressText: (text) => intake.parseAddressText(text),
  parseName: (text) => intake.parseName(text),
  parsePhone: (text) => intake.parsePhone(text),
  isPhoneNumber: (text) => intake.isPhoneNumber(text),
  parseModelNumber: (text) => intake.parseModelNumber(text, PATTERNS.refrigerator),
  matchModel: (text) => intake.matchModel(text, PATTERNS, 'washing_machine'),
  normaliseModelNumber: (text) => intake.normaliseModelNumber(text),
  parsePurchaseDate: (text) => intake.parsePurchaseDate(text, { today: TODAY, lang: 'zh' }),
  parseProductionDate: (text) => intake.parseProductionDate(text, { today: TODAY, lang: 'en' }),
  parseVisitWindow: (text) => intake.parseVisitWindow(text, { today: TODAY, nowMinute: 600 }),
  redactPersonalData: (text) => intake.redactPersonalData(text),
  findPhone: (text) => intake.findPhone(text),
  isDecline: (text) => intake.isDecline(text),
  readSmallTalk: (text) => String(intake.readSmallTalk(text)),
  readYesNo: (text) => String(intake.readYesNo(text)),
  readOutcome: (text) => String(intake.readOutcome(text, { yesMeansFixed: true })),
};
/** Exports that match the names above but do not read customer text. */
const NOT_TEXT_PARSERS = new Set(['parseLocation', 'parseAddress', 'isTooOld']);

const isOutcome = (value: unknown): value is Outcome =>
  typeof value === 'object' && value !== null && 'ok' in value;

describe('every intake parser, on hostile text', () => {
  it('is listed here: a new parser exported from core/intake gets these properties too', () => {
    const exported = Object.entries(intake)
      .filter(
        ([name, value]) =>
          typeof value === 'function' && /^(parse|match|is|normalise|redact)/.test(name),
      )
      .map(([name]) => name)
      .filter((name) => !NOT_TEXT_PARSERS.has(name));
    expect(exported.filter((name) => !(name in PARSERS))).toEqual([]);
  });

  it.each(Object.entries(PARSERS))(
    '%s never throws, answers a value or a stable error code, and answers the same twice',
    (_name, parse) => {
      fc.assert(
        fc.property(hostileText(), (text) => {
          const first = parse(text);
          expect(parse(text)).toEqual(first);
          if (isOutcome(first) && !first.ok) expect(first.code).toMatch(/^[A-Z]+\.[A-Z_]+$/);
        }),
        RUNS,
      );
    },
  );

  it.each(Object.entries(PARSERS))(
    '%s reads 1,000–6,000 characters of repeated parser words in under 250 ms',
    (_name, parse) => {
      fc.assert(
        fc.property(longText, (text) => {
          expect(timed(() => parse(text))).toBeLessThan(SLOW_MS);
        }),
        { numRuns: 60 },
      );
    },
  );
});

const hasControl = (text: string) => /[\p{Cc}\p{Cf}\p{Cs}]/u.test(text);

describe('what an intake parser accepts', () => {
  it('a phone number is E.164 and reads back as itself', () => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        const phone = intake.parsePhone(text);
        if (!phone.ok) return;
        expect(phone.value.e164).toMatch(/^\+[1-9]\d{6,14}$/);
        const again = intake.parsePhone(phone.value.e164);
        expect(again.ok && again.value.e164).toBe(phone.value.e164);
      }),
      RUNS,
    );
  });

  it('a name is 1–40 characters with no control or invisible format characters', () => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        const name = intake.parseName(text);
        if (!name.ok) return;
        expect(Array.from(name.value).length).toBeGreaterThan(0);
        expect(Array.from(name.value).length).toBeLessThanOrEqual(intake.NAME_MAX_LENGTH);
        expect(hasControl(name.value)).toBe(false);
      }),
      RUNS,
    );
  });

  it('an address is 6–200 characters of text with no control characters', () => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        const address = intake.parseAddressText(text);
        if (!address.ok || address.value.kind !== 'text') return;
        const length = Array.from(address.value.text).length;
        expect(length).toBeGreaterThanOrEqual(intake.ADDRESS_MIN_LENGTH);
        expect(length).toBeLessThanOrEqual(intake.ADDRESS_MAX_LENGTH);
        expect(hasControl(address.value.text)).toBe(false);
      }),
      RUNS,
    );
  });

  it('a model number is 3–40 characters and normalising it again changes nothing', () => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        const model = intake.parseModelNumber(text);
        if (!model.ok) return;
        const { normalised } = model.value;
        expect(normalised.length).toBeGreaterThanOrEqual(intake.MODEL_MIN_LENGTH);
        expect(normalised.length).toBeLessThanOrEqual(intake.MODEL_MAX_LENGTH);
        expect(intake.normaliseModelNumber(normalised)).toBe(normalised);
        expect(hasControl(normalised)).toBe(false);
      }),
      RUNS,
    );
  });

  it.each([
    ['purchase', (text: string) => intake.parsePurchaseDate(text, { today: TODAY, lang: 'en' })],
    ['production', (text: string) => intake.parseProductionDate(text, { today: TODAY })],
  ])(
    'a %s date is a real period that starts no later than it ends, and not after today',
    (_kind, parse) => {
      fc.assert(
        fc.property(hostileText(), (text) => {
          const date = parse(text);
          if (!date.ok) return;
          const { from, to } = date.value;
          expect(parseIsoDate(from)).toBe(from);
          expect(parseIsoDate(to)).toBe(to);
          expect(compareDates(from, to)).toBeLessThanOrEqual(0);
          expect(compareDates(to, TODAY)).toBeLessThanOrEqual(0);
        }),
        RUNS,
      );
    },
  );

  it('a visit window is within service hours, from today to 30 days ahead, and starts before it ends', () => {
    fc.assert(
      fc.property(hostileText(), fc.integer({ min: 0, max: 1_439 }), (text, nowMinute) => {
        const window = intake.parseVisitWindow(text, { today: TODAY, nowMinute });
        if (!window.ok) return;
        const { date, startMinute, endMinute } = window.value;
        expect(startMinute).toBeGreaterThanOrEqual(HOURS.startMinute);
        expect(endMinute).toBeLessThanOrEqual(HOURS.endMinute);
        expect(startMinute).toBeLessThan(endMinute);
        expect(compareDates(date, TODAY)).toBeGreaterThanOrEqual(0);
        expect(
          compareDates(date, addDays(TODAY, intake.DEFAULT_MAX_DAYS_AHEAD)),
        ).toBeLessThanOrEqual(0);
        if (date === TODAY) expect(startMinute).toBeGreaterThanOrEqual(nowMinute);
      }),
      RUNS,
    );
  });
});

/** A mainland mobile number as people write it: plain, spaced, dashed, with +86. */
const mobile = fc
  .tuple(
    fc.constantFrom('13', '15', '17', '18', '19'),
    fc.integer({ min: 0, max: 9 }),
    fc.integer({ min: 0, max: 99_999_999 }),
    fc.constantFrom('plain', 'spaced', 'dashed', 'intl'),
  )
  .map(([head, third, rest, style]) => {
    const digits = `${head}${third}${String(rest).padStart(8, '0')}`;
    const [a, b, c] = [digits.slice(0, 3), digits.slice(3, 7), digits.slice(7)];
    const text =
      style === 'spaced'
        ? `${a} ${b} ${c}`
        : style === 'dashed'
          ? `${a}-${b}-${c}`
          : style === 'intl'
            ? `+86 ${digits}`
            : digits;
    return { digits, text };
  })
  .filter(({ digits }) => !/^(\d)\1+$/.test(digits.slice(3)));

/** Words around a phone number: any letters and Han characters, spaces and punctuation, no digits. */
const words = fc.string({
  unit: fc.oneof(
    fc.constantFrom(' ', '，', ',', '。', ':', '：', '电话', 'call me on', '手机'),
    fc.string({ unit: 'grapheme', maxLength: 1 }).filter((c) => /^[\p{L} ]$/u.test(c)),
  ),
  maxLength: 12,
});

describe('redaction of personal data', () => {
  it('removes a mobile number written anywhere in a message', () => {
    fc.assert(
      fc.property(words, mobile, words, (before, phone, after) => {
        const redacted = intake.redactPersonalData(`${before} ${phone.text} ${after}`);
        expect(redacted.replace(/\D/g, '')).not.toContain(phone.digits.slice(3));
        expect(redacted).toContain(intake.REDACTED.phone);
      }),
      RUNS,
    );
  });

  it('redacting redacted text changes nothing', () => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        const once = intake.redactPersonalData(text);
        expect(intake.redactPersonalData(once)).toBe(once);
      }),
      RUNS,
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ButtonAction,
  CATEGORIES,
  type CalendarDate,
  CLOSINGS,
  decodeButton,
  encodeButton,
  parseClosing,
  parseStaffCommand,
  parseWarrantyArgs,
  STAFF_COMMANDS,
} from '../../../core/index.ts';
import { hostileText, longText, timed } from '../../support/hostile-text.ts';

const RUNS = { numRuns: 2_000 };
const TODAY = '2026-03-14' as CalendarDate;
const BOT = 'frontline_bot';
/** A parser on ordinary hardware takes well under a millisecond; a backtracking one takes seconds. */
const SLOW_MS = 250;

/** Text that reaches the parsers' deeper paths: commands, mentions, closings, key=value pairs. */
const staffText = fc.oneof(
  hostileText(),
  fc
    .tuple(
      fc.constantFrom(...STAFF_COMMANDS, 'take', 'nope', 'CLOSE', ''),
      fc.constantFrom('', `@${BOT}`, '@other_bot', '@'),
      hostileText(80),
    )
    .map(([name, mention, args]) => `/${name}${mention} ${args}`),
  fc
    .tuple(
      fc.constantFrom(...CLOSINGS, 'no fault found', '已修好', '已修復', '取消', ''),
      hostileText(60),
    )
    .map(([word, note]) => `${word} ${note}`),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...CATEGORIES, 'none', 'no-proof', '2025-02-30', '2025-01-05'),
        fc
          .tuple(
            fc.constantFrom('part', 'cause', 'production', 'replaced', 'repairs', 'wait', 'x'),
            fc.oneof(hostileText(12), fc.constantFrom('2', '-1', '1e9', 'compressor', '')),
          )
          .map(([k, v]) => `${k}=${v}`),
      ),
      { maxLength: 8 },
    )
    .map((tokens) => tokens.join(' ')),
);

describe('staff command parsing, on hostile text', () => {
  it('never throws; a command is one the bot has, with trimmed arguments, or unknown', () => {
    fc.assert(
      fc.property(staffText, (text) => {
        const command = parseStaffCommand(text, BOT);
        expect(parseStaffCommand(text, BOT)).toEqual(command);
        if (command === undefined || command === 'unknown') return;
        expect(STAFF_COMMANDS).toContain(command.name);
        expect(command.args).toBe(command.args.trim());
      }),
      RUNS,
    );
  });

  it('never takes a command addressed to another bot', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STAFF_COMMANDS), hostileText(40), (name, args) => {
        expect(parseStaffCommand(`/${name}@other_bot ${args}`, BOT)).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('reads a closing as one of the ways to close, with a trimmed note', () => {
    fc.assert(
      fc.property(staffText, (text) => {
        const closing = parseClosing(text);
        if (closing === undefined) return;
        expect(CLOSINGS).toContain(closing.closing);
        expect(closing.note).toBe(closing.note.trim());
      }),
      RUNS,
    );
  });

  it('reads warranty arguments as a case or names the token it did not understand', () => {
    fc.assert(
      fc.property(staffText, (text) => {
        const parsed = parseWarrantyArgs(text, TODAY, CATEGORIES);
        expect(parseWarrantyArgs(text, TODAY, CATEGORIES)).toEqual(parsed);
        if ('error' in parsed) {
          expect(text.split(/\s+/)).toContain(parsed.error);
        } else {
          expect(parsed.value.reportDate).toBe(TODAY);
          if (typeof parsed.value.category === 'string')
            expect(CATEGORIES).toContain(parsed.value.category);
        }
      }),
      RUNS,
    );
  });

  it.each([
    ['parseStaffCommand', (text: string) => parseStaffCommand(text, BOT)],
    ['parseClosing', (text: string) => parseClosing(text)],
    ['parseWarrantyArgs', (text: string) => parseWarrantyArgs(text, TODAY, CATEGORIES)],
  ])('%s reads 1,000–6,000 characters in under 250 ms', (_name, parse) => {
    fc.assert(
      fc.property(longText, (text) => {
        expect(timed(() => parse(text))).toBeLessThan(SLOW_MS);
      }),
      { numRuns: 60 },
    );
  });
});

describe('button data, forged or stale', () => {
  const forged = fc.oneof(
    hostileText(64),
    fc
      .tuple(
        fc.constantFrom('cat', 'g', 'qc', 'lang', 'cancel', 'cb', 'st', 'w', 'x', ''),
        fc.array(
          fc.oneof(hostileText(20), fc.constantFrom('ok', 'broken', 'en', 'FL-260314-0001')),
          {
            maxLength: 4,
          },
        ),
      )
      .map(([head, parts]) => [head, ...parts].join(':')),
  );

  it('decodes only what the bot could have sent: a decoded action encodes back to the same data', () => {
    fc.assert(
      fc.property(forged, (data) => {
        const action: ButtonAction | undefined = decodeButton(data);
        if (action === undefined) return;
        expect(decodeButton(encodeButton(action))).toEqual(action);
      }),
      RUNS,
    );
  });

  it('decodes every button the bot sends for a product, a language or a check-back', () => {
    for (const category of CATEGORIES)
      expect(decodeButton(`cat:${category}`)).toEqual({ action: 'category', category });
    expect(decodeButton(encodeButton({ action: 'language', locale: 'en' }))).toEqual({
      action: 'language',
      locale: 'en',
    });
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, createTranslate, LOCALES_DIR } from '../../bot/i18n/index.ts';

/** Han ideographs and CJK and full-width punctuation. */
const CJK = '[\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF]';
/** A placeable (`{ … }`, a select's closing `}` too) and a CJK character with spaces between. */
const SPACED = new RegExp(`\\}[ \\t]+${CJK}|${CJK}[ \\t]+\\{`, 'u');

const CHINESE = ['zh-Hans', 'zh-Hant', 'zh-HK', 'zh-TW'] as const;
const lines = (locale: string) =>
  readdirSync(join(LOCALES_DIR, locale))
    .filter((file) => file.endsWith('.ftl'))
    .flatMap((file) =>
      readFileSync(join(LOCALES_DIR, locale, file), 'utf8')
        .split('\n')
        .map((line, index) => ({ where: `${locale}/${file}:${index + 1}`, line })),
    );

describe('Chinese messages (review9 L7)', () => {
  it.each(CHINESE)('%s: no space between a placeable and a CJK character', (locale) => {
    const spaced = lines(locale).filter(({ line }) => !line.startsWith('#') && SPACED.test(line));
    expect(spaced.map(({ where, line }) => `${where}: ${line.trim()}`)).toEqual([]);
  });

  it('renders the review’s examples without the stray spaces', () => {
    const i18n = createI18n();
    const hans = createTranslate(i18n, 'zh-Hans');
    const hk = createTranslate(i18n, 'zh-HK');
    expect(hans('duration', { unit: 'h', n: 2 })).toBe('2小时');
    expect(hk('duration', { unit: 'm', n: 30 })).toBe('30分鐘');
    expect(hans('guide-fixed', { after: hans('duration', { unit: 'h', n: 2 }) })).toContain(
      '我会在2小时后回访',
    );
    expect(hk('warranty-depends', { basis: 'purchase', date: '2025年12月1日' })).toContain(
      '若在2025年12月1日當天或之後購買',
    );
  });

  it('catches the spacing it forbids', () => {
    expect(SPACED.test('上班后 { $contactWithin } 内')).toBe(true);
    expect(SPACED.test('} 如有问题')).toBe(true);
    expect(SPACED.test('上班后{ $contactWithin }内')).toBe(false);
    expect(SPACED.test('请先 /reopen。')).toBe(false);
  });
});

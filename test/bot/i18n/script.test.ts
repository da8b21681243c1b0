import { describe, expect, it } from 'vitest';
import { detectScript, followScript, localeFor } from '../../../bot/i18n/script.ts';
import { initialState } from '../../../core/index.ts';

describe('reply language follows the customer', () => {
  it.each([
    ['冰箱不制冷了', 'simplified'],
    ['雪櫃唔凍', 'traditional'],
    ['熱水器沒有熱水', 'traditional'],
    ['my fridge is warm', 'latin'],
    ['E21', 'none'],
    ['ok', 'none'],
    ['😡😡', 'none'],
    ['冰箱 not cold', 'chinese'],
    // The same in both scripts.
    ['不行', 'chinese'],
    ['好的', 'chinese'],
    ['可以', 'chinese'],
    ['2026年3月14日', 'chinese'],
  ])('reads %j as %s', (text, script) => {
    expect(detectScript(text)).toBe(script);
  });

  it.each([
    ['en', '冰箱不制冷了', 'zh-Hans'],
    ['zh-Hans', '雪櫃唔凍，點算好', 'zh-HK'],
    ['zh-Hans', '熱水器沒有熱水', 'zh-Hant'],
    ['zh-TW', '熱水器沒有熱水', 'zh-TW'],
    ['zh-HK', '熱水器沒有熱水', 'zh-HK'],
    ['zh-TW', '部熱水爐冇熱水', 'zh-HK'],
    ['en', '個熱水爐好大陣煤氣味', 'zh-HK'],
    ['zh-Hans', '雪櫃不夠冷，插蘇有燒焦味', 'zh-HK'],
    ['zh-TW', '熱水爐沒有熱水', 'zh-TW'],
    ['zh-Hant', '热水器没有热水', 'zh-Hans'],
    ['zh-HK', 'the washer will not drain', 'en'],
    ['zh-Hant', 'the washer will not drain', 'en'],
    ['zh-Hans', 'E21', 'zh-Hans'],
    // Chinese the same in both scripts keeps a Traditional reader (and the region) where they are.
    ['zh-TW', '不行', 'zh-TW'],
    ['zh-HK', '2026年3月14日', 'zh-HK'],
    ['zh-Hant', '好的', 'zh-Hant'],
    ['en', '你好', 'zh-Hans'],
    ['en', '不行', 'zh-Hans'],
  ] as const)('switches %s to %s on %j', (from, text, to) => {
    expect(followScript(initialState(from), { type: 'text', text }).locale).toBe(to);
  });

  it('keeps the language the customer chose with /language', () => {
    const chosen = { ...initialState('en'), localeChosen: true };
    expect(followScript(chosen, { type: 'text', text: '冰箱不制冷了' }).locale).toBe('en');
  });

  it.each([
    ['zh-TW', undefined, 'zh-TW'],
    ['zh-tw', undefined, 'zh-TW'],
    ['zh-hk', undefined, 'zh-HK'],
    ['zh-HK', undefined, 'zh-HK'],
    ['zh-mo', undefined, 'zh-HK'],
    ['zh-Hant-HK', undefined, 'zh-HK'],
    ['zh-Hant-TW', undefined, 'zh-TW'],
    ['zh-hant', undefined, 'zh-Hant'],
    ['zh-Hant', undefined, 'zh-Hant'],
    ['zh-hans-hk', undefined, 'zh-Hans'],
    ['en', 'zh-HK', 'zh-HK'],
    ['zh-hans', undefined, 'zh-Hans'],
    ['zh', undefined, 'zh-Hans'],
    ['ru', undefined, 'en'],
    [undefined, undefined, 'en'],
    ['en', 'zh-Hant', 'zh-Hant'],
    ['zh-CN', 'bogus', 'zh-Hans'],
  ])('picks the locale for language_code %s with stored %s', (code, stored, locale) => {
    expect(localeFor(code, stored)).toBe(locale);
  });
});

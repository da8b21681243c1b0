import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTraditionalLocales } from '../../bot/i18n/build-hant.ts';
import { createI18n, createTranslate, LOCALES_DIR } from '../../bot/i18n/index.ts';
import {
  ALL_MESSAGE_KEYS,
  askField,
  CATEGORIES,
  type Category,
  LOCALES,
} from '../../core/index.ts';
import { draftOf } from '../support/conversation.ts';
import { realTurnContext } from '../support/turn-context.ts';

const messageIds = (locale: string) =>
  readdirSync(join(LOCALES_DIR, locale))
    .filter((file) => file.endsWith('.ftl'))
    .flatMap((file) => [
      ...readFileSync(join(LOCALES_DIR, locale, file), 'utf8').matchAll(/^([a-z][\w-]*) =/gm),
    ])
    .map((match) => match[1])
    .sort();

describe('locale files', () => {
  it('define the same messages in every locale', () => {
    const english = messageIds('en');
    expect(english.length).toBeGreaterThan(10);
    for (const locale of LOCALES) expect(messageIds(locale), locale).toEqual(english);
  });

  it('have zh-Hant generated from the current zh-Hans (run `npm run locales`)', () => {
    for (const { file, text } of buildTraditionalLocales(LOCALES_DIR)) {
      expect(readFileSync(file, 'utf8'), file).toBe(text);
    }
  });
});

describe('part names', () => {
  it('has a translation for every part the catalogue and the policy name', async () => {
    const { loadCatalogue } = await import('../../bot/content/index.ts');
    const { BUILT_IN_POLICY } = await import('../../core/index.ts');
    const parts = new Set<string>();
    for (const entry of loadCatalogue())
      for (const symptom of entry.symptoms) if (symptom.part) parts.add(symptom.part);
    for (const terms of Object.values(BUILT_IN_POLICY.categories))
      for (const part of Object.keys(terms?.mainParts ?? {})) parts.add(part);
    for (const locale of LOCALES) {
      const text = readFileSync(join(LOCALES_DIR, locale, 'warranty.ftl'), 'utf8');
      for (const part of parts) expect(text, `${locale} ${part}`).toContain(`[${part}]`);
    }
  });
});

describe('the generic safety text (a hazard whose product is not known)', () => {
  const generic = (locale: (typeof LOCALES)[number]) =>
    createTranslate(createI18n(), locale)('hazard-generic');

  it.each([
    ['en', /Do not touch any electrical switch/, /unplug|breaker|switch it off/i],
    ['zh-Hans', /不要开关任何电器开关/, /拔掉插头|关掉电闸|断路器/],
    ['zh-Hant', /不要開關任何電器開關/, /拔掉插頭|關掉電閘|斷路器/],
  ] as const)(
    'is gas-safe in %s: touch no switch, unplug nothing, leave and call from outside',
    (locale, must, never) => {
      const text = generic(locale);
      expect(text).toMatch(must);
      expect(text).not.toMatch(never);
    },
  );

  it('is the only generic safety text: triage content carries none', async () => {
    const { loadTriageContent } = await import('../../bot/content/index.ts');
    expect(Object.keys(loadTriageContent().content.fallback)).toEqual(['whichProduct']);
  });
});

describe('every message core can produce', () => {
  it('exists in every locale (keys are typed in core/conversation/messages.ts)', () => {
    for (const locale of LOCALES) {
      const ids = new Set(messageIds(locale));
      expect(
        ALL_MESSAGE_KEYS.filter((key) => !ids.has(key)),
        locale,
      ).toEqual([]);
    }
  });
});

describe('wording customers met (issue 10)', () => {
  const en = createTranslate(createI18n(), 'en');

  it('writes product buttons in sentence case', () => {
    expect(en('category-button', { category: 'refrigerator' })).toBe('Refrigerator');
    expect(en('category-button', { category: 'washing_machine' })).toBe('Washing machine');
  });

  it('does not ask a mobile number for an area code', () => {
    expect(en('error-phone-invalid')).not.toMatch(/with the area code/);
  });

  it('does not glue a question after "To be sure:"', () => {
    expect(en('clarify', { question: 'Which is closest?' })).toBe(
      'One question, so I get it right. Which is closest?',
    );
  });
});

describe('field errors (a question is never asked twice in a row after an error)', () => {
  const vars = { maxAgeYears: 30, hours: '08:00–18:00', horizonDays: 30, leadTime: '2 h' };
  const errorKeys = ALL_MESSAGE_KEYS.filter((key) => key.startsWith('error-'));

  it.each(LOCALES)(
    'say what is wrong and ask nothing in %s: the question follows once',
    (locale) => {
      const t = createTranslate(createI18n(), locale);
      expect(errorKeys.length).toBeGreaterThan(10);
      for (const key of errorKeys) expect(t(key, vars), key).not.toMatch(/[?？]/);
    },
  );
});

describe('the model-number question follows the product (issue 10)', () => {
  const context = realTurnContext();
  const ask = (locale: (typeof LOCALES)[number], category: Category) => {
    const reply = askField('model', draftOf({ category }), context);
    return createTranslate(createI18n(), locale)(reply.key, reply.vars as Record<string, string>);
  };
  const fallback = /usually on the back or the side/;

  it.each(CATEGORIES)('says where the nameplate of a %s is, with its own example', (category) => {
    const text = ask('en', category);
    expect(text).not.toMatch(fallback);
    expect(text).toContain(context.catalogue.category(category)?.modelExamples[0]);
    if (category !== 'refrigerator') expect(text).not.toMatch(/BCD-|fridge/);
    for (const locale of LOCALES) expect(ask(locale, category)).not.toMatch(/\{|\}/);
  });

  it('sends no one to look inside the door of a TV', () => {
    expect(ask('en', 'tv')).toMatch(/on the label on the back of the TV/);
    expect(ask('en', 'tv')).not.toMatch(/door/);
    expect(ask('zh-Hans', 'tv')).not.toMatch(/门/);
  });
});

describe('a symptom title is quoted, not pasted mid-sentence (issue 10)', () => {
  const title = "Won't start (door, child lock, delay or power)";

  it.each(LOCALES)('in %s', (locale) => {
    const text = createTranslate(createI18n(), locale)('guide-intro', { title });
    expect(text).toMatch(/["“「]Won't start \(door, child lock, delay or power\)["”」]/);
    expect(text).not.toMatch(/: Won't start/);
  });
});

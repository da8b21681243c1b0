import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, createTranslate, LOCALES_DIR } from '../../bot/i18n/index.ts';
import { LOCALES } from '../../core/index.ts';

const i18n = createI18n();
const ids = [
  ...readFileSync(join(LOCALES_DIR, 'en', 'staff.ftl'), 'utf8').matchAll(/^([a-z][\w-]*) =/gm),
].map((match) => match[1] as string);
const vars = {
  number: 'FL-260310-0001',
  name: 'Anna',
  from: 'Bob',
  holder: 'Anna',
  phone: '+8613800138000',
  minutes: 3,
  contactWithin: '30 minutes',
  hours: '08:00–18:00',
  code: 'ALREADY_TAKEN',
  state: 'resolved',
  closing: 'repaired',
  window: '2026-03-12 09:00–11:00',
  visit: '2026-03-12 09:00–11:00',
  pending: 'yes',
  which: 'new',
  words: 'x',
  reminder: '19:00',
  day: 'tomorrow',
  score: 4,
  comment: 'ok',
  count: 2,
  query: 'x',
  token: 'x',
  detail: 'x',
  priority: 'urgent',
  kind: 'fault',
  category: 'tv',
  label: 'hazard',
  symptom: 'x',
  model: 'X1',
  purchase: '2025-01-02',
  made: 'June 2025',
  photo: 'yes',
  description: 'x',
  address: 'x',
  time: '10:30',
  opens: '08:00',
  direction: 'in',
  text: 'x',
  age: 5,
  promise: 'pending',
  link: 'https://t.me/c/1/2',
  cancelled: 'yes',
  outcome: 'kept',
  relay: 'yes',
};

describe('staff locale messages', () => {
  it.each(LOCALES)('all parse and render in %s, with every variable filled', (locale) => {
    const t = createTranslate(i18n, locale);
    for (const id of ids) {
      const text = t(id, vars);
      expect(text, `${locale} ${id}`).not.toBe(id);
      expect(text, `${locale} ${id}`).not.toMatch(/\{\$?[a-z]/i);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createI18n, createTranslate } from '../../../bot/i18n/index.ts';
import { renderCard } from '../../../bot/render/staff.ts';
import {
  type Bilingual,
  createCatalogueView,
  type Locale,
  type Ticket,
  type TicketTriage,
} from '../../../core/index.ts';
import { catalogue } from '../../support/turn-context.ts';

const i18n = createI18n();
const view = createCatalogueView(catalogue);
const notCooling = view.symptom('refrigerator.not-cooling');
const settings = view.symptom('refrigerator.not-cold-enough-setting');
const [first, second] = notCooling?.checks ?? [];

function ticketWith(triage: TicketTriage): Ticket {
  const at = new Date('2026-03-10T02:00:00Z');
  return {
    id: 't1',
    number: 'FL-260310-0001',
    customerId: 'c1',
    productId: null,
    kind: 'fault',
    state: 'open',
    priority: 'normal',
    category: 'refrigerator',
    description: 'my fridge is not cooling',
    contact: { name: 'Ann Lee', phone: '+85291234567', address: null },
    triage,
    warranty: null,
    visitWindow: null,
    assigneeId: null,
    resolution: null,
    contactDueAt: null,
    contactedAt: null,
    createdAt: at,
    updatedAt: at,
    closedAt: null,
  };
}

function card(triage: TicketTriage, locale: Locale): string {
  const facts = {
    ticket: ticketWith(triage),
    product: undefined,
    transcript: [],
    warrantyCase: undefined,
    timeZone: 'Asia/Shanghai',
    now: new Date('2026-03-10T02:00:00Z'),
  };
  return renderCard(facts, view, createTranslate(i18n, locale), locale);
}

const base = { category: 'refrigerator' as const, symptomId: 'refrigerator.not-cooling' };
const action = (step: { action: Bilingual } | undefined) => step?.action as Bilingual;

describe('the staff card lists what the customer already ruled out, and only that', () => {
  it.each([
    {
      case: 'quick checks that did not help, in order',
      triage: { ...base, label: 'fault', ruledOut: [action(first), action(second)] },
      locale: 'en',
      shows: [
        'Already ruled out (none fixed it; in quotes, what the customer said they did):',
        `  1. ${first?.action.en}`,
        `  2. ${second?.action.en}`,
      ],
      hides: [],
    },
    {
      case: 'the ruled-out checks in the staff language',
      triage: { ...base, label: 'fault', ruledOut: [action(first)] },
      locale: 'zh-Hans',
      shows: ['已排除（均未解决；引号内为客户自己说已做过的）：', `  1. ${first?.action.zh}`],
      hides: [second?.action.zh],
    },
    {
      case: 'a fault whose checks were skipped: nothing claimed as tried',
      triage: { ...base, label: 'fault' },
      locale: 'en',
      shows: [],
      hides: ['Already tried', first?.action.en],
    },
    {
      // A misuse reading whose checks were skipped, or that was unclear after a question: its
      // guided steps were never done, so the card must not say they were.
      case: 'a misuse label with nothing recorded: its guided steps are not claimed as tried',
      triage: { ...base, label: 'misuse', symptomId: 'refrigerator.not-cold-enough-setting' },
      locale: 'en',
      shows: [],
      hides: ['Already tried', settings?.steps[0]?.action.en],
    },
  ] as const)('$case', ({ triage, locale, shows, hides }) => {
    const text = card(triage as TicketTriage, locale);
    for (const line of shows) expect(text).toContain(line);
    for (const line of hides) expect(text).not.toContain(line as string);
  });
});

describe('the staff card shows the production date the customer gave (warranty rule 1)', () => {
  const product = (photos: string[]) => ({
    id: 'p1',
    customerId: 'c1',
    category: 'refrigerator' as const,
    modelNumber: 'BCD-215',
    purchaseDate: null,
    purchasePeriod: null,
    productionDate: '2025-06-01',
    productionPeriod: {
      from: '2025-06-01',
      to: '2025-06-30',
      precision: 'month' as const,
      approximate: false,
    },
    proofPhotoFileIds: photos,
    createdAt: new Date('2026-03-10T02:00:00Z'),
  });
  const render = (photos: string[], locale: Locale) =>
    renderCard(
      {
        ticket: ticketWith({ ...base, label: 'fault' } as TicketTriage),
        product: product(photos) as never,
        transcript: [],
        warrantyCase: undefined,
        timeZone: 'Asia/Shanghai',
        now: new Date('2026-03-10T02:00:00Z'),
      },
      view,
      createTranslate(i18n, locale),
      locale,
    );

  it.each([
    [
      'en',
      /🏭 Made about June 2025, as the customer read it from the nameplate .*check it against the nameplate photo below/,
    ],
    ['zh-Hans', /🏭 生产日期：约2025年6月，客户从铭牌上读到.*请对照下方的铭牌照片核实/],
    ['zh-Hant', /🏭 生產日期：約2025年6月，客戶從銘牌上讀到.*請對照下方的銘牌照片核實/],
  ] as const)('in %s, with the month as the nameplate prints it', (locale, line) => {
    expect(render(['photo-1'], locale)).toMatch(line);
  });

  it('asks staff to get a photo when none was sent', () => {
    expect(render([], 'en')).toMatch(/no photo yet, ask for one/);
  });
});

describe('the staff card of a model answered with a photo only says the photo has it', () => {
  const render = (photos: string[], locale: Locale) =>
    renderCard(
      {
        ticket: ticketWith({ ...base, label: 'fault' } as TicketTriage),
        product: {
          id: 'p1',
          customerId: 'c1',
          category: 'refrigerator',
          modelNumber: null,
          purchaseDate: '2025-06-01',
          purchasePeriod: null,
          productionDate: null,
          productionPeriod: null,
          proofPhotoFileIds: photos,
          createdAt: new Date('2026-03-10T02:00:00Z'),
        } as never,
        transcript: [],
        warrantyCase: undefined,
        timeZone: 'Asia/Shanghai',
        now: new Date('2026-03-10T02:00:00Z'),
      },
      view,
      createTranslate(i18n, locale),
      locale,
    );

  it.each([
    ['en', /🏷 Model not typed: see the customer's photos below · bought/],
    ['zh-Hans', /🏷 型号：未填写：见下方客户发送的照片 · 购买日期：/],
    ['zh-Hant', /🏷 型號：未填寫：見下方客戶傳送的照片 · 購買日期：/],
  ] as const)('in %s', (locale, line) => {
    expect(render(['nameplate-1'], locale)).toMatch(line);
  });

  it('shows "-" only when there is neither a model nor a photo', () => {
    expect(render([], 'en')).toMatch(/🏷 Model - · bought/);
  });
});

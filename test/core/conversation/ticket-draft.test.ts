import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_POLICY,
  type CalendarDate,
  type Draft,
  dayPeriod,
  decideDraftWarranty,
  toDraftWarrantyCase,
  toNewTicket,
} from '../../../core/index.ts';

const base: Draft = {
  id: 'chat:1',
  reason: 'fault',
  urgent: false,
  description: 'fridge warm',
  category: 'refrigerator',
  nameplatePhotos: ['N'],
  invoicePhotos: ['I'],
  otherPhotos: ['O'],
  answered: [],
};
const d = (text: string) => text as CalendarDate;
const today = d('2026-03-10');
const march = {
  from: d('2025-03-01'),
  to: d('2025-03-31'),
  precision: 'month',
  approximate: false,
} as const;

describe('a confirmed draft as a warranty question and a ticket', () => {
  it('asks the warranty engine only once the purchase date was asked', () => {
    expect(toDraftWarrantyCase({ ...base, urgent: true }, today)).toBeUndefined();
    expect(toDraftWarrantyCase({ ...base, purchaseDate: null }, today)).toMatchObject({
      purchase: null,
      production: null,
      input: { cause: 'unknown' },
    });
    expect(
      toDraftWarrantyCase({ ...base, purchaseDate: march }, today, 'compressor'),
    ).toMatchObject({ purchase: march, input: { reportDate: today, part: 'compressor' } });
    expect(
      toDraftWarrantyCase(
        { ...base, category: undefined, purchaseDate: null } as unknown as Draft,
        today,
      ),
    ).toBeUndefined();
  });

  it('decides "last March" over the whole month, never as its first day', () => {
    const answer = decideDraftWarranty({ ...base, purchaseDate: march }, today, BUILT_IN_POLICY);
    expect(answer?.decision).toMatchObject({
      covered: true,
      charge: 'none',
      period: { from: '2025-03-01', to: '2025-03-31', holdsFrom: '2025-03-10' },
    });
  });

  it('counts from the production date without proof of purchase (rule 1)', () => {
    const answer = decideDraftWarranty(
      { ...base, purchaseDate: null, productionDate: dayPeriod(d('2025-06-01')) },
      today,
      BUILT_IN_POLICY,
    );
    expect(answer?.decision).toMatchObject({ covered: true, startBasis: 'production' });
  });

  it('files the purchase period with the product, its first day as the date', () => {
    const ticket = toNewTicket(
      { ...base, purchaseDate: march },
      'customer-1',
      null,
      'Asia/Shanghai',
    );
    expect(ticket.product).toMatchObject({ purchaseDate: '2025-03-01', purchasePeriod: march });
  });

  it('files the visit window as instants in the service time zone and keeps every photo', () => {
    const ticket = toNewTicket(
      {
        ...base,
        window: { date: today, startMinute: 480, endMinute: 600 },
        address: { kind: 'location', latitude: 22.3, longitude: 114.17 },
      },
      'customer-1',
      null,
      'Asia/Shanghai',
    );
    expect(ticket.visitWindow).toEqual({
      start: new Date('2026-03-10T00:00:00Z'),
      end: new Date('2026-03-10T02:00:00Z'),
    });
    expect(ticket.product?.proofPhotoFileIds).toEqual(['N', 'I', 'O']);
    expect(ticket.contact.address).toBe('geo:22.300000,114.170000');
  });

  it('keeps the photos of a ticket whose product was never named ("not sure"), with no category; no product and no photo files none', () => {
    const unnamed = {
      ...base,
      urgent: true,
      category: undefined,
      nameplatePhotos: [],
      invoicePhotos: [],
    };
    const kept = toNewTicket(unnamed, 'customer-1', null, 'Asia/Shanghai');
    expect(kept.category).toBeNull();
    expect(kept.product).toEqual({
      category: null,
      modelNumber: null,
      purchaseDate: null,
      purchasePeriod: null,
      productionDate: null,
      productionPeriod: null,
      proofPhotoFileIds: ['O'],
    });
    const none = toNewTicket({ ...unnamed, otherPhotos: [] }, 'customer-1', null, 'Asia/Shanghai');
    expect(none.product).toBeNull();
  });
});

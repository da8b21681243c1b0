import { describe, expect, it } from 'vitest';
import {
  type CalendarDate,
  type Draft,
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
const today = '2026-03-10' as CalendarDate;

describe('a confirmed draft as a warranty question and a ticket', () => {
  it('asks the warranty engine only once the purchase date was asked', () => {
    expect(toDraftWarrantyCase({ ...base, urgent: true }, today)).toBeUndefined();
    expect(toDraftWarrantyCase({ ...base, purchaseDate: null }, today)).toMatchObject({
      purchaseDate: null,
      cause: 'unknown',
    });
    expect(
      toDraftWarrantyCase(
        { ...base, purchaseDate: '2025-03-01' as CalendarDate },
        today,
        'compressor',
      ),
    ).toMatchObject({
      purchaseDate: '2025-03-01',
      reportDate: today,
      part: 'compressor',
    });
    expect(
      toDraftWarrantyCase(
        { ...base, category: undefined, purchaseDate: null } as unknown as Draft,
        today,
      ),
    ).toBeUndefined();
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
});

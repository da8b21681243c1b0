import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_POLICY,
  type CalendarDate,
  decideDraftWarranty,
  toErasedEventPayload,
  toErasedReference,
  toErasedWarranty,
} from '../../../core/index.ts';
import { draftOf } from '../../support/conversation.ts';

describe('what erasure keeps of a ticket', () => {
  it.each([
    ['a state change', { from: 'open' }, { from: 'open' }],
    [
      'a cancellation reason',
      { from: 'taken', reason: 'erased' },
      { from: 'taken', reason: 'erased' },
    ],
    ['a note', { text: 'customer 王小明 prefers calls after 5pm' }, {}],
    [
      'a visit window',
      { from: 'taken', window: { start: '2026-03-11T01:00:00Z', end: '2026-03-11T03:00:00Z' } },
      { from: 'taken' },
    ],
    [
      'the filing',
      { number: 'FL-260310-0001', priority: 'urgent', category: 'tv' },
      { priority: 'urgent', category: 'tv' },
    ],
    ['a topic', { topicId: 77, recreated: false }, { recreated: false }],
    ['a rating', { score: 4 }, { score: 4 }],
    [
      'a resolution code',
      { from: 'scheduled', resolution: 'repaired' },
      { from: 'scheduled', resolution: 'repaired' },
    ],
    [
      'a free-text resolution',
      { from: 'scheduled', resolution: 'fixed it at 12 Nathan Road' },
      { from: 'scheduled' },
    ],
    ['a reason that is free text', { reason: 'Alice moved to Kowloon' }, {}],
  ])('keeps only the codes of %s', (_title, payload, kept) => {
    expect(toErasedEventPayload(payload)).toEqual(kept);
  });

  it('keeps the warranty verdict without the dates that give the purchase date away', () => {
    const erased = toErasedWarranty({
      covered: true,
      remedies: ['repair'],
      charge: 'none',
      start: '2025-11-10' as CalendarDate,
      startBasis: 'purchase',
      clauses: [
        { id: 'whole-unit-term', until: '2026-11-10' as CalendarDate, months: 12 },
        { id: 'main-part-term', until: '2028-11-10' as CalendarDate, months: 36, part: 'motor' },
      ],
    });
    expect(erased).toEqual({
      covered: true,
      remedies: ['repair'],
      charge: 'none',
      clauses: [
        { id: 'whole-unit-term', months: 12 },
        { id: 'main-part-term', months: 36, part: 'motor' },
      ],
    });
    expect(JSON.stringify(erased)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('drops the dates of a vague date’s answers and of the unit’s answer beside a likely part (review11 E1)', () => {
    const decision = decideDraftWarranty(
      draftOf({
        category: 'refrigerator',
        purchaseDate: {
          from: '2025-03-01' as CalendarDate,
          to: '2025-03-31' as CalendarDate,
          precision: 'month',
          approximate: false,
        },
      }),
      '2026-03-10' as CalendarDate,
      BUILT_IN_POLICY,
      'compressor',
    )?.decision;
    if (!decision) throw new Error('no warranty question');
    // Before: the unit's answer over the month is there, with its dates.
    expect(decision.otherwise?.period?.earlier).toHaveLength(1);
    const erased = toErasedWarranty(decision);
    expect(erased).toMatchObject({ covered: true, otherwise: { covered: true } });
    expect(JSON.stringify(erased)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('names an erased ticket by a random reference, not by its number', () => {
    expect(toErasedReference('3F9A0C71B2DE')).toBe('ERASED-3F9A0C71B2DE');
  });
});

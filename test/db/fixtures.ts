import {
  type CalendarDate,
  type NewTicket,
  parseIsoDate,
  type WarrantyDecision,
} from '../../core/index.ts';

export const day = (text: string) => parseIsoDate(text) as CalendarDate;

export const WARRANTY: WarrantyDecision = {
  covered: true,
  remedies: ['repair'],
  charge: 'none',
  start: day('2024-01-02'),
  startBasis: 'purchase',
  clauses: [{ id: 'whole-unit-term', until: day('2025-01-02'), months: 12 }],
};

/** A complete ticket as the intake flow files it, for `customerId`. */
export function newTicket(customerId: string, overrides: Partial<NewTicket> = {}): NewTicket {
  return {
    customerId,
    priority: 'normal',
    category: 'refrigerator',
    description: '冰箱不制冷了',
    contact: { name: '王小明', phone: '13800138000', address: '上海市浦东新区世纪大道100号' },
    triage: { label: 'fault', category: 'refrigerator', symptomId: 'refrigerator.not-cooling' },
    warranty: WARRANTY,
    visitWindow: null,
    product: {
      category: 'refrigerator',
      modelNumber: 'BCD-470WDPG',
      purchaseDate: day('2024-01-02'),
      purchasePeriod: {
        from: day('2024-01-02'),
        to: day('2024-01-02'),
        precision: 'day',
        approximate: false,
      },
      productionDate: null,
      productionPeriod: null,
      proofPhotoFileIds: ['AgACAgUAAxkBAAIB'],
    },
    ...overrides,
  };
}

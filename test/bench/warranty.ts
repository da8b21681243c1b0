import {
  BUILT_IN_POLICY,
  type CalendarDate,
  decideWarranty,
  type WarrantyCase,
} from '../../core/index.ts';
import type { Benchmark } from './harness.ts';

const cases: WarrantyCase[] = [
  {
    category: 'refrigerator',
    purchaseDate: '2025-03-14' as CalendarDate,
    reportDate: '2025-03-20' as CalendarDate,
    cause: 'normal_use',
    priorRepairs: 0,
    partsWaitDays: 0,
  },
  {
    category: 'computer',
    purchaseDate: null,
    productionDate: '2024-01-01' as CalendarDate,
    reportDate: '2026-06-01' as CalendarDate,
    cause: 'user_damage',
    part: 'hard_disk',
    priorRepairs: 0,
    partsWaitDays: 0,
  },
  {
    category: 'washing_machine',
    purchaseDate: '2024-02-29' as CalendarDate,
    reportDate: '2024-11-30' as CalendarDate,
    cause: 'unknown',
    part: 'motor',
    partReplacedOn: '2024-06-01' as CalendarDate,
    priorRepairs: 2,
    partsWaitDays: 31,
  },
];

/** Warranty decisions per second (the engine the bot and `warranty check` share). */
export const warrantyBenchmarks: Benchmark[] = [
  {
    name: 'warranty_decisions_per_s',
    unit: 'decisions/s',
    setup() {
      let i = 0;
      return () => {
        decideWarranty(cases[i++ % cases.length] as WarrantyCase, BUILT_IN_POLICY);
      };
    },
  },
];

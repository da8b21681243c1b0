import { describe, expect, it } from 'vitest';
import {
  type DatePrecision,
  type ProductionDateErrorCode,
  parseProductionDate,
} from '../../../core/intake/index.ts';
import type { CalendarDate } from '../../../core/shared/calendar-date.ts';

const TODAY = '2024-03-14' as CalendarDate;

describe('parseProductionDate', () => {
  it.each<[string, string, string, DatePrecision]>([
    ['2024.03', '2024-03-01', '2024-03-14', 'month'],
    ['2023.11', '2023-11-01', '2023-11-30', 'month'],
    ['2024-03-05', '2024-03-05', '2024-03-05', 'day'],
    ['生产日期 2024年3月', '2024-03-01', '2024-03-14', 'month'],
    ['生產日期：2023年12月', '2023-12-01', '2023-12-31', 'month'],
    ['出厂日期2023-08-09', '2023-08-09', '2023-08-09', 'day'],
    ['MFG DATE 03/2023', '2023-03-01', '2023-03-31', 'month'],
    ['MFG. DATE: 03/2023', '2023-03-01', '2023-03-31', 'month'],
    ['MFD: MAR 2023', '2023-03-01', '2023-03-31', 'month'],
    ['Date of manufacture 2023-06', '2023-06-01', '2023-06-30', 'month'],
    ['202306', '2023-06-01', '2023-06-30', 'month'],
    ['型号 BCD-215 生产日期 2023.06 220V~50Hz', '2023-06-01', '2023-06-30', 'month'],
    ['S/N 8H2306A0123 MFD 2023.06.18', '2023-06-18', '2023-06-18', 'day'],
    ['製造年月 民國112年6月', '2023-06-01', '2023-06-30', 'month'],
    ['二〇二三年六月', '2023-06-01', '2023-06-30', 'month'],
  ])('reads %j as %s to %s (%s)', (text, from, to, precision) => {
    expect(parseProductionDate(text, { today: TODAY })).toEqual({
      ok: true,
      value: { from, to, precision, approximate: false },
    });
  });

  it.each<[string, ProductionDateErrorCode]>([
    ['', 'DATE.UNPARSEABLE'],
    ['BCD-215', 'DATE.UNPARSEABLE'],
    ['生产日期 看不清', 'DATE.UNPARSEABLE'],
    ['202313', 'DATE.NO_SUCH_DAY'],
    ['2023-02-29', 'DATE.NO_SUCH_DAY'],
    ['2024.04', 'DATE.FUTURE'],
    ['MFG DATE 05/2024', 'DATE.FUTURE'],
    ['1990.01', 'DATE.TOO_OLD'],
  ])('refuses %j with %s', (text, code) => {
    expect(parseProductionDate(text, { today: TODAY })).toEqual({ ok: false, code });
  });
});

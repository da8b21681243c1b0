import { describe, expect, it } from 'vitest';
import {
  type ModelNumberErrorCode,
  type ModelPatternsByCategory,
  matchModel,
  normaliseModelNumber,
  parseModelNumber,
} from '../../../core/intake/index.ts';
import type { Category } from '../../../core/warranty/index.ts';

const PATTERNS: ModelPatternsByCategory = {
  refrigerator: ['^BCD-\\d{2,3}[A-Z0-9]*$'],
  washing_machine: ['^(XQG|XQB)\\d{2,3}-[A-Z0-9]+$', '^TG\\d{2,3}[A-Z0-9]*$'],
  air_conditioner: ['^KF[RD]?-\\d{2,3}[A-Z]*(/[A-Z0-9()-]+)?$'],
  microwave: ['^(M|MG|EG)\\d[A-Z0-9-]*$'],
  dishwasher: ['^(WQP|M)\\d{2}[A-Z0-9-]*$'],
  computer: ['^(ABC'],
};

describe('normaliseModelNumber', () => {
  it.each([
    ['  bcd-215tdga ', 'BCD-215TDGA'],
    ['ＢＣＤ－２１５ＴＤＧＡ', 'BCD-215TDGA'],
    ['BCD–215TDGA', 'BCD-215TDGA'],
    ['BCD—215TDGA', 'BCD-215TDGA'],
    ['BCD‐215TDGA', 'BCD-215TDGA'],
    ['BCD‑215TDGA', 'BCD-215TDGA'],
    ['BCD - 215TDGA', 'BCD-215TDGA'],
    ['KFR-35GW / BP3DN8Y', 'KFR-35GW/BP3DN8Y'],
    ['型号:BCD-215TDGA', 'BCD-215TDGA'],
    ['型号：BCD-215TDGA', 'BCD-215TDGA'],
    ['型號 BCD-215TDGA', 'BCD-215TDGA'],
    ['产品型号是 BCD-215TDGA', 'BCD-215TDGA'],
    ['Model: xqg100-b14', 'XQG100-B14'],
    ['MODEL NO. XQG100-B14', 'XQG100-B14'],
    ['Model No: XQG100-B14', 'XQG100-B14'],
    ['model number XQG100-B14', 'XQG100-B14'],
    ['“BCD-215TDGA”。', 'BCD-215TDGA'],
    ['UA55   RU7100', 'UA55 RU7100'],
  ])('normalises %j to %s', (text, normalised) => {
    expect(normaliseModelNumber(text)).toBe(normalised);
  });
});

describe('parseModelNumber', () => {
  it.each([
    ['bcd-215tdga', true],
    ['型号：BCD－215WDPV', true],
    ['BCD-2', false],
    ['XQG100-B14', false],
  ])('says whether %j matches the refrigerator patterns (%s)', (text, matches) => {
    const result = parseModelNumber(text, PATTERNS.refrigerator);
    expect(result).toMatchObject({ ok: true, value: { matchesCategory: matches } });
  });

  it('accepts a model number with no patterns to check, not matching any category', () => {
    expect(parseModelNumber('ABC123')).toEqual({
      ok: true,
      value: { normalised: 'ABC123', matchesCategory: false, candidates: [] },
    });
  });

  it('matches a pattern after dropping spaces the customer typed inside the model number', () => {
    expect(parseModelNumber('BCD 215 TDGA', PATTERNS.refrigerator)).toMatchObject({
      ok: true,
      value: { normalised: 'BCD 215 TDGA', matchesCategory: false },
    });
    expect(parseModelNumber('TG 100 V', PATTERNS.washing_machine)).toMatchObject({
      ok: true,
      value: { normalised: 'TG100V', matchesCategory: true },
    });
  });

  it.each<[string, ModelNumberErrorCode]>([
    ['', 'MODEL.EMPTY'],
    ['型号：', 'MODEL.EMPTY'],
    ['---', 'MODEL.NOT_A_MODEL'],
    ['?!.', 'MODEL.EMPTY'],
    ['///', 'MODEL.NOT_A_MODEL'],
    ['冰箱不制冷了', 'MODEL.NOT_A_MODEL'],
    ['我的冰箱型号是BCD-215', 'MODEL.NOT_A_MODEL'],
    ['it is the big white one from 2019', 'MODEL.NOT_A_MODEL'],
    ['BCD@215', 'MODEL.NOT_A_MODEL'],
    ['BCD-215🙂', 'MODEL.NOT_A_MODEL'],
    ['A1', 'MODEL.TOO_SHORT'],
    ['7', 'MODEL.TOO_SHORT'],
    [`${'X'.repeat(38)}123`, 'MODEL.TOO_LONG'],
    ['samsung', 'MODEL.NO_DIGITS'],
    ['dont know', 'MODEL.NO_DIGITS'],
  ])('rejects %j with %s', (text, code) => {
    expect(parseModelNumber(text, PATTERNS.refrigerator)).toMatchObject({ ok: false, code });
  });

  it('accepts exactly 3 and exactly 40 characters', () => {
    expect(parseModelNumber('A12').ok).toBe(true);
    expect(parseModelNumber(`${'X'.repeat(37)}123`).ok).toBe(true);
  });
});

describe('matchModel', () => {
  it.each<[string, Category | undefined, boolean, Category | undefined, Category[]]>([
    ['BCD-215TDGA', 'refrigerator', true, 'refrigerator', ['refrigerator']],
    ['BCD-215TDGA', undefined, true, 'refrigerator', ['refrigerator']],
    ['xqg100-b14', 'refrigerator', false, 'washing_machine', ['washing_machine']],
    ['KFR-35GW/BP3DN8Y', 'air_conditioner', true, 'air_conditioner', ['air_conditioner']],
    ['kfr - 35gw / bp3dn8y', undefined, true, 'air_conditioner', ['air_conditioner']],
    ['M12ABC', undefined, true, undefined, ['microwave', 'dishwasher']],
    ['M12ABC', 'dishwasher', true, 'dishwasher', ['microwave', 'dishwasher']],
    ['M12ABC', 'refrigerator', false, undefined, ['microwave', 'dishwasher']],
    ['ZZ-9000', 'refrigerator', false, undefined, []],
    ['ZZ-9000', undefined, false, undefined, []],
  ])(
    'matches %j against the catalogue (expected %s)',
    (text, category, matches, matched, candidates) => {
      const result = matchModel(text, PATTERNS, category);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value.matchesCategory).toBe(matches);
      expect(result.value.matchedCategory).toBe(matched);
      expect(result.value.candidates).toEqual(candidates);
    },
  );

  it('ignores a pattern that is not a valid regular expression', () => {
    expect(matchModel('ABC123', PATTERNS)).toMatchObject({ ok: true, value: { candidates: [] } });
  });

  it('rejects non-model text before matching', () => {
    expect(matchModel('washing machine', PATTERNS)).toEqual({ ok: false, code: 'MODEL.NO_DIGITS' });
  });
});

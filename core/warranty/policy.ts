import { z } from 'zod';

export const CATEGORIES = [
  'refrigerator',
  'washing_machine',
  'air_conditioner',
  'water_heater',
  'tv',
  'microwave',
  'dishwasher',
  'computer',
  'network',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CAUSES = [
  'normal_use',
  'unknown',
  'user_damage',
  'liquid_ingress',
  'wrong_voltage',
  'unauthorized_repair',
  'unlicensed_software',
  'force_majeure',
  'third_party_accessory',
] as const;
export type Cause = (typeof CAUSES)[number];
export type ExcludedCause = Exclude<Cause, 'normal_use' | 'unknown'>;

const months = z.number().int().min(0).max(600);
const days = z.number().int().min(0).max(3650);
const partName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a part name in snake_case');

const categoryTerms = z.strictObject({
  wholeUnitMonths: months,
  onSiteMonths: months,
  mainParts: z.record(partName, months).default({}),
});

/**
 * The warranty policy as data. The built-in policy ({@link BUILT_IN_POLICY}) is the seed's
 * commitments on top of the PRC "three guarantees" rules; `WARRANTY_POLICY_FILE` replaces it.
 */
export const warrantyPolicySchema = z.strictObject({
  name: z.string().min(1),
  /** Days after the production date at which an unproven purchase is deemed to start. */
  graceDays: days,
  /** Refund, exchange or repair while the report is within this many days of the start. */
  returnDays: days,
  /** Exchange or repair while the report is within this many days of the start. */
  exchangeDays: days,
  /** The repeat-failure and parts-wait exchange rules apply within this many months of the start. */
  exchangeRuleMonths: months,
  /** Warranty repairs of the same part after which a further failure earns an exchange. */
  repeatRepairs: z.number().int().min(1),
  /** Days without a repair for lack of parts after which an exchange is offered (strictly more). */
  partsWaitDays: days,
  excludedCauses: z.array(z.enum(CAUSES).exclude(['normal_use', 'unknown'])),
  categories: z.partialRecord(z.enum(CATEGORIES), categoryTerms),
});

export type WarrantyPolicy = z.output<typeof warrantyPolicySchema>;
export type CategoryTerms = z.output<typeof categoryTerms>;

const mainParts = (names: string[], term: number) =>
  Object.fromEntries(names.map((name) => [name, term]));
const appliance = (parts: string[]) => ({
  wholeUnitMonths: 12,
  onSiteMonths: 12,
  mainParts: mainParts(parts, 36),
});

/** The built-in policy: the table in design.md ("Warranty engine"). */
export const BUILT_IN_POLICY: WarrantyPolicy = warrantyPolicySchema.parse({
  name: 'built-in (seed commitments + PRC three guarantees)',
  graceDays: 90,
  returnDays: 7,
  exchangeDays: 15,
  exchangeRuleMonths: 12,
  repeatRepairs: 2,
  partsWaitDays: 30,
  excludedCauses: [
    'user_damage',
    'liquid_ingress',
    'wrong_voltage',
    'unauthorized_repair',
    'unlicensed_software',
    'force_majeure',
    'third_party_accessory',
  ],
  categories: {
    refrigerator: appliance(['compressor', 'evaporator', 'condenser', 'main_board', 'thermostat']),
    washing_machine: appliance(['motor', 'program_controller', 'main_board']),
    air_conditioner: appliance(['compressor', 'fan_motor', 'main_board']),
    water_heater: appliance(['tank', 'heating_element', 'main_board']),
    tv: appliance(['panel', 'main_board', 'power_board']),
    microwave: appliance(['magnetron', 'main_board']),
    dishwasher: appliance(['motor', 'pump', 'main_board']),
    computer: {
      wholeUnitMonths: 12,
      onSiteMonths: 60,
      mainParts: mainParts(
        ['main_board', 'cpu', 'memory', 'display', 'hard_disk', 'keyboard', 'power_adapter'],
        24,
      ),
    },
    network: { wholeUnitMonths: 36, onSiteMonths: 36, mainParts: {} },
  },
});

/** A policy document that failed validation; the message names the source and the field. */
export type PolicyProblem = { source: string; field: string; problem: string };

/**
 * Validates a policy document. Returns the policy or the first problem, naming the field path
 * (`categories.tv.wholeUnitMonths`).
 */
export function parseWarrantyPolicy(
  document: unknown,
  source: string,
): { ok: true; policy: WarrantyPolicy } | { ok: false; problem: PolicyProblem } {
  const parsed = warrantyPolicySchema.safeParse(document);
  if (parsed.success) return { ok: true, policy: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    problem: {
      source,
      field: issue?.path.join('.') || '(document)',
      problem: issue?.message ?? 'invalid',
    },
  };
}

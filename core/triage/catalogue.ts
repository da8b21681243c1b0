import { z } from 'zod';
import { CATEGORIES } from '../warranty/policy.ts';

export const LABELS = ['misuse', 'fault', 'hazard'] as const;
export type Label = (typeof LABELS)[number];

const text = z.string().trim().min(1);
/** A text in both catalogue languages. Traditional Chinese is derived from `zh` (Simplified) when rendered. */
const bilingual = z.strictObject({ zh: text, en: text });
const phrases = z.strictObject({ zh: z.array(text).min(3), en: z.array(text).min(3) });

const step = z.strictObject({ action: bilingual, check: bilingual });

const symptomId = z
  .string()
  .regex(/^[a-z_]+\.[a-z0-9-]+$/, 'an id such as refrigerator.not-cooling');

export const symptomSchema = z.strictObject({
  id: symptomId,
  label: z.enum(LABELS),
  title: bilingual,
  /** How customers say it: colloquial, with typos, brand words, Traditional script and Cantonese. */
  phrases,
  /** Guided steps for `misuse` (one action each, what to look for); checks to report for others. */
  steps: z.array(step),
  /**
   * Quick checks offered before an engineer is sent when the report is not unmistakably a defect
   * (design.md "Decide by cost"): at most three, everyday causes first. Every `fault` has 1–3.
   */
  checks: z.array(step).max(3).default([]),
  /** What to tell the customer when the steps did not help. */
  ifFails: bilingual,
  /** The part most likely at fault, snake_case as in the warranty policy; for the ticket. */
  part: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .optional(),
});

export const categoryCatalogueSchema = z
  .strictObject({
    category: z.enum(CATEGORIES),
    title: bilingual,
    /** Words that name the product (冰箱, 雪櫃, fridge, freezer…). */
    names: z.strictObject({ zh: z.array(text).min(1), en: z.array(text).min(1) }),
    /** Regular expressions (JavaScript, matched case-insensitively) for this category's model numbers. */
    modelPatterns: z.array(text).min(1),
    /** Model numbers that must match `modelPatterns` (checked at load). */
    modelExamples: z.array(text).min(1),
    /** Safety instructions shown first for any hazard in this category, one per step. */
    safety: z.array(bilingual).min(2),
    /** Asked when triage is unsure which symptom this is. */
    clarify: bilingual,
    symptoms: z.array(symptomSchema).min(8),
  })
  .superRefine((entry, ctx) => {
    const seen = new Set<string>();
    entry.symptoms.forEach((symptom, index) => {
      if (!symptom.id.startsWith(`${entry.category}.`)) {
        ctx.addIssue({
          code: 'custom',
          path: ['symptoms', index, 'id'],
          message: `must start with "${entry.category}."`,
        });
      }
      if (seen.has(symptom.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['symptoms', index, 'id'],
          message: `duplicate id ${symptom.id}`,
        });
      }
      seen.add(symptom.id);
      if (symptom.label === 'fault' && symptom.checks.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['symptoms', index, 'checks'],
          message: 'a fault symptom needs 1–3 quick checks',
        });
      }
      if (symptom.label === 'misuse' && symptom.steps.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['symptoms', index, 'steps'],
          message: 'a misuse symptom needs guided steps',
        });
      }
    });
    entry.modelPatterns.forEach((pattern, index) => {
      try {
        new RegExp(pattern, 'i');
      } catch {
        ctx.addIssue({
          code: 'custom',
          path: ['modelPatterns', index],
          message: 'not a valid regular expression',
        });
      }
    });
  });

export type Symptom = z.output<typeof symptomSchema>;
export type CategoryCatalogue = z.output<typeof categoryCatalogueSchema>;
export type Bilingual = z.output<typeof bilingual>;
/** One guided step or quick check: what to do and what to look for. */
export type CatalogueStep = z.output<typeof step>;

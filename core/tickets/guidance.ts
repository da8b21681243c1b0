import type { Category } from '../warranty/policy.ts';

/**
 * How a guided case ended, asked at the check-back (the seed: "凡咨询后的用户2个小时后必须回访用户"):
 * the appliance works again, it is still broken, or nobody answered in time.
 */
export type GuidanceOutcome = 'working' | 'still_broken' | 'unconfirmed';

/**
 * A "walk through misuse guidance without a visit" case: what was reported, when to check back and
 * what came of it. The description is personal data: erased on request.
 */
export type GuidanceCase = {
  id: string;
  customerId: string;
  /** The chat the check-back goes to. */
  chatId: number;
  locale: string;
  category: Category;
  /** Catalogue symptom id whose steps were followed, such as `refrigerator.not-cooling`. */
  symptomId: string;
  /** The fault in the customer's words. Personal data: replaced on erasure. */
  description: string;
  checkBackAt: Date;
  /** `null` until the first answer (or the expiry) records one; it never changes after. */
  outcome: GuidanceOutcome | null;
  outcomeAt: Date | null;
  createdAt: Date;
};

/** What the bot opens; the store adds the id, the outcome fields and the creation time. */
export type NewGuidanceCase = Omit<GuidanceCase, 'id' | 'outcome' | 'outcomeAt' | 'createdAt'>;

/** Guided cases counted by outcome over a period. */
export type GuidanceOutcomeCounts = Record<'working' | 'stillBroken' | 'unconfirmed', number>;

/**
 * The share of guided cases solved without a visit: those that work again at the check-back over
 * all that have an outcome (an unanswered check-back counts as not solved: nobody confirmed it);
 * cases still waiting for their check-back are left out. `null` when no case has an outcome.
 */
export function decideSolvedWithoutVisitRate(counts: GuidanceOutcomeCounts): number | null {
  const answered = counts.working + counts.stillBroken + counts.unconfirmed;
  return answered === 0 ? null : counts.working / answered;
}

import { type DatePeriod, parsePurchaseDate } from '../intake/index.ts';
import type { Locale } from '../shared/locale.ts';
import type { Category } from '../warranty/policy.ts';
import { button, categoryButtons } from './buttons.ts';
import type { TurnContext } from './context.ts';
import type { Turn } from './events.ts';
import { dateLanguage } from './field-parsers.ts';
import type { ConversationState, Flow, Reply } from './state.ts';

type WarrantyFlow = Extract<Flow, { kind: 'warranty' }>;
type T = Turn<ConversationState>;

/**
 * Words that ask about the warranty: "warranty", "guarantee", "am I still covered", 保修, 保固,
 * Hong Kong's 保養 and 保用, 过保 / 過保, 在保, 三包.
 */
const WARRANTY_WORDS =
  /\b(?:warrant(?:y|ies|ee)|guarantee[ds]?)\b|\b(?:is|am|are)\s+(?:it|i|we|this|they|mine)\s+(?:still\s+)?covered\b|\bcovered\s+by\b|保修|保固|保養|保用|过保|過保|在保|三包/i;

export function isWarrantyQuestion(text: string): boolean {
  return WARRANTY_WORDS.test(text);
}

/** Clauses, commas included: "my washer won't drain, is it under warranty?" tells a problem. */
const clausesOf = (text: string) =>
  text
    .split(/[?？。！!；;,，、\n]+/)
    .map((clause) => clause.trim())
    .filter(Boolean);

/**
 * The clauses of a message that hold no warranty words ("still under warranty? I want a
 * technician" → "I want a technician"), joined; empty when every clause asks about the warranty.
 */
export function withoutWarrantyClauses(text: string): string {
  return clausesOf(text)
    .filter((clause) => !isWarrantyQuestion(clause))
    .join(' ');
}

/** At most three words, or five Chinese characters: a product named, no problem told. */
const isShortClause = (clause: string) =>
  (clause.match(/\p{Script=Han}/gu)?.length ?? 0) <= 5 &&
  clause
    .replace(/\p{Script=Han}/gu, ' ')
    .split(/\s+/)
    .filter(Boolean).length <= 3;

/**
 * A warranty question and nothing else ("is my fridge still under warranty? I bought it last
 * spring", "我的洗衣机还在保修期吗", "部雪櫃仲有冇保養"): warranty words, and every other clause a
 * purchase date or a few words. "洗衣机显示E21不排水，还在保修吗" tells a problem: it is a report
 * (its ticket carries the warranty answer).
 */
export function isWarrantyOnly(text: string, context: TurnContext, locale: Locale): boolean {
  if (!isWarrantyQuestion(text)) return false;
  return clausesOf(text).every(
    (clause) =>
      isWarrantyQuestion(clause) ||
      (isShortClause(clause) && !/\d/.test(clause)) ||
      readPurchaseDate(clause, context, locale) !== undefined,
  );
}

/** A purchase date told with the question: the first clause without warranty words that reads as one. */
export function purchaseDateIn(
  text: string,
  context: TurnContext,
  locale: Locale,
): DatePeriod | undefined {
  for (const clause of clausesOf(text)) {
    if (isWarrantyQuestion(clause)) continue;
    const read = readPurchaseDate(clause, context, locale);
    if (read) return read;
  }
  return undefined;
}

/**
 * A clause read as a purchase date by the parser alone: detecting a question asks no one else
 * (the model reads the answers the intake's parsers refuse, not every clause of every message).
 */
function readPurchaseDate(
  clause: string,
  context: TurnContext,
  locale: Locale,
): DatePeriod | undefined {
  const read = parsePurchaseDate(clause, {
    today: context.today,
    lang: dateLanguage(locale),
  });
  return read.ok ? read.value : undefined;
}

const at = (state: ConversationState, flow: Flow, replies: Reply[] = []): T => ({
  state: { ...state, flow },
  replies,
  effects: [],
});

/** The warranty question's pending question: the product, then the purchase date. */
export function warrantyAsk(flow: WarrantyFlow): Reply {
  return flow.category
    ? {
        key: 'warranty-ask-date',
        vars: { category: flow.category },
        buttons: [[button('button-no-proof', { action: 'skip', field: 'purchaseDate' })]],
      }
    : { key: 'warranty-ask-product', buttons: categoryButtons() };
}

/** The warranty question, asked from idle: the product (unless named), then the date. */
export function startWarrantyQuestion(
  state: ConversationState,
  text: string,
  category: Category | undefined,
  context: TurnContext,
): T {
  const flow: WarrantyFlow = { kind: 'warranty', text, ...(category ? { category } : {}) };
  if (!category) return at(state, flow, [warrantyAsk(flow)]);
  return withProduct(state, flow, context);
}

/** The product is known: answer at once when the question told the date, else ask for it. */
export function withProduct(state: ConversationState, flow: WarrantyFlow, context: TurnContext): T {
  const known = { ...state, ...(flow.category ? { category: flow.category } : {}) };
  const told = purchaseDateIn(flow.text, context, state.locale);
  if (told && flow.category) return answerWarranty(known, flow.category, told);
  return at(known, flow, [warrantyAsk(flow)]);
}

/** The engine's preliminary answer (the adapter renders it), and the conversation is idle again. */
export function answerWarranty(
  state: ConversationState,
  category: Category,
  purchaseDate: DatePeriod,
): T {
  return {
    state: { ...state, category, flow: { kind: 'idle' } },
    replies: [],
    effects: [{ type: 'answer-warranty', category, purchaseDate }],
  };
}

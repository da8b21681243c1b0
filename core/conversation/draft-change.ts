import { readYesNo } from '../intake/typed-answer.ts';
import type { Category } from '../warranty/policy.ts';
import type { TriageStep, TurnContext } from './context.ts';
import { formatWindow } from './format.ts';
import { clearField } from './intake.ts';
import {
  type ConversationState,
  type Draft,
  type DraftChange,
  type Flow,
  MORE_SAID_KEPT,
  MORE_SAID_MAX_LENGTH,
  type Reply,
} from './state.ts';
import { askNext, type T, turn, withFlow, yesNo } from './steps.ts';
import { withPurchaseDate } from './ticket-draft.ts';

/**
 * Changes the customer asks for in words while a ticket is prepared ("sorry, it's not the TV, it's
 * my monitor"; at the summary, "my number is wrong, it's 139…"): read, asked to confirm with
 * yes / no, then made. A button edit from the summary is the other way to the same change.
 */

type Filing = Extract<Flow, { kind: 'intake' | 'review' }>;

/** The yes / no question for a change. */
export function changeQuestion(change: DraftChange): Reply {
  switch (change.field) {
    case 'category':
      return {
        key: 'change-category-confirm',
        vars: { category: change.category },
        buttons: yesNo(),
      };
    case 'phone':
      return { key: 'change-phone-confirm', vars: { phone: change.phone }, buttons: yesNo() };
    case 'window':
      return {
        key: 'change-window-confirm',
        vars: { window: formatWindow(change.window) },
        buttons: yesNo(),
      };
  }
}

/** Asks to confirm `change`; `flow` (with anything the turn already kept) comes back after. */
export function proposeChange(state: ConversationState, flow: Filing, change: DraftChange): T {
  return turn(withFlow(state, { kind: 'confirm-change', change, previous: flow }), [
    changeQuestion(change),
  ]);
}

/**
 * The draft with the change made. A new product drops what belonged to the old one: its model
 * number (a nameplate photo stays with the ticket as a photo) and its symptom; the exact purchase
 * day is asked again if the new product's warranty depends on it.
 */
export function changedDraft(draft: Draft, change: DraftChange, context: TurnContext): Draft {
  switch (change.field) {
    case 'category': {
      const { symptomId: _old, ...rest } = clearField(draft, 'model');
      const next: Draft = {
        ...rest,
        category: change.category,
        otherPhotos: [...draft.otherPhotos, ...draft.nameplatePhotos],
      };
      return next.purchaseDate && !next.answered.includes('purchaseDay')
        ? withPurchaseDate(next, next.purchaseDate, context)
        : next;
    }
    case 'phone':
      return { ...clearField(draft, 'phone'), phone: change.phone };
    case 'window':
      return { ...clearField(draft, 'window'), window: change.window };
  }
}

/**
 * "Yes": the change is made; the intake goes on (a new product's model number is asked), or, from
 * the summary, the summary is shown again after any question the change raised.
 */
export function applyChange(
  state: ConversationState,
  previous: Filing,
  change: DraftChange,
  context: TurnContext,
): T {
  const draft = changedDraft(previous.draft, change, context);
  const next = change.field === 'category' ? { ...state, category: change.category } : state;
  const editing = previous.kind === 'review' || previous.editing;
  return askNext(next, draft, context, [{ key: 'changed' }], editing);
}

/** "also", "too", "还有", "仲有": a sentence that adds to the report, not one that corrects it. */
const ADDS_TO =
  /\b(?:also|too|as well|another|besides|plus|and my)\b|还有|還有|另外|仲有|同埋|以及|也|亦/i;

/** "not the TV, it's my monitor", "唔係電視，係雪櫃": the product denied, then the clause after it. */
const DENIED =
  /(?:\bnot\b|\bisn'?t\b|\bwasn'?t\b|不是|唔係|唔系|不係)[^,，。;；!！]*[,，。;；!！]\s*(\S.*)$/isu;

/**
 * The product a sentence told while a ticket is prepared names instead of the draft's: a correction
 * ("it's not the TV, it's my monitor") unless the sentence adds another problem ("the fridge is
 * clicking too"), which is kept for the engineer as before. Only a product the words name counts:
 * in the whole sentence, or, when that is the draft's own (denied), in the clause after the denial.
 */
export function correctedProduct(
  text: string,
  reading: TriageStep,
  draft: { category?: Category },
  context: Pick<TurnContext, 'triage'>,
): Category | undefined {
  if (!draft.category) return undefined;
  let product = namedProduct(reading);
  const after =
    product === undefined || product === draft.category ? DENIED.exec(text)?.[1] : undefined;
  if (after) product = namedProduct(context.triage(after, { asked: true }));
  if (!product || product === draft.category) return undefined;
  return ADDS_TO.test(text) ? undefined : product;
}

/** "sorry", "actually", "不好意思", "其实", "搞错": the customer correcting what they said. */
const CORRECTING =
  /\b(?:sorry|actually|i meant|my mistake|wrong one)\b|不好意思|唔好意思|其实|其實|搞错|搞錯|弄错|弄錯|应该是|應該是|唔係|不是/iu;

/**
 * "不好意思，不是电视，是我的显示器" during the guidance or the quick checks: the product is changed and
 * the customer asked what is wrong with it (the wrong product's steps are not counted as tried).
 * Only a correction counts ("not the TV, it's…", "sorry, it's the…"): another product named in
 * passing is not the customer leaving these steps. `undefined` when the text corrects no product.
 */
export function reportCorrected(
  state: ConversationState,
  flow: { category: Category },
  text: string,
  context: TurnContext,
): T | undefined {
  if (!CORRECTING.test(text)) return undefined;
  const product = correctedProduct(text, context.triage(text, { asked: true }), flow, context);
  if (!product) return undefined;
  return turn(withFlow({ ...state, category: product }, { kind: 'idle' }), [
    { key: 'category-chosen', vars: { category: product } },
  ]);
}

/**
 * The product a text names by a product word or a model number; never one the learned model read
 * from the symptom ("去年十月" is no product, whatever the model's best guess).
 */
export function namedProduct(reading: TriageStep): Category | undefined {
  return reading.kind !== 'hazard' && reading.named ? reading.category : undefined;
}

/**
 * A change typed under the summary instead of pressing its edit button: a new phone number in the
 * sentence (the phone parser finds it among other words), a visit time, or another product named.
 * `undefined` when the text asks for none.
 */
export function readChange(
  text: string,
  draft: Draft,
  context: TurnContext,
): DraftChange | undefined {
  const phone = context.fields.phone(text);
  if (phone.ok && phone.value.e164 !== draft.phone)
    return { field: 'phone', phone: phone.value.e164 };
  const window = context.fields.window(
    text,
    context.today,
    context.nowMinute,
    context.serviceHours,
  );
  if (window.ok && JSON.stringify(window.value) !== JSON.stringify(draft.window))
    return { field: 'window', window: window.value };
  const category = correctedProduct(text, context.triage(text, { asked: true }), draft, context);
  return category ? { field: 'category', category } : undefined;
}

/** As written (full-width punctuation kept), on one line, without control characters. */
export function oneLine(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}\s]+/gu, ' ')
    .trim()
    .slice(0, MORE_SAID_MAX_LENGTH);
}

/**
 * The draft with words typed under the summary kept for the engineer ("please call before
 * coming", "门铃坏了，请敲门", "call my husband on 0933…"); the same draft for a short reply, a yes
 * or no, or when enough has been kept already.
 */
export function withNote(draft: Draft, text: string): Draft {
  const kept = draft.moreSaid ?? [];
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const words = text.split(/\s+/).filter(Boolean).length;
  if ((han <= 4 && words <= 3) || kept.length >= MORE_SAID_KEPT || readYesNo(text)) return draft;
  return { ...draft, moreSaid: [...kept, oneLine(text)] };
}

import {
  ADDRESS_MAX_LENGTH,
  isDecline,
  MODEL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  readSmallTalk,
  readStatusQuestion,
} from '../../intake/index.ts';
import { foldText } from '../../intake/text.ts';
import type { Category } from '../../warranty/policy.ts';
import { button } from '../buttons.ts';
import type { TurnContext } from '../context.ts';
import { correctedProduct, namedProduct, oneLine, proposeChange } from '../draft-change.ts';
import {
  ADDRESS_DETAIL_MAX_LENGTH,
  askField,
  hasField,
  isOptional,
  skipField,
  withTried,
} from '../intake.ts';
import { errorKey, type FieldErrorCode, type MessageKey } from '../messages.ts';
import {
  type Button,
  type ConversationState,
  type Draft,
  type IntakeField,
  MORE_SAID_KEPT,
  type Reply,
} from '../state.ts';
import {
  askNext,
  hazardOr,
  knownCategory,
  safetyReplies,
  sharedPhone,
  smallTalkReply,
  type T,
  turn,
  withFlow,
} from '../steps.ts';
import type { FlowDefinition, FlowOf, TransitionInput } from '../table.ts';
import { withPurchaseDate } from '../ticket-draft.ts';
import { isWarrantyOnly, purchaseDateIn } from '../warranty-question.ts';
import { onCheckbackWhileFiling } from './review.ts';

type IntakeFlow = FlowOf<'intake'>;

/** Collecting a ticket's fields, one question at a time; `flow.field` is the one asked. */
export const intakeFlow: FlowDefinition<'intake'> = {
  pending: (_state, flow, context) => [askField(flow.field, flow.draft, context)],
  on: {
    text: {
      to: ['same', 'review', 'confirm-change'],
      handle: ({ state, flow, event, context, resume }) => {
        // "anyone there?", "还有人吗" after /human: the tickets (the question ticket among them),
        // then the question again, as /status does.
        if (readStatusQuestion(event.text)) {
          const shown = resume(state, []);
          return { ...shown, effects: [{ type: 'list-tickets' }, ...shown.effects] };
        }
        // "hi", "thanks" between questions: answered, and the question asked again.
        const talk = readSmallTalk(event.text);
        return talk && !isDecline(event.text)
          ? resume(state, [smallTalkReply(talk)])
          : onValue(state, flow, flow.field, event.text, context);
      },
    },
    contact: {
      to: ['same', 'review'],
      handle: ({ state, flow, event, context }) =>
        onValue(state, flow, 'phone', sharedPhone(event.phone), context),
    },
    location: { to: ['same'], handle: onLocation },
    photo: { to: ['same', 'review'], handle: onPhoto },
    'button:category': {
      to: ['same', 'review'],
      handle: ({ state, flow, event, context, unhandled }) =>
        flow.field === 'category'
          ? resolved(state, flow, { ...flow.draft, category: event.category }, context)
          : unhandled(),
    },
    'button:skip': {
      to: ['same', 'review'],
      handle: ({ state, flow, event, context, unhandled }) =>
        flow.field === event.field && isOptional(flow.field, flow.draft)
          ? resolved(state, flow, skipField(flow.draft, flow.field), context)
          : unhandled(),
    },
    'button:window': { to: ['same', 'review'], handle: onWindowButton },
    'button:keep': { to: ['same', 'review'], handle: onKeep },
    checkback: { to: ['same'], handle: onCheckbackWhileFiling },
  },
};

/**
 * A field is filled: on to the next field; when editing from the summary, back to it (after any
 * question the new answer raised, such as the exact day of a vague purchase date).
 */
function resolved(
  state: ConversationState,
  flow: IntakeFlow,
  draft: Draft,
  context: TurnContext,
  before: Reply[] = [],
): T {
  return askNext(state, draft, context, before, flow.editing && hasField(draft, flow.field));
}

function onValue(
  state: ConversationState,
  flow: IntakeFlow,
  field: IntakeField,
  text: string,
  context: TurnContext,
): T {
  if (flow.field !== field && field === 'phone') {
    // A shared contact while another field is asked: keep it, then ask the same field again.
    const parsed = context.fields.phone(text);
    if (!parsed.ok)
      return turn(state, [
        { key: errorKey(parsed.code) },
        askField(flow.field, flow.draft, context),
      ]);
    const draft = { ...flow.draft, phone: parsed.value.e164 };
    return turn(withFlow(state, { ...flow, draft }), [
      { key: 'phone-saved' },
      askField(flow.field, draft, context),
    ]);
  }
  const draft = flow.draft;
  const danger = { ...knownCategory(draft), description: draft.description };
  // An answer is read as the field first ("John Sparks" is a name); only text that is not a valid
  // answer is checked for danger ("now it is smoking!"), which then comes first.
  const retry = (code: FieldErrorCode): T =>
    hazardOr(
      state,
      text,
      danger,
      context,
      () =>
        warrantyAside(state, flow, text, context) ??
        keptAsMoreSaid(state, flow, text, context) ??
        notRead(state, flow, text, code, context),
    );
  // A whole sentence given as a short answer may be the customer telling us something worse.
  const accept = (next: Draft, before: Reply[] = []): T => {
    const fine = () => resolved(state, flow, next, context, before);
    return field !== 'address' && looksLikeSentence(text)
      ? hazardOr(state, text, danger, context, fine)
      : fine();
  };
  // "skip", "no", "不知道", "冇" where the answer is optional: the button's way, typed.
  if (isOptional(field, draft) && isDecline(text)) return accept(skipField(draft, field));
  switch (field) {
    case 'category': {
      // "it's the washing machine": the product named in words is as good as its button.
      const named = context.triage(text, { asked: true });
      return named.kind !== 'hazard' && named.category
        ? accept({ ...draft, category: named.category })
        : retry('CATEGORY.USE_BUTTONS');
    }
    case 'name': {
      const parsed = context.fields.name(text);
      return parsed.ok ? accept({ ...draft, name: parsed.value }) : retry(parsed.code);
    }
    case 'phone': {
      const parsed = context.fields.phone(text);
      if (!parsed.ok) return retry(parsed.code);
      const { e164, note } = parsed.value;
      const { callNote: _earlier, ...rest } = draft;
      return accept(note ? { ...rest, phone: e164, callNote: note } : { ...rest, phone: e164 });
    }
    case 'model': {
      // Not knowing the model is an answer: the engineer reads the nameplate on site.
      if (isDecline(text))
        return accept({ ...draft, answered: [...draft.answered, 'model'] }, [
          { key: 'model-unknown' },
        ]);
      const parsed = context.fields.model(text, draft.category);
      if (!parsed.ok) return retry(parsed.code);
      const note: Reply[] = parsed.value.recognised
        ? []
        : [{ key: 'model-unrecognised', vars: { model: parsed.value.model } }];
      return accept({ ...draft, model: parsed.value.model }, note);
    }
    case 'nameplatePhoto': {
      // "found it: XQG100-B12866" is the model number after all.
      const parsed = context.fields.model(text, draft.category);
      return parsed.ok && parsed.value.recognised
        ? accept({ ...draft, model: parsed.value.model })
        : retry('NAMEPLATE.PHOTO_NEEDED');
    }
    case 'purchaseDate': {
      const parsed = context.fields.purchaseDate(text, context.today, state.locale);
      return parsed.ok
        ? accept(withPurchaseDate(draft, parsed.value, context))
        : retry(parsed.code);
    }
    case 'purchaseDay': {
      // Asked once: whatever the customer now gives is the purchase date, even if still a period.
      const parsed = context.fields.purchaseDate(text, context.today, state.locale);
      if (!parsed.ok) return retry(parsed.code);
      const { purchaseDayMatters: _asked, ...rest } = draft;
      return accept({
        ...rest,
        purchaseDate: parsed.value,
        answered: [...draft.answered, 'purchaseDay'],
      });
    }
    case 'productionDate': {
      const parsed = context.fields.productionDate(text, context.today, state.locale);
      return parsed.ok ? accept({ ...draft, productionDate: parsed.value }) : retry(parsed.code);
    }
    case 'address': {
      const parsed = context.fields.address(text);
      return parsed.ok ? accept({ ...draft, address: parsed.value }) : retry(parsed.code);
    }
    case 'addressDetail': {
      const detail = Array.from(foldText(text)).slice(0, ADDRESS_DETAIL_MAX_LENGTH).join('');
      const address = draft.address;
      if (address?.kind !== 'location' || detail === '') return retry('ADDRESS.INVALID');
      return accept({ ...draft, address: { ...address, detail } });
    }
    case 'window': {
      const parsed = context.fields.window(
        text,
        context.today,
        context.nowMinute,
        context.serviceHours,
      );
      return parsed.ok ? accept({ ...draft, window: parsed.value }) : retry(parsed.code);
    }
    case 'invoice':
      return retry('INVOICE.PHOTO_NEEDED');
  }
}

/** Fields whose last unreadable answer the customer may keep as written, for the engineer. */
const KEEPABLE: readonly IntakeField[] = ['name', 'model', 'address', 'window'];

/**
 * An answer the intake could not read: one line saying why, then the question (one message). From
 * the second such answer to the same question on, a way on is offered with it: skip an optional
 * question, keep the answer as written for the engineer to check, or a person.
 */
function notRead(
  state: ConversationState,
  flow: IntakeFlow,
  text: string,
  code: FieldErrorCode,
  context: TurnContext,
): T {
  const tries = (flow.tries ?? 0) + 1;
  const next = withFlow(state, { ...flow, tries, tried: text });
  const question = askField(flow.field, flow.draft, context);
  const error: Reply = { key: errorKey(code) };
  if (tries < 2) return turn(next, [error, question]);
  if (isOptional(flow.field, flow.draft))
    return turn(next, [error, { key: 'way-on-skip' }, question]);
  const [key, extra]: [MessageKey, Button] = KEEPABLE.includes(flow.field)
    ? ['way-on-keep', button('button-keep', { action: 'keep', field: flow.field })]
    : ['way-on-person', button('button-human', { action: 'human' })];
  return turn(next, [
    error,
    { key },
    { ...question, buttons: [...(question.buttons ?? []), [extra]] },
  ]);
}

/**
 * "Keep my answer as written": the last answer the intake could not read becomes the field's
 * value, marked for the engineer to check; a visit time in the customer's words is arranged by
 * staff.
 */
function onKeep({
  state,
  flow,
  event,
  context,
  unhandled,
}: TransitionInput<'intake', 'button:keep'>): T {
  const written = flow.tried === undefined ? '' : foldText(flow.tried);
  if (flow.field !== event.field || !KEEPABLE.includes(flow.field) || written === '')
    return unhandled();
  const kept = (draft: Draft): Draft => ({
    ...draft,
    asWritten: [...(draft.asWritten ?? []), flow.field],
  });
  const draft = flow.draft;
  const cut = (max: number) => Array.from(written).slice(0, max).join('');
  const next: Draft =
    flow.field === 'name'
      ? { ...draft, name: cut(NAME_MAX_LENGTH) }
      : flow.field === 'model'
        ? { ...draft, model: cut(MODEL_MAX_LENGTH) }
        : flow.field === 'address'
          ? { ...draft, address: { kind: 'text', text: cut(ADDRESS_MAX_LENGTH) } }
          : { ...draft, windowNote: cut(ADDRESS_MAX_LENGTH) };
  return resolved(state, flow, kept(next), context, [
    { key: flow.field === 'window' ? 'window-kept-as-written' : 'kept-as-written' },
  ]);
}

/**
 * A sentence that is not the answer asked for but reads as a report ("the fridge is clicking too",
 * "还有烘干也不热"): kept with the ticket for the engineer, the customer told so, and the same
 * question asked again (not counted as a failed answer). `undefined` when it is no report, at the
 * product question (its buttons are the answer), or when enough has been kept already.
 */
/**
 * "is it still under warranty?" where a field is asked: the ticket's preliminary warranty answer
 * is promised, and the field asked again (a purchase date told with it is left to the date's
 * parsers).
 */
function warrantyAside(
  state: ConversationState,
  flow: IntakeFlow,
  text: string,
  context: TurnContext,
): T | undefined {
  if (!isWarrantyOnly(text, context, state.locale)) return undefined;
  if (purchaseDateIn(text, context, state.locale)) return undefined;
  return turn(state, [{ key: 'warranty-aside-intake' }, askField(flow.field, flow.draft, context)]);
}

function keptAsMoreSaid(
  state: ConversationState,
  flow: IntakeFlow,
  text: string,
  context: TurnContext,
): T | undefined {
  if (flow.field === 'category') return undefined;
  const draft = flow.draft;
  const kept = draft.moreSaid ?? [];
  const sentence = looksLikeSentence(text);
  const reading = context.triage(text, { asked: false });
  const named = namedProduct(reading);
  // An urgent ticket whose product was not known: the product named now is taken, with its own
  // safety steps ("I think it's the microwave actually").
  if (draft.urgent && !draft.category && named) return takeProduct(state, flow, named, context);
  const moreSaid = sentence && kept.length < MORE_SAID_KEPT ? [...kept, oneLine(text)] : kept;
  // "Sorry, it's not the TV, it's my monitor": asked before the product is changed.
  const corrected = correctedProduct(text, reading, draft, context);
  if (corrected)
    return proposeChange(
      state,
      { ...flow, draft: { ...draft, moreSaid } },
      { field: 'category', category: corrected },
    );
  // "I already restarted it twice": a check the engineer sees as ruled out.
  const tried = withTried(draft, text, context);
  if (moreSaid === kept && tried === draft) return undefined;
  const isReport =
    tried !== draft ||
    (reading.kind === 'ask' ? reading.category !== undefined : reading.kind !== 'hazard');
  if (!isReport) return undefined;
  const next: Draft = { ...tried, moreSaid };
  return turn(withFlow(state, { ...flow, draft: next }), [
    { key: 'intake-more-said' },
    askField(flow.field, next, context),
  ]);
}

/** The product of an urgent ticket, named after the generic safety text: its own steps follow. */
function takeProduct(
  state: ConversationState,
  flow: IntakeFlow,
  category: Category,
  context: TurnContext,
): T {
  const draft: Draft = { ...flow.draft, category };
  const steps = safetyReplies(category, context.catalogue).filter(
    (reply) => reply.key === 'hazard-step',
  );
  return turn({ ...withFlow(state, { ...flow, draft }), category }, [
    { key: 'hazard-product-noted', vars: { category } },
    ...steps,
    askField(flow.field, draft, context),
  ]);
}

/** More than four words, or more than twelve Chinese characters: a sentence, not a field value. */
function looksLikeSentence(text: string): boolean {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han > 12 || text.split(/\s+/).filter(Boolean).length > 4;
}

function onLocation({ state, flow, event, context }: TransitionInput<'intake', 'location'>): T {
  const { latitude, longitude } = event;
  const valid =
    Number.isFinite(latitude) &&
    Math.abs(latitude) <= 90 &&
    Number.isFinite(longitude) &&
    Math.abs(longitude) <= 180 &&
    !(latitude === 0 && longitude === 0);
  if (!valid) {
    return turn(state, [
      { key: 'error-address-invalid' },
      askField(flow.field, flow.draft, context),
    ]);
  }
  const draft: Draft = { ...flow.draft, address: { kind: 'location', latitude, longitude } };
  if (flow.field === 'address') return resolved(state, flow, draft, context);
  // Shared while another question is open: keep it as the address, then ask that question again.
  return turn(withFlow(state, { ...flow, draft }), [
    { key: 'location-saved' },
    askField(flow.field, draft, context),
  ]);
}

function onPhoto({ state, flow, event, context }: TransitionInput<'intake', 'photo'>): T {
  const draft = flow.draft;
  const { fileId } = event;
  if (flow.field === 'model' || flow.field === 'nameplatePhoto') {
    return resolved(
      state,
      flow,
      { ...draft, nameplatePhotos: [...draft.nameplatePhotos, fileId] },
      context,
      [{ key: 'photo-nameplate-saved' }],
    );
  }
  if (flow.field === 'invoice') {
    return resolved(
      state,
      flow,
      { ...draft, invoicePhotos: [...draft.invoicePhotos, fileId] },
      context,
      [{ key: 'photo-invoice-saved' }],
    );
  }
  if (flow.field === 'purchaseDate' || flow.field === 'purchaseDay') {
    const next = { ...draft, invoicePhotos: [...draft.invoicePhotos, fileId] };
    return turn(withFlow(state, { ...flow, draft: next }), [
      { key: 'photo-invoice-need-date' },
      askField(flow.field, next, context),
    ]);
  }
  if (flow.field === 'productionDate') {
    // Kept for staff to read; the date typed in is what the answer counts from.
    const next = { ...draft, nameplatePhotos: [...draft.nameplatePhotos, fileId] };
    return turn(withFlow(state, { ...flow, draft: next }), [
      { key: 'photo-nameplate-need-date' },
      askField(flow.field, next, context),
    ]);
  }
  const next = { ...draft, otherPhotos: [...draft.otherPhotos, fileId] };
  return turn(withFlow(state, { ...flow, draft: next }), [
    { key: 'photo-saved' },
    askField(flow.field, next, context),
  ]);
}

function onWindowButton({
  state,
  flow,
  event,
  context,
  unhandled,
}: TransitionInput<'intake', 'button:window'>): T {
  if (flow.field !== 'window') return unhandled();
  const checked = context.fields.checkWindow(
    event.window,
    context.today,
    context.nowMinute,
    context.serviceHours,
  );
  if (!checked.ok)
    return turn(state, [{ key: errorKey(checked.code) }, askField('window', flow.draft, context)]);
  return resolved(state, flow, { ...flow.draft, window: checked.value }, context);
}

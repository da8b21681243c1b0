import type { Bilingual } from '../triage/catalogue.ts';
import type { Category } from '../warranty/policy.ts';
import { button, categoryButtons } from './buttons.ts';
import type { TurnContext } from './context.ts';
import { formatWindow } from './format.ts';
import type {
  Address,
  ConversationState,
  Draft,
  IntakeField,
  Reply,
  ReplyValue,
  Window,
} from './state.ts';
import { INTAKE_FIELDS, URGENT_FIELDS } from './state.ts';

/**
 * Fields the customer may skip: no nameplate photo, no proof of purchase, the exact day not known, no production date
 * found, no building or flat beside a shared location (a house), no invoice photo.
 */
const OPTIONAL: readonly IntakeField[] = [
  'nameplatePhoto',
  'purchaseDate',
  'purchaseDay',
  'productionDate',
  'addressDetail',
  'invoice',
];

/** Longest building / floor / flat note beside a shared location. */
export const ADDRESS_DETAIL_MAX_LENGTH = 120;

/**
 * Whether the customer may skip `field`: the optional fields, and the product of an urgent ticket
 * (a smell of gas may come from no appliance at all).
 */
export function isOptional(field: IntakeField, draft: Pick<Draft, 'urgent'>): boolean {
  return OPTIONAL.includes(field) || (field === 'category' && draft.urgent);
}

/** Whether the draft already has what `field` asks for (or the customer skipped it). */
export function hasField(draft: Draft, field: IntakeField): boolean {
  switch (field) {
    case 'category':
      return draft.category !== undefined || draft.answered.includes('category');
    case 'model':
      // "I don't know" is an answer: the engineer reads the nameplate.
      return (
        draft.model !== undefined ||
        draft.nameplatePhotos.length > 0 ||
        draft.answered.includes('model')
      );
    case 'nameplatePhoto':
      // Offered only when the customer could not give the model number.
      return (
        draft.model !== undefined ||
        draft.nameplatePhotos.length > 0 ||
        !draft.answered.includes('model') ||
        draft.answered.includes('nameplatePhoto')
      );
    case 'addressDetail':
      // Asked only after a shared location, which shows the building but not the floor or flat.
      return (
        draft.address?.kind !== 'location' ||
        draft.address.detail !== undefined ||
        draft.answered.includes('addressDetail')
      );
    case 'window':
      return draft.window !== undefined || draft.windowNote !== undefined;
    case 'invoice':
      return draft.invoicePhotos.length > 0 || draft.answered.includes('invoice');
    case 'purchaseDate':
      return draft.purchaseDate !== undefined;
    case 'purchaseDay':
      // Asked only when the answer differs across the period given, and only once.
      return draft.purchaseDayMatters === undefined || draft.answered.includes('purchaseDay');
    case 'productionDate':
      // Asked only without proof of purchase (warranty rule 1 counts from it).
      return draft.purchaseDate !== null || draft.productionDate !== undefined;
    default:
      return draft[field] !== undefined;
  }
}

/**
 * The next field to ask, in the natural order of the seed's engineer list, skipping what is known.
 * An urgent (hazard) ticket asks only who and where: phone, address, name.
 */
export function nextField(draft: Draft): IntakeField | undefined {
  const order = draft.urgent ? URGENT_FIELDS : INTAKE_FIELDS;
  return order.find((field) => !hasField(draft, field));
}

/** A ruled-out item's identity: its words, whatever the spacing and case. */
const ruledOutKey = (item: Bilingual) =>
  `${item.en}\u0000${item.zh}`.replace(/\s+/g, ' ').trim().toLowerCase();

/** Two ruled-out lists as one, in order, an item already there not repeated. */
export function joinRuledOut(first: readonly Bilingual[], then: readonly Bilingual[]): Bilingual[] {
  const seen = new Set<string>();
  return [...first, ...then].filter((item) => {
    const key = ruledOutKey(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Someone else did it: a technician's earlier repair ("the technician already replaced the
 * compressor") is no check the customer did, nor anything ruled out (review11 L2); it stays in the
 * customer's words on the ticket.
 */
const DONE_BY_SOMEONE_ELSE =
  /\b(?:technician|engineer|repair\s*(?:man|men|guy|person|shop)|service\s+(?:man|men|guy|person|centre|center)|mechanic|electrician|plumber|installer)s?\b|师傅|師傅|维修工|維修工|修理工|工程师|工程師|售后|售後|维修点|維修點/i;

/**
 * The draft with the checks the customer says in `text` they already did ("I already cleaned the
 * filter", "濾網已經洗過了") on its ruled-out list, quoted as they wrote them, after what is there;
 * the same draft when the text says none.
 */
export function withTried(
  draft: Draft,
  text: string,
  context: Pick<TurnContext, 'alreadyTried'>,
): Draft {
  const said = context
    .alreadyTried(text)
    .filter((words) => !DONE_BY_SOMEONE_ELSE.test(words))
    .map((words): Bilingual => ({ en: `"${words}"`, zh: `“${words}”` }));
  if (said.length === 0) return draft;
  return { ...draft, ruledOut: joinRuledOut(draft.ruledOut ?? [], said) };
}

/** Starts a draft from what the conversation already knows. */
export function newDraft(
  context: Pick<TurnContext, 'turnId'>,
  state: ConversationState,
  seed: Pick<Draft, 'reason' | 'description'> &
    Partial<Pick<Draft, 'category' | 'symptomId' | 'label' | 'urgent' | 'ruledOut'>>,
): Draft {
  const draft: Draft = {
    id: context.turnId,
    urgent: false,
    nameplatePhotos: [],
    invoicePhotos: [],
    otherPhotos: [],
    answered: [],
    ...seed,
  };
  const category: Category | undefined = seed.category ?? state.category;
  if (category) draft.category = category;
  if (state.profile.name) draft.name = state.profile.name;
  if (state.profile.phone) draft.phone = state.profile.phone;
  if (state.profile.address) draft.address = state.profile.address;
  return draft;
}

/** The question for one field, with its buttons or reply keyboard. */
export function askField(field: IntakeField, draft: Draft, context: TurnContext): Reply {
  switch (field) {
    case 'category':
      return draft.urgent
        ? {
            key: 'ask-category',
            buttons: [
              ...categoryButtons(),
              [button('button-not-sure', { action: 'skip', field: 'category' })],
            ],
          }
        : { key: 'ask-category', buttons: categoryButtons() };
    case 'name':
      return { key: 'ask-name', request: 'remove' };
    case 'phone':
      return { key: 'ask-phone', request: 'contact' };
    case 'model': {
      const example = draft.category
        ? context.catalogue.category(draft.category)?.modelExamples[0]
        : undefined;
      // Where the nameplate is and the example both follow the product (no door on a TV).
      return {
        key: 'ask-model',
        vars: { example: example ?? 'BCD-470WDPG', category: draft.category ?? 'unknown' },
        request: 'remove',
      };
    }
    case 'nameplatePhoto':
      return {
        key: 'ask-nameplate-photo',
        request: 'remove',
        buttons: [[button('button-skip', { action: 'skip', field: 'nameplatePhoto' })]],
      };
    case 'purchaseDate':
      return {
        key: 'ask-purchase-date',
        buttons: [[button('button-no-proof', { action: 'skip', field: 'purchaseDate' })]],
      };
    case 'purchaseDay':
      return {
        key: 'ask-purchase-day',
        vars: {
          ...(draft.purchaseDate ? { period: draft.purchaseDate } : {}),
          date: draft.purchaseDayMatters ?? '',
        },
        buttons: [[button('button-day-unknown', { action: 'skip', field: 'purchaseDay' })]],
      };
    case 'productionDate':
      return {
        key: 'ask-production-date',
        vars: {
          graceDays: context.policy.graceDays,
          photo: draft.nameplatePhotos.length > 0 ? 'yes' : 'no',
        },
        buttons: [[button('button-cannot-find', { action: 'skip', field: 'productionDate' })]],
      };
    case 'address':
      return { key: 'ask-address', request: 'location' };
    case 'addressDetail':
      return {
        key: 'ask-address-detail',
        buttons: [[button('button-no-flat', { action: 'skip', field: 'addressDetail' })]],
      };
    case 'window': {
      const windows = context.fields.suggestWindows(
        context.today,
        context.nowMinute,
        context.serviceHours,
        4,
      );
      return { key: 'ask-window', request: 'remove', buttons: windowButtons(windows) };
    }
    case 'invoice':
      return {
        key: 'ask-invoice',
        buttons: [[button('button-skip', { action: 'skip', field: 'invoice' })]],
      };
  }
}

function windowButtons(windows: Window[]): Reply['buttons'] {
  const rows: NonNullable<Reply['buttons']> = [];
  windows.forEach((window, index) => {
    if (index % 2 === 0) rows.push([]);
    rows
      .at(-1)
      ?.push(
        button('window-button', { action: 'window', window }, { window: formatWindow(window) }),
      );
  });
  return rows;
}

/** The summary with an edit button per field and confirm / discard. */
export function reviewReply(draft: Draft): Reply {
  const rows: NonNullable<Reply['buttons']> = [];
  editableFields(draft).forEach((field, index) => {
    if (index % 2 === 0) rows.push([]);
    rows.at(-1)?.push(button('edit-button', { action: 'edit', field }, { field }));
  });
  rows.push([
    button('button-confirm', { action: 'confirm' }),
    button('button-discard', { action: 'discard' }),
  ]);
  return {
    key: draft.urgent ? 'review-urgent' : 'review',
    vars: summaryVars(draft),
    buttons: rows,
  };
}

/**
 * The fields the summary offers to edit: the exact purchase day is edited with the purchase date,
 * and the production date is shown only without proof of purchase.
 */
export function editableFields(draft: Draft): readonly IntakeField[] {
  const fields = draft.urgent ? URGENT_FIELDS : INTAKE_FIELDS;
  return fields.filter(
    (field) =>
      field !== 'purchaseDay' &&
      field !== 'nameplatePhoto' &&
      field !== 'addressDetail' &&
      (field !== 'productionDate' || draft.purchaseDate === null),
  );
}

/**
 * Draft fields as reply variables: values, or codes the locale files word (`none`, `photo`,
 * `no-proof`, `unknown`); the adapter writes dates the locale's way (periods marked approximate).
 */
export function summaryVars(draft: Draft): Record<string, ReplyValue> {
  const vars: Record<string, ReplyValue> = {
    ruledOut: draft.ruledOut && draft.ruledOut.length > 0 ? draft.ruledOut : 'none',
    description: [draft.description, ...(draft.moreSaid ?? [])].join('\n'),
    also: draft.alsoBroken?.map((problem) => problem.description).join('; ') || 'none',
    category: draft.category ?? 'unknown',
    name: draft.name ?? 'none',
    phone: draft.phone ?? 'none',
    callNote: draft.callNote ?? 'none',
    model:
      draft.model ??
      (draft.nameplatePhotos.length > 0
        ? 'photo'
        : draft.answered.includes('model')
          ? 'unknown'
          : 'none'),
    purchaseDate: draft.purchaseDate === null ? 'no-proof' : (draft.purchaseDate ?? 'none'),
    productionDate: draft.productionDate ?? 'none',
    address: draft.address === undefined ? 'none' : addressSummary(draft.address),
    window: draft.window ? formatWindow(draft.window) : (draft.windowNote ?? 'none'),
    asWritten: draft.asWritten && draft.asWritten.length > 0 ? 'yes' : 'no',
    photos: draft.nameplatePhotos.length + draft.invoicePhotos.length + draft.otherPhotos.length,
  };
  return vars;
}

/** An address as the summary shows it: the text, or the location with the building and flat. */
function addressSummary(address: Address): string {
  if (address.kind === 'text') return address.text;
  const place = `${address.latitude.toFixed(5)}, ${address.longitude.toFixed(5)}`;
  return address.detail ? `${place} · ${address.detail}` : place;
}

/** The draft after the customer skipped an optional field (no proof of purchase, no invoice). */
export function skipField(draft: Draft, field: IntakeField): Draft {
  const answered = [...draft.answered, field];
  if (field === 'purchaseDate') return { ...draft, purchaseDate: null, answered };
  if (field === 'productionDate') return { ...draft, productionDate: null, answered };
  return { ...draft, answered };
}

/** The draft with one field emptied, to be asked again (an edit from the summary). */
export function clearField(draft: Draft, field: IntakeField): Draft {
  // A new purchase date may need its own follow-up (the exact day, the production date).
  const dependent: IntakeField[] =
    field === 'purchaseDate'
      ? ['purchaseDate', 'purchaseDay', 'productionDate']
      : field === 'address'
        ? ['address', 'addressDetail']
        : field === 'model'
          ? ['model', 'nameplatePhoto']
          : [field];
  const next: Draft = { ...draft, answered: draft.answered.filter((f) => !dependent.includes(f)) };
  if (field === 'purchaseDate') {
    delete next.purchaseDayMatters;
    delete next.productionDate;
  }
  if (next.asWritten) next.asWritten = next.asWritten.filter((f) => !dependent.includes(f));
  switch (field) {
    case 'model':
      next.nameplatePhotos = [];
      delete next.model;
      break;
    case 'phone':
      delete next.phone;
      delete next.callNote;
      break;
    case 'window':
      delete next.window;
      delete next.windowNote;
      break;
    case 'addressDetail':
    case 'nameplatePhoto':
      break;
    case 'invoice':
      next.invoicePhotos = [];
      break;
    case 'purchaseDay':
      break;
    default:
      delete next[field];
  }
  return next;
}

import type { Category } from '../warranty/policy.ts';
import { button, categoryButtons, decodeButton } from './buttons.ts';
import type { TriageStep, TurnContext } from './context.ts';
import type { ConversationEvent, Effect, Guidance, Turn } from './events.ts';
import { askField, hasField, isOptional, newDraft, nextField, reviewReply } from './intake.ts';
import type { ConversationState, Draft, Flow, IntakeField, IntakeReason, Reply } from './state.ts';

type T = Turn<ConversationState>;

const turn = (state: ConversationState, replies: Reply[] = [], effects: Effect[] = []): T => ({
  state,
  replies,
  effects,
});
const withFlow = (state: ConversationState, flow: Flow): ConversationState => ({ ...state, flow });

/** Longest report text kept; longer messages are cut (and the customer is told). */
export const MAX_REPORT_CHARS = 2_000;

/**
 * One conversational turn: the customer's event against the chat's state gives the next state,
 * the replies and the effects (design.md "The customer journey"). Pure: time, triage and parsing
 * come in through `context`.
 *
 * Hazards always come first (safety instructions, then an urgent ticket); misuse is guided one
 * step at a time; when unsure, one clarifying question, then a decision; faults and failed guidance
 * go to the escalation intake, which skips what is already known.
 */
export function decideTurn(
  state: ConversationState,
  event: ConversationEvent,
  context: TurnContext,
): T {
  if (state.staffHold && event.type !== 'command') {
    return turn(
      state,
      [],
      [{ type: 'forward-to-staff', ticketNumber: state.staffHold.ticketNumber }],
    );
  }
  switch (event.type) {
    case 'command':
      return onCommand(state, event.name, context);
    case 'text':
      return onText(state, event.text, context);
    case 'button':
      return onButton(state, event.data, context);
    case 'contact':
      // Telegram sends a shared contact's number in international form without the "+".
      return onIntakeValue(
        state,
        'phone',
        event.phone.startsWith('+') ? event.phone : `+${event.phone}`,
        context,
      );
    case 'location':
      return onLocation(state, event.latitude, event.longitude, context);
    case 'photo':
      return onPhoto(state, event.fileId, context);
    case 'checkback':
      return onCheckback(state, event.outcome, event.guidance, context);
  }
}

function onCommand(state: ConversationState, name: string, context: TurnContext): T {
  switch (name) {
    case 'start':
      return turn(withFlow(state, { kind: 'idle' }), [
        { key: 'welcome', buttons: categoryButtons(), request: 'remove' },
      ]);
    case 'help':
      return turn(state, [{ key: 'help' }]);
    case 'privacy':
      return turn(state, [{ key: 'privacy' }]);
    case 'language':
      return turn(state, [
        {
          key: 'choose-language',
          buttons: [
            [
              button('language-en', { action: 'language', locale: 'en' }),
              button('language-zh-Hans', { action: 'language', locale: 'zh-Hans' }),
              button('language-zh-Hant', { action: 'language', locale: 'zh-Hant' }),
            ],
          ],
        },
      ]);
    case 'status':
      return turn(state, [], [{ type: 'list-tickets' }]);
    case 'human':
      return escalate(state, 'customer_asked', context);
    case 'forget':
      return turn(withFlow(state, { kind: 'confirm-forget', ...previousOf(state.flow) }), [
        { key: 'forget-confirm', buttons: yesNo() },
      ]);
    case 'cancel':
      if (state.flow.kind !== 'idle') {
        return turn(withFlow(state, { kind: 'idle' }), [
          { key: 'flow-cancelled', request: 'remove' },
        ]);
      }
      return turn(state, [], [{ type: 'offer-cancel' }]);
    default:
      return turn(state, [{ key: 'unknown-command' }]);
  }
}

const yesNo = () => [
  [button('button-yes', { action: 'yes' }), button('button-no', { action: 'no' })],
];

function onText(state: ConversationState, raw: string, context: TurnContext): T {
  const text = raw.trim();
  if (text === '') return turn(state, [{ key: 'empty-text' }]);
  const long = text.length > MAX_REPORT_CHARS;
  const cut = long ? text.slice(0, MAX_REPORT_CHARS) : text;
  const result = onCutText(state, cut, context);
  return long
    ? {
        ...result,
        replies: [{ key: 'text-too-long', vars: { max: MAX_REPORT_CHARS } }, ...result.replies],
      }
    : result;
}

function onCutText(state: ConversationState, text: string, context: TurnContext): T {
  const flow = state.flow;
  switch (flow.kind) {
    case 'idle':
      return triageReport(state, text, context, { asked: false });
    case 'choose-category':
      return triageReport(state, `${flow.text}\n${text}`, context, { asked: true });
    case 'clarify':
      return triageReport(state, `${flow.text}\n${text}`, context, {
        asked: true,
        category: flow.category,
      });
    case 'guide': {
      const step = context.triage(text, { category: flow.category, asked: true });
      if (step.kind === 'hazard') return hazard(state, `${flow.text}\n${text}`, step, context);
      return turn(state, [{ key: 'use-buttons' }, guideStep(flow, context)]);
    }
    case 'intake':
      return onIntakeValue(state, flow.field, text, context);
    case 'review': {
      const step = context.triage(text, { asked: true, ...knownCategory(flow.draft) });
      if (step.kind === 'hazard')
        return hazard(state, `${flow.draft.description}\n${text}`, step, context);
      return turn(state, [{ key: 'use-buttons' }, reviewReply(flow.draft)]);
    }
    case 'confirm-cancel':
    case 'confirm-forget': {
      const step = context.triage(text, {
        asked: true,
        ...(state.category ? { category: state.category } : {}),
      });
      if (step.kind === 'hazard')
        return hazard(withFlow(state, flow.previous ?? { kind: 'idle' }), text, step, context);
      return turn(state, [{ key: 'use-buttons', buttons: yesNo() }]);
    }
  }
}

/** The flow to come back to after a yes/no question ("no" changes nothing). */
function previousOf(flow: Flow): { previous?: Flow } {
  if (flow.kind === 'idle') return {};
  if (flow.kind === 'confirm-cancel' || flow.kind === 'confirm-forget')
    return previousOf(flow.previous ?? { kind: 'idle' });
  return { previous: flow };
}

const knownCategory = (draft: Draft): { category?: Category } =>
  draft.category ? { category: draft.category } : {};

/** Triage of a report and the step that follows from it. */
function triageReport(
  state: ConversationState,
  text: string,
  context: TurnContext,
  options: { asked: boolean; category?: Category },
): T {
  const category = options.category ?? state.category;
  const step = context.triage(
    text,
    category ? { category, asked: options.asked } : { asked: options.asked },
  );
  const known = step.category ? { ...state, category: step.category } : state;
  switch (step.kind) {
    case 'hazard':
      return hazard(known, text, step, context);
    case 'guide': {
      const flow: Flow = {
        kind: 'guide',
        text,
        category: step.category,
        symptomId: step.symptomId,
        step: 0,
      };
      const symptom = context.catalogue.symptom(step.symptomId);
      const intro: Reply = { key: 'guide-intro', vars: { title: symptom?.title ?? '' } };
      return turn(withFlow(known, flow), [intro, guideStep(flow, context)]);
    }
    case 'ask': {
      if (options.asked) return escalate(known, 'unclear', context, { description: text });
      if (!step.category) {
        return turn(withFlow(known, { kind: 'choose-category', text }), [
          { key: 'ask-which-product', buttons: categoryButtons() },
        ]);
      }
      const question = step.question ?? context.catalogue.category(step.category)?.clarify;
      return turn(withFlow(known, { kind: 'clarify', text, category: step.category }), [
        question ? { key: 'clarify', vars: { question } } : { key: 'clarify-generic' },
      ]);
    }
    case 'escalate': {
      const seed: Partial<Draft> & { description: string } = {
        description: text,
        label: step.label,
      };
      if (step.symptomId) seed.symptomId = step.symptomId;
      return escalate(known, 'fault', context, seed, [{ key: 'escalate-fault' }]);
    }
  }
}

function hazard(
  state: ConversationState,
  text: string,
  step: Extract<TriageStep, { kind: 'hazard' }>,
  context: TurnContext,
): T {
  const category = step.category ?? state.category;
  const safety =
    step.instructions ??
    (category ? context.catalogue.category(category)?.safety : undefined) ??
    [];
  const replies: Reply[] = [{ key: 'hazard-first' }];
  for (const [index, instruction] of safety.entries()) {
    replies.push({ key: 'hazard-step', vars: { n: index + 1, instruction } });
  }
  if (safety.length === 0) replies.push({ key: 'hazard-generic' });
  const seed: Partial<Draft> & { description: string } = {
    description: text,
    label: 'hazard',
    urgent: true,
  };
  if (step.symptomId) seed.symptomId = step.symptomId;
  if (category) seed.category = category;
  return escalate(state, 'hazard', context, seed, replies);
}

/** Starts (or continues) the intake for a ticket, carrying over what the current flow knows. */
function escalate(
  state: ConversationState,
  reason: IntakeReason,
  context: TurnContext,
  seed?: Partial<Draft> & { description: string },
  before: Reply[] = [],
): T {
  const flow = state.flow;
  if (flow.kind === 'intake' || flow.kind === 'review') {
    // Upgrading a draft (a hazard reported mid-way) keeps the new words and what they showed.
    const draft: Draft = { ...flow.draft };
    if (reason === 'hazard') Object.assign(draft, { urgent: true, reason, label: 'hazard' });
    if (seed?.description) draft.description = seed.description;
    if (seed?.symptomId) draft.symptomId = seed.symptomId;
    if (!draft.category && seed?.category) draft.category = seed.category;
    return askNext(state, draft, context, [...before, { key: 'already-escalating' }]);
  }
  const fromFlow =
    flow.kind === 'guide'
      ? { description: flow.text, category: flow.category, symptomId: flow.symptomId }
      : flow.kind === 'clarify'
        ? { description: flow.text, category: flow.category }
        : flow.kind === 'choose-category'
          ? { description: flow.text }
          : { description: '' };
  const draft = newDraft(context, state, { reason, ...fromFlow, ...seed });
  const intro: Reply[] = reason === 'customer_asked' ? [{ key: 'escalate-human' }] : [];
  return askNext(state, draft, context, [...before, ...intro, { key: 'intake-intro' }]);
}

/** Asks the next missing field, or shows the summary when nothing is missing. */
function askNext(
  state: ConversationState,
  draft: Draft,
  context: TurnContext,
  before: Reply[] = [],
): T {
  const field = nextField(draft);
  if (!field)
    return turn(withFlow(state, { kind: 'review', draft }), [...before, reviewReply(draft)]);
  return turn(withFlow(state, { kind: 'intake', field, draft, editing: false }), [
    ...before,
    askField(field, draft, context),
  ]);
}

function guideStep(flow: Extract<Flow, { kind: 'guide' }>, context: TurnContext): Reply {
  const symptom = context.catalogue.symptom(flow.symptomId);
  const step = symptom?.steps[flow.step];
  if (!symptom || !step) return { key: 'guide-missing' };
  return {
    key: 'guide-step',
    vars: { n: flow.step + 1, total: symptom.steps.length, action: step.action, check: step.check },
    buttons: [
      [
        button('button-fixed', { action: 'guide', choice: 'fixed' }),
        button('button-not-fixed', { action: 'guide', choice: 'next' }),
      ],
      [
        button('button-repeat', { action: 'guide', choice: 'repeat' }),
        button('button-skip-step', { action: 'guide', choice: 'skip' }),
      ],
      [button('button-human', { action: 'guide', choice: 'human' })],
    ],
  };
}

function onGuide(
  state: ConversationState,
  flow: Extract<Flow, { kind: 'guide' }>,
  choice: 'fixed' | 'next' | 'repeat' | 'skip' | 'human',
  context: TurnContext,
): T {
  const symptom = context.catalogue.symptom(flow.symptomId);
  switch (choice) {
    case 'fixed': {
      const guidance: Guidance = {
        category: flow.category,
        symptomId: flow.symptomId,
        description: flow.text,
      };
      return turn(
        withFlow(state, { kind: 'idle' }),
        [{ key: 'guide-fixed' }],
        [{ type: 'schedule-checkback', guidance }],
      );
    }
    case 'repeat':
      return turn(state, [guideStep(flow, context)]);
    case 'human':
      return escalate(state, 'customer_asked', context);
    case 'next':
    case 'skip': {
      const next = { ...flow, step: flow.step + 1 };
      if (symptom && next.step < symptom.steps.length)
        return turn(withFlow(state, next), [guideStep(next, context)]);
      const failed: Reply = symptom
        ? { key: 'guide-failed', vars: { advice: symptom.ifFails } }
        : { key: 'guide-failed-generic' };
      return escalate(state, 'guidance_failed', context, undefined, [failed]);
    }
  }
}

function onButton(state: ConversationState, data: string, context: TurnContext): T {
  const action = decodeButton(data);
  const flow = state.flow;
  const stale = turn(state, [{ key: 'stale-button' }]);
  if (!action) return stale;
  switch (action.action) {
    case 'language':
      return turn(
        { ...state, locale: action.locale, localeChosen: true },
        [{ key: 'language-set' }],
        [{ type: 'set-locale', locale: action.locale }],
      );
    case 'category':
      if (flow.kind === 'intake' && flow.field === 'category') {
        return onIntakeResolved(state, flow, { ...flow.draft, category: action.category }, context);
      }
      if (flow.kind === 'choose-category') {
        return triageReport({ ...state, category: action.category }, flow.text, context, {
          asked: true,
          category: action.category,
        });
      }
      // An old product button pressed in the middle of something else must not lose it.
      if (flow.kind !== 'idle') return stale;
      return turn({ ...state, category: action.category }, [
        { key: 'category-chosen', vars: { category: action.category } },
      ]);
    case 'guide':
      return flow.kind === 'guide' ? onGuide(state, flow, action.choice, context) : stale;
    case 'skip':
      if (flow.kind !== 'intake' || flow.field !== action.field || !isOptional(flow.field))
        return stale;
      return onIntakeResolved(state, flow, skipField(flow.draft, flow.field), context);
    case 'window': {
      if (flow.kind !== 'intake' || flow.field !== 'window') return stale;
      const checked = context.fields.checkWindow(
        action.window,
        context.today,
        context.nowMinute,
        context.serviceHours,
      );
      if (!checked.ok)
        return turn(state, [
          { key: errorKey(checked.code) },
          askField('window', flow.draft, context),
        ]);
      return onIntakeResolved(state, flow, { ...flow.draft, window: checked.value }, context);
    }
    case 'edit': {
      if (flow.kind !== 'review') return stale;
      const draft = clearField(flow.draft, action.field);
      return turn(withFlow(state, { kind: 'intake', field: action.field, draft, editing: true }), [
        askField(action.field, draft, context),
      ]);
    }
    case 'confirm': {
      if (flow.kind !== 'review') return stale;
      const draft = flow.draft;
      if (draft.window) {
        // A summary left open can outlive its visit window: ask again rather than book the past.
        const checked = context.fields.checkWindow(
          draft.window,
          context.today,
          context.nowMinute,
          context.serviceHours,
        );
        if (!checked.ok) {
          const { window: _stale, ...rest } = draft;
          return turn(
            withFlow(state, { kind: 'intake', field: 'window', draft: rest, editing: true }),
            [{ key: errorKey(checked.code) }, askField('window', rest, context)],
          );
        }
      }
      const profile = { ...state.profile };
      if (draft.name) profile.name = draft.name;
      if (draft.phone) profile.phone = draft.phone;
      if (draft.address) profile.address = draft.address;
      return turn(
        { ...state, profile, flow: { kind: 'idle' } },
        [],
        [{ type: 'file-ticket', draft }],
      );
    }
    case 'discard':
      return flow.kind === 'review'
        ? turn(withFlow(state, { kind: 'idle' }), [{ key: 'flow-cancelled' }])
        : stale;
    case 'cancel-ticket':
      return turn(
        withFlow(state, {
          kind: 'confirm-cancel',
          ticketNumber: action.ticketNumber,
          ...previousOf(flow),
        }),
        [{ key: 'cancel-confirm', vars: { ticket: action.ticketNumber }, buttons: yesNo() }],
      );
    case 'yes':
      if (flow.kind === 'confirm-cancel') {
        return turn(
          withFlow(state, flow.previous ?? { kind: 'idle' }),
          [],
          [{ type: 'cancel-ticket', ticketNumber: flow.ticketNumber }],
        );
      }
      if (flow.kind === 'confirm-forget') {
        return turn({ ...state, profile: {}, flow: { kind: 'idle' } }, [], [{ type: 'forget' }]);
      }
      return stale;
    case 'no':
      if (flow.kind !== 'confirm-cancel' && flow.kind !== 'confirm-forget') return stale;
      return resume(
        withFlow(state, flow.previous ?? { kind: 'idle' }),
        [{ key: 'nothing-changed' }],
        context,
      );
    case 'checkback':
      // The adapter turns check-back buttons into `checkback` events with the guidance they refer to.
      return stale;
  }
}

function skipField(draft: Draft, field: IntakeField): Draft {
  const answered = [...draft.answered, field];
  return field === 'purchaseDate'
    ? { ...draft, purchaseDate: null, answered }
    : { ...draft, answered };
}

function clearField(draft: Draft, field: IntakeField): Draft {
  const next: Draft = { ...draft, answered: draft.answered.filter((f) => f !== field) };
  if (field === 'model') next.nameplatePhotos = [];
  if (field === 'invoice') next.invoicePhotos = [];
  if (field !== 'model' && field !== 'invoice') delete next[field];
  else if (field === 'model') delete next.model;
  return next;
}

/** A field is filled: back to the summary when editing, else on to the next field. */
function onIntakeResolved(
  state: ConversationState,
  flow: Extract<Flow, { kind: 'intake' }>,
  draft: Draft,
  context: TurnContext,
  before: Reply[] = [],
): T {
  if (flow.editing && hasField(draft, flow.field)) {
    return turn(withFlow(state, { kind: 'review', draft }), [...before, reviewReply(draft)]);
  }
  return askNext(state, draft, context, before);
}

function onIntakeValue(
  state: ConversationState,
  field: IntakeField,
  text: string,
  context: TurnContext,
): T {
  const flow = state.flow;
  if (flow.kind !== 'intake') {
    if (field === 'phone') return turn(state, [{ key: 'contact-outside-intake' }]);
    return onText(state, text, context);
  }
  if (flow.field !== field && field === 'phone') {
    // A shared contact while another field is asked: keep it, then ask the same field again.
    const parsed = context.fields.phone(text);
    if (!parsed.ok)
      return turn(state, [
        { key: errorKey(parsed.code) },
        askField(flow.field, flow.draft, context),
      ]);
    const draft = { ...flow.draft, phone: parsed.value };
    return turn(withFlow(state, { ...flow, draft }), [
      { key: 'phone-saved' },
      askField(flow.field, draft, context),
    ]);
  }
  const draft = flow.draft;
  // An answer is read as the field first ("John Sparks" is a name); only text that is not a valid
  // answer is checked for danger ("now it is smoking!"), which then comes first.
  const retry = (code: string, vars?: Reply['vars']): T => {
    const step = context.triage(text, { asked: true, ...knownCategory(draft) });
    if (step.kind === 'hazard')
      return hazard(state, `${draft.description}\n${text}`, step, context);
    return turn(state, [
      vars ? { key: errorKey(code), vars } : { key: errorKey(code) },
      askField(field, draft, context),
    ]);
  };
  // A whole sentence given as a short answer may be the customer telling us something worse.
  const accept = (next: Draft, before: Reply[] = []): T => {
    if (field !== 'address' && looksLikeSentence(text)) {
      const step = context.triage(text, { asked: true, ...knownCategory(draft) });
      if (step.kind === 'hazard')
        return hazard(state, `${draft.description}\n${text}`, step, context);
    }
    return onIntakeResolved(state, flow, next, context, before);
  };
  switch (field) {
    case 'category':
      return retry('CATEGORY.USE_BUTTONS');
    case 'name': {
      const parsed = context.fields.name(text);
      return parsed.ok ? accept({ ...draft, name: parsed.value }) : retry(parsed.code);
    }
    case 'phone': {
      const parsed = context.fields.phone(text);
      return parsed.ok ? accept({ ...draft, phone: parsed.value }) : retry(parsed.code);
    }
    case 'model': {
      const parsed = context.fields.model(text, draft.category);
      if (!parsed.ok) return retry(parsed.code);
      const note: Reply[] = parsed.value.recognised
        ? []
        : [{ key: 'model-unrecognised', vars: { model: parsed.value.model } }];
      return accept({ ...draft, model: parsed.value.model }, note);
    }
    case 'purchaseDate': {
      const parsed = context.fields.purchaseDate(text, context.today, state.locale);
      return parsed.ok ? accept({ ...draft, purchaseDate: parsed.value }) : retry(parsed.code);
    }
    case 'address': {
      const parsed = context.fields.address(text);
      return parsed.ok ? accept({ ...draft, address: parsed.value }) : retry(parsed.code);
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

/** More than four words, or more than twelve Chinese characters: a sentence, not a field value. */
function looksLikeSentence(text: string): boolean {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han > 12 || text.split(/\s+/).filter(Boolean).length > 4;
}

/** Locale key of an intake error code: `PHONE.INVALID` → `error-phone-invalid`. */
export function errorKey(code: string): string {
  return `error-${code.toLowerCase().replace(/[._]/g, '-')}`;
}

function onLocation(
  state: ConversationState,
  latitude: number,
  longitude: number,
  context: TurnContext,
): T {
  const flow = state.flow;
  if (flow.kind !== 'intake') return turn(state, [{ key: 'location-outside-intake' }]);
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
  if (flow.field === 'address') return onIntakeResolved(state, flow, draft, context);
  // Shared while another question is open: keep it as the address, then ask that question again.
  return turn(withFlow(state, { ...flow, draft }), [
    { key: 'location-saved' },
    askField(flow.field, draft, context),
  ]);
}

function onPhoto(state: ConversationState, fileId: string, context: TurnContext): T {
  const flow = state.flow;
  if (flow.kind !== 'intake') return turn(state, [{ key: 'photo-outside-intake' }]);
  const draft = flow.draft;
  if (flow.field === 'model') {
    return onIntakeResolved(
      state,
      flow,
      { ...draft, nameplatePhotos: [...draft.nameplatePhotos, fileId] },
      context,
      [{ key: 'photo-nameplate-saved' }],
    );
  }
  if (flow.field === 'invoice') {
    return onIntakeResolved(
      state,
      flow,
      { ...draft, invoicePhotos: [...draft.invoicePhotos, fileId] },
      context,
      [{ key: 'photo-invoice-saved' }],
    );
  }
  if (flow.field === 'purchaseDate') {
    const next = { ...draft, invoicePhotos: [...draft.invoicePhotos, fileId] };
    return turn(withFlow(state, { ...flow, draft: next }), [
      { key: 'photo-invoice-need-date' },
      askField(flow.field, next, context),
    ]);
  }
  const next = { ...draft, otherPhotos: [...draft.otherPhotos, fileId] };
  return turn(withFlow(state, { ...flow, draft: next }), [
    { key: 'photo-saved' },
    askField(flow.field, next, context),
  ]);
}

function onCheckback(
  state: ConversationState,
  outcome: 'working' | 'still_broken',
  guidance: Guidance,
  context: TurnContext,
): T {
  if (outcome === 'working') return turn(state, [{ key: 'checkback-working' }]);
  const flow = state.flow;
  if (flow.kind === 'intake' || flow.kind === 'review') {
    // A ticket is already being prepared: finish it, and tell the engineer about this one too.
    return resume(state, [{ key: 'checkback-still-broken-busy' }], context);
  }
  const draft = newDraft(context, state, {
    reason: 'still_broken',
    description: guidance.description,
    category: guidance.category,
    symptomId: guidance.symptomId,
    label: 'fault',
  });
  return askNext(withFlow(state, { kind: 'idle' }), draft, context, [
    { key: 'checkback-still-broken' },
    { key: 'intake-intro' },
  ]);
}

/** Says something, then repeats the question the restored flow was waiting on. */
function resume(state: ConversationState, before: Reply[], context: TurnContext): T {
  const flow = state.flow;
  switch (flow.kind) {
    case 'intake':
      return turn(state, [...before, askField(flow.field, flow.draft, context)]);
    case 'review':
      return turn(state, [...before, reviewReply(flow.draft)]);
    case 'guide':
      return turn(state, [...before, guideStep(flow, context)]);
    default:
      return turn(state, before);
  }
}

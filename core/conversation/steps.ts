import { readSmallTalk, type SmallTalk } from '../intake/small-talk.ts';
import {
  readEngineerRequest,
  readOutcome,
  readSkipChecks,
  readYesNo,
} from '../intake/typed-answer.ts';
import type { Bilingual, CatalogueStep } from '../triage/catalogue.ts';
import type { CatalogueView } from '../triage/catalogue-view.ts';
import type { Category } from '../warranty/policy.ts';
import { button, categoryButtons } from './buttons.ts';
import type { TriageStep, TurnContext } from './context.ts';
import type { Effect, Guidance, PendingCheckback, Turn } from './events.ts';
import { askField, joinRuledOut, newDraft, nextField, reviewReply, withTried } from './intake.ts';
import type { ConversationState, Draft, Flow, IntakeReason, Reply } from './state.ts';
import {
  isWarrantyOnly,
  isWarrantyQuestion,
  startWarrantyQuestion,
  withoutWarrantyClauses,
} from './warranty-question.ts';

/**
 * The steps several flows share: triage of a report, the hazard path, escalation to the intake,
 * the next intake question, a guidance step. Each returns a whole turn.
 */

export type T = Turn<ConversationState>;

export const turn = (
  state: ConversationState,
  replies: Reply[] = [],
  effects: Effect[] = [],
): T => ({
  state,
  replies,
  effects,
});

export const withFlow = (state: ConversationState, flow: Flow): ConversationState => ({
  ...state,
  flow,
});

export const yesNo = () => [
  [button('button-yes', { action: 'yes' }), button('button-no', { action: 'no' })],
];

/** The flow to come back to after a yes/no question ("no" changes nothing). */
export function previousOf(flow: Flow): { previous?: Flow } {
  if (flow.kind === 'idle') return {};
  if (
    flow.kind === 'confirm-cancel' ||
    flow.kind === 'confirm-forget' ||
    flow.kind === 'confirm-restart' ||
    flow.kind === 'confirm-change'
  )
    return previousOf(flow.previous ?? { kind: 'idle' });
  return { previous: flow };
}

/** A shared contact's number: Telegram sends it in international form without the "+". */
export const sharedPhone = (phone: string): string => (phone.startsWith('+') ? phone : `+${phone}`);

export const knownCategory = (draft: Draft): { category?: Category } =>
  draft.category ? { category: draft.category } : {};

/** A short answer to "hi" or "thanks" while a question is pending (the question follows). */
export function smallTalkReply(talk: SmallTalk): Reply {
  return { key: talk === 'greeting' ? 'greeting-pending' : 'thanks-pending' };
}

/**
 * "hi", "你好", "在吗", "thanks" with nothing in progress: not a report, so nothing is triaged and
 * no clarifying question is spent; a prompt for the problem, with the product buttons.
 */
export function smallTalkPrompt(talk: SmallTalk): Reply {
  return { key: talk === 'greeting' ? 'greeting' : 'thanks', buttons: categoryButtons() };
}

/** Triage of a report and the step that follows from it. */
export function triageReport(
  state: ConversationState,
  text: string,
  context: TurnContext,
  options: { asked: boolean; category?: Category },
): T {
  const category = options.category ?? state.category;
  const read = context.triage(
    text,
    category ? { category, asked: options.asked } : { asked: options.asked },
  );
  // A product remembered from earlier in the chat is a guess for a hazard whose words name none
  // (a smell of gas after a question about the fridge): read it again without the guess.
  const step =
    read.kind === 'hazard' && !options.category && state.category
      ? context.triage(text, { asked: options.asked })
      : read;
  const known = step.category ? { ...state, category: step.category } : state;
  // A warranty question and nothing else ("how long is the warranty on a washing machine?",
  // "我的洗衣机还在保修期吗"): the warranty answer, whatever the problem reading guessed (quick
  // checks for a question that tells no problem help nobody). A hazard still comes first.
  if (step.kind !== 'hazard' && !options.asked && isWarrantyOnly(text, context, state.locale))
    return startWarrantyQuestion(known, text, step.category ?? state.category, context);
  switch (step.kind) {
    case 'hazard':
      return hazard(known, text, step, context);
    case 'guide':
      return startGuide(known, text, step.category, step.symptomId, context);
    case 'checks':
      return startChecks(known, text, step, context);
    case 'ask': {
      if (options.asked) return escalate(known, 'unclear', context, { description: text });
      if (!step.category) {
        return turn(withFlow(known, { kind: 'choose-category', text }), [
          { key: 'ask-which-product', buttons: categoryButtons() },
        ]);
      }
      const question = step.question ?? context.catalogue.category(step.category)?.clarify;
      const flow: Extract<Flow, { kind: 'clarify' }> = {
        kind: 'clarify',
        text,
        category: step.category,
      };
      if (step.question) flow.question = step.question;
      if (step.options && step.options.length > 0) flow.options = step.options;
      return turn(withFlow(known, flow), [clarifyReply(flow, question, context)]);
    }
    case 'escalate': {
      const seed: Partial<Draft> & { description: string } = {
        description: text,
        label: step.label,
      };
      if (step.symptomId) seed.symptomId = step.symptomId;
      // Asked for in words ("转人工", "send an engineer"): the intake without "this sounds like it
      // needs an engineer", which the customer did not ask the bot to judge.
      if (step.customerAsked) return escalate(known, 'customer_asked', context, seed);
      // Still unreadable after the one question: no fault was read, and the words say so.
      const why = step.unclear ? 'escalate-unclear' : 'escalate-fault';
      return escalate(known, 'fault', context, seed, [{ key: why }]);
    }
  }
}

/**
 * Guidance or a quick check fixed it: back to idle, and the check-back is scheduled (design.md:
 * "after guidance that seems to work, it schedules a check 2 hours later").
 */
export function fixedByCustomer(
  state: ConversationState,
  flow: { category: Category; symptomId: string; text: string },
): T {
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

/** Walks through a misuse symptom's steps from the first. */
export function startGuide(
  state: ConversationState,
  text: string,
  category: Category,
  symptomId: string,
  context: TurnContext,
): T {
  const flow: Flow = { kind: 'guide', text, category, symptomId, step: 0 };
  const symptom = context.catalogue.symptom(symptomId);
  const intro: Reply = { key: 'guide-intro', vars: { title: symptom?.title ?? '' } };
  return turn(withFlow(state, flow), [intro, guideStep(flow, context)]);
}

/**
 * Quick checks before an engineer is sent (design.md "Decide by cost"): the first check, with
 * "skip the checks, send an engineer" on every one.
 */
export function startChecks(
  state: ConversationState,
  text: string,
  step: Extract<TriageStep, { kind: 'checks' }>,
  context: TurnContext,
): T {
  const flow: Extract<Flow, { kind: 'checks' }> = {
    kind: 'checks',
    text,
    category: step.category,
    symptomId: step.symptomId,
    label: step.label,
    step: 0,
    ruledOut: [],
  };
  const total = quickChecksOf(step.symptomId, context).length;
  if (total === 0)
    return escalate(state, 'fault', context, { description: text, label: step.label });
  return turn(withFlow(state, flow), [
    { key: 'checks-intro', vars: { total } },
    checksStep(flow, context),
  ]);
}

/** The symptom's quick checks: its own, or a misuse symptom's first three guided steps. */
export function quickChecksOf(symptomId: string, context: TurnContext): CatalogueStep[] {
  const symptom = context.catalogue.symptom(symptomId);
  if (!symptom) return [];
  if (symptom.checks.length > 0) return symptom.checks;
  return symptom.label === 'misuse' ? symptom.steps.slice(0, 3) : [];
}

/** One quick check with fixed / still not working / skip the checks buttons. */
export function checksStep(flow: Extract<Flow, { kind: 'checks' }>, context: TurnContext): Reply {
  const checks = quickChecksOf(flow.symptomId, context);
  const check = checks[flow.step];
  if (!check) return { key: 'guide-missing' };
  return {
    key: 'checks-step',
    vars: { n: flow.step + 1, total: checks.length, action: check.action, check: check.check },
    buttons: [
      [
        button('button-fixed', { action: 'check', choice: 'fixed' }),
        button('button-not-fixed', { action: 'check', choice: 'failed' }),
      ],
      [button('button-skip-checks', { action: 'check', choice: 'skip' })],
    ],
  };
}

/** The quick checks or guided steps that did not help, as the ticket shows them. */
export function ruledOutOf(
  flow: Extract<Flow, { kind: 'checks' | 'guide' }>,
  context: TurnContext,
): Bilingual[] {
  const steps =
    flow.kind === 'checks'
      ? quickChecksOf(flow.symptomId, context)
      : (context.catalogue.symptom(flow.symptomId)?.steps ?? []);
  return (flow.ruledOut ?? []).flatMap((index) => {
    const step = steps[index];
    return step ? [step.action] : [];
  });
}

/** The clarifying question, with the likeliest symptoms as buttons when there are any. */
export function clarifyReply(
  flow: Extract<Flow, { kind: 'clarify' }>,
  question: Bilingual | undefined,
  context: TurnContext,
): Reply {
  const reply: Reply = question
    ? { key: 'clarify', vars: { question } }
    : { key: 'clarify-generic' };
  const options = (flow.options ?? []).flatMap((symptomId) => {
    const symptom = context.catalogue.symptom(symptomId);
    return symptom
      ? [[button('symptom-option', { action: 'symptom', symptomId }, { title: symptom.title })]]
      : [];
  });
  return options.length > 0 ? { ...reply, buttons: options } : reply;
}

/** A symptom the customer chose: a misuse is guided, anything else gets its quick checks. */
export function startForSymptom(
  state: ConversationState,
  text: string,
  category: Category,
  symptomId: string,
  context: TurnContext,
): T {
  const symptom = context.catalogue.symptom(symptomId);
  if (symptom?.label === 'misuse') return startGuide(state, text, category, symptomId, context);
  return startChecks(state, text, { kind: 'checks', category, symptomId, label: 'fault' }, context);
}

/**
 * The safety text for a hazard: the product's own steps when `category` is the product the words
 * name, else the generic, gas-safe text.
 */
export function safetyReplies(category: Category | undefined, catalogue: CatalogueView): Reply[] {
  const safety = (category ? catalogue.category(category)?.safety : undefined) ?? [];
  const replies: Reply[] = [{ key: 'hazard-first' }];
  for (const [index, instruction] of safety.entries()) {
    replies.push({ key: 'hazard-step', vars: { n: index + 1, instruction } });
  }
  if (safety.length === 0) replies.push({ key: 'hazard-generic' });
  return replies;
}

/** Safety instructions first, then the urgent intake (design.md: "hazard always comes first"). */
export function hazard(
  state: ConversationState,
  text: string,
  step: Extract<TriageStep, { kind: 'hazard' }>,
  context: TurnContext,
): T {
  // The product's own safety steps only when triage knows it from these words (with the product of
  // the flow they answer); never a guessed appliance's ("unplug the fridge" is wrong for a smell of
  // gas), nor one remembered from an earlier conversation: the generic, gas-safe text instead
  // (design.md "Triage"), and the urgent intake asks which product.
  const category = step.category;
  const replies = safetyReplies(category, context.catalogue);
  const seed: Partial<Draft> & { description: string } = {
    description: text,
    label: 'hazard',
    urgent: true,
  };
  if (step.symptomId) seed.symptomId = step.symptomId;
  if (category) seed.category = category;
  const { category: _remembered, ...unknownProduct } = state;
  const next = escalate(category ? state : unknownProduct, 'hazard', context, seed, replies);
  // Staff hear of it now, not when the customer (told to leave) finishes the intake.
  const flow = next.state.flow;
  if (flow.kind !== 'intake' && flow.kind !== 'review') return next;
  return { ...next, effects: [...next.effects, { type: 'report-hazard', draft: flow.draft }] };
}

/** Two products both known and different (a hazard's and the flow's it interrupts). */
const anotherProduct = (hazardProduct: Category | undefined, flowProduct: Category | undefined) =>
  hazardProduct !== undefined && flowProduct !== undefined && hazardProduct !== flowProduct;

/**
 * A hazard in words given where something else was expected comes first; anything else gets
 * `otherwise`.
 */
export function hazardOr(
  state: ConversationState,
  text: string,
  options: { category?: Category; description?: string },
  context: TurnContext,
  otherwise: () => T,
): T {
  const step = context.triage(
    text,
    options.category ? { asked: true, category: options.category } : { asked: true },
  );
  if (step.kind !== 'hazard') return otherwise();
  // The earlier words go with the hazard's only when they are about its product: a burning smell
  // from the water heater during the dishwasher's guidance is a ticket about the water heater.
  const words =
    options.description === undefined || anotherProduct(step.category, options.category)
      ? text
      : `${options.description}\n${text}`;
  return hazard(state, words, step, context);
}

/** A typed answer at a guided step or a quick check, as its buttons (and the request for the engineer) read. */
export type TypedOutcome = 'fixed' | 'not_fixed' | 'skip' | 'engineer';

/**
 * Whether words typed at a guided step or a quick check ask for the engineer ("I want a
 * technician", "我要师傅上门", "搵師傅"), and whether they also ask about the warranty ("still under
 * warranty? can someone come out"): the request is read on the clauses without warranty words.
 */
function readTypedEngineer(text: string): { warranty: boolean } | undefined {
  if (!isWarrantyQuestion(text)) return readEngineerRequest(text) ? { warranty: false } : undefined;
  const rest = withoutWarrantyClauses(text);
  return rest !== '' && readEngineerRequest(rest) ? { warranty: true } : undefined;
}

/**
 * Words typed while buttons are awaited (guidance, quick checks): a hazard in them comes first;
 * a request for the engineer ("I want a technician", "搵師傅", "报修") is `engineer` — with a
 * warranty question in the same message, the warranty aside comes first; "fixed", "好了", "still
 * not working", "仲係唔得" are the buttons' answers (`answer`), and with `skip` (quick checks) "skip
 * the checks", "跳過檢查" are the skip button's; "hi" or "thanks" and a question about the warranty
 * alone ("保養期幾耐") are answered and the step shown again; anything else gets the default (use
 * the buttons, and the pending step again).
 */
export function hazardOrButtons(
  input: {
    state: ConversationState;
    flow: { category: Category; text: string };
    event: { text: string };
    context: TurnContext;
    unhandled: () => T;
    resume: (state: ConversationState, before: Reply[]) => T;
  },
  answer: (outcome: TypedOutcome) => T,
  options: { skip?: boolean } = {},
): T {
  const { state, flow, event, context, unhandled, resume } = input;
  return hazardOr(
    state,
    event.text,
    { category: flow.category, description: flow.text },
    context,
    () => {
      const engineer = readTypedEngineer(event.text);
      if (engineer) {
        const next = answer('engineer');
        // The warranty is answered in a word before the intake's questions (the ticket answers it).
        return engineer.warranty
          ? { ...next, replies: [{ key: 'warranty-aside-intake' }, ...next.replies] }
          : next;
      }
      if (options.skip && readSkipChecks(event.text)) return answer('skip');
      const outcome = readOutcome(event.text);
      if (outcome) return answer(outcome);
      const talk = readSmallTalk(event.text);
      if (talk) return resume(state, [smallTalkReply(talk)]);
      // "is it still under warranty?" mid-way: answered in a word, and the step again.
      if (isWarrantyOnly(event.text, context, state.locale))
        return resume(state, [{ key: 'warranty-aside' }]);
      return unhandled();
    },
  );
}

/**
 * A photo sent during guidance or quick checks: kept on the flow (it goes with the ticket if it
 * comes to one, `escalate`), and the step shown again.
 */
export function keepPhoto<F extends Extract<Flow, { kind: 'guide' | 'checks' }>>(
  state: ConversationState,
  flow: F,
  fileId: string,
  pending: (flow: F) => Reply,
): T {
  const next = { ...flow, photos: [...(flow.photos ?? []), fileId] };
  return turn(withFlow(state, next), [{ key: 'photo-kept-for-ticket' }, pending(next)]);
}

/**
 * What a ticket learns from guidance or quick checks: the report, its symptom (and the checks'
 * label) and what is ruled out.
 */
export function seedOf(
  flow: Extract<Flow, { kind: 'guide' | 'checks' }>,
  context: TurnContext,
): Partial<Draft> & { description: string } {
  return {
    description: flow.text,
    category: flow.category,
    symptomId: flow.symptomId,
    ...(flow.kind === 'checks' ? { label: flow.label } : {}),
    ruledOut: ruledOutOf(flow, context),
  };
}

/**
 * What a new ticket takes from the flow it leaves: its words, product, symptom and the steps that
 * did not help. A hazard about another product than the guidance's or the checks' (see `hazardOr`)
 * takes nothing from them.
 */
function carriedOver(
  flow: Flow,
  reason: IntakeReason,
  product: Category | undefined,
  context: TurnContext,
): Partial<Draft> & { description: string } {
  if (reason === 'hazard' && 'category' in flow && anotherProduct(product, flow.category))
    return { description: '' };
  switch (flow.kind) {
    case 'guide':
    case 'checks':
      return seedOf(flow, context);
    case 'clarify':
      return { description: flow.text, category: flow.category };
    case 'choose-category':
      return { description: flow.text };
    default:
      return { description: '' };
  }
}

/** Starts (or continues) the intake for a ticket, carrying over what the current flow knows. */
export function escalate(
  state: ConversationState,
  reason: IntakeReason,
  context: TurnContext,
  seed?: Partial<Draft> & { description: string },
  before: Reply[] = [],
): T {
  const flow = state.flow;
  if (flow.kind === 'intake' || flow.kind === 'review') {
    // Upgrading a draft (a hazard reported mid-way) keeps the new words and what they showed.
    // What the new words say was already tried goes on the ruled-out list too.
    const draft: Draft = seed?.description
      ? withTried(flow.draft, seed.description, context)
      : { ...flow.draft };
    if (reason === 'hazard') Object.assign(draft, { urgent: true, reason, label: 'hazard' });
    if (seed?.description) draft.description = seed.description;
    if (seed?.symptomId) draft.symptomId = seed.symptomId;
    if (!draft.category && seed?.category) draft.category = seed.category;
    return askNext(state, draft, context, [...before, { key: 'already-escalating' }]);
  }
  const fromFlow = carriedOver(flow, reason, seed?.category, context);
  const started = newDraft(context, state, { reason, ...fromFlow, ...seed });
  // The checks the customer says they did come first on the ruled-out list, then the quick checks
  // or steps that did not help here (each once).
  const said = withTried({ ...started, ruledOut: [] }, started.description, context).ruledOut ?? [];
  const draft: Draft = { ...started };
  const ruledOut = joinRuledOut(said, started.ruledOut ?? []);
  if (ruledOut.length > 0) draft.ruledOut = ruledOut;
  // Photos sent during the guidance or the checks go with the ticket (about their product).
  if (
    (flow.kind === 'guide' || flow.kind === 'checks') &&
    flow.photos?.length &&
    fromFlow.category === flow.category
  )
    draft.otherPhotos = [...draft.otherPhotos, ...flow.photos];
  const intro: Reply[] = reason === 'customer_asked' ? [{ key: 'escalate-human' }] : [];
  // A hazard's ticket is filed at once (`report-hazard`): the questions complete it.
  const questions = reason === 'hazard' ? 'intake-intro-hazard' : 'intake-intro';
  return askNext(state, draft, context, [...before, ...intro, { key: questions }]);
}

/**
 * The customer asked for a person (design.md: "/human reaches a person"): the turn `carryOn` (the
 * flow's pending question, so the bot keeps helping) plus the request, with what the customer has
 * said so far for the staff topic. When to expect the person is the adapter's answer: it knows the
 * ticket, the hold and the service hours.
 */
export function askForPerson(state: ConversationState, flow: Flow, carryOn: T): T {
  const description =
    flow.kind === 'guide' ||
    flow.kind === 'checks' ||
    flow.kind === 'clarify' ||
    flow.kind === 'choose-category'
      ? flow.text
      : flow.kind === 'intake' || flow.kind === 'review'
        ? flow.draft.description
        : '';
  const draft = flow.kind === 'intake' || flow.kind === 'review' ? flow.draft : undefined;
  const category =
    flow.kind === 'guide' || flow.kind === 'checks' || flow.kind === 'clarify'
      ? flow.category
      : draft
        ? draft.category
        : state.category;
  const request: Extract<Effect, { type: 'request-human' }> = {
    type: 'request-human',
    description,
  };
  if (category) request.category = category;
  // What the customer already gave in the intake goes on the question ticket (name, phone, …).
  if (draft) request.draft = draft;
  return { ...carryOn, effects: [...carryOn.effects, request] };
}

/**
 * Asks the next missing field, or shows the summary when nothing is missing; `editing`: an edit
 * from the summary, which the intake comes back to once nothing is missing.
 */
export function askNext(
  state: ConversationState,
  draft: Draft,
  context: TurnContext,
  before: Reply[] = [],
  editing = false,
): T {
  const field = nextField(draft);
  if (!field)
    return turn(withFlow(state, { kind: 'review', draft }), [...before, reviewReply(draft)]);
  return turn(withFlow(state, { kind: 'intake', field, draft, editing }), [
    ...before,
    askField(field, draft, context),
  ]);
}

/** One guidance step with fixed / not fixed / repeat / skip / person buttons. */
export function guideStep(flow: Extract<Flow, { kind: 'guide' }>, context: TurnContext): Reply {
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

/**
 * The check-back's answer: "working" closes it as solved; "broken again" starts the intake with
 * what the guidance knew (a fault of that product and symptom).
 */
export function answerCheckback(
  state: ConversationState,
  event: { outcome: 'working' | 'still_broken'; guidance: Guidance },
  context: TurnContext,
): T {
  if (event.outcome === 'working') return turn(state, [{ key: 'checkback-working' }]);
  const { guidance } = event;
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

/** "no, …", "没有，…", "冇…": a sentence that opens by answering "is it still working?" with no. */
const OPENS_WITH_NO =
  /^\s*(?:no|nope|nah|not really|没有|沒有|冇|没|沒|不是|唔係)(?:[\s,，、.。!！]|$)/iu;
const opensWithNo = (text: string) =>
  OPENS_WITH_NO.test(text) && readOutcome(text.replace(OPENS_WITH_NO, '')) !== 'fixed';

/**
 * The check-back answered in words while nothing else is asked ("yes all good now thanks",
 * "还是不行", "仲係唔得", a bare "yes" / "no": the question was "is it still working?"), as its
 * buttons would: the answer is recorded. Danger in the words comes first; words that are no
 * answer, or name another product, are a new report (`otherwise`).
 */
export function checkbackInWords(
  state: ConversationState,
  text: string,
  pending: PendingCheckback,
  context: TurnContext,
  otherwise: () => T,
): T {
  const { guidance } = pending;
  const read = context.triage(text, { asked: false });
  // "my tv is broken" is a new report about another product, not this answer.
  if (read.category !== undefined && read.category !== guidance.category) return otherwise();
  // A bare "yes" / "no" answers "is it still working?"; so do "no, it's freezing again" (a
  // sentence that opens with no, "again", "又…了"), and the guided symptom told once more.
  const yesNo = readYesNo(text);
  const sameSymptom = 'symptomId' in read && read.symptomId === guidance.symptomId;
  const outcome = yesNo
    ? yesNo === 'yes'
      ? 'fixed'
      : 'not_fixed'
    : (readOutcome(text, { problemBack: true }) ??
      (opensWithNo(text) || sameSymptom ? 'not_fixed' : undefined));
  if (!outcome) return otherwise();
  return hazardOr(
    state,
    text,
    { category: guidance.category, description: guidance.description },
    context,
    () => {
      const answer = outcome === 'fixed' ? 'working' : 'still_broken';
      const answered = answerCheckback(state, { outcome: answer, guidance }, context);
      const record: Effect = { type: 'record-checkback', ref: pending.ref, outcome: answer };
      return { ...answered, effects: [record, ...answered.effects] };
    },
  );
}

import type { Logger } from 'pino';
import {
  type Category,
  type ConversationEvent,
  type ConversationState,
  createConversationTriage,
  decideTurn,
  type FieldParsers,
  type ModelReading,
  type Result,
  type TriageContent,
  type TriageEngine,
  type TurnContext,
} from '../../core/index.ts';
import type { HelpedField } from '../../prompts/llm/intake.ts';
import type { IntakeFacts, LlmIntakeHelper } from './intake-helper.ts';
import type { LlmTriageReader } from './triage-reader.ts';
import type { LlmUsage } from './usage.ts';

/** A text the turn will triage, with the product the chat knows. */
export type TriageRequest = { text: string; category: Category | undefined };
/** A free-text intake answer the field's parser refused. */
export type FieldRequest = { field: HelpedField; text: string };
export type TurnPlan = { triage: TriageRequest[]; fields: FieldRequest[] };

const triageKey = (text: string, category: Category | undefined) =>
  `${category ?? ''}\u0000${text}`;
const fieldKey = (field: HelpedField, text: string) => `${field}\u0000${text}`;

/**
 * What a turn will triage and which intake answers its parsers will refuse, learnt by running the
 * pure `decideTurn` once with recording stand-ins: the dry run has no effects.
 */
export function planTurn(
  state: ConversationState,
  event: ConversationEvent,
  context: TurnContext,
  triageWith: TurnContext['triage'] = context.triage,
): TurnPlan {
  const triage = new Map<string, TriageRequest>();
  const fields = new Map<string, FieldRequest>();
  const refused = <T, C extends string>(
    field: HelpedField,
    text: string,
    result: Result<T, C>,
  ): Result<T, C> => {
    if (!result.ok) fields.set(fieldKey(field, text), { field, text });
    return result;
  };
  const recording: TurnContext = {
    ...context,
    triage(text, options) {
      triage.set(triageKey(text, options.category), { text, category: options.category });
      return triageWith(text, options);
    },
    fields: {
      ...context.fields,
      purchaseDate: (text, ...rest) =>
        refused('purchaseDate', text, context.fields.purchaseDate(text, ...rest)),
      window: (text, ...rest) => refused('window', text, context.fields.window(text, ...rest)),
      model: (text, category) => refused('model', text, context.fields.model(text, category)),
    },
  };
  decideTurn(state, event, recording);
  return { triage: [...triage.values()], fields: [...fields.values()] };
}

const squeeze = (value: string) => value.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

/**
 * The intake's parsers, with the model's proposals as a second reading of answers they refused.
 * A proposal is used only when the same parser accepts it; a proposed model number must also be
 * in what the customer wrote (the model may tidy it, never invent it).
 */
export function withProposals(fields: FieldParsers, proposals: Map<string, string>): FieldParsers {
  const second = <T, C extends string>(
    field: HelpedField,
    text: string,
    first: Result<T, C>,
    parse: (value: string) => Result<T, C> | undefined,
  ): Result<T, C> => {
    const proposal = first.ok ? undefined : proposals.get(fieldKey(field, text));
    if (proposal === undefined) return first;
    const again = parse(proposal);
    return again?.ok ? again : first;
  };
  return {
    ...fields,
    purchaseDate: (text, today, locale) =>
      second('purchaseDate', text, fields.purchaseDate(text, today, locale), (value) =>
        fields.purchaseDate(value, today, locale),
      ),
    window: (text, today, nowMinute, hours) =>
      second('window', text, fields.window(text, today, nowMinute, hours), (value) =>
        fields.window(value, today, nowMinute, hours),
      ),
    model: (text, category) =>
      second('model', text, fields.model(text, category), (value) =>
        squeeze(text).includes(squeeze(value)) ? fields.model(value, category) : undefined,
      ),
  };
}

export type TurnAssistOptions = {
  engine: TriageEngine;
  content: TriageContent;
  reader: LlmTriageReader;
  helper: LlmIntakeHelper;
  usage: LlmUsage;
  /** Tokens a conversation may spend; past it the embedded engine and the parsers answer alone. */
  budget: number;
  log: Logger;
  /** Wraps the turn's model-assisted triage (to count its decisions). */
  instrument?: (triage: TurnContext['triage']) => TurnContext['triage'];
};

export type TurnAssist = {
  /**
   * The turn's context with the model's readings in: what the turn will triage and which intake
   * answers the parsers refuse are asked of the model first (concurrently, within the client's
   * deadline; `onWork` fires once when there is something to ask, for the typing action). A text
   * the model did not answer is read by the embedded engine alone.
   */
  prepare(
    state: ConversationState,
    event: ConversationEvent,
    context: TurnContext,
    conversation: string,
    onWork: () => void,
  ): Promise<TurnContext>;
};

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** What the intake helper is told: today, its weekday and the service hours (no personal data). */
export function intakeFacts(context: TurnContext): IntakeFacts {
  const weekday = WEEKDAYS[new Date(`${context.today}T12:00:00Z`).getUTCDay()] ?? '';
  const { startMinute, endMinute } = context.serviceHours;
  return {
    today: context.today,
    weekday,
    serviceHours: `${clock(startMinute)}-${clock(endMinute)}`,
  };
}

/** Runs the model before a turn: see {@link TurnAssist.prepare}. */
export function createTurnAssist(options: TurnAssistOptions): TurnAssist {
  const { engine, content, reader, helper, usage, budget, log, instrument = (t) => t } = options;
  // The dry run's own triage: the context's may count decisions, and a dry run decides nothing.
  const dryTriage = createConversationTriage(engine, content);
  return {
    async prepare(state, event, context, conversation, onWork) {
      const plan = planTurn(state, event, context, dryTriage);
      if (plan.triage.length === 0 && plan.fields.length === 0) return context;
      if ((await usage.used(conversation)) >= budget) {
        usage.recordOverBudget();
        log.info({ llm: 'budget' }, 'llm budget spent: embedded engine only');
        return context;
      }
      onWork();
      try {
        return await withModel(plan, context, conversation);
      } catch (error) {
        // A bug or an outage here must never reach the customer: the turn runs without the model.
        const name = error instanceof Error ? error.name : typeof error;
        log.error({ llm: 'assist', error: name }, 'llm assist failed: embedded engine only');
        return context;
      }
    },
  };

  async function withModel(
    plan: TurnPlan,
    context: TurnContext,
    conversation: string,
  ): Promise<TurnContext> {
    const facts = intakeFacts(context);
    const [readings, proposals] = await Promise.all([
      Promise.all(plan.triage.map((request) => reader.read(request.text, request.category))),
      Promise.all(plan.fields.map((request) => helper.propose(request.field, request.text, facts))),
    ]);
    let used = 0;
    for (const outcome of [...readings, ...proposals]) {
      used = await usage.record(
        conversation,
        outcome.ok
          ? { tokens: outcome.tokens }
          : { tokens: outcome.tokens, failure: outcome.failure },
      );
    }
    const tokens = [...readings, ...proposals].reduce((sum, outcome) => sum + outcome.tokens, 0);
    log.info({ llm: 'usage', tokens, conversationTokens: used }, 'llm tokens');
    const read = new Map<string, { reading: ModelReading; readText: string }>();
    plan.triage.forEach((request, index) => {
      const outcome = readings[index];
      if (outcome?.ok)
        read.set(triageKey(request.text, request.category), {
          reading: outcome.value,
          readText: outcome.readText,
        });
    });
    const proposed = new Map<string, string>();
    plan.fields.forEach((request, index) => {
      const outcome = proposals[index];
      if (outcome?.ok && outcome.value !== null)
        proposed.set(fieldKey(request.field, request.text), outcome.value);
    });
    return {
      ...context,
      triage: instrument(
        createConversationTriage(engine, content, (text, category) =>
          read.get(triageKey(text, category)),
        ),
      ),
      fields: withProposals(context.fields, proposed),
    };
  }
}

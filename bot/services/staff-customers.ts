import { randomUUID } from 'node:crypto';
import {
  type ConversationState,
  type Customer,
  initialState,
  type Locale,
  type Ticket,
  upgradeState,
} from '../../core/index.ts';
import {
  customerTicketKeyPrefix,
  type Database,
  loadVersioned,
  type NewOutboxMessage,
  OUTBOX_PRIORITY,
  type Repositories,
  StaleStateError,
  saveVersioned,
} from '../../db/index.ts';
import { localeFor } from '../i18n/script.ts';
import type { RenderedReply } from '../render/reply.ts';
import { SESSION_TTL_MS, sessionKey } from './conversation.ts';
import type { AppDeps } from './deps.ts';
import { AlreadyHandledError } from './inbox-worker.ts';
import { type Delivery, enqueueOnce } from './outbox.ts';
import { createRenderContext, type RenderContext } from './render-context.ts';

export type StaffHold = NonNullable<ConversationState['staffHold']>;

/** One step of staff-side work (see `inStep`): its transaction, repositories on it, time and key. */
export type StaffStep = { tx: Database; repos: Repositories; at: Date; ref: string };
export type StaffCustomers = ReturnType<typeof createStaffCustomers>;

/**
 * The customer's side of a take-over: who the ticket's customer is, the language they read, the
 * hold that keeps the bot quiet in their chat while a person has it, and one-line notices to them.
 * A customer's private chat id is their Telegram user id.
 */
export function createStaffCustomers(deps: AppDeps, delivery: Delivery) {
  const { repos, clock, db } = deps;

  /** The ticket's customer (read on `on`: inside a step, its transaction's repositories). */
  async function customerOf(ticket: Ticket, on: Repositories = repos): Promise<Customer> {
    const customer = await on.customers.findById(ticket.customerId);
    if (!customer) throw new Error(`ticket ${ticket.number} has no customer`);
    return customer;
  }

  /** The chat's conversation state (the database is its source of truth) with its version. */
  const stateOf = (chatId: number, on: Database = db) =>
    loadVersioned<ConversationState>(on, sessionKey(chatId), clock.now());

  async function localeOf(customer: Customer, on: Database = db): Promise<Locale> {
    const { value } = await stateOf(customer.telegramUserId, on);
    return value?.locale ?? localeFor(customer.language, customer.language);
  }

  /**
   * Sets (or with `undefined` lifts) the staff hold on the customer's chat (in `on`, a step's
   * transaction). Saved with the state's version like a turn: if a turn commits in between, the
   * hold is applied again on its state.
   */
  /** Returns the chat's state as saved. */
  async function setHold(
    customer: Customer,
    hold: StaffHold | undefined,
    on: Database = db,
  ): Promise<ConversationState> {
    const chatId = customer.telegramUserId;
    const locale = localeFor(customer.language, customer.language);
    for (let attempt = 0; ; attempt += 1) {
      const { value, version } = await stateOf(chatId, on);
      const state = value ? upgradeState(value) : initialState(locale);
      const { staffHold: _previous, ...rest } = state;
      const next: ConversationState = hold ? { ...rest, staffHold: hold } : rest;
      const expiresAt = new Date(clock.now().getTime() + SESSION_TTL_MS);
      try {
        await saveVersioned(on, sessionKey(chatId), next, version, expiresAt);
        return next;
      } catch (error) {
        if (!(error instanceof StaleStateError) || attempt >= 5) throw error;
      }
    }
  }

  async function holdOf(chatId: number, on: Database = db): Promise<StaffHold | undefined> {
    return (await stateOf(chatId, on)).value?.staffHold;
  }

  /**
   * Runs `work` in one transaction with the outbox rows it writes and — for a Telegram update
   * (`updateId`) — the update's handled mark, so they commit together once: a crash before the
   * commit leaves the update to run again whole, and an update already handled throws
   * {@link AlreadyHandledError} (nothing runs twice). The step's `ref` keys what it writes.
   */
  async function inStep<T>(
    updateId: number | undefined,
    work: (step: StaffStep) => Promise<T>,
  ): Promise<T> {
    const at = clock.now();
    const ref = updateId === undefined ? randomUUID() : `update:${updateId}`;
    return delivery.commit(async (tx) => {
      if (updateId !== undefined && !(await delivery.markHandled(tx, updateId, at)))
        throw new AlreadyHandledError(updateId);
      return work({ tx, repos: deps.reposOn(tx), at, ref });
    });
  }

  /**
   * Tells the ticket's customer something in their language, in the step's transaction: the
   * outbox row (keyed by the ticket, the step's `ref` and `key`; in line with the bot's other
   * messages to the chat) and its transcript line, written once — a rerun of the same step writes
   * neither again. `false` when they have blocked the bot: the ticket records it then, with the
   * topic's notice (`blocked`), in the same transaction; a block found while sending is recorded
   * by the outbox (`StaffDesk.customerBlocked`).
   */
  async function tellIn(
    step: StaffStep,
    ticket: Ticket,
    key: string,
    options: {
      vars?: Record<string, string | number>;
      markup?: RenderedReply['markup'];
      blocked?: () => Promise<NewOutboxMessage | undefined>;
      /**
       * The text (and its buttons), when it is more than the one message `key` names (`key` still
       * keys the row).
       */
      compose?: (render: RenderContext) => string | RenderedReply;
    } = {},
  ): Promise<boolean> {
    const customer = await customerOf(ticket, step.repos);
    if (customer.blockedAt) {
      await recordBlockedIn(step.tx, ticket, step.at, await options.blocked?.());
      return false;
    }
    const render = createRenderContext(deps, await localeOf(customer, step.tx));
    const composed = options.compose
      ? options.compose(render)
      : render.t(key, { ...render.globals, ...options.vars });
    const { text, markup = options.markup } =
      typeof composed === 'string' ? { text: composed } : composed;
    const row: NewOutboxMessage = {
      key: `${customerTicketKeyPrefix(ticket.id)}${step.ref}:${key}`,
      chatId: customer.telegramUserId,
      method: 'sendMessage',
      payload: markup ? { text, reply_markup: markup as never } : { text },
      priority: OUTBOX_PRIORITY.reply,
    };
    await enqueueOnce(step.tx, [row], step.at, async () => {
      await step.repos.transcript.append({
        customerId: customer.id,
        ticketId: ticket.id,
        direction: 'out',
        text,
        at: step.at,
      });
    });
    return true;
  }

  /**
   * Tells the ticket's customer something (see {@link tellIn}) in a step of its own; `ref` makes
   * it exactly-once (a job passes its own id).
   */
  function tell(
    ticket: Ticket,
    key: string,
    vars: Record<string, string | number> = {},
    markup?: RenderedReply['markup'],
    { ref }: { ref?: string } = {},
  ): Promise<boolean> {
    return inStep(undefined, (step) =>
      tellIn({ ...step, ...(ref ? { ref } : {}) }, ticket, key, { vars, markup }),
    );
  }

  /** Records the block on the ticket with the topic's notice (`notice`) in `tx`, once. */
  async function recordBlockedIn(
    tx: Database,
    ticket: Ticket,
    at: Date,
    notice: NewOutboxMessage | undefined,
  ): Promise<void> {
    await enqueueOnce(tx, notice ? [notice] : [], at, async () => {
      await deps.reposOn(tx).tickets.appendEvent(ticket.id, {
        at,
        actor: { kind: 'system' },
        type: 'customer_blocked',
        payload: {},
      });
    });
  }

  /**
   * Records that the ticket's customer blocked the bot (a ticket event) with the topic's notice
   * (`notice`, keyed by what found the block), in one transaction: written once, the event with it.
   */
  async function recordBlocked(ticket: Ticket, notice?: NewOutboxMessage): Promise<void> {
    await delivery.commit((tx) => recordBlockedIn(tx, ticket, clock.now(), notice));
  }

  /**
   * Text in the customer's language, for messages sent some other way (copies, buttons); read in
   * `step`'s transaction when given (every read inside a step is: PGlite has one connection).
   */
  async function render(ticket: Ticket, step?: StaffStep) {
    const customer = await customerOf(ticket, step?.repos);
    return { customer, ...createRenderContext(deps, await localeOf(customer, step?.tx)) };
  }

  return { customerOf, localeOf, setHold, holdOf, inStep, tellIn, tell, recordBlocked, render };
}

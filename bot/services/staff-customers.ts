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
  enqueueMessages,
  loadVersioned,
  type NewOutboxMessage,
  OUTBOX_PRIORITY,
  StaleStateError,
  saveVersioned,
} from '../../db/index.ts';
import { localeFor } from '../i18n/script.ts';
import type { RenderedReply } from '../render/reply.ts';
import { SESSION_TTL_MS, sessionKey } from './conversation.ts';
import type { AppDeps } from './deps.ts';
import { type Delivery, enqueueOnce } from './outbox.ts';
import { createRenderContext } from './render-context.ts';

export type StaffHold = NonNullable<ConversationState['staffHold']>;
export type StaffCustomers = ReturnType<typeof createStaffCustomers>;

/**
 * The customer's side of a take-over: who the ticket's customer is, the language they read, the
 * hold that keeps the bot quiet in their chat while a person has it, and one-line notices to them.
 * A customer's private chat id is their Telegram user id.
 */
export function createStaffCustomers(deps: AppDeps, delivery: Delivery) {
  const { repos, clock, db } = deps;

  async function customerOf(ticket: Ticket): Promise<Customer> {
    const customer = await repos.customers.findById(ticket.customerId);
    if (!customer) throw new Error(`ticket ${ticket.number} has no customer`);
    return customer;
  }

  /** The chat's conversation state (the database is its source of truth) with its version. */
  const stateOf = (chatId: number) =>
    loadVersioned<ConversationState>(db, sessionKey(chatId), clock.now());

  async function localeOf(customer: Customer): Promise<Locale> {
    const { value } = await stateOf(customer.telegramUserId);
    return value?.locale ?? localeFor(undefined, customer.language);
  }

  /**
   * Sets (or with `undefined` lifts) the staff hold on the customer's chat. Saved with the state's
   * version like a turn: if a turn commits in between, the hold is applied again on its state.
   */
  async function setHold(customer: Customer, hold: StaffHold | undefined): Promise<void> {
    const chatId = customer.telegramUserId;
    const locale = localeFor(undefined, customer.language);
    for (let attempt = 0; ; attempt += 1) {
      const { value, version } = await stateOf(chatId);
      const state = value ? upgradeState(value) : initialState(locale);
      const { staffHold: _previous, ...rest } = state;
      const next: ConversationState = hold ? { ...rest, staffHold: hold } : rest;
      const expiresAt = new Date(clock.now().getTime() + SESSION_TTL_MS);
      try {
        await saveVersioned(db, sessionKey(chatId), next, version, expiresAt);
        return;
      } catch (error) {
        if (!(error instanceof StaleStateError) || attempt >= 5) throw error;
      }
    }
  }

  async function holdOf(chatId: number): Promise<StaffHold | undefined> {
    return (await stateOf(chatId)).value?.staffHold;
  }

  /**
   * Tells the ticket's customer something in their language: the message goes to the outbox with
   * its transcript entry in one transaction (`ref` makes it exactly-once: a job passes its own id).
   * `false` when they have blocked the bot (recorded as a ticket event), so the caller can tell the
   * topic; a block found while sending is recorded by the outbox.
   */
  async function tell(
    ticket: Ticket,
    key: string,
    vars: Record<string, string | number> = {},
    markup?: RenderedReply['markup'],
    { ref }: { ref?: string } = {},
  ): Promise<boolean> {
    const customer = await customerOf(ticket);
    if (customer.blockedAt) {
      await recordBlocked(ticket);
      return false;
    }
    const { t, globals } = createRenderContext(deps, await localeOf(customer));
    const text = t(key, { ...globals, ...vars });
    const at = clock.now();
    await delivery.commit(async (tx) => {
      await enqueueMessages(
        tx,
        [
          {
            // Names the ticket: a refusal (the customer blocked the bot) is told in its topic.
            key: `${customerTicketKeyPrefix(ticket.id)}${ref ?? randomUUID()}:${key}`,
            chatId: customer.telegramUserId,
            method: 'sendMessage',
            payload: markup ? { text, reply_markup: markup as never } : { text },
            priority: OUTBOX_PRIORITY.reply,
          },
        ],
        at,
      );
      await deps.reposOn(tx).transcript.append({
        customerId: customer.id,
        ticketId: ticket.id,
        direction: 'out',
        text,
        at,
      });
    });
    return true;
  }

  /**
   * Records that the ticket's customer blocked the bot (a ticket event) with the topic's notice
   * (`notice`, keyed by what found the block), in one transaction: written once, the event with it.
   */
  async function recordBlocked(ticket: Ticket, notice?: NewOutboxMessage): Promise<void> {
    const at = clock.now();
    await delivery.commit((tx) =>
      enqueueOnce(tx, notice ? [notice] : [], at, async () => {
        await deps.reposOn(tx).tickets.appendEvent(ticket.id, {
          at,
          actor: { kind: 'system' },
          type: 'customer_blocked',
          payload: {},
        });
      }),
    );
  }

  /** Text in the customer's language, for messages sent some other way (copies, buttons). */
  async function render(ticket: Ticket) {
    const customer = await customerOf(ticket);
    return { customer, ...createRenderContext(deps, await localeOf(customer)) };
  }

  return { customerOf, localeOf, setHold, holdOf, tell, recordBlocked, render };
}

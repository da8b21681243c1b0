import {
  type ConversationState,
  type Customer,
  initialState,
  type Locale,
  type Ticket,
} from '../../core/index.ts';
import { localeFor } from '../i18n/script.ts';
import type { RenderedReply } from '../render/reply.ts';
import { CHAT_LOCK_TTL_MS, SESSION_TTL_MS, sessionKey } from './conversation.ts';
import type { AppDeps } from './deps.ts';
import type { Outbox } from './outbox.ts';
import { createRenderContext } from './render-context.ts';

export type StaffHold = NonNullable<ConversationState['staffHold']>;
export type StaffCustomers = ReturnType<typeof createStaffCustomers>;

/**
 * The customer's side of a take-over: who the ticket's customer is, the language they read, the
 * hold that keeps the bot quiet in their chat while a person has it, and one-line notices to them.
 * A customer's private chat id is their Telegram user id.
 */
export function createStaffCustomers(deps: AppDeps, outbox: Outbox) {
  const { repos, store, clock } = deps;

  async function customerOf(ticket: Ticket): Promise<Customer> {
    const customer = await repos.customers.findById(ticket.customerId);
    if (!customer) throw new Error(`ticket ${ticket.number} has no customer`);
    return customer;
  }

  async function localeOf(customer: Customer): Promise<Locale> {
    const state = await store.getSession<ConversationState>(sessionKey(customer.telegramUserId));
    return state?.locale ?? localeFor(undefined, customer.language);
  }

  /** Sets (or with `undefined` lifts) the staff hold on the customer's chat. */
  async function setHold(customer: Customer, hold: StaffHold | undefined): Promise<void> {
    const chatId = customer.telegramUserId;
    const locale = await localeOf(customer);
    await store.withLock(`chat:${chatId}`, CHAT_LOCK_TTL_MS, async () => {
      const state =
        (await store.getSession<ConversationState>(sessionKey(chatId))) ?? initialState(locale);
      const { staffHold: _previous, ...rest } = state;
      const next: ConversationState = hold ? { ...rest, staffHold: hold } : rest;
      await store.setSession(sessionKey(chatId), next, SESSION_TTL_MS);
    });
  }

  async function holdOf(chatId: number): Promise<StaffHold | undefined> {
    return (await store.getSession<ConversationState>(sessionKey(chatId)))?.staffHold;
  }

  /**
   * Tells the ticket's customer something in their language. `false` when they blocked the bot
   * (recorded on the customer and as a ticket event), so the caller can tell the topic.
   */
  async function tell(
    ticket: Ticket,
    key: string,
    vars: Record<string, string | number> = {},
    markup?: RenderedReply['markup'],
  ): Promise<boolean> {
    const customer = await customerOf(ticket);
    const { t, globals } = createRenderContext(deps, await localeOf(customer));
    const text = t(key, { ...globals, ...vars });
    const sent = await outbox.send(customer.telegramUserId, markup ? { text, markup } : { text });
    if (sent) {
      await repos.transcript.append({
        customerId: customer.id,
        ticketId: ticket.id,
        direction: 'out',
        text,
        at: clock.now(),
      });
      return true;
    }
    await recordBlocked(ticket);
    return false;
  }

  async function recordBlocked(ticket: Ticket): Promise<void> {
    await repos.tickets.appendEvent(ticket.id, {
      at: clock.now(),
      actor: { kind: 'system' },
      type: 'customer_blocked',
      payload: {},
    });
  }

  /** Text in the customer's language, for messages sent some other way (copies, buttons). */
  async function render(ticket: Ticket) {
    const customer = await customerOf(ticket);
    return { customer, ...createRenderContext(deps, await localeOf(customer)) };
  }

  return { customerOf, localeOf, setHold, holdOf, tell, recordBlocked, render };
}

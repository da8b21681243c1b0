import {
  type Category,
  decideContactPromise,
  OPEN_TICKET_STATES,
  type Ticket,
  toZonedTime,
} from '../../core/index.ts';
import { type Database, enqueueMessages, type NewOutboxMessage } from '../../db/index.ts';
import { toContactPromiseRule } from '../config.ts';
import { contactPromiseVars } from '../render/contact-promise.ts';
import type { RenderedReply } from '../render/reply.ts';
import { formatInstant } from '../render/staff.ts';
import type { AppDeps } from './deps.ts';
import { type Delivery, enqueueOnce } from './outbox.ts';
import { createRenderContext, type RenderContext } from './render-context.ts';
import type { StaffCustomers } from './staff-customers.ts';
import { contactAlertKeys, STAFF_JOBS } from './staff-jobs.ts';
import type { StaffTopics } from './staff-topics.ts';

/** A customer's request for a person, as the conversation hands it over. */
export type HumanRequest = {
  customerId: string;
  chatId: number;
  /** Telegram update id: a retried update opens one ticket. */
  updateId: number;
  /** What the customer has said so far (the flow's report), for the staff topic. */
  description: string;
  category?: Category;
  /** The customer's language, for the answer. */
  render: RenderContext;
};

export type StaffHuman = ReturnType<typeof createStaffHuman>;

/**
 * What the customer's side asks of staff. "/human reaches a person" (design.md): the customer's ticket in progress — or a new ticket of
 * kind `question` when there is none — gets its staff topic at once and staff are alerted there
 * and in General; the customer hears when a person will answer (within the contact promise in
 * service hours, after the next opening outside them). The conversation carries on meanwhile.
 */
export function createStaffHuman(
  deps: AppDeps,
  delivery: Delivery,
  customers: StaffCustomers,
  topics: StaffTopics | undefined,
) {
  const { repos, clock, config, log } = deps;

  async function openQuestion(request: HumanRequest, dueAt: Date): Promise<Ticket> {
    const customer = await repos.customers.findById(request.customerId);
    const now = clock.now();
    const { ticket } = await repos.tickets.create(
      {
        customerId: request.customerId,
        kind: 'question',
        priority: 'normal',
        category: request.category ?? null,
        description: request.description || null,
        contact: {
          name: customer?.name ?? null,
          phone: customer?.phone ?? null,
          address: customer?.address ?? null,
        },
        triage: null,
        warranty: null,
        visitWindow: null,
        product: null,
        contactDueAt: dueAt,
      },
      {
        idempotencyKey: `human:${request.chatId}:${request.updateId}`,
        day: toZonedTime(now, config.SERVICE_TZ).date,
        at: now,
        actor: { kind: 'customer', customerId: request.customerId },
        // The staff side's job keeps this durable: topic, card and contact alerts.
        jobs: [{ kind: STAFF_JOBS.newTicket, dueAt: now, payload: {} }],
      },
    );
    return ticket;
  }

  /**
   * Records the request and raises it with staff: the topic at once (its own recorded step), then
   * the event and a line in the topic and in General in one transaction, keyed by the update — a
   * turn that runs again (its ticket keyed by the update too) neither records nor raises it twice,
   * and a crash between them loses neither.
   */
  async function recordAndAlert(input: HumanRequest, ticket: Ticket, dueAt: Date, now: Date) {
    const messages: NewOutboxMessage[] = [];
    if (topics) {
      const topic = await topics.ensure(ticket);
      const { t } = createRenderContext(deps, topics.staffLocale);
      const text = t('staff-human-request', {
        number: ticket.number,
        time: formatInstant(dueAt, config.SERVICE_TZ, topics.staffLocale, now),
      });
      const ref = `human:${input.chatId}:${input.updateId}`;
      messages.push(topics.topicMessage(topic, ref, text), topics.generalMessage(ref, text));
    } else
      log.warn({ ticket: ticket.number }, 'a customer asks for a person, but no STAFF_CHAT_ID');
    await delivery.commit((tx) =>
      enqueueOnce(tx, messages, now, async () => {
        await deps.reposOn(tx).tickets.appendEvent(ticket.id, {
          at: now,
          actor: { kind: 'customer', customerId: input.customerId },
          type: 'human_requested',
          payload: { dueAt: dueAt.toISOString() },
        });
      }),
    );
  }

  async function request(input: HumanRequest): Promise<RenderedReply[]> {
    const { render } = input;
    const say = (key: string, vars: Record<string, string | number> = {}): RenderedReply => ({
      text: render.t(key, { ...render.globals, ...vars }),
    });
    const hold = await customers.holdOf(input.chatId);
    if (hold) {
      const holder = await repos.staff.get(hold.staffId);
      return [say('human-already', { name: holder?.displayName ?? '-' })];
    }
    const now = clock.now();
    const promise = decideContactPromise(now, toContactPromiseRule(config));
    const [inProgress] = await repos.tickets.listByCustomer(input.customerId, {
      states: [...OPEN_TICKET_STATES],
      limit: 1,
    });
    const ticket = inProgress ?? (await openQuestion(input, promise.dueAt));
    await recordAndAlert(input, ticket, promise.dueAt, now);
    const vars = contactPromiseVars(promise, config.SERVICE_TZ, render.locale, now);
    // What the customer writes until someone takes the chat goes to the topic too
    // (features/staff-customer.ts), when there is a staff forum.
    const relay = topics ? 'yes' : 'no';
    // Without a staff chat nobody is told: no time is promised, only the ticket's number.
    if (!topics) return [say('human-no-staff', { number: ticket.number })];
    return [say(`human-${promise.kind}`, { ...vars, number: ticket.number, relay })];
  }

  /**
   * The customer cancelled a ticket themselves, in the turn's transaction `tx`: its contact alerts
   * are cancelled and its topic (when it has one: a ticket cancelled before its topic was made
   * never gets one) is told through the outbox, keyed by `ref` — with the cancellation, so a
   * crash right after it cannot leave staff chasing a cancelled ticket.
   */
  async function customerCancelled(ticket: Ticket, tx: Database, ref: string): Promise<void> {
    const now = clock.now();
    const txRepos = deps.reposOn(tx);
    for (const key of contactAlertKeys(ticket.id)) await txRepos.jobs.cancel(key, now);
    const topic = topics && (await txRepos.tickets.topicOf(ticket.id));
    if (!topics || !topic) return;
    const { t } = createRenderContext(deps, topics.staffLocale);
    const text = t('staff-customer-cancelled', { number: ticket.number });
    await enqueueMessages(tx, [topics.topicMessage(topic, `cancelled:${ref}`, text)], now);
  }

  return { request, customerCancelled };
}

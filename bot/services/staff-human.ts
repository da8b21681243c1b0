import {
  type Category,
  type Draft,
  decideContactPromise,
  OPEN_TICKET_STATES,
  type Ticket,
  toNewTicket,
  toZonedTime,
} from '../../core/index.ts';
import { type Database, enqueueMessages, type Repositories } from '../../db/index.ts';
import { toContactPromiseRule } from '../config.ts';
import { contactPromiseVars } from '../render/contact-promise.ts';
import type { RenderedReply } from '../render/reply.ts';
import { formatInstant } from '../render/staff.ts';
import type { AppDeps } from './deps.ts';
import { createRenderContext, type RenderContext } from './render-context.ts';
import type { StaffCustomers } from './staff-customers.ts';
import { contactAlertKeys, humanRequestKey, STAFF_JOBS } from './staff-jobs.ts';
import type { StaffTopics } from './staff-topics.ts';

/**
 * How a request for a person was answered: a new question's promise, the ticket in progress's own
 * pending deadline, or asked with no time (kept in the request's job, so a rerun says the same).
 */
const HUMAN_ANSWERS = ['new', 'pending', 'asked'] as const;

/** A customer's request for a person, as the conversation hands it over. */
export type HumanRequest = {
  customerId: string;
  chatId: number;
  /** Telegram update id: a retried update opens one ticket. */
  updateId: number;
  /** What the customer has said so far (the flow's report), for the staff topic. */
  description: string;
  category?: Category;
  /**
   * The ticket being prepared when they asked: what the customer already gave (name, phone,
   * address, product, model, the rest of their words) goes on the question ticket.
   */
  draft?: Draft;
  /** The customer's language, for the answer. */
  render: RenderContext;
};

export type StaffHuman = ReturnType<typeof createStaffHuman>;

/**
 * What the customer's side asks of staff. "/human reaches a person" (design.md): the customer's
 * ticket in progress — or a new ticket of kind `question` when there is none — is raised to staff
 * in its topic and in General by a job written as the turn runs, keyed by its update
 * (`staff-alerts.ts`, the way the contact alerts are raised); the customer hears when a person will answer (within the contact
 * promise in service hours, after the next opening outside them). The conversation carries on
 * meanwhile.
 */
export function createStaffHuman(
  deps: AppDeps,
  customers: StaffCustomers,
  topics: StaffTopics | undefined,
) {
  const { repos, clock, config } = deps;

  async function openQuestion(
    request: HumanRequest,
    dueAt: Date,
    now: Date,
    on: Repositories,
  ): Promise<Ticket> {
    const customer = await on.customers.findById(request.customerId);
    // Mid-intake, what the customer gave so far (the draft), so staff can call; else the contact
    // they gave for an earlier ticket.
    const draft = request.draft
      ? toNewTicket(request.draft, request.customerId, null, config.SERVICE_TZ)
      : undefined;
    const { ticket } = await on.tickets.create(
      {
        customerId: request.customerId,
        kind: 'question',
        priority: draft?.priority ?? 'normal',
        category: request.category ?? null,
        description: draft?.description ?? (request.description || null),
        contact: {
          name: draft?.contact.name ?? customer?.name ?? null,
          phone: draft?.contact.phone ?? customer?.phone ?? null,
          address: draft?.contact.address ?? customer?.address ?? null,
        },
        triage: draft?.triage ?? null,
        warranty: null,
        visitWindow: draft?.visitWindow ?? null,
        product: draft?.product ?? null,
        contactDueAt: dueAt,
      },
      {
        // Mid-intake, the draft's own ticket, marked intake_pending as a hazard's is: confirming
        // the summary completes this ticket (its number, topic and contact promise kept) instead
        // of filing a second one for the same problem.
        idempotencyKey: request.draft
          ? `draft:${request.draft.id}`
          : `human:${request.chatId}:${request.updateId}`,
        day: toZonedTime(now, config.SERVICE_TZ).date,
        at: now,
        actor: { kind: 'customer', customerId: request.customerId },
        // The staff side's job keeps this durable: topic, card and contact alerts.
        jobs: [{ kind: STAFF_JOBS.newTicket, dueAt: now, payload: {} }],
        ...(request.draft ? { events: [{ type: 'intake_pending' as const, payload: {} }] } : {}),
      },
    );
    return ticket;
  }

  /**
   * Answers a request for a person and has it raised: the ticket (a new question, keyed by the
   * update) and the alert's job (keyed by the chat and the update) are written with `on` (and the
   * chat's hold read on `onDb`, the same connection). The conversation calls it before the turn's
   * transaction, so a request reaches staff even if the turn then fails; the keys make a turn that
   * runs again write neither twice, and the job remembers the answer given, which the rerun
   * repeats. The job writes the topic's and General's lines and the `human_requested` event in
   * its own step (`staff-alerts.ts`): no Bot API call in the turn.
   */
  async function request(
    input: HumanRequest,
    on: Repositories = repos,
    onDb: Database = deps.db,
  ): Promise<RenderedReply[]> {
    const { render } = input;
    const say = (key: string, vars: Record<string, string | number> = {}): RenderedReply => ({
      text: render.t(key, { ...render.globals, ...vars }),
    });
    // On `on`'s connection: PGlite has one, so a read beside an open transaction would wait for it.
    const hold = await customers.holdOf(input.chatId, onDb);
    if (hold) {
      const holder = await on.staff.get(hold.staffId);
      return [say('human-already', { name: holder?.displayName ?? '-' })];
    }
    const now = clock.now();
    const promise = decideContactPromise(now, toContactPromiseRule(config));
    const [inProgress] = await on.tickets.listByCustomer(input.customerId, {
      states: [...OPEN_TICKET_STATES],
      limit: 1,
    });
    const key = humanRequestKey(input.chatId, input.updateId);
    // A turn that runs again (it failed after the request) answers as it first did: its question
    // ticket is "in progress" by then, but the customer was promised the new question's time.
    const earlier = (await on.jobs.findByKey(key))?.payload.answer;
    const ticket = inProgress ?? (await openQuestion(input, promise.dueAt, now, on));
    // A ticket in progress keeps its own contact promise, which its alerts watch: a request for a
    // person while it runs is told that deadline; once it was kept or has passed, no new time is
    // promised (nothing would watch it), the request is raised all the same.
    const ownDue =
      inProgress &&
      !inProgress.contactedAt &&
      inProgress.contactDueAt &&
      inProgress.contactDueAt > now
        ? inProgress.contactDueAt
        : undefined;
    const answer =
      typeof earlier === 'string' && (HUMAN_ANSWERS as readonly string[]).includes(earlier)
        ? (earlier as (typeof HUMAN_ANSWERS)[number])
        : !inProgress
          ? 'new'
          : ownDue
            ? 'pending'
            : 'asked';
    await on.jobs.enqueue(
      {
        kind: STAFF_JOBS.humanRequest,
        key,
        dueAt: now,
        payload: {
          ticketId: ticket.id,
          customerId: input.customerId,
          dueAt: promise.dueAt.toISOString(),
          answer,
        },
      },
      now,
    );
    const vars = contactPromiseVars(promise, config.SERVICE_TZ, render.locale, now);
    // What the customer writes until someone takes the chat goes to the topic too
    // (features/staff-customer.ts), when there is a staff forum.
    const relay = topics ? 'yes' : 'no';
    // Without a staff chat nobody is told: no time is promised, only the ticket's number.
    if (!topics) return [say('human-no-staff', { number: ticket.number })];
    if (answer === 'pending')
      return [
        say('human-ticket-pending', {
          number: ticket.number,
          time: formatInstant(
            ownDue ?? ticket.contactDueAt ?? promise.dueAt,
            config.SERVICE_TZ,
            render.locale,
            now,
          ),
          relay,
        }),
      ];
    if (answer === 'asked') return [say('human-ticket-asked', { number: ticket.number, relay })];
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

  /** The longest piece of the customer's words the topic's line quotes, in characters. */
  const QUOTED_MAX = 80;

  /**
   * The customer said whether words copied to the ticket's topic are about it or a new problem:
   * the topic hears which, quoting the words (written in `tx`, keyed by `ref`).
   */
  async function customerSaidWhich(
    ticket: Ticket,
    which: 'same' | 'new',
    text: string,
    tx: Database,
    ref: string,
  ): Promise<void> {
    const topic = topics && (await deps.reposOn(tx).tickets.topicOf(ticket.id));
    if (!topics || !topic) return;
    const { t } = createRenderContext(deps, topics.staffLocale);
    const words = text.replace(/\s+/g, ' ').trim();
    const quoted = words.length > QUOTED_MAX ? `${words.slice(0, QUOTED_MAX - 1)}…` : words;
    const line = t('staff-customer-which', { number: ticket.number, which, words: quoted });
    await enqueueMessages(tx, [topics.topicMessage(topic, `which:${ref}`, line)], clock.now());
  }

  return { request, customerCancelled, customerSaidWhich };
}

import type { InlineKeyboardMarkup, Message, User } from 'grammy/types';
import {
  CLOSINGS,
  type Closing,
  decideContactState,
  decideTicketContactDue,
  decideVisitReminderAt,
  decideWarranty,
  decideWarrantyOverPeriod,
  isTicketClosed,
  LOCALES,
  type Locale,
  type NewJob,
  OPEN_TICKET_STATES,
  type PreferredWindow,
  parseClosing,
  parseTicketNumber,
  parseWarrantyArgs,
  pendingReplies,
  type StaffMember,
  type Ticket,
  type TicketCommand,
  toInstant,
  toLocale,
  toWarrantyCase,
  toZonedTime,
  type VisitWindow,
} from '../../core/index.ts';
import { enqueueMessages, type Repositories } from '../../db/index.ts';
import { toContactPromiseRule } from '../config.ts';
import { composeMessages } from '../render/compose.ts';
import { renderReply } from '../render/reply.ts';
import { formatInstant, formatVisitWindow, toMinutes, toMinutesAgo } from '../render/staff.ts';
import { renderWarrantyAnswer } from '../render/warranty.ts';
import type { AppDeps } from './deps.ts';
import { createRenderContext } from './render-context.ts';
import type { StaffAccess } from './staff-access.ts';
import type { StaffCustomers, StaffStep } from './staff-customers.ts';
import { contactAlertKeys, loanerReminderJob, STAFF_JOBS, visitReminderKey } from './staff-jobs.ts';
import type { StaffTopics } from './staff-topics.ts';
import { createTurnContext } from './turn-context.ts';

/** One staff member's request, after the access check. */
export type StaffRequest = {
  member: StaffMember;
  user: User;
  /** The topic it came from; `undefined` for General. */
  topicId: number | undefined;
  /** The ticket of that topic. */
  ticket: Ticket | undefined;
  message?: Message;
  /**
   * The staff update it came from: a lifecycle change marks it handled in the change's own
   * transaction, with what it tells the customer and the topic (written once).
   */
  updateId?: number;
};

/** A stable code without its area (`WINDOW.PAST` → `PAST`), as locale selectors name them. */
const codeOf = (code: string) => code.replace(/^\w+\./, '');

/** Window suggestions offered by /schedule without arguments and by the card's button. */
const SUGGESTIONS = 4;
const QUEUE_LENGTH = 30;
const NAME_MAX = 64;

/** `20260312:540:660` ⇄ a preferred window, for buttons. */
const toWindowData = (w: PreferredWindow) =>
  `${w.date.replaceAll('-', '')}:${w.startMinute}:${w.endMinute}`;
export function fromWindowData(data: string): PreferredWindow | undefined {
  const match = /^(\d{4})(\d{2})(\d{2}):(\d{1,4}):(\d{1,4})$/.exec(data);
  if (!match) return undefined;
  const [, y, m, d, start, end] = match;
  return {
    date: `${y}-${m}-${d}` as PreferredWindow['date'],
    startMinute: Number(start),
    endMinute: Number(end),
  };
}

const LANGUAGE_WORDS: Readonly<Record<string, Locale>> = {
  en: 'en',
  english: 'en',
  'zh-hans': 'zh-Hans',
  zh: 'zh-Hans',
  cn: 'zh-Hans',
  简体: 'zh-Hans',
  中文: 'zh-Hans',
  'zh-hant': 'zh-Hant',
  'zh-hk': 'zh-HK',
  'zh-tw': 'zh-TW',
  tw: 'zh-Hant',
  hk: 'zh-Hant',
  繁體: 'zh-Hant',
  繁体: 'zh-Hant',
};

export type StaffActions = ReturnType<typeof createStaffActions>;

/**
 * What staff do with tickets (design.md "Tickets and staff"): take, release, assign, schedule,
 * note, close, reopen, check warranty, list the queue, find a ticket, set their name and language.
 * The lifecycle rules are the core's; this carries out their effects — the customer's hold and
 * notices, jobs, the topic — and answers the staff member in their language.
 */
export function createStaffActions(
  deps: AppDeps,
  topics: StaffTopics,
  customers: StaffCustomers,
  access: StaffAccess,
) {
  const { repos, clock, config } = deps;

  const localeOf = (member: StaffMember, user: User): Locale =>
    (LOCALES as readonly string[]).includes(member.locale ?? '')
      ? (member.locale as Locale)
      : toLocale(user.language_code);

  /**
   * Writes an answer where the staff member asked, through the outbox, keyed by the step and
   * `tag`: in `step` (with the work it answers), or in a step of its own with the staff update's
   * handled mark — so an answer is written once, and never without what it reports.
   */
  async function answer(
    req: StaffRequest,
    tag: string,
    text: string,
    markup?: InlineKeyboardMarkup,
    step?: StaffStep,
  ) {
    const write = (into: StaffStep) =>
      enqueueMessages(
        into.tx,
        [topics.replyRow(`${into.ref}:${tag}`, req.topicId, req.ticket?.id, text, markup)],
        into.at,
      );
    if (step) await write(step);
    else await customers.inStep(req.updateId, write);
  }

  /** Answers the staff member where they asked, in their language (see {@link answer}). */
  async function say(
    req: StaffRequest,
    key: string,
    vars: Record<string, string | number> = {},
    markup?: InlineKeyboardMarkup,
    step?: StaffStep,
  ) {
    const { t, globals } = createRenderContext(deps, localeOf(req.member, req.user));
    await answer(req, key, t(key, { ...globals, ...vars }), markup, step);
  }

  /**
   * A staff member wrote in a ticket's topic but the customer does not get it: the ticket is
   * closed or cancelled, or someone else (or nobody) holds it. Said once for each state of the
   * ticket and each staff member (the outbox's key), so talking in the topic among themselves is
   * not answered every time, while whoever expected the words to reach the customer is told.
   */
  async function notSent(req: StaffRequest & { ticket: Ticket }) {
    const { ticket } = req;
    const closed = isTicketClosed(ticket.state);
    const { t, globals } = createRenderContext(deps, localeOf(req.member, req.user));
    const text = closed
      ? t('staff-not-sent-closed', { ...globals, number: ticket.number })
      : t('staff-not-sent-not-held', {
          ...globals,
          number: ticket.number,
          holder: await nameOf(ticket.assigneeId),
        });
    const ref = `not-sent:${req.member.telegramUserId}:${ticket.state}:${ticket.assigneeId ?? 'none'}`;
    await customers.inStep(req.updateId, (into) =>
      enqueueMessages(into.tx, [topics.replyRow(ref, req.topicId, ticket.id, text)], into.at),
    );
  }

  async function nameOf(staffId: number | null, on: Repositories = repos): Promise<string> {
    if (staffId === null) return '-';
    return (await on.staff.get(staffId))?.displayName ?? String(staffId);
  }

  /**
   * Applies a lifecycle command and, when the core allows it, `then` — what the change tells the
   * customer and the topic — in one step (`StaffCustomers.inStep`): the ticket's change, the
   * customer's hold and notices, the topic's announcement and the staff update's handled mark
   * commit together, so a crash before the commit leaves the whole request to run again and one
   * after it leaves nothing to run twice. A refusal is explained to the staff member, in the step.
   */
  async function apply(
    req: StaffRequest,
    ticket: Ticket,
    command: TicketCommand,
    options: { jobs?: NewJob[]; cancelJobKeys?: string[] },
    then: (step: StaffStep, updated: Ticket) => Promise<void>,
  ): Promise<Ticket | undefined> {
    const result = await customers.inStep(req.updateId, async (step) => {
      const applied = await step.repos.tickets.apply(ticket.id, command, step.at, options);
      if (applied.ok) {
        await then(step, applied.value);
        return applied;
      }
      const current = (await step.repos.tickets.get(ticket.id)) ?? ticket;
      const vars = {
        code: codeOf(applied.code),
        number: ticket.number,
        holder: await nameOf(current.assigneeId, step.repos),
        state: current.state,
      };
      await say(req, 'staff-refused', vars, undefined, step);
      return applied;
    });
    return result.ok ? result.value : undefined;
  }

  /** Tells the customer in the step; when they blocked the bot, the topic hears that instead. */
  const tellCustomer = (
    step: StaffStep,
    ticket: Ticket,
    key: string,
    vars: Record<string, string | number> = {},
    markup?: InlineKeyboardMarkup,
  ) =>
    customers.tellIn(step, ticket, key, {
      vars,
      markup,
      blocked: () => topics.blockedNotice(ticket, step.ref, step.repos),
    });

  /** A person has the chat now: the bot goes quiet there and the customer hears who it is. */
  async function handOver(step: StaffStep, ticket: Ticket, holder: StaffMember) {
    const customer = await customers.customerOf(ticket, step.repos);
    await customers.setHold(
      customer,
      { ticketNumber: ticket.number, staffId: holder.telegramUserId },
      step.tx,
    );
    await tellCustomer(step, ticket, 'handover-taken', { name: holder.displayName });
  }

  const staffId = (req: StaffRequest) => req.member.telegramUserId;

  async function take(req: StaffRequest, ticket: Ticket) {
    await apply(req, ticket, { type: 'take', staffId: staffId(req) }, {}, async (step, taken) => {
      await handOver(step, taken, req.member);
      await topics.announceIn(step, taken, 'staff-taken', { name: req.member.displayName });
    });
  }

  async function release(req: StaffRequest, ticket: Ticket) {
    const command: TicketCommand = { type: 'release', staffId: staffId(req) };
    await apply(req, ticket, command, {}, async (step, released) => {
      const customer = await customers.customerOf(released, step.repos);
      const state = await customers.setHold(customer, undefined, step.tx);
      // The question the customer was answering when the chat was taken (an intake's, the
      // summary) is asked again, so they know what the bot waits for.
      const pending = pendingReplies(state, createTurnContext(deps, step.at, step.ref));
      await customers.tellIn(step, released, 'handover-released', {
        blocked: () => topics.blockedNotice(released, step.ref, step.repos),
        compose: ({ t, locale, globals }) => {
          const [message, ...more] = composeMessages([
            {
              text: t('handover-released', { ...globals, pending: pending.length ? 'yes' : 'no' }),
            },
            ...pending.map((reply) => renderReply(reply, t, locale, globals)),
          ]);
          const text = [message, ...more].map((part) => part?.text).join('\n\n');
          const markup = (more.at(-1) ?? message)?.markup;
          return markup ? { text, markup } : { text };
        },
      });
      await topics.announceIn(step, released, 'staff-released', { name: req.member.displayName });
    });
  }

  /** The colleague an /assign names: @username, a mention without username, or a replied message. */
  async function assignee(req: StaffRequest, args: string): Promise<StaffMember | undefined> {
    const mention = req.message?.entities?.find((entity) => entity.type === 'text_mention');
    if (mention && 'user' in mention && mention.user) {
      const user = mention.user;
      return repos.staff.seen(user.id, user.first_name, user.username ?? null);
    }
    const username = /@?([A-Za-z]\w{3,31})/.exec(args)?.[1];
    if (username) return repos.staff.findByUsername(username);
    const replied = req.message?.reply_to_message;
    if (replied?.from && !replied.from.is_bot && replied.message_id !== req.topicId) {
      const from = replied.from;
      return repos.staff.seen(from.id, from.first_name, from.username ?? null);
    }
    return undefined;
  }

  async function assign(req: StaffRequest, ticket: Ticket, args: string) {
    const target = await assignee(req, args);
    if (!target) return say(req, 'staff-assign-usage');
    if (!(await access.isStaff(target.telegramUserId)))
      return say(req, 'staff-assign-not-staff', { name: target.displayName });
    const command: TicketCommand = {
      type: 'assign',
      staffId: staffId(req),
      toStaffId: target.telegramUserId,
    };
    await apply(req, ticket, command, {}, async (step, assigned) => {
      await handOver(step, assigned, target);
      await topics.announceIn(step, assigned, 'staff-assigned', {
        from: req.member.displayName,
        name: target.displayName,
      });
    });
  }

  const serviceNow = () => {
    const now = clock.now();
    const { date, minute } = toZonedTime(now, config.SERVICE_TZ);
    return { now, today: date, nowMinute: minute };
  };

  /** Buttons with the next visit windows, for the card's schedule button and a bare /schedule. */
  async function offerWindows(req: StaffRequest, ticket: Ticket) {
    const { today, nowMinute } = serviceNow();
    const windows = deps.fields.suggestWindows(today, nowMinute, config.SERVICE_HOURS, SUGGESTIONS);
    const locale = localeOf(req.member, req.user);
    const inline_keyboard = windows.map((w) => [
      {
        text: formatVisitWindow(toVisitWindow(w), config.SERVICE_TZ, locale),
        callback_data: `st:win:${ticket.number}:${toWindowData(w)}`,
      },
    ]);
    await say(req, 'staff-schedule-choose', { number: ticket.number }, { inline_keyboard });
  }

  const toVisitWindow = (w: PreferredWindow): VisitWindow => ({
    start: toInstant(w.date, w.startMinute, config.SERVICE_TZ),
    end: toInstant(w.date, w.endMinute, config.SERVICE_TZ),
  });

  /** /schedule <window>: the intake's own window parser, so staff and customers agree. */
  async function schedule(req: StaffRequest, ticket: Ticket, args: string) {
    if (args === '') return offerWindows(req, ticket);
    const { today, nowMinute } = serviceNow();
    const parsed = deps.fields.window(args, today, nowMinute, config.SERVICE_HOURS);
    if (!parsed.ok) return say(req, 'staff-window-invalid', { code: codeOf(parsed.code) });
    await scheduleWindow(req, ticket, parsed.value);
  }

  /** A window chosen with a button, checked again (it may have gone stale). */
  async function scheduleButton(req: StaffRequest, ticket: Ticket, data: string) {
    const window = fromWindowData(data);
    const { today, nowMinute } = serviceNow();
    const checked =
      window && deps.fields.checkWindow(window, today, nowMinute, config.SERVICE_HOURS);
    if (!checked?.ok)
      return say(req, 'staff-window-invalid', {
        code: codeOf(checked?.code ?? 'WINDOW.UNPARSEABLE'),
      });
    await scheduleWindow(req, ticket, checked.value);
  }

  async function scheduleWindow(req: StaffRequest, ticket: Ticket, preferred: PreferredWindow) {
    const { now } = serviceNow();
    const window = toVisitWindow(preferred);
    const reminderAt = decideVisitReminderAt(window, now, config.SERVICE_TZ);
    const jobs: NewJob[] = reminderAt
      ? [
          {
            kind: STAFF_JOBS.visitReminder,
            key: visitReminderKey(ticket.id, window.start),
            dueAt: reminderAt,
            payload: { ticketId: ticket.id, start: window.start.toISOString() },
          },
        ]
      : [];
    const previous = ticket.visitWindow
      ? [visitReminderKey(ticket.id, ticket.visitWindow.start)]
      : [];
    await apply(
      req,
      ticket,
      { type: 'schedule', staffId: staffId(req), window },
      { jobs, cancelJobKeys: previous.filter((key) => !jobs.some((job) => job.key === key)) },
      async (step, scheduled) => {
        const { locale } = await customers.render(scheduled, step);
        await tellCustomer(step, scheduled, 'handover-scheduled', {
          number: scheduled.number,
          window: formatVisitWindow(window, config.SERVICE_TZ, locale),
        });
        await topics.announceIn(step, scheduled, 'staff-scheduled', {
          name: req.member.displayName,
          window: formatVisitWindow(window, config.SERVICE_TZ, topics.staffLocale),
          reminder: reminderAt
            ? formatInstant(reminderAt, config.SERVICE_TZ, topics.staffLocale, now)
            : 'none',
        });
      },
    );
  }

  /** A staff member's internal note, as a ticket event (on `on`: a step's transaction). */
  const noteEvent = (req: StaffRequest, ticket: Ticket, text: string, on: Repositories) =>
    on.tickets.appendEvent(ticket.id, {
      at: clock.now(),
      actor: { kind: 'staff', staffId: staffId(req) },
      type: 'note',
      payload: { text },
    });

  async function note(req: StaffRequest, ticket: Ticket, args: string) {
    if (args === '') return say(req, 'staff-note-usage');
    await customers.inStep(req.updateId, async (step) => {
      await noteEvent(req, ticket, args, step.repos);
      await say(req, 'staff-note-saved', {}, undefined, step);
    });
  }

  /**
   * /contacted [how]: staff reached the customer outside this chat (a call, as the hazard alert
   * asks). The contact promise counts as kept from now, its alerts stop, and the words, if any,
   * are kept as a note. The first contact stands: a second /contacted changes nothing.
   */
  async function contacted(req: StaffRequest, ticket: Ticket, args: string) {
    await customers.inStep(req.updateId, async (step) => {
      const marked = await step.repos.tickets.markContacted(
        ticket.id,
        clock.now(),
        { kind: 'staff', staffId: staffId(req) },
        { cancelJobKeys: contactAlertKeys(ticket.id) },
      );
      if (args !== '') await noteEvent(req, ticket, args, step.repos);
      await say(
        req,
        marked ? 'staff-contacted-saved' : 'staff-contacted-already',
        { number: ticket.number },
        undefined,
        step,
      );
    });
  }

  /** Buttons for each way of closing, for the card's close button and a bare /close. */
  async function offerClosings(req: StaffRequest, ticket: Ticket) {
    const { t } = createRenderContext(deps, localeOf(req.member, req.user));
    const inline_keyboard = CLOSINGS.map((closing) => [
      {
        text: t('staff-closing', { closing }),
        callback_data: `st:closing:${ticket.number}:${closing}`,
      },
    ]);
    await say(req, 'staff-close-choose', { number: ticket.number }, { inline_keyboard });
  }

  async function close(req: StaffRequest, ticket: Ticket, args: string) {
    if (args === '') return offerClosings(req, ticket);
    const parsed = parseClosing(args);
    if (!parsed) return say(req, 'staff-close-usage');
    await closeAs(req, ticket, parsed.closing, parsed.note);
  }

  /**
   * Closes the ticket: the customer gets the closing message and, once per ticket, the 1–5 rating
   * request; pending alerts and the visit reminder are cancelled; the chat goes back to the bot —
   * all in the closing's step, with the topic's announcement.
   */
  async function closeAs(req: StaffRequest, ticket: Ticket, closing: Closing, noteText = '') {
    const cancelJobKeys = [
      ...contactAlertKeys(ticket.id),
      ...(ticket.visitWindow ? [visitReminderKey(ticket.id, ticket.visitWindow.start)] : []),
    ];
    const command: TicketCommand =
      closing === 'cancelled'
        ? { type: 'cancel', actor: { kind: 'staff', staffId: staffId(req) }, reason: 'cancelled' }
        : { type: 'resolve', staffId: staffId(req), resolution: closing };
    await apply(req, ticket, command, { cancelJobKeys }, async (step, closed) => {
      if (noteText) await noteEvent(req, closed, noteText, step.repos);
      const customer = await customers.customerOf(closed, step.repos);
      const hold = await customers.holdOf(customer.telegramUserId, step.tx);
      if (hold?.ticketNumber === closed.number)
        await customers.setHold(customer, undefined, step.tx);
      const vars = { number: closed.number, closing };
      const told = await tellCustomer(step, closed, 'handover-closed', vars);
      const rated = told && (await step.repos.ratings.request(closed.id, step.at));
      if (rated) {
        const { t } = await customers.render(closed, step);
        const inline_keyboard = [
          [1, 2, 3, 4, 5].map((score) => ({
            text: t('handover-rate-button', { score }),
            callback_data: `rate:${closed.number}:${score}`,
          })),
        ];
        await tellCustomer(step, closed, 'handover-rate', vars, { inline_keyboard });
      }
      await topics.announceIn(step, closed, rated ? 'staff-closed-rated' : 'staff-closed', {
        name: req.member.displayName,
        closing,
      });
      if (noteText) await say(req, 'staff-note-saved', {}, undefined, step);
    });
  }

  /**
   * Reopens a closed ticket; a repair reopened is a repair not done, so its new opening gets its
   * own loaner reminder 24 hours on, scheduled in the reopening's step.
   */
  async function reopen(req: StaffRequest, ticket: Ticket) {
    await apply(
      req,
      ticket,
      { type: 'reopen', staffId: staffId(req) },
      {},
      async (step, reopened) => {
        const loaner = loanerReminderJob(reopened, step.at);
        if (loaner) await step.repos.jobs.enqueue(loaner, step.at);
        await topics.announceIn(step, reopened, 'staff-reopened', { name: req.member.displayName });
      },
    );
  }

  /** /warranty on the topic's ticket, or on any case given as arguments. */
  async function warranty(req: StaffRequest, args: string) {
    const { today } = serviceNow();
    const ticket = req.ticket;
    const product = ticket?.productId
      ? await repos.tickets.getProduct(ticket.productId)
      : undefined;
    const symptom = ticket?.triage?.symptomId
      ? deps.catalogue.symptom(ticket.triage.symptomId)
      : undefined;
    const base: Record<string, unknown> = {};
    // A product report without a category only keeps a product-less ticket's photos.
    if (product?.category) {
      base.category = product.category;
      base.purchaseDate = product.purchaseDate;
      if (product.productionDate) base.productionDate = product.productionDate;
    } else if (ticket?.category) base.category = ticket.category;
    if (symptom?.part) base.part = symptom.part;
    const categories = Object.keys(deps.policy.categories);
    const parsed = parseWarrantyArgs(args, today, categories, base);
    if ('error' in parsed) return say(req, 'staff-warranty-usage', { token: parsed.error });
    const checked = toWarrantyCase(parsed.value, deps.policy);
    if (!checked.ok) return say(req, 'staff-warranty-invalid', { detail: checked.detail });
    // The ticket's own dates, not overridden by staff: decided over the periods the customer gave
    // ("last March"), so no charge is stated that the customer may not owe.
    const own =
      product &&
      checked.value.purchaseDate === product.purchaseDate &&
      (checked.value.productionDate ?? null) === product.productionDate &&
      (product.purchaseDate === null || product.purchasePeriod !== null) &&
      (product.productionDate === null || product.productionPeriod !== null);
    const decision = own
      ? decideWarrantyOverPeriod(
          checked.value,
          { purchase: product.purchasePeriod, production: product.productionPeriod },
          deps.policy,
        )
      : decideWarranty(checked.value, deps.policy);
    const locale = localeOf(req.member, req.user);
    const { t } = createRenderContext(deps, locale);
    await customers.inStep(req.updateId, async (step) => {
      if (ticket)
        await step.repos.tickets.appendEvent(ticket.id, {
          at: step.at,
          actor: { kind: 'staff', staffId: staffId(req) },
          type: 'warranty_answered',
          payload: { covered: decision.covered, clauses: decision.clauses.map((c) => c.id) },
        });
      const text = renderWarrantyAnswer(checked.value, decision, t, locale);
      await answer(req, 'warranty', text, undefined, step);
    });
  }

  async function ticketLines(req: StaffRequest, list: Ticket[]): Promise<string[]> {
    const locale = localeOf(req.member, req.user);
    const { t } = createRenderContext(deps, locale);
    const now = clock.now();
    const lines: string[] = [];
    for (const ticket of list) {
      const dueAt = decideTicketContactDue(ticket, toContactPromiseRule(config));
      const promise = decideContactState(dueAt, ticket.contactedAt, now);
      const topic = await repos.tickets.topicOf(ticket.id);
      lines.push(
        t('staff-queue-line', {
          number: ticket.number,
          priority: ticket.priority,
          kind: ticket.kind,
          category: ticket.category ?? 'unknown',
          state: ticket.state,
          age: toMinutes(now.getTime() - ticket.createdAt.getTime()),
          holder: await nameOf(ticket.assigneeId),
          promise: promise.kind,
          minutes:
            promise.kind === 'pending'
              ? toMinutes(promise.leftMs)
              : promise.kind === 'breached'
                ? toMinutesAgo(promise.overMs)
                : 0,
          link: topic ? topics.topicLink(topic.topicId) : '-',
        }),
      );
    }
    return lines;
  }

  async function queue(req: StaffRequest) {
    const open = await repos.tickets.listByState(OPEN_TICKET_STATES, QUEUE_LENGTH);
    if (open.length === 0) return say(req, 'staff-queue-empty');
    await listTickets(req, 'staff-queue-heading', open);
  }

  /** A heading and one line per ticket, answered where the staff member asked. */
  async function listTickets(req: StaffRequest, heading: string, list: Ticket[]) {
    const { t } = createRenderContext(deps, localeOf(req.member, req.user));
    const lines = [t(heading, { count: list.length }), ...(await ticketLines(req, list))];
    await answer(req, heading, lines.join('\n'));
  }

  async function find(req: StaffRequest, args: string) {
    if (args === '') return say(req, 'staff-find-usage');
    const number = parseTicketNumber(args);
    const phone = number ? undefined : deps.fields.phone(args);
    const query = number
      ? { number: number.number }
      : phone?.ok
        ? { phone: phone.value.e164 }
        : { model: args.replace(/\s+/g, '') };
    const found = await repos.tickets.search(query);
    if (found.length === 0) return say(req, 'staff-find-none', { query: args });
    await listTickets(req, 'staff-find-heading', found);
  }

  async function name(req: StaffRequest, args: string) {
    const displayName = args.replace(/\s+/g, ' ').trim().slice(0, NAME_MAX);
    if (displayName === '') return say(req, 'staff-name-usage', { name: req.member.displayName });
    await customers.inStep(req.updateId, async (step) => {
      const member = (await step.repos.staff.update(staffId(req), { displayName })) ?? req.member;
      await say(
        { ...req, member },
        'staff-name-set',
        { name: member.displayName },
        undefined,
        step,
      );
    });
  }

  async function lang(req: StaffRequest, args: string) {
    const locale = LANGUAGE_WORDS[args.trim().toLowerCase()];
    if (!locale) return say(req, 'staff-lang-usage');
    await customers.inStep(req.updateId, async (step) => {
      const member = (await step.repos.staff.update(staffId(req), { locale })) ?? req.member;
      await say({ ...req, member }, 'staff-lang-set', {}, undefined, step);
    });
  }

  return {
    say,
    notSent,
    take,
    release,
    assign,
    schedule,
    scheduleButton,
    contacted,
    offerWindows,
    note,
    close,
    closeAs,
    offerClosings,
    reopen,
    warranty,
    queue,
    find,
    name,
    lang,
  };
}

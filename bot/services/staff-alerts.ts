import {
  type Actor,
  type ContactAlertStage,
  decideContactAlerts,
  decideContactState,
  decideTicketContactDue,
  decideVisitReminderDay,
  describeLoanerReminder,
  isLoanerDue,
  isTicketClosed,
  type Job,
  type JsonObject,
  type Locale,
  readLoanerOpening,
  type Ticket,
} from '../../core/index.ts';
import { enqueueMessages, type JobHandler, type NewOutboxMessage } from '../../db/index.ts';
import { toContactPromiseRule } from '../config.ts';
import { formatInstant, formatVisitWindow, toMinutes, toMinutesAgo } from '../render/staff.ts';
import type { AppDeps } from './deps.ts';
import { enqueueOnce } from './outbox.ts';
import { createRenderContext } from './render-context.ts';
import type { StaffCustomers } from './staff-customers.ts';
import { contactAlertKey, loanerReminderJob, STAFF_JOBS } from './staff-jobs.ts';
import type { StaffTopics } from './staff-topics.ts';

const STAGES = new Set<string>(['urgent', 'warning', 'breach']);

/** The outbox key's word for each raised event (with the job's id, the messages' key). */
const REF_OF_EVENT = {
  contact_alert: 'alert',
  contact_breached: 'alert',
  loaner_due: 'loaner',
  human_requested: 'human',
} as const;

/**
 * The staff side's durable jobs: a new ticket gets its topic and card and its contact alerts; the
 * alerts raise a ticket nobody has contacted yet (the seed: contact within 30 minutes of a report)
 * in its topic and in General, with the time left counted from now; the visit reminder reaches the
 * customer the evening before. Without a staff chat, tickets are still filed and the alerts logged.
 */
export function createStaffAlerts(
  deps: AppDeps,
  customers: StaffCustomers,
  topics: StaffTopics | undefined,
) {
  const { repos, config, log } = deps;

  const loadTicket = async (payload: Record<string, unknown>) =>
    typeof payload.ticketId === 'string' ? repos.tickets.get(payload.ticketId) : undefined;

  const dueAtOf = (ticket: Ticket) => decideTicketContactDue(ticket, toContactPromiseRule(config));

  /** Posts a new ticket (its topic with the card) and schedules its contact alerts. */
  const newTicket: JobHandler = async (job, { now }) => {
    const found = await loadTicket(job.payload);
    if (!found || isTicketClosed(found.state)) return;
    const ticket = (await repos.tickets.setContactDue(found.id, dueAtOf(found))) ?? found;
    const dueAt = dueAtOf(ticket);
    const alerts = decideContactAlerts(
      ticket.createdAt,
      dueAt,
      config.STAFF_CONTACT_SLA,
      ticket.priority === 'urgent',
    );
    for (const alert of alerts) {
      await repos.jobs.enqueue(
        {
          kind: STAFF_JOBS.contactAlert,
          key: contactAlertKey(ticket.id, alert.stage),
          dueAt: alert.at,
          payload: { ticketId: ticket.id, stage: alert.stage },
        },
        now,
      );
    }
    const loaner = loanerReminderJob(ticket, ticket.createdAt);
    if (loaner) await repos.jobs.enqueue(loaner, now);
    if (!topics) {
      log.warn({ ticket: ticket.number }, 'ticket filed, but no STAFF_CHAT_ID: nobody is told');
      return;
    }
    await topics.ensure(ticket);
  };

  /**
   * Raises a ticket to staff from a job: the text in its topic and in General, and its event, in the
   * job's own step keyed by the job — a job that dies before it commits writes nothing and runs
   * again; once committed, a rerun finds its messages written and raises nothing twice. The topic
   * is made first (its own step, recorded by the ticket → topic mapping), so the queued post names
   * an existing topic. Without a staff chat only the event is written.
   */
  async function raise(
    job: Job,
    { now, commit }: Parameters<JobHandler>[1],
    ticket: Ticket,
    text: (locale: Locale) => string | Promise<string>,
    event: {
      type: 'contact_alert' | 'contact_breached' | 'loaner_due' | 'human_requested';
      payload: JsonObject;
    },
    actor: Actor = { kind: 'system' },
  ) {
    const messages: NewOutboxMessage[] = [];
    if (topics) {
      const topic = await topics.ensure(ticket);
      const said = await text(topics.staffLocale);
      const ref = `${REF_OF_EVENT[event.type]}:${job.id}`;
      messages.push(topics.topicMessage(topic, ref, said), topics.generalMessage(ref, said));
    }
    await commit((tx) =>
      enqueueOnce(tx, messages, now, async () => {
        await deps.reposOn(tx).tickets.appendEvent(ticket.id, { at: now, actor, ...event });
      }),
    );
  }

  /** The alert's text, in the staff language. */
  async function alertText(
    ticket: Ticket,
    stage: ContactAlertStage,
    minutes: number,
    locale: Locale,
  ) {
    const { t, globals } = createRenderContext(deps, locale);
    const holder = ticket.assigneeId
      ? (await repos.staff.get(ticket.assigneeId))?.displayName
      : undefined;
    return t(`staff-alert-${stage}`, {
      ...globals,
      number: ticket.number,
      minutes,
      holder: holder ?? '-',
      // No number to call (a hazard's intake not answered yet, a question): write in the topic.
      phone: ticket.contact.phone ? 'yes' : 'no',
    });
  }

  /**
   * Raises an uncontacted ticket: at once for a hazard, at 80 % of the promise, at the breach.
   * The alert's event and its two staff messages (the ticket's topic and General) are written to
   * the outbox in the job's own transaction, keyed by the job: a job that dies before it commits
   * writes nothing and runs again; once committed, it is done and the outbox delivers each message
   * once. The topic is made first (its own step, recorded by the ticket → topic mapping), so the
   * queued post names an existing topic.
   */
  const contactAlert: JobHandler = async (job, run) => {
    const { now } = run;
    const ticket = await loadTicket(job.payload);
    if (!ticket || isTicketClosed(ticket.state) || ticket.contactedAt) return;
    const state = decideContactState(dueAtOf(ticket), null, now);
    const requested = String(job.payload.stage ?? '');
    // The breach job runs at the deadline or later: there, the promise is broken.
    const stage: ContactAlertStage =
      requested === 'urgent'
        ? 'urgent'
        : state.kind === 'breached' || requested === 'breach'
          ? 'breach'
          : 'warning';
    if (!STAGES.has(stage)) return;
    const minutes =
      state.kind === 'pending'
        ? toMinutes(state.leftMs)
        : state.kind === 'breached'
          ? toMinutesAgo(state.overMs)
          : 0;
    // A duplicate breach job (another job, not a rerun of this one) records and raises it once.
    if (stage === 'breach') {
      const history = await repos.tickets.history(ticket.id);
      if (history.some((event) => event.type === 'contact_breached')) return;
    }
    await raise(job, run, ticket, (locale) => alertText(ticket, stage, minutes, locale), {
      type: stage === 'breach' ? 'contact_breached' : 'contact_alert',
      payload: { stage, minutes },
    });
    if (!topics)
      log.warn(
        { ticket: ticket.number, stage, minutes },
        'contact promise alert: no STAFF_CHAT_ID',
      );
  };

  /**
   * A ticket still open 24 hours after the report (or after it was reopened): staff are reminded,
   * in its topic and in General, to offer the customer a free loaner until it is repaired (the
   * seed's promise), once per opening. Written like the contact alerts: the messages and the
   * `loaner_due` event in the job's own step, keyed by the job. A job from before openings were
   * named (no `openedAt`) is the report's.
   */
  const loanerReminder: JobHandler = async (job, run) => {
    const ticket = await loadTicket(job.payload);
    if (!ticket) return;
    const openedAt =
      typeof job.payload.openedAt === 'string' ? new Date(job.payload.openedAt) : ticket.createdAt;
    const current = readLoanerOpening(ticket, await repos.tickets.history(ticket.id));
    if (!isLoanerDue(ticket, current, openedAt)) return;
    const { hours, reopened } = describeLoanerReminder(ticket, openedAt, run.now);
    const key = reopened ? 'staff-loaner-due-reopened' : 'staff-loaner-due';
    await raise(
      job,
      run,
      ticket,
      (locale) => {
        const { t, globals } = createRenderContext(deps, locale);
        return t(key, { ...globals, number: ticket.number, hours });
      },
      { type: 'loaner_due', payload: { hours, reopened } },
    );
    if (!topics) log.warn({ ticket: ticket.number }, 'loaner reminder: no STAFF_CHAT_ID');
  };

  /**
   * A customer asked for a person (`/human`, `staff-human.ts`; the job is written with their turn):
   * the request is raised in the ticket's topic and in General with the time the customer was
   * promised an answer by, and recorded as `human_requested` — in the job's own step, keyed by
   * the job, like the alerts. A ticket closed by the time it runs is not raised.
   */
  const humanRequest: JobHandler = async (job, run) => {
    const ticket = await loadTicket(job.payload);
    if (!ticket || isTicketClosed(ticket.state)) return;
    const dueAt = new Date(String(job.payload.dueAt));
    const customerId = String(job.payload.customerId ?? ticket.customerId);
    await raise(
      job,
      run,
      ticket,
      (locale) => {
        const { t } = createRenderContext(deps, locale);
        return t('staff-human-request', {
          number: ticket.number,
          time: formatInstant(dueAt, config.SERVICE_TZ, locale, run.now),
        });
      },
      { type: 'human_requested', payload: { dueAt: dueAt.toISOString() } },
      { kind: 'customer', customerId },
    );
    if (!topics)
      log.warn({ ticket: ticket.number }, 'a customer asks for a person, but no STAFF_CHAT_ID');
  };

  /**
   * A ticket filed at a hazard report whose intake the customer has now confirmed, or which got a
   * contact before that (`conversation.ts`): its topic's pinned card is brought up to date
   * (contact, product, warranty answer; the answers themselves reached the topic as they were
   * given), in the job's own step, keyed by the job, like the alerts. A topic opened after the
   * intake was completed has that card already.
   */
  const refreshCard: JobHandler = async (job, { now, commit }) => {
    const ticket = await loadTicket(job.payload);
    if (!ticket) return;
    if (!topics) {
      log.warn(
        { ticket: ticket.number, job: job.kind },
        'hazard ticket card, but no STAFF_CHAT_ID',
      );
      return;
    }
    const topic = await topics.ensure(ticket);
    const history = await repos.tickets.history(ticket.id);
    const completed = history.findLast((event) => event.type === 'intake_completed');
    const opened = history.findLast((event) => event.type === 'topic_opened');
    if (completed && opened && opened.id > completed.id) return;
    const messages = await topics.cardUpdate(ticket, topic, `intake:${job.id}`);
    await commit((tx) => enqueueMessages(tx, messages, now));
  };

  /**
   * Reminds the customer of the visit the evening before, if it still stands. Run late (the bot
   * was down overnight, a backlog), it says "today" on the visit's day, and nothing once the visit
   * has begun.
   */
  const visitReminder: JobHandler = async (job, run) => {
    const ticket = await loadTicket(job.payload);
    const window = ticket?.visitWindow;
    if (ticket?.state !== 'scheduled' || !window) return;
    if (window.start.toISOString() !== job.payload.start) return;
    const day = decideVisitReminderDay(window.start, run.now, config.SERVICE_TZ);
    if (!day) return;
    const locale = await customers.localeOf(await customers.customerOf(ticket));
    // Keyed by the job: a rerun (a lost lease) writes the reminder once.
    await customers.tell(
      ticket,
      'handover-reminder',
      { number: ticket.number, day, window: formatVisitWindow(window, config.SERVICE_TZ, locale) },
      undefined,
      { ref: `job:${job.id}` },
    );
  };

  /**
   * Schedules the loaner reminder of every repair in progress whose current opening has had none:
   * run at start-up, it gives tickets filed (or reopened) before the reminder existed theirs — due
   * 24 hours into the opening, so at once for one open longer. Keyed like the reminders the bot
   * schedules itself, so a reminder already waiting is not doubled; one already sent is not
   * scheduled again (its `loaner_due` event). Returns how many it scheduled.
   */
  async function scheduleMissedLoanerReminders(now: Date): Promise<number> {
    let scheduled = 0;
    for (const { ticket, opening } of await repos.tickets.listOpenRepairs()) {
      if (!isLoanerDue(ticket, opening, opening.openedAt)) continue;
      const job = loanerReminderJob(ticket, opening.openedAt);
      if (job && (await repos.jobs.enqueue(job, now)).created) scheduled += 1;
    }
    return scheduled;
  }

  return {
    scheduleMissedLoanerReminders,
    handlers: {
      [STAFF_JOBS.newTicket]: newTicket,
      [STAFF_JOBS.contactAlert]: contactAlert,
      [STAFF_JOBS.visitReminder]: visitReminder,
      [STAFF_JOBS.loanerReminder]: loanerReminder,
      [STAFF_JOBS.humanRequest]: humanRequest,
      [STAFF_JOBS.intakeCompleted]: refreshCard,
      [STAFF_JOBS.contactAdded]: refreshCard,
    } satisfies Record<string, JobHandler>,
  };
}

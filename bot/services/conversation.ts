import {
  type Category,
  type ConversationEvent,
  type ConversationState,
  type CreateTicketOptions,
  type Customer,
  type Draft,
  decideCheckbackAt,
  decideContactPromise,
  decideDraftWarranty,
  decideTurn,
  decodeButton,
  type Effect,
  encodeButton,
  type GuidanceCase,
  initialState,
  isTicketClosed,
  OPEN_TICKET_STATES,
  type Reply,
  reviewReply,
  SESSION_RETENTION_MS,
  type Ticket,
  toNewTicket,
  toZonedTime,
  upgradeState,
  type WaitingTicket,
  type WarrantyDecision,
} from '../../core/index.ts';
import {
  type Database,
  isUnavailableError,
  loadVersioned,
  type Repositories,
  rolledBackAlone,
  type Versioned,
} from '../../db/index.ts';
import { toContactPromiseRule } from '../config.ts';
import { formatDate } from '../i18n/index.ts';
import { followScript, localeFor } from '../i18n/script.ts';
import { toLoggableError } from '../loggable-error.ts';
import { contactPromiseVars } from '../render/contact-promise.ts';
import { type RenderedReply, renderReply } from '../render/reply.ts';
import { formatVisitWindow } from '../render/staff.ts';
import { renderWarrantyAnswer } from '../render/warranty.ts';
import { chatStoreKeys, sessionKey } from './chat-keys.ts';
import { withPendingCheckback } from './checkback.ts';
import { checkbackExpiryKey } from './checkback-keys.ts';
import { createDecideTogether } from './decide-together.ts';
import type { AppDeps } from './deps.ts';
import { AlreadyHandledError } from './inbox-worker.ts';
import { type Delivery, replyRows, writeReplies } from './outbox.ts';
import { createRenderContext, type RenderContext } from './render-context.ts';
import type { HumanRequest } from './staff-human.ts';
import { contactAddedJob, intakeCompletedJob, STAFF_JOBS } from './staff-jobs.ts';
import { createTurnContext } from './turn-context.ts';

/** How long an idle conversation is remembered (the rule is core's). */
export const SESSION_TTL_MS = SESSION_RETENTION_MS;

export type ChatRef = {
  chatId: number;
  userId: number;
  languageCode: string | undefined;
  /** Telegram update id: the idempotency key of anything the turn files. */
  updateId: number;
  /** The bot message whose inline button was pressed, when the update is a button press. */
  pressedMessageId?: number;
};

/**
 * A guided step (or the check-back) answered with a button: the answer replaces the pressed
 * message rather than stacking a new one, when that message is the chat's latest.
 */
function answersInPlace(event: ConversationEvent): boolean {
  if (event.type === 'checkback') return true;
  return event.type === 'button' && decodeButton(event.data)?.action === 'guide';
}

export { sessionKey };

/**
 * Where a hazard's `report-hazard` reply goes among the turn's rendered replies (after `early`):
 * right after the last safety step, else first.
 */
function afterSafety(replies: Reply[], early: RenderedReply[]): number {
  const last = replies.findLastIndex(
    (reply) => reply.key === 'hazard-step' || reply.key === 'hazard-generic',
  );
  return early.length + last + 1;
}

/** Work that must commit with the turn, or the turn does not happen (it runs again). */
export type TurnPrecondition = (repos: Repositories) => Promise<void>;

/**
 * Runs one customer event through the core conversation and commits what it decided in ONE
 * transaction: the update marked handled (a redelivered or concurrently handled update commits
 * nothing), the new state (its version checked: a turn based on an older state fails and runs
 * again), the effects' rows (ticket, guided case, jobs), the transcript, and the replies as outbox
 * rows. The chat's lock is held by the inbox worker around it; nothing is sent under it — the
 * outbox sender delivers after the commit.
 */
/** The staff side, as the conversation reaches it. */
export type ConversationStaff = {
  /**
   * The customer asks for a person: the ticket and the staff alert's job are written with `on`
   * (keyed by the update, so a turn that runs again writes neither twice).
   */
  requestHuman(request: HumanRequest, on: Repositories): Promise<RenderedReply[]>;
  /**
   * The customer cancelled a ticket: its alerts stop and staff hear it in its topic, written in
   * the turn's transaction `tx` (keyed by `ref`), so they hear it exactly when it is committed.
   */
  customerCancelled(ticket: Ticket, tx: Database, ref: string): Promise<void>;
  /**
   * The customer said whether words copied to a waiting ticket's topic are about it (`same`) or a
   * new problem: the topic hears it, written in the turn's transaction `tx` (keyed by `ref`).
   */
  customerSaidWhich(
    ticket: Ticket,
    which: 'same' | 'new',
    text: string,
    tx: Database,
    ref: string,
  ): Promise<void>;
  /**
   * Whether what the customer writes while a ticket waits for a person reaches its staff topic
   * (features/staff-customer.ts): true with a staff forum.
   */
  relaysWaiting: boolean;
};

export function createConversationService(
  deps: AppDeps,
  delivery: Delivery,
  staff?: ConversationStaff,
) {
  const { store, repos, clock, config, log } = deps;
  const decideTogether = createDecideTogether();

  /**
   * Files the draft's ticket, keyed by the draft's id (filing the same draft again returns the
   * same ticket), with the staff side's job in the same transaction: it opens the ticket's topic
   * and schedules the contact-promise alerts, so a filed ticket always reaches staff. The contact
   * deadline is the one the customer is told (after the next opening at night).
   */
  function fileDraft(
    draft: Draft,
    customerId: string,
    warranty: WarrantyDecision | null,
    repos: Repositories,
    now: Date,
    events: CreateTicketOptions['events'] = [],
  ) {
    return repos.tickets.create(
      {
        ...toNewTicket(draft, customerId, warranty, config.SERVICE_TZ),
        contactDueAt: decideContactPromise(now, toContactPromiseRule(config)).dueAt,
      },
      {
        idempotencyKey: `draft:${draft.id}`,
        day: toZonedTime(now, config.SERVICE_TZ).date,
        at: now,
        actor: { kind: 'customer', customerId },
        jobs: [{ kind: STAFF_JOBS.newTicket, dueAt: now, payload: {} }],
        events,
      },
    );
  }

  /**
   * A hazard reported (`report-hazard`): its urgent ticket is filed now with what the draft knows
   * and marked `intake_pending`, so staff hear of it (topic, card, the urgent alert, the contact
   * promise watched) whether or not the customer, told to leave, answers the questions. The same
   * draft reported again (a second hazard in one intake) finds the same ticket. The customer hears
   * the number and when a person will be in touch — outside service hours, when the team is back
   * and what to do meanwhile.
   */
  async function reportHazard(
    draft: Draft,
    customerId: string,
    render: RenderContext,
    repos: Repositories,
  ): Promise<RenderedReply[]> {
    const now = clock.now();
    // Marked with the filing itself (not when the draft's ticket was filed before).
    const { ticket } = await fileDraft(draft, customerId, null, repos, now, [
      { type: 'intake_pending', payload: {} },
    ]);
    const promise = decideContactPromise(ticket.createdAt, toContactPromiseRule(config));
    const { t, locale, globals } = render;
    return [
      {
        text: t('hazard-reported', {
          ...globals,
          ...contactPromiseVars(promise, config.SERVICE_TZ, locale, now),
          number: ticket.number,
          relay: staff?.relaysWaiting ? 'yes' : 'no',
        }),
      },
    ];
  }

  async function fileTicket(
    draft: Draft,
    customerId: string,
    render: RenderContext,
    repos: Repositories,
  ): Promise<RenderedReply[]> {
    const now = clock.now();
    const { date: today } = toZonedTime(now, config.SERVICE_TZ);
    const symptom = draft.symptomId ? deps.catalogue.symptom(draft.symptomId) : undefined;
    // The part is the symptom's likely one, not a finding: the answer carries the whole unit's.
    const answer = decideDraftWarranty(draft, today, deps.policy, symptom?.part);
    const warranty = answer?.decision ?? null;
    const rule = toContactPromiseRule(config);
    const filed = await fileDraft(draft, customerId, warranty, repos, now);
    // Filed at the hazard report: the confirmed intake completes that ticket (one ticket, its
    // number and contact deadline kept), and staff get its details in its topic.
    const ticket =
      (!filed.created &&
        (await repos.tickets.completeIntake(
          filed.ticket.id,
          toNewTicket(draft, customerId, warranty, config.SERVICE_TZ),
          now,
          { kind: 'customer', customerId },
          { jobs: [intakeCompletedJob(filed.ticket.id, now)] },
        ))) ||
      filed.ticket;
    // Remembering the contact for next time is a courtesy: it must not fail a filed ticket.
    await repos.customers
      .updateContact(customerId, {
        name: draft.name ?? null,
        phone: draft.phone ?? null,
        address: ticket.contact.address,
      })
      .catch((error: unknown) =>
        log.warn({ error: toLoggableError(error) }, 'contact not remembered'),
      );
    const { t, locale, globals } = render;
    // Told from the ticket's own filing time: a draft confirmed again hears the same promise.
    const promise = decideContactPromise(ticket.createdAt, rule);
    const lines = [
      t('ticket-filed', {
        ...globals,
        ...contactPromiseVars(promise, config.SERVICE_TZ, locale, now),
        number: ticket.number,
        urgent: draft.urgent ? 'yes' : 'no',
        relay: staff?.relaysWaiting ? 'yes' : 'no',
      }),
    ];
    // A hazard filed outside service hours: nobody calls before the opening, so what to do until
    // then is said again.
    if (draft.urgent && promise.kind === 'after-opening' && config.STAFF_CHAT_ID !== undefined)
      lines.push(t('hazard-meanwhile'));
    lines.push('');
    if (answer) {
      lines.push(
        t('ticket-warranty-heading'),
        renderWarrantyAnswer(answer.case.input, answer.decision, t, locale, {
          nameplatePhoto: draft.nameplatePhotos.length > 0,
        }),
      );
    } else {
      lines.push(t('ticket-warranty-pending'));
    }
    // The ticket is worth keeping: a message of its own.
    return [{ text: lines.join('\n'), markup: { remove_keyboard: true }, own: true }];
  }

  /**
   * The customer's booked engineer visits ("FL-… 2026-12-02 09:00–11:00", joined) and how many,
   * or `undefined` when there are none: what an erasure calls off.
   */
  async function bookedVisits(
    customerId: string,
    render: RenderContext,
    repos: Repositories,
  ): Promise<{ visits: string; count: number } | undefined> {
    const scheduled = await repos.tickets.listByCustomer(customerId, { states: ['scheduled'] });
    const visits = scheduled.flatMap((ticket) =>
      ticket.visitWindow
        ? [
            `${ticket.number} ${formatVisitWindow(ticket.visitWindow, config.SERVICE_TZ, render.locale)}`,
          ]
        : [],
    );
    // The count words the message: one visit is "it", several "them" (review11 F2).
    return visits.length > 0
      ? { visits: visits.join(render.locale === 'en' ? '; ' : '；'), count: visits.length }
      : undefined;
  }

  /** Whether the policy covers some main part of the category longer than the whole product. */
  function longerForParts(category: Category): 'yes' | 'no' {
    const terms = deps.policy.categories[category];
    return terms && Object.values(terms.mainParts).some((months) => months > terms.wholeUnitMonths)
      ? 'yes'
      : 'no';
  }

  async function runEffect(
    effect: Effect,
    chat: ChatRef,
    customerId: string,
    render: RenderContext,
    repos: Repositories,
    afterCommit: (() => Promise<void>)[],
    /** The turn's transaction (what `repos` run on), for effects that write outbox rows. */
    tx?: Database,
  ): Promise<RenderedReply[]> {
    const say = (
      key: string,
      vars: Record<string, string | number> = {},
      markup?: RenderedReply['markup'],
    ) =>
      markup
        ? { text: render.t(key, { ...render.globals, ...vars }), markup }
        : { text: render.t(key, { ...render.globals, ...vars }) };
    const now = clock.now();
    switch (effect.type) {
      case 'file-ticket':
        return fileTicket(effect.draft, customerId, render, repos);
      case 'report-hazard':
        return reportHazard(effect.draft, customerId, render, repos);
      case 'update-pending-contact': {
        // The draft's ticket (filed at its hazard report) gets the number to call now; the card
        // follows. Nothing when its intake was completed or it was never filed.
        const { contact } = toNewTicket(effect.draft, customerId, null, config.SERVICE_TZ);
        await repos.tickets.addPendingContact(
          `draft:${effect.draft.id}`,
          contact,
          now,
          { kind: 'customer', customerId },
          { jobs: [contactAddedJob(effect.draft.id, now)] },
        );
        return [];
      }
      case 'schedule-checkback': {
        const dueAt = decideCheckbackAt(now, config.CALLBACK_CHECK_AFTER);
        // The guided case and its check-back are filed together: neither exists without the other.
        await repos.guidance.open(
          {
            customerId,
            chatId: chat.chatId,
            locale: render.locale,
            ...effect.guidance,
            checkBackAt: dueAt,
          },
          now,
          { jobs: [{ kind: 'checkback', dueAt, key: 'checkback:{guidanceId}', payload: {} }] },
        );
        return [];
      }
      case 'record-checkback': {
        // As a pressed button would (checkback.ts): the first answer wins, the expiry is dropped.
        if (await repos.guidance.recordOutcome(effect.ref, effect.outcome, now))
          await repos.jobs.cancel(checkbackExpiryKey(effect.ref), now);
        return [];
      }
      case 'answer-warranty': {
        // The engine's answer for the whole product, as on a ticket (over a vague date's period).
        const { date: today } = toZonedTime(now, config.SERVICE_TZ);
        const answer = decideDraftWarranty(
          { category: effect.category, purchaseDate: effect.purchaseDate },
          today,
          deps.policy,
        );
        if (!answer)
          return [say('warranty-question-no-proof', { graceDays: deps.policy.graceDays })];
        const { t, locale } = render;
        return [
          {
            text: [
              t('warranty-question-heading'),
              renderWarrantyAnswer(answer.case.input, answer.decision, t, locale),
              '',
              t('warranty-question-after', { longer: longerForParts(effect.category) }),
            ].join('\n'),
          },
        ];
      }
      case 'list-tickets': {
        const tickets = await repos.tickets.listByCustomer(customerId, { limit: 10 });
        if (tickets.length === 0) return [say('tickets-none')];
        const lines = tickets.map((ticket) =>
          render.t('ticket-line', {
            number: ticket.number,
            category: ticket.category ?? 'unknown',
            state: ticket.state,
            date: formatDate(toZonedTime(ticket.createdAt, config.SERVICE_TZ).date, render.locale),
          }),
        );
        return [{ text: [render.t('tickets-heading'), ...lines].join('\n') }];
      }
      case 'add-to-ticket': {
        const ticket = await repos.tickets.getByNumber(effect.ticketNumber);
        if (!ticket || ticket.customerId !== customerId || isTicketClosed(ticket.state))
          return [say('which-ticket-closed', { number: effect.ticketNumber })];
        // With a staff forum the words reached the ticket's topic as they came (it was waiting);
        // without one they are kept with the ticket's own transcript.
        const relayed = staff?.relaysWaiting === true;
        if (staff && relayed && tx && !effect.again)
          await staff.customerSaidWhich(ticket, 'same', effect.text, tx, `turn:${chat.updateId}`);
        if (!relayed)
          await repos.transcript.append({
            customerId,
            ticketId: ticket.id,
            direction: 'in',
            text: effect.text,
            at: now,
          });
        const added = say('which-ticket-added', {
          number: ticket.number,
          relay: relayed ? 'yes' : 'no',
        });
        // Added unasked (the customer said "about it" earlier): they can still say these words
        // are a new problem (review11 H2b).
        if (effect.again === undefined) return [added];
        const data = encodeButton({ action: 'which-ticket', choice: 'new', added: effect.again });
        return [
          {
            ...added,
            markup: {
              inline_keyboard: [
                [{ text: render.t('button-which-new-added'), callback_data: data }],
              ],
            },
          },
        ];
      }
      case 'new-problem': {
        // The words went to the waiting ticket's topic as they came: its staff hear they are not
        // about it.
        if (!staff?.relaysWaiting || !tx) return [];
        const ticket = await repos.tickets.getByNumber(effect.ticketNumber);
        if (ticket && ticket.customerId === customerId)
          await staff.customerSaidWhich(ticket, 'new', effect.text, tx, `turn:${chat.updateId}`);
        return [];
      }
      case 'offer-cancel': {
        const open = await repos.tickets.listByCustomer(customerId, {
          states: [...OPEN_TICKET_STATES],
          limit: 8,
        });
        if (open.length === 0) return [say('cancel-none')];
        const inline_keyboard = open.map((ticket) => [
          {
            text: render.t('cancel-ticket-button', { number: ticket.number }),
            callback_data: encodeButton({ action: 'cancel-ticket', ticketNumber: ticket.number }),
          },
        ]);
        return [say('cancel-choose', {}, { inline_keyboard })];
      }
      case 'cancel-ticket': {
        const ticket = await repos.tickets.getByNumber(effect.ticketNumber);
        if (!ticket || ticket.customerId !== customerId) return [say('stale-button')];
        const result = await repos.tickets.apply(
          ticket.id,
          { type: 'cancel', actor: { kind: 'customer', customerId }, reason: 'customer' },
          now,
          { cancelJobKeys: [] },
        );
        if (!result.ok)
          return [say('ticket-cancel-failed', { number: ticket.number, state: ticket.state })];
        // Staff hear it (through the outbox) with the cancellation itself.
        if (staff && tx) await staff.customerCancelled(result.value, tx, `turn:${chat.updateId}`);
        return [say('ticket-cancelled', { number: ticket.number })];
      }
      case 'tell-booked-visits': {
        const visits = await bookedVisits(customerId, render, repos);
        return visits ? [say('forget-visits', visits)] : [];
      }
      case 'forget': {
        // Read before they go: the visits the erasure calls off are named in the reply.
        const visits = await bookedVisits(customerId, render, repos);
        const erased = await repos.customers.erase(customerId, now);
        // What the short-lived store keeps about this chat goes too, once the turn is committed
        // (the conversation state itself is saved cleared with the turn).
        afterCommit.push(async () => {
          for (const key of chatStoreKeys(chat.chatId)) await store.deleteSession(key);
        });
        const cancelled = erased?.cancelledTickets ?? 0;
        const done = say('forgotten', { cancelled }, { remove_keyboard: true });
        return visits ? [done, say('forgotten-visits', visits)] : [done];
      }
      case 'set-locale':
        await repos.customers.setLanguage(customerId, effect.locale);
        return [];
      case 'forward-to-staff':
        // Messages in a held chat are copied to the topic before the conversation sees them
        // (features/staff-customer.ts); what still lands here (an old button) changes nothing.
        return [];
      case 'request-human':
        if (!staff) return [];
        return staff.requestHuman(
          {
            customerId,
            chatId: chat.chatId,
            updateId: chat.updateId,
            description: effect.description,
            ...(effect.category ? { category: effect.category } : {}),
            ...(effect.draft ? { draft: effect.draft } : {}),
            render,
          },
          repos,
        );
    }
  }

  /** What a turn reads before it runs: the customer, the chat's state, the check-back awaiting. */
  type TurnRead = {
    customer: Customer;
    state: Versioned<ConversationState>;
    awaiting: GuidanceCase | undefined;
    waiting: WaitingTicket | undefined;
  };

  /**
   * Reads done for a check before an update's turn (the staff hold), by update id: the turn reuses
   * the read (the chat's lock is held throughout; the version still fences the save).
   */
  const peeked = new Map<number, TurnRead>();

  /** The turn's read input: `make` a customer not seen before (a turn) or not (a look ahead). */
  const readInput = (chat: ChatRef, at: Date, make: boolean) => ({
    telegramUserId: chat.userId,
    language: chat.languageCode ?? 'en',
    key: sessionKey(chat.chatId),
    chatId: chat.chatId,
    at,
    make,
    updateId: chat.updateId,
  });

  /** The turn's reads, in one statement (the customer made on their first message). */
  async function readTurn(chat: ChatRef, at: Date): Promise<TurnRead> {
    const { language, key } = readInput(chat, at, true);
    const read = await repos.turns.read(readInput(chat, at, true));
    // Handled already (another instance committed it first): its commit would refuse it, so
    // nothing of it runs here (no model call, no typing) — as the staff check's read stops it.
    if (read.handled) throw new AlreadyHandledError(chat.updateId);
    if (read.customer)
      return {
        customer: read.customer,
        state: read.state as Versioned<ConversationState>,
        awaiting: read.awaiting,
        waiting: read.waiting,
      };
    // A concurrent turn made the customer first: read the three apart (a customer made a moment
    // ago has no ticket waiting).
    return {
      customer: await repos.customers.ensure(chat.userId, language, at),
      state: await loadVersioned<ConversationState>(deps.db, key, at),
      awaiting: await repos.guidance.awaitingAnswer(chat.chatId, at),
      waiting: undefined,
    };
  }

  /**
   * Reads the chat's state ahead of this update's turn, which then reuses the read, and whether the
   * update was handled already (another instance's run committed it first: then nothing of it is to
   * be done here, a relay to staff included). A customer not seen before is not made here (the
   * update may not reach a turn): their state is read alone.
   */
  async function peekState(
    chat: ChatRef,
  ): Promise<{ state: ConversationState | undefined; handled: boolean }> {
    const now = clock.now();
    const read = await repos.turns.read(readInput(chat, now, false));
    if (read.customer) {
      const { customer, awaiting, waiting } = read;
      const state = read.state as Versioned<ConversationState>;
      if (!read.handled) peeked.set(chat.updateId, { customer, state, awaiting, waiting });
      return {
        state: state.value ? upgradeState(state.value) : undefined,
        handled: read.handled,
      };
    }
    const stored = await loadVersioned<ConversationState>(deps.db, sessionKey(chat.chatId), now);
    return { state: stored.value ? upgradeState(stored.value) : undefined, handled: false };
  }

  /** The update is done with (its turn ran, or it went elsewhere): drops what was read for it. */
  function dropPeek(updateId: number): void {
    peeked.delete(updateId);
  }

  /**
   * Handles one event for a private chat and commits the turn (see above). Everything the customer
   * wrote is kept in the transcript (erased on /forget). `precondition` runs in the turn's
   * transaction (a check-back answer recorded with its turn, not before it).
   */
  async function handle(
    chat: ChatRef,
    given: ConversationEvent,
    inbound?: string,
    precondition?: TurnPrecondition,
  ): Promise<void> {
    const now = clock.now();
    const read = peeked.get(chat.updateId) ?? (await readTurn(chat, now));
    peeked.delete(chat.updateId);
    const { customer } = read;
    const { version } = read.state;
    const state = read.state.value
      ? upgradeState(read.state.value)
      : initialState(localeFor(chat.languageCode, customer.language));
    // Typed text may be the answer to the check-back asked in this chat and not answered yet.
    const event =
      given.type === 'text' && !given.checkback
        ? withPendingCheckback(given, read.awaiting)
        : given;
    const followed = followScript(state, event);
    const context = createTurnContext(deps, now, `${chat.chatId}:${chat.updateId}`, read.waiting);
    // The model (when configured) reads what this turn will triage before the pure turn runs
    // (outside the transaction: a network call never holds one open).
    const ready = deps.llm
      ? await deps.llm.assist.prepare(followed, event, context, String(chat.chatId), () => {
          delivery.typing(chat.chatId).catch(() => undefined);
        })
      : context;
    const turn = await decideTogether(() => decideTurn(followed, event, ready));
    const render = createRenderContext(deps, turn.state.locale);
    if (turn.effects.some((effect) => effect.type === 'file-ticket'))
      await delivery.typing(chat.chatId);

    const saving = {
      key: sessionKey(chat.chatId),
      version,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    };
    const target = {
      chatId: chat.chatId,
      key: `turn:${chat.updateId}`,
      pressedMessageId: chat.pressedMessageId,
    };
    const transcriptOf = (texts: string[]) =>
      [
        ...(inbound ? [{ text: inbound, direction: 'in' as const }] : []),
        ...texts.map((text) => ({ text, direction: 'out' as const })),
      ].map((entry) => ({ ...entry, customerId: customer.id }));

    // Most turns (a question answered, a step guided) write only their update's mark, the state,
    // the replies and the transcript: one statement, no transaction around it.
    if (turn.effects.length === 0 && !customer.blockedAt && !precondition) {
      const out = turn.replies.map((reply: Reply) =>
        renderReply(reply, render.t, render.locale, render.globals),
      );
      const { rows, texts } = await replyRows(deps.db, target, out, {
        inPlace: answersInPlace(event),
      });
      const committed = await delivery.commitPlain(deps.reposOn(deps.db).turns, {
        updateId: chat.updateId,
        at: now,
        state: { ...saving, value: turn.state },
        messages: rows,
        transcript: transcriptOf(texts),
      });
      if (!committed) throw new AlreadyHandledError(chat.updateId);
      return;
    }

    const afterCommit: (() => Promise<void>)[] = [];
    const forgets = turn.effects.some((effect) => effect.type === 'forget');
    // A request for a person reaches staff at once (its ticket is keyed by this update, so a turn
    // that runs again opens no second one); who answers comes first in the reply.
    const early: RenderedReply[] = [];
    for (const effect of turn.effects)
      if (effect.type === 'request-human')
        early.push(...(await runEffect(effect, chat, customer.id, render, repos, afterCommit)));

    await delivery.commit(async (tx) => {
      if (!(await delivery.markHandled(tx, chat.updateId, now)))
        throw new AlreadyHandledError(chat.updateId);
      const txRepos = deps.reposOn(tx);
      // A customer who writes again has unblocked the bot.
      if (customer.blockedAt) await txRepos.customers.setBlocked(chat.userId, false, now);
      await precondition?.(txRepos);
      const out: RenderedReply[] = [
        ...early,
        ...turn.replies.map((reply: Reply) =>
          renderReply(reply, render.t, render.locale, render.globals),
        ),
      ];
      let next = turn.state;
      for (const effect of turn.effects) {
        if (effect.type === 'request-human') continue;
        if (effect.type !== 'file-ticket' && effect.type !== 'report-hazard') {
          const said = await runEffect(effect, chat, customer.id, render, txRepos, afterCommit, tx);
          // The ticket list comes first (after who answers a request for a person); the flow's
          // question follows.
          if (effect.type === 'list-tickets' || effect.type === 'tell-booked-visits')
            out.splice(early.length, 0, ...said);
          else out.push(...said);
          continue;
        }
        try {
          // A savepoint: a filing that fails is rolled back alone, and the turn still commits.
          const said = await rolledBackAlone(tx, (sp) =>
            runEffect(effect, chat, customer.id, render, deps.reposOn(sp), afterCommit),
          );
          // The hazard's ticket and who calls when come right after the safety steps, before the
          // intake's questions.
          if (effect.type === 'report-hazard')
            out.splice(afterSafety(turn.replies, early), 0, ...said);
          else out.push(...said);
        } catch (error) {
          // An outage fails the whole turn: it is kept in the inbox and runs again.
          if (isUnavailableError(error)) throw error;
          if (effect.type === 'report-hazard') {
            // The safety steps still go, and the intake's Confirm files the ticket.
            log.error(
              { error: toLoggableError(error), chat: chat.chatId },
              'filing a hazard ticket at the report failed',
            );
            continue;
          }
          // Nothing is lost: the summary stays, with its buttons, for another try.
          log.error({ error: toLoggableError(error), chat: chat.chatId }, 'filing a ticket failed');
          next = { ...turn.state, flow: { kind: 'review', draft: effect.draft } };
          out.push(
            renderReply({ key: 'ticket-failed' }, render.t, render.locale, render.globals),
            renderReply(reviewReply(effect.draft), render.t, render.locale, render.globals),
          );
        }
      }
      const { rows, texts } = await replyRows(tx, target, out, {
        inPlace: answersInPlace(event),
        erased: forgets,
      });
      // The state, the replies and what the customer wrote and the bot answered, in one
      // statement; after an erasure the transcript stays empty.
      await txRepos.turns.commitTail({
        at: now,
        state: { ...saving, value: next },
        messages: rows,
        transcript: forgets ? [] : transcriptOf(texts),
      });
    });
    for (const hook of afterCommit) {
      await hook().catch((error: unknown) =>
        log.error(
          { error: toLoggableError(error), chat: chat.chatId },
          'after a turn: a step failed',
        ),
      );
    }
  }

  /**
   * A one-line notice (unsupported message, expired button, slow down) in the chat's language,
   * committed with its update marked handled.
   */
  async function notice(
    chat: ChatRef,
    key: string,
    options: { args?: Record<string, string | number>; deferred?: boolean } = {},
  ): Promise<void> {
    const now = clock.now();
    await delivery.commit(async (tx) => {
      // A deferred update is handled later: its notice is its own message, the update stays.
      if (!options.deferred && !(await delivery.markHandled(tx, chat.updateId, now)))
        throw new AlreadyHandledError(chat.updateId);
      const stored = await loadVersioned<ConversationState>(tx, sessionKey(chat.chatId), now);
      const locale = stored.value?.locale ?? localeFor(chat.languageCode, undefined);
      const { t, globals } = createRenderContext(deps, locale);
      await writeReplies(
        tx,
        {
          chatId: chat.chatId,
          key: `${options.deferred ? 'deferred' : 'turn'}:${chat.updateId}`,
          pressedMessageId: chat.pressedMessageId,
        },
        [{ text: t(key, { ...globals, ...options.args }) }],
        now,
      );
    });
  }

  return { handle, notice, peekState, dropPeek };
}

export type ConversationService = ReturnType<typeof createConversationService>;

import {
  type ConversationEvent,
  type ConversationState,
  type Draft,
  decideCheckbackAt,
  decideDraftWarranty,
  decideTurn,
  decodeButton,
  type Effect,
  encodeButton,
  initialState,
  type Locale,
  OPEN_TICKET_STATES,
  type Reply,
  reviewReply,
  SESSION_RETENTION_MS,
  type Ticket,
  toNewTicket,
  toZonedTime,
  upgradeState,
} from '../../core/index.ts';
import { formatDate } from '../i18n/index.ts';
import { followScript, localeFor } from '../i18n/script.ts';
import { toLoggableError } from '../loggable-error.ts';
import { composeMessages } from '../render/compose.ts';
import { type RenderedReply, renderReply } from '../render/reply.ts';
import { renderWarrantyAnswer } from '../render/warranty.ts';
import { chatStoreKeys, sessionKey } from './chat-keys.ts';
import { checkbackExpiryKey } from './checkback-keys.ts';
import type { AppDeps } from './deps.ts';
import type { Outbox } from './outbox.ts';
import { createRenderContext, type RenderContext } from './render-context.ts';
import type { HumanRequest } from './staff-human.ts';
import { createTurnContext } from './turn-context.ts';

/** How long an idle conversation is remembered (the rule is core's). */
export const SESSION_TTL_MS = SESSION_RETENTION_MS;
/** How long a chat's lock outlives a crashed holder. */
export const CHAT_LOCK_TTL_MS = 30_000;

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
 * Runs one customer event through the core conversation and carries out what it decided, holding
 * the chat's lock so a chat's messages are handled one at a time, even across instances. The new
 * state is saved before replies go out, so a restart resumes where the customer was.
 */
/** The staff side, as the conversation reaches it. */
export type ConversationStaff = {
  requestHuman(request: HumanRequest): Promise<RenderedReply[]>;
  /** The customer cancelled a ticket: staff hear it in its topic, its alerts stop. */
  customerCancelled(ticket: Ticket): Promise<void>;
};

export function createConversationService(
  deps: AppDeps,
  outbox: Outbox,
  staff?: ConversationStaff,
) {
  const { store, repos, clock, config, log } = deps;

  async function loadState(
    chat: Pick<ChatRef, 'chatId'>,
    locale: Locale,
  ): Promise<ConversationState> {
    const saved = await store.getSession<ConversationState>(sessionKey(chat.chatId));
    return saved ? upgradeState(saved) : initialState(locale);
  }

  /**
   * Sends a turn's replies as one message (more only when one is worth keeping apart), replacing
   * the pressed message in place for a guided step, else taking the pressed message's buttons off.
   */
  async function send(
    chat: ChatRef,
    customerId: string,
    replies: RenderedReply[],
    inPlace = false,
  ): Promise<void> {
    const messages = composeMessages(replies);
    const pressed = chat.pressedMessageId;
    const [only] = messages;
    const editable =
      inPlace &&
      pressed !== undefined &&
      outbox.isLatest(chat.chatId, pressed) &&
      messages.length === 1 &&
      only !== undefined &&
      (only.markup === undefined || 'inline_keyboard' in only.markup);
    if (editable) {
      await outbox.edit(chat.chatId, pressed, only);
    } else {
      if (pressed !== undefined) await outbox.clearButtons(chat.chatId, pressed);
      for (const message of messages) await outbox.send(chat.chatId, message);
    }
    for (const message of messages) {
      await repos.transcript.append({
        customerId,
        ticketId: null,
        direction: 'out',
        text: message.text,
        at: clock.now(),
      });
    }
  }

  async function fileTicket(
    draft: Draft,
    chat: ChatRef,
    customerId: string,
    render: RenderContext,
  ): Promise<RenderedReply[]> {
    await outbox.typing(chat.chatId);
    const now = clock.now();
    const { date: today } = toZonedTime(now, config.SERVICE_TZ);
    const symptom = draft.symptomId ? deps.catalogue.symptom(draft.symptomId) : undefined;
    const answer = decideDraftWarranty(draft, today, deps.policy, symptom?.part);
    const warranty = answer?.decision ?? null;
    // The draft's id keys the ticket: confirming the same draft again returns the same ticket.
    // The staff side's job is filed in the same transaction: it opens the ticket's topic and
    // schedules the contact-promise alerts, so a filed ticket always reaches staff.
    const { ticket } = await repos.tickets.create(
      toNewTicket(draft, customerId, warranty, config.SERVICE_TZ),
      {
        idempotencyKey: `draft:${draft.id}`,
        day: today,
        at: now,
        actor: { kind: 'customer', customerId },
        jobs: [{ kind: 'staff-new-ticket', dueAt: now, payload: {} }],
      },
    );
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
    const lines = [
      t('ticket-filed', { ...globals, number: ticket.number, urgent: draft.urgent ? 'yes' : 'no' }),
      '',
    ];
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

  async function runEffect(
    effect: Effect,
    chat: ChatRef,
    customerId: string,
    render: RenderContext,
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
        return fileTicket(effect.draft, chat, customerId, render);
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
        await staff?.customerCancelled(result.value);
        return [say('ticket-cancelled', { number: ticket.number })];
      }
      case 'forget': {
        const erased = await repos.customers.erase(customerId, now);
        // What the short-lived store keeps about this chat goes too.
        for (const key of chatStoreKeys(chat.chatId)) await store.deleteSession(key);
        const cancelled = erased?.cancelledTickets ?? 0;
        return [say('forgotten', { cancelled }, { remove_keyboard: true })];
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
        return staff.requestHuman({
          customerId,
          chatId: chat.chatId,
          updateId: chat.updateId,
          description: effect.description,
          ...(effect.category ? { category: effect.category } : {}),
          render,
        });
    }
  }

  /**
   * Handles one event for a private chat. Returns what was sent (for logs and the console).
   * Everything the customer wrote is kept in the transcript (erased on /forget).
   */
  async function handle(chat: ChatRef, event: ConversationEvent, inbound?: string): Promise<void> {
    const customer = await repos.customers.ensure(
      chat.userId,
      chat.languageCode ?? 'en',
      clock.now(),
    );
    // A customer who writes again has unblocked the bot.
    if (customer.blockedAt) await repos.customers.setBlocked(chat.userId, false, clock.now());
    await store.withLock(`chat:${chat.chatId}`, CHAT_LOCK_TTL_MS, async () => {
      const state = await loadState(chat, localeFor(chat.languageCode, customer.language));
      const followed = followScript(state, event);
      const context = createTurnContext(deps, clock.now(), `${chat.chatId}:${chat.updateId}`);
      // The model (when configured) reads what this turn will triage before the pure turn runs.
      const ready = deps.llm
        ? await deps.llm.assist.prepare(followed, event, context, String(chat.chatId), () => {
            outbox.typing(chat.chatId).catch(() => undefined);
          })
        : context;
      const turn = decideTurn(followed, event, ready);
      if (inbound) {
        await repos.transcript.append({
          customerId: customer.id,
          ticketId: null,
          direction: 'in',
          text: inbound,
          at: clock.now(),
        });
      }
      const render = createRenderContext(deps, turn.state.locale);
      const out: RenderedReply[] = turn.replies.map((reply: Reply) =>
        renderReply(reply, render.t, render.locale, render.globals),
      );
      let next = turn.state;
      for (const effect of turn.effects) {
        try {
          const said = await runEffect(effect, chat, customer.id, render);
          // Who answers a request for a person, and the ticket list, come first; the flow's
          // question follows.
          if (effect.type === 'request-human' || effect.type === 'list-tickets')
            out.unshift(...said);
          else out.push(...said);
        } catch (error) {
          if (effect.type !== 'file-ticket') throw error;
          // Nothing is lost: the summary stays, with its buttons, for another try.
          log.error({ error: toLoggableError(error), chat: chat.chatId }, 'filing a ticket failed');
          next = { ...turn.state, flow: { kind: 'review', draft: effect.draft } };
          out.push(
            renderReply({ key: 'ticket-failed' }, render.t, render.locale, render.globals),
            renderReply(reviewReply(effect.draft), render.t, render.locale, render.globals),
          );
        }
      }
      const inPlace = answersInPlace(event);
      if (turn.effects.some((effect) => effect.type === 'forget')) {
        await send(chat, customer.id, out, inPlace);
        return;
      }
      await store.setSession(sessionKey(chat.chatId), next, SESSION_TTL_MS);
      await send(chat, customer.id, out, inPlace);
    });
  }

  /** A one-line notice (unsupported message, expired button) in the chat's language. */
  async function notice(chat: ChatRef, key: string): Promise<void> {
    const state = await store.getSession<ConversationState>(sessionKey(chat.chatId));
    const locale = state?.locale ?? localeFor(chat.languageCode, undefined);
    const { t, globals } = createRenderContext(deps, locale);
    if (chat.pressedMessageId !== undefined)
      await outbox.clearButtons(chat.chatId, chat.pressedMessageId);
    await outbox.send(chat.chatId, { text: t(key, globals) });
  }

  return { handle, notice };
}

export type ConversationService = ReturnType<typeof createConversationService>;

import { Composer } from 'grammy';
import { isTicketClosed, type Ticket, WAITING_TICKET_STATES } from '../../core/index.ts';
import type { BotContext } from '../context.ts';
import { toLoggableError } from '../loggable-error.ts';
import { ratingCommentKey } from '../services/chat-keys.ts';
import type { ConversationService } from '../services/conversation.ts';
import type { AppDeps } from '../services/deps.ts';
import { AlreadyHandledError } from '../services/inbox-worker.ts';
import type { StaffDesk } from '../services/staff-desk.ts';
import { toChatRef } from './to-event.ts';

/**
 * The customer's side of the staff take-over, in their private chat, before the conversation:
 * while a person holds the chat, everything the customer sends (except commands, which the bot
 * still answers) goes to the ticket's topic and the bot stays quiet; while a ticket waits for a
 * person (asked for with /human, or filed and not yet taken), it goes to the topic and the bot
 * answers as well, so staff who take the chat have read it; edits follow their copies;
 * the 1–5 rating buttons and the optional comment after them are stored. The hazard net reads
 * the held chat's messages and the comment (staff-hazard.ts): a hazard is never only copied.
 */
export function createStaffCustomerFeature(
  deps: AppDeps,
  desk: StaffDesk,
  conversation: Pick<ConversationService, 'peekState' | 'dropPeek' | 'notice'>,
) {
  const { repos, store, clock, log } = deps;
  const { customers, forum, ratings } = desk;
  const composer = new Composer<BotContext>();
  const priv = composer.chatType('private');

  /** The ticket, if it is this chat's customer's. */
  async function ownTicket(chatId: number, number: string): Promise<Ticket | undefined> {
    const ticket = await repos.tickets.getByNumber(number);
    const customer = await repos.customers.findByTelegramId(chatId);
    return ticket && customer && ticket.customerId === customer.id ? ticket : undefined;
  }

  /** A copy the staff chat refused (the bot removed from it): the operator's to fix. */
  const notCopied = (error: unknown) =>
    log.error({ error: toLoggableError(error) }, 'customer message not copied to the staff topic');

  /** The customer's newest ticket still waiting for a person (open, not taken). */
  async function waitingTicket(chatId: number): Promise<Ticket | undefined> {
    const customer = await repos.customers.findByTelegramId(chatId);
    if (!customer) return undefined;
    const [ticket] = await repos.tickets.listByCustomer(customer.id, {
      states: [...WAITING_TICKET_STATES],
      limit: 1,
    });
    return ticket;
  }

  /**
   * A rating button: the score and what it tells commit in one step with the update
   * (`StaffRatings.rate`); the comment window is opened before it.
   */
  priv.callbackQuery(/^rate:/, async (ctx) => {
    await ctx.answerCallbackQuery().catch(() => undefined);
    await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
    const [, number = '', raw = ''] = ctx.callbackQuery.data.split(':');
    const ticket = await ownTicket(ctx.chat.id, number);
    if (!ticket) return;
    await ratings.rate(ticket, ctx.chat.id, ctx.update.update_id, Number(raw));
  });

  priv.on('edited_message', async (ctx, next) => {
    if (!forum) return next();
    if (await customers.holdOf(ctx.chat.id)) {
      // Held: the copy follows the edit and the bot stays quiet.
      if (!(await forum.relay.editFromCustomer(ctx.editedMessage, ctx.update.update_id)))
        return next();
      return;
    }
    // Waiting for a person (or no ticket): the copy, if any, follows, and the customer hears that
    // staff see the new version while the bot keeps to the first; with no copy, the bot's usual
    // answer to an edit.
    const followed = await forum.relay
      .editFromCustomer(ctx.editedMessage, ctx.update.update_id)
      .catch((error: unknown) => {
        notCopied(error);
        return false;
      });
    // Only a text or a caption follows (editMessageText / editMessageCaption): a photo the
    // customer replaced stays the first one in the topic, and the notice says so.
    if (followed)
      return conversation.notice(
        toChatRef(ctx),
        ctx.editedMessage.text === undefined ? 'edited-caption-passed-on' : 'edited-passed-on',
      );
    return next();
  });

  priv.on('message', async (ctx, next) => {
    const message = ctx.message;
    const isCommand = message.text?.startsWith('/') ?? false;
    const pending = await store.getSession<string>(ratingCommentKey(ctx.chat.id));
    if (pending && message.text !== undefined && !isCommand) {
      const ticket = await ownTicket(ctx.chat.id, pending);
      const hazard = forum?.hazard.read(message, 'rating_comment');
      if (ticket && forum && hazard) {
        // The hazard net first: "it's smoking again" is no comment. Staff hear it in the rated
        // ticket's topic with the message itself; the conversation then answers it as a report
        // (the safety text and the urgent intake), as it does any hazard.
        // The window closes after both (each keyed, so a rerun writes neither twice): a failure
        // between them must not leave the rerun outside this branch, the alert unsent.
        await forum.hazard.raise(ticket, hazard, ctx.update.update_id, { tellCustomer: false });
        await forum.relay.fromCustomer(ticket, message, ctx.update.update_id).catch(notCopied);
        await store.deleteSession(ratingCommentKey(ctx.chat.id));
        return next();
      }
      // The comment, its thanks, the topic's line and the copy in one step (StaffRatings.comment);
      // a message the rating takes no comment from is an ordinary one, and the window goes.
      if (ticket && (await ratings.comment(ticket, message, ctx.update.update_id))) return;
      await store.deleteSession(ratingCommentKey(ctx.chat.id));
    }
    if (isCommand || !forum) return next();
    // The conversation's turn for this update reuses this read of the state.
    const updateId = ctx.update.update_id;
    const peek = await conversation.peekState(toChatRef(ctx));
    // Handled already (another instance's run committed this update first, or it was given up):
    // its relay and its turn were that run's; nothing of it is done twice here (counted as a
    // duplicate, as a turn refused at its commit is).
    if (peek.handled) throw new AlreadyHandledError(updateId);
    const hold = peek.state?.staffHold;
    if (!hold) {
      try {
        // Waiting for a person (after /human, or a filed ticket nobody has taken yet): what the
        // customer writes reaches the ticket's topic, and the bot keeps helping meanwhile.
        const waiting = await waitingTicket(ctx.chat.id);
        // The staff queue waits out 429s itself; what still fails — the bot removed from the staff
        // chat (the operator's to fix), or a Telegram outage while the ticket has no topic yet (the
        // card the topic gets later carries the latest exchange) — must not cost the customer the
        // bot's answer.
        if (waiting) await forum.relay.fromCustomer(waiting, message).catch(notCopied);
        return await next();
      } finally {
        conversation.dropPeek(updateId);
      }
    }
    conversation.dropPeek(updateId);
    const ticket = await repos.tickets.getByNumber(hold.ticketNumber);
    if (!ticket || isTicketClosed(ticket.state)) {
      // A hold left behind by a closed ticket: the bot takes the chat back.
      const customer = await repos.customers.findByTelegramId(ctx.chat.id);
      if (customer) await customers.setHold(customer, undefined);
      return next();
    }
    // Writing again means the customer no longer blocks the bot.
    await repos.customers.setBlocked(ctx.chat.id, false, clock.now());
    // The hazard net runs on every message, a held chat's too: the customer gets the safety text
    // at once (the bot's only words in a held chat), staff the alert; the message is copied as ever.
    const hazard = forum.hazard.read(message, 'held_chat');
    if (hazard)
      await forum.hazard.raise(ticket, hazard, ctx.update.update_id, { tellCustomer: true });
    await forum.relay.fromCustomer(ticket, message);
  });

  return composer;
}

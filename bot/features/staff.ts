import { Composer } from 'grammy';
import type { Message } from 'grammy/types';
import {
  CLOSINGS,
  isTicketClosed,
  parseStaffCommand,
  STAFF_COMMAND_PLACES,
  type StaffCommand,
  toLocale,
} from '../../core/index.ts';
import type { BotContext } from '../context.ts';
import type { AppDeps } from '../services/deps.ts';
import { createRenderContext } from '../services/render-context.ts';
import type { StaffAttempt } from '../services/staff-access.ts';
import type { StaffRequest } from '../services/staff-actions.ts';
import type { StaffForum } from '../services/staff-desk.ts';

/** Service messages in the forum (topic created, closed, a pin…): nothing for the bot to do. */
const SERVICE_FIELDS = [
  'forum_topic_created',
  'forum_topic_edited',
  'forum_topic_closed',
  'forum_topic_reopened',
  'general_forum_topic_hidden',
  'general_forum_topic_unhidden',
  'pinned_message',
  'new_chat_members',
  'left_chat_member',
] as const;
const isServiceMessage = (message: Message) => SERVICE_FIELDS.some((field) => field in message);

/** The topic a message was written in; `undefined` in General. */
const topicOf = (message: Message | undefined) =>
  message?.is_topic_message ? message.message_thread_id : undefined;

/**
 * The staff forum: staff commands and the card's buttons (after the access check), the taker's
 * messages relayed to the customer, their edits followed. Other staff talk freely in a topic;
 * commands, service messages and the bot's own messages are never relayed.
 */
export function createStaffFeature(deps: AppDeps, forum: StaffForum) {
  const { repos, log } = deps;
  const { access, actions, relay, topics, customers } = forum;
  const composer = new Composer<BotContext>();
  const staff = composer.filter((ctx) => ctx.chat?.id === forum.chatId);

  /**
   * Refuses someone who is not staff, in one step with the update's handled mark: the attempt is
   * audited (and on its ticket), and they are told so in their language where they asked — a
   * button privately, every time; in the chat through the outbox, once a minute per person at most
   * (`StaffTopics.refusalIn`), so refusals cannot eat the group's send budget.
   */
  async function refuse(ctx: BotContext, attempt: StaffAttempt, anonymous = false) {
    const { t } = createRenderContext(deps, toLocale(ctx.from?.language_code));
    const text = t('staff-refused-not-staff');
    await customers.inStep(ctx.update.update_id, async (step) => {
      await access.recordRefusal(step.repos, ctx.from, attempt, anonymous, step.at);
      if (!ctx.callbackQuery)
        await topics.refusalIn(step, ctx.from?.id ?? 0, attempt.topicId, text);
    });
    if (ctx.callbackQuery)
      await ctx.answerCallbackQuery({ text, show_alert: true }).catch(() => undefined);
  }

  async function runCommand(request: StaffRequest, command: StaffCommand) {
    const { ticket } = request;
    const place = STAFF_COMMAND_PLACES[command.name];
    if (place === 'general' && request.topicId !== undefined && ticket)
      return actions.say(request, 'staff-general-only');
    if (place === 'topic' && !ticket) return actions.say(request, 'staff-topic-only');
    switch (command.name) {
      case 'queue':
        return actions.queue(request);
      case 'find':
        return actions.find(request, command.args);
      case 'name':
        return actions.name(request, command.args);
      case 'lang':
        return actions.lang(request, command.args);
      case 'warranty':
        return actions.warranty(request, command.args);
    }
    if (!ticket) return;
    switch (command.name) {
      case 'take':
        return actions.take(request, ticket);
      case 'release':
        return actions.release(request, ticket);
      case 'assign':
        return actions.assign(request, ticket, command.args);
      case 'schedule':
        return actions.schedule(request, ticket, command.args);
      case 'note':
        return actions.note(request, ticket, command.args);
      case 'contacted':
        return actions.contacted(request, ticket, command.args);
      case 'close':
        return actions.close(request, ticket, command.args);
      case 'reopen':
        return actions.reopen(request, ticket);
    }
  }

  staff.on('callback_query:data', async (ctx) => {
    const [prefix, action = '', number = '', rest = ''] = ctx.callbackQuery.data.split(':');
    if (prefix !== 'st') return;
    const topicId = topicOf(ctx.callbackQuery.message as Message | undefined);
    const ticket = await repos.tickets.getByNumber(number);
    const member = await access.check(ctx.from);
    if (!member) return refuse(ctx, { action: `button:${action}`, topicId, ticket });
    await ctx.answerCallbackQuery().catch(() => undefined);
    if (!ticket) return;
    const updateId = ctx.update.update_id;
    const request: StaffRequest = { member, user: ctx.from, topicId, ticket, updateId };
    switch (action) {
      case 'take':
        return actions.take(request, ticket);
      case 'schedule':
        return actions.offerWindows(request, ticket);
      case 'win':
        return actions.scheduleButton(
          request,
          ticket,
          ctx.callbackQuery.data.split(':').slice(3).join(':'),
        );
      case 'close':
        return actions.offerClosings(request, ticket);
      case 'closing': {
        // Callback data can be forged: only the ways of closing the bot offers count.
        const closing = CLOSINGS.find((known) => known === rest);
        return closing ? actions.closeAs(request, ticket, closing) : undefined;
      }
    }
  });

  staff.on('edited_message', async (ctx) => {
    const message = ctx.editedMessage;
    const topicId = topicOf(message);
    if (topicId === undefined || !ctx.from) return;
    const ticket = await repos.tickets.findByTopic(forum.chatId, topicId);
    if (ticket?.assigneeId === ctx.from.id)
      await relay.editFromStaff(message, ctx.update.update_id);
  });

  staff.on('message', async (ctx) => {
    const message = ctx.message;
    if (isServiceMessage(message)) return;
    const topicId = topicOf(message);
    const ticket =
      topicId === undefined ? undefined : await repos.tickets.findByTopic(forum.chatId, topicId);
    const text = message.text ?? message.caption;
    const command = text?.startsWith('/') ? parseStaffCommand(text, ctx.me.username) : undefined;
    if (command) {
      const anonymous = message.sender_chat !== undefined;
      const action = command === 'unknown' ? 'unknown' : command.name;
      const member = await access.check(ctx.from, anonymous);
      if (!member) return refuse(ctx, { action, topicId, ticket }, anonymous);
      const updateId = ctx.update.update_id;
      const request: StaffRequest = { member, user: ctx.from, topicId, ticket, message, updateId };
      if (command === 'unknown') return actions.say(request, 'staff-unknown-command');
      return runCommand(request, command);
    }
    // Commands for other bots, and anything not from the ticket's taker, stay in the topic.
    if (text?.startsWith('/') || !ticket || message.sender_chat || ctx.from.is_bot) return;
    if (ticket.assigneeId !== ctx.from.id || isTicketClosed(ticket.state)) {
      // Not the customer's: a staff member who expected it to be is told so, once.
      const known = await repos.staff.get(ctx.from.id);
      if (!known) return;
      const updateId = ctx.update.update_id;
      return actions.notSent({ member: known, user: ctx.from, topicId, ticket, message, updateId });
    }
    const member =
      (await repos.staff.get(ctx.from.id)) ??
      (await repos.staff.seen(ctx.from.id, ctx.from.first_name, ctx.from.username ?? null));
    await relay.fromStaff(ticket, member, message);
  });

  staff.on('my_chat_member', (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    if (status !== 'administrator')
      log.error(
        { status },
        'the bot lost its administrator rights in the staff chat: fix STAFF_CHAT_ID',
      );
  });

  // Nothing else said in the staff chat concerns the customer conversation.
  staff.use(() => undefined);
  return composer;
}

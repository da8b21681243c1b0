import type { Message } from 'grammy/types';
import type { JsonObject, RelayedMessage, StaffMember, Ticket } from '../../core/index.ts';
import {
  COPY_OF,
  createInbox,
  customerTicketKeyPrefix,
  type Database,
  enqueueAlbumPart,
  enqueueMessages,
  type NewOutboxMessage,
  OUTBOX_PRIORITY,
  type Repositories,
  staffTopicKeyPrefix,
} from '../../db/index.ts';
import { toStorableText } from '../features/to-event.ts';
import type { AppDeps } from './deps.ts';
import { type Delivery, enqueueOnce } from './outbox.ts';
import type { StaffCustomers } from './staff-customers.ts';
import { contactAlertKeys } from './staff-jobs.ts';
import type { StaffTopics } from './staff-topics.ts';

export type StaffRelayOptions = {
  /** How long an album's copy waits after its latest part (parts arrive as separate updates). */
  albumWaitMs?: number;
};

/** Waits this long after an album's latest part before copying it. */
export const ALBUM_WAIT_MS = 700;
export type StaffRelay = ReturnType<typeof createStaffRelay>;

/** What a message is, in one word, for the transcript when it has no text. */
function describe(message: Message): string {
  if (message.text !== undefined) return message.text;
  const kind =
    ['photo', 'video', 'document', 'sticker', 'voice', 'audio', 'location', 'contact'].find(
      (key) => key in message,
    ) ?? 'message';
  return message.caption ? `[${kind}] ${message.caption}` : `[${kind}]`;
}

/**
 * The Bot API call that copies `ids` from `fromChat` (one message, or an album as one
 * `copyMessages`), for an outbox row; into a topic when `topicId` is given.
 */
function copyCall(
  fromChat: number,
  ids: number[],
  replyParameters: JsonObject | undefined,
  topicId?: number,
): { method: string; payload: JsonObject } {
  const thread: JsonObject = topicId === undefined ? {} : { message_thread_id: topicId };
  const [only] = ids;
  return ids.length === 1 && only !== undefined
    ? {
        method: 'copyMessage',
        payload: {
          from_chat_id: fromChat,
          message_id: only,
          ...thread,
          ...(replyParameters ? { reply_parameters: replyParameters } : {}),
        },
      }
    : { method: 'copyMessages', payload: { from_chat_id: fromChat, message_ids: ids, ...thread } };
}

/**
 * Messages between a customer's chat and their ticket's topic, as copies (`copyMessage`, so staff
 * stay anonymous and a copy can be edited later): everything the customer sends goes to the topic;
 * the taker's messages go to the customer. Albums go as albums. Every copy is kept in the
 * message-id map, so an edit on either side edits the copy, and a reply to a copy replies to the
 * original on the other side.
 */
export function createStaffRelay(
  deps: AppDeps,
  delivery: Delivery,
  topics: StaffTopics,
  customers: StaffCustomers,
  { albumWaitMs = ALBUM_WAIT_MS }: StaffRelayOptions = {},
) {
  const { repos, clock } = deps;
  const inbox = createInbox(deps.db);
  const staffChat = topics.chatId;

  /** Message-map rows; a copy not yet sent has id 0 until the outbox records it. */
  const record =
    (
      ticket: Ticket,
      direction: RelayedMessage['direction'],
      from: number,
      to: number,
      on: Pick<typeof repos, 'relay'> = repos,
    ) =>
    (sources: number[], copies: { message_id: number }[]) =>
      on.relay.record(
        sources.map((sourceMessageId, index) => ({
          ticketId: ticket.id,
          direction,
          sourceChatId: from,
          sourceMessageId,
          targetChatId: to,
          targetMessageId: copies[index]?.message_id ?? 0,
        })),
        clock.now(),
      );

  /** The message on the other side a reply should point at, when it replies to a copy. */
  async function replyTarget(chatId: number, message: Message) {
    const replied = message.reply_to_message;
    // In a topic every message "replies" to the topic's creation message: that is no reply.
    if (!replied || replied.message_id === message.message_thread_id) return undefined;
    const origin = await repos.relay.originOf(chatId, replied.message_id);
    return origin
      ? { message_id: origin.sourceMessageId, allow_sending_without_reply: true }
      : undefined;
  }

  // ── Customer → topic ──────────────────────────────────────────────────────────────────────

  /**
   * What copying the customer's message to the ticket's topic writes, prepared outside the
   * transaction (the topic, its own recorded step, so the copy names an existing topic; the
   * message replied to): the writer puts in `tx` the transcript line, the message map's rows (their
   * copy ids filled in when the outbox records the copy as sent, in the same statement) and the
   * copy itself, keyed by the ticket and the customer's message id (never the chat id) — a step
   * that runs again writes none of them twice. A message Telegram will not copy becomes a line
   * saying so (the outbox's recovery, {@link StaffTopics.recover}).
   */
  async function prepareCopy(
    ticket: Ticket,
    customerChat: number,
    ids: number[],
    message?: Message,
  ): Promise<(tx: Database) => Promise<void>> {
    const topic = await topics.ensure(ticket);
    const reply_parameters = message ? await replyTarget(customerChat, message) : undefined;
    const [first] = ids;
    if (first === undefined) return async () => {};
    const copy = copyCall(customerChat, ids, reply_parameters, topic.topicId);
    const row = { ...topics.topicRow(topic, `relay:${first}`), ...copy };
    return (tx) => {
      const at = clock.now();
      return enqueueOnce(tx, [row], at, async () => {
        const txRepos = deps.reposOn(tx);
        // The map's rows (which refer to the ticket) before the transcript line (which refers to
        // the customer): the lock order of every transaction that touches both.
        await record(ticket, 'to_staff', customerChat, staffChat, txRepos)(ids, []);
        if (message)
          await txRepos.transcript.append({
            customerId: ticket.customerId,
            ticketId: ticket.id,
            direction: 'in',
            // As every transcript line: no NUL or other text PostgreSQL refuses.
            text: toStorableText(describe(message)),
            at,
          });
      });
    };
  }

  /** Copies what the customer sent to the ticket's topic, in a transaction of its own. */
  async function copyToTopic(
    ticket: Ticket,
    customerChat: number,
    ids: number[],
    message?: Message,
  ) {
    const write = await prepareCopy(ticket, customerChat, ids, message);
    await delivery.commit(write);
  }

  /**
   * One part of an album, written as it comes, in a transaction of its own that commits before its
   * update is marked handled: its message-map row, its transcript line, what the caller adds
   * (`also`), and its id in the album's one copy — an outbox row keyed by the album that waits
   * `albumWaitMs` after the latest part ({@link enqueueAlbumPart}), so the album goes as an album.
   * Nothing waits in memory: a crash in the wait loses no part. A part whose map row is there
   * already (its update handled again) writes nothing twice.
   */
  async function addAlbumPart(part: {
    ticket: Ticket;
    direction: RelayedMessage['direction'];
    /** The album's outbox key. */
    key: string;
    fromChat: number;
    toChat: number;
    topicId?: number;
    message: Message;
    transcript: { customerId: string; direction: 'in' | 'staff' };
    also?: (txRepos: Repositories, at: Date) => Promise<void>;
  }): Promise<void> {
    const { ticket, fromChat, toChat, message } = part;
    await delivery.commit(async (tx) => {
      const at = clock.now();
      const txRepos = deps.reposOn(tx);
      const copies = await txRepos.relay.copiesOf(fromChat, message.message_id);
      if (copies.some((copy) => copy.targetChatId === toChat)) return;
      // The map's row (which refers to the ticket) before the transcript line (which refers to the
      // customer): the lock order of every transaction that touches both.
      await record(ticket, part.direction, fromChat, toChat, txRepos)([message.message_id], []);
      await txRepos.transcript.append({
        customerId: part.transcript.customerId,
        ticketId: ticket.id,
        direction: part.transcript.direction,
        text: toStorableText(describe(message)),
        at,
      });
      await part.also?.(txRepos, at);
      await enqueueAlbumPart(
        tx,
        {
          key: part.key,
          chatId: toChat,
          fromChatId: fromChat,
          messageId: message.message_id,
          topicId: part.topicId,
          waitMs: albumWaitMs,
        },
        at,
      );
    });
  }

  /**
   * Relays what the customer sent to the ticket's topic (an album's part to the album's copy).
   * With the update's id (a path that has not read the turn first, which says so): nothing when
   * that update was handled already (another instance's run committed it first, and this run, from
   * a head taken in here, only finds that out at its turn's commit): what it said was relayed, or
   * not, when it was handled, by the ticket then.
   */
  async function fromCustomer(ticket: Ticket, message: Message, updateId?: number): Promise<void> {
    const customerChat = message.chat.id;
    if (updateId !== undefined && (await inbox.state(updateId)) === 'done') return;
    // An update handled again (its turn failed after the relay) is not copied twice.
    if ((await repos.relay.copiesOf(customerChat, message.message_id)).length > 0) return;
    if (message.media_group_id) {
      const topic = await topics.ensure(ticket);
      await addAlbumPart({
        ticket,
        direction: 'to_staff',
        key: topics.topicRow(topic, `album:${message.media_group_id}`).key,
        fromChat: customerChat,
        toChat: staffChat,
        topicId: topic.topicId,
        message,
        transcript: { customerId: ticket.customerId, direction: 'in' },
      });
      return;
    }
    await copyToTopic(ticket, customerChat, [message.message_id], message);
  }

  // ── Taker → customer ──────────────────────────────────────────────────────────────────────

  /**
   * Copies the taker's message to the customer through the outbox, in line with the bot's other
   * messages to that chat: in one transaction the copy, the message map's row (its copy id filled
   * in when the outbox records the copy as sent, in the same statement), the transcript line and
   * the kept contact promise (the copy is the customer's contact from a person) — keyed by the
   * ticket and the staff message's id, so a staff update handled again writes none of them twice.
   * An album's part goes to the album's one copy ({@link addAlbumPart}) with the same. A customer
   * who has blocked the bot gets nothing; the topic hears it (here, or from the outbox when the
   * copy is refused).
   */
  async function fromStaff(ticket: Ticket, member: StaffMember, message: Message): Promise<void> {
    const customer = await customers.customerOf(ticket);
    const customerChat = customer.telegramUserId;
    const album = message.media_group_id;
    const ref = album ? `album:${album}` : `copy:${message.message_id}`;
    if (customer.blockedAt) {
      await customers.recordBlocked(ticket, await topics.blockedNotice(ticket, ref));
      return;
    }
    // The first message from a person keeps the contact promise (and stops its alerts).
    const contacted = (txRepos: Repositories, at: Date) =>
      txRepos.tickets.markContacted(
        ticket.id,
        at,
        { kind: 'staff', staffId: member.telegramUserId },
        { cancelJobKeys: contactAlertKeys(ticket.id) },
      );
    const key = `${customerTicketKeyPrefix(ticket.id)}${ref}`;
    if (album) {
      await addAlbumPart({
        ticket,
        direction: 'to_customer',
        key,
        fromChat: staffChat,
        toChat: customerChat,
        message,
        transcript: { customerId: customer.id, direction: 'staff' },
        also: async (txRepos, at) => {
          await contacted(txRepos, at);
        },
      });
      return;
    }
    const reply_parameters = await replyTarget(staffChat, message);
    const at = clock.now();
    const ids = [message.message_id];
    const row: NewOutboxMessage = {
      key,
      chatId: customerChat,
      priority: OUTBOX_PRIORITY.reply,
      ...copyCall(staffChat, ids, reply_parameters),
    };
    await delivery.commit((tx) =>
      enqueueOnce(tx, [row], at, async () => {
        const txRepos = deps.reposOn(tx);
        await record(ticket, 'to_customer', staffChat, customerChat, txRepos)(ids, []);
        await txRepos.transcript.append({
          customerId: customer.id,
          ticketId: ticket.id,
          direction: 'staff',
          text: toStorableText(describe(message)),
          at,
        });
        await contacted(txRepos, at);
      }),
    );
  }

  // ── Edits ─────────────────────────────────────────────────────────────────────────────────

  /**
   * An edit follows each copy of the message through the outbox, behind the copy in the copy's
   * chat: it names the copied message, and the copy's id is looked up when the edit is sent — so
   * an edit that arrives while its copy is still queued or in flight is applied, not dropped (a
   * copy made after the edit already carries it: Telegram then answers "not modified", taken as
   * done). Keyed by the edit's update, written once. `false` when the message has no copy.
   */
  async function editCopies(sourceChat: number, message: Message, updateId: number) {
    const copies = await repos.relay.copiesOf(sourceChat, message.message_id);
    if (copies.length === 0) return false;
    const change: JsonObject =
      message.text !== undefined ? { text: message.text } : { caption: message.caption ?? '' };
    const rows = copies.map(
      (copy, index): NewOutboxMessage => ({
        key: `${
          copy.targetChatId === staffChat
            ? staffTopicKeyPrefix(copy.ticketId)
            : customerTicketKeyPrefix(copy.ticketId)
        }edit:${updateId}:${index}`,
        chatId: copy.targetChatId,
        method: message.text !== undefined ? 'editMessageText' : 'editMessageCaption',
        payload: {
          ...change,
          [COPY_OF]: { from_chat_id: sourceChat, message_id: message.message_id },
        },
        priority: OUTBOX_PRIORITY.reply,
      }),
    );
    const at = clock.now();
    await delivery.commit((tx) => enqueueMessages(tx, rows, at));
    return true;
  }

  return {
    fromCustomer,
    fromStaff,
    /**
     * The copy of one customer message to the ticket's topic, to write in the caller's step (see
     * {@link prepareCopy}): a rating's comment, with what it tells.
     */
    prepareCopyToTopic: (ticket: Ticket, message: Message) =>
      prepareCopy(ticket, message.chat.id, [message.message_id], message),
    /** The customer edited a message: its copy in the topic follows. `false` when it had none. */
    editFromCustomer: (message: Message, updateId: number) =>
      editCopies(message.chat.id, message, updateId),
    /** The taker edited a message: the customer's copy follows. */
    editFromStaff: (message: Message, updateId: number) => editCopies(staffChat, message, updateId),
  };
}

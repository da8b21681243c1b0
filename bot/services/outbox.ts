import { type Api, GrammyError } from 'grammy';
import type { JsonObject } from '../../core/index.ts';
import {
  chatDelivery,
  type Database,
  enqueueMessages,
  markUpdateHandled,
  type NewOutboxMessage,
  OUTBOX_PRIORITY,
  type PlainTurn,
  type TurnRepo,
} from '../../db/index.ts';
import { composeMessages } from '../render/compose.ts';
import type { RenderedReply } from '../render/reply.ts';

/** The customer blocked the bot or deleted the account: stop writing, record it. */
export function isBlockedError(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 403;
}

/**
 * How the bot's services deliver: work and the messages it decided commit in one transaction
 * (the outbox rows), and the outbox sender delivers them after the commit.
 */
export type Delivery = {
  /** Runs `work` in one transaction; once it commits, the outbox sender is woken. */
  commit<T>(work: (tx: Database) => Promise<T>): Promise<T>;
  /**
   * Commits a turn that writes only its update's mark, its state, its replies and its transcript
   * in one statement (`turns.commitPlain`: `false` when the update was handled already), then
   * wakes the outbox sender; the inbox worker then knows the update was marked.
   */
  commitPlain(turns: TurnRepo, turn: PlainTurn): Promise<boolean>;
  /**
   * Marks an update handled in a transaction `commit` runs (see `markUpdateHandled`): `false` when
   * it was not pending. Once the transaction commits, {@link Delivery.committedUpdate} knows it.
   */
  markHandled(tx: Database, updateId: number, at: Date): Promise<boolean>;
  /**
   * Whether a transaction of this delivery marked the update handled and committed (asked once:
   * the answer is forgotten), so the inbox worker need not mark it again.
   */
  committedUpdate(updateId: number): boolean;
  /** The typing indicator, at once and best effort (not a message: outside the outbox). */
  typing(chatId: number): Promise<void>;
};

/** Committed updates remembered for the inbox worker at most (each is asked about at once). */
const COMMITTED_KEPT = 10_000;

/** Creates the {@link Delivery} over a database, the Bot API (typing only) and the sender's wake-up. */
export function createDelivery(db: Database, api: Api, wake: () => void): Delivery {
  /** Updates marked handled in each open transaction, by its handle. */
  const marking = new Map<Database, number[]>();
  const committed = new Set<number>();
  return {
    async commit(work) {
      const marked: number[] = [];
      const result = await db.transaction(async (tx) => {
        marking.set(tx, marked);
        try {
          return await work(tx);
        } finally {
          marking.delete(tx);
        }
      });
      if (committed.size + marked.length > COMMITTED_KEPT) committed.clear();
      for (const updateId of marked) committed.add(updateId);
      wake();
      return result;
    },
    async commitPlain(turns, turn) {
      const handled = await turns.commitPlain(turn);
      if (handled) {
        if (committed.size >= COMMITTED_KEPT) committed.clear();
        committed.add(turn.updateId);
        wake();
      }
      return handled;
    },
    async markHandled(tx, updateId, at) {
      const handled = await markUpdateHandled(tx, updateId, at);
      if (handled) marking.get(tx)?.push(updateId);
      return handled;
    },
    committedUpdate: (updateId) => committed.delete(updateId),
    async typing(chatId) {
      await api.sendChatAction(chatId, 'typing').catch(() => undefined);
    },
  };
}

export type ReplyTarget = {
  chatId: number;
  /** Keys the messages exactly once: `turn:<update id>`, `job:<job id>`. */
  key: string;
  /** The bot message whose button was pressed: replaced in place, or its buttons taken off. */
  pressedMessageId?: number | undefined;
};

export type WriteRepliesOptions = {
  /** A guided step or the check-back's answer: may replace the pressed message in place. */
  inPlace?: boolean;
  /** Messages from another context (jobs) are background; a turn's are replies. */
  background?: boolean;
  /** The erasure's answer: once delivered, its rows keep no chat id. */
  erased?: boolean;
  /** Sent without a sound (`disable_notification`): the check-back at night. */
  silent?: boolean;
};

const sendPayload = (message: RenderedReply, silent = false): JsonObject => ({
  text: message.text,
  ...(message.markup ? { reply_markup: message.markup as unknown as JsonObject } : {}),
  ...(silent ? { disable_notification: true } : {}),
});

/**
 * Writes a turn's (or a job's) replies to the outbox in the caller's transaction (see
 * {@link replyRows}). Returns the messages' texts, for the transcript.
 */
export async function writeReplies(
  tx: Database,
  target: ReplyTarget,
  replies: RenderedReply[],
  at: Date,
  options: WriteRepliesOptions = {},
): Promise<string[]> {
  const { rows, texts } = await replyRows(tx, target, replies, options);
  await enqueueMessages(tx, rows, at);
  return texts;
}

/**
 * The outbox rows of a turn's (or a job's) replies, one message per turn (see
 * `composeMessages`), and the messages' texts. A guided step's answer replaces the pressed message
 * when nothing was sent or queued after it (read in `db`); otherwise the pressed message's buttons
 * are taken off first, so a choice cannot be made twice.
 */
export async function replyRows(
  db: Database,
  target: ReplyTarget,
  replies: RenderedReply[],
  options: WriteRepliesOptions = {},
): Promise<{ rows: NewOutboxMessage[]; texts: string[] }> {
  const messages = composeMessages(replies);
  const { chatId, key, pressedMessageId: pressed } = target;
  // A turn's replies are a first reply or a later one, decided by the insert itself.
  const priority = options.background ? OUTBOX_PRIORITY.background : 'turn';
  const rows: NewOutboxMessage[] = [];
  const [only] = messages;
  let replace = false;
  if (pressed !== undefined) {
    const editable =
      options.inPlace === true &&
      messages.length === 1 &&
      only !== undefined &&
      (only.markup === undefined || 'inline_keyboard' in only.markup);
    if (editable) {
      const chat = await chatDelivery(db, chatId);
      replace = !chat.queued && chat.latestMessageId === pressed;
    }
    if (!replace && messages.length > 0)
      rows.push({
        key: `${key}:clear`,
        chatId,
        method: 'editMessageReplyMarkup',
        payload: { message_id: pressed },
        priority,
      });
  }
  messages.forEach((message, index) => {
    rows.push(
      replace
        ? {
            key: `${key}:${index}`,
            chatId,
            method: 'editMessageText',
            payload: { message_id: pressed as number, ...sendPayload(message) },
            priority,
          }
        : {
            key: `${key}:${index}`,
            chatId,
            method: 'sendMessage',
            payload: sendPayload(message, options.silent),
            priority,
          },
    );
  });
  return {
    rows: options.erased ? rows.map((row) => ({ ...row, erased: true })) : rows,
    texts: messages.map((message) => message.text),
  };
}

/**
 * Writes `messages` to the outbox in `tx`, then what they report (`record`) — once: when a run of
 * the same work already wrote them (their keys exist), nothing is recorded again. With no
 * messages to write (no staff chat), `record` always runs.
 */
export async function enqueueOnce(
  tx: Database,
  messages: NewOutboxMessage[],
  at: Date,
  record: () => Promise<void>,
): Promise<void> {
  const written = await enqueueMessages(tx, messages, at);
  if (messages.length > 0 && written === 0) return;
  await record();
}

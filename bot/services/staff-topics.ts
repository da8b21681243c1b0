import { type Api, GrammyError } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import {
  isIntakePending,
  type JsonObject,
  type Locale,
  type Ticket,
  type TicketTopic,
  toDistrict,
  toTopicName,
  toZonedTime,
} from '../../core/index.ts';
import {
  enqueueMessages,
  MESSAGE_OF,
  type NewOutboxMessage,
  OUTBOX_PRIORITY,
  type OutboxMessage,
  type Repositories,
  staffCardKey,
  staffPinKey,
  staffTopicKeyPrefix,
  ticketOfKey,
  writtenSince,
} from '../../db/index.ts';
import { cardButtons, renderCard } from '../render/staff.ts';
import type { AppDeps } from './deps.ts';
import { type Delivery, isBlockedError } from './outbox.ts';
import { isTopicLost, type OutboxRecovery } from './outbox-sender.ts';
import { createRenderContext } from './render-context.ts';
import type { StaffChatQueue } from './staff-chat-queue.ts';
import type { StaffStep } from './staff-customers.ts';

/** The topic was closed by someone: it must be reopened before the bot can write in it. */
export function isTopicClosed(error: unknown): boolean {
  return (
    error instanceof GrammyError &&
    error.error_code === 400 &&
    /TOPIC_CLOSED/i.test(error.description)
  );
}

/** Telegram will not copy the message (its chat protects content, or a kind it cannot copy). */
const cannotCopy = (error: unknown) =>
  error instanceof GrammyError &&
  error.error_code === 400 &&
  /can't be copied/i.test(error.description);

const TOPIC_LOCK_TTL_MS = 120_000;
/** Someone who is not staff is told they were refused once in this long at most. */
const REFUSAL_EVERY_MS = 60_000;
/** Telegram's largest album. */
const ALBUM_SIZE = 10;

/** The key of a topic's customer photos after its card (`…:photos:<topic id>:<album>`). */
export const staffPhotosKey = (ticketId: string, topicId: number, album: number | '') =>
  `${staffTopicKeyPrefix(ticketId)}photos:${topicId}:${album}`;

type CardContent = { text: string; photos: string[] };
const TRANSCRIPT_EXCERPT = 6;
const TRANSCRIPT_SCAN = 40;

export type StaffTopics = ReturnType<typeof createStaffTopics>;

/**
 * The staff forum's topics: one per ticket, created on first use with its card pinned at the top,
 * and recovered when lost. Every call to the staff chat goes through the staff chat queue.
 */
export function createStaffTopics(
  deps: AppDeps,
  api: Api,
  queue: StaffChatQueue,
  chatId: number,
  delivery: Pick<Delivery, 'commit'>,
) {
  const { repos, config, store, clock, log } = deps;
  const staffLocale = config.STAFF_LANGUAGE as Locale;

  /**
   * Runs a task in the staff chat's queue. A 403 there means the bot was removed from the staff
   * chat or lost its rights: an operator's problem, said loudly, and never a blocked customer.
   */
  async function run<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await queue.run(task);
    } catch (error) {
      if (isBlockedError(error))
        log.error(
          { chat: chatId },
          'the bot cannot write to the staff chat (403): add it back as an administrator',
        );
      throw error;
    }
  }

  /** The card's text and the photos the customer sent for the ticket (nameplate, invoice, fault). */
  async function cardOf(ticket: Ticket): Promise<CardContent> {
    const { t } = createRenderContext(deps, staffLocale);
    const product = ticket.productId ? await repos.tickets.getProduct(ticket.productId) : undefined;
    // The report that started it, then the latest exchange.
    // A message the customer sent while the ticket waited is on the transcript twice: the turn's
    // line and the copy to the topic's (the same words, in a row); the card shows it once.
    const recent = (
      await repos.transcript.list(ticket.customerId, { limit: TRANSCRIPT_SCAN })
    ).filter(
      (entry, i, all) =>
        !(
          entry.direction === 'in' &&
          all[i - 1]?.direction === 'in' &&
          all[i - 1]?.text === entry.text
        ),
    );
    const report = recent.find((entry) => entry.direction === 'in' && !entry.text.startsWith('/'));
    const latest = recent.slice(-TRANSCRIPT_EXCERPT);
    const transcript = report && !latest.includes(report) ? [report, ...latest] : latest;
    const symptom = ticket.triage?.symptomId
      ? deps.catalogue.symptom(ticket.triage.symptomId)
      : undefined;
    const warrantyCase =
      ticket.category && ticket.warranty
        ? {
            category: ticket.category,
            part: symptom?.part,
            reportDate: toZonedTime(ticket.createdAt, config.SERVICE_TZ).date,
          }
        : undefined;
    // Filed at a hazard report and the customer still answering the intake: the card says so.
    const intakePending = isIntakePending(await repos.tickets.history(ticket.id));
    const text = renderCard(
      {
        ticket,
        product,
        transcript,
        warrantyCase,
        timeZone: config.SERVICE_TZ,
        now: clock.now(),
        intakePending,
      },
      deps.catalogue,
      t,
      staffLocale,
    );
    return { text, photos: product?.proofPhotoFileIds ?? [] };
  }

  /**
   * The topic's pinned card brought up to date, for a ticket whose details changed after it was
   * posted (a hazard's intake completed): the card edited in place to the ticket as it is now (an
   * edit, not a new message, so the pin stays and the staff chat's send budget is spared), then
   * the customer's photos after it — outbox rows keyed by `ref` (the photos by the topic, as a new
   * topic's are: none twice).
   */
  async function cardUpdate(
    ticket: Ticket,
    topic: Pick<TicketTopic, 'ticketId' | 'topicId'>,
    ref: string,
  ): Promise<NewOutboxMessage[]> {
    const card = await cardOf(ticket);
    const { t } = createRenderContext(deps, staffLocale);
    return [
      {
        ...topicRow(topic, `${ref}:card`),
        method: 'editMessageText',
        payload: {
          [MESSAGE_OF]: staffCardKey(ticket.id, topic.topicId),
          text: card.text,
          reply_markup: cardButtons(ticket.number, t) as unknown as JsonObject,
        },
      },
      ...photoRows(ticket, topic.topicId, card.photos),
    ];
  }

  /** A topic link staff can tap (private supergroups: t.me/c/<id without -100>/<topic>). */
  const topicLink = (topicId: number) =>
    `https://t.me/c/${String(chatId).replace(/^-100/, '')}/${topicId}`;

  /** The topic's name: number, product (or "question") and district, in the staff language. */
  function topicName(ticket: Ticket): string {
    const { t } = createRenderContext(deps, staffLocale);
    const product =
      ticket.kind === 'question'
        ? t('staff-topic-question')
        : t('warranty-category', { category: ticket.category ?? 'unknown' });
    return toTopicName(ticket.number, product, toDistrict(ticket.contact.address));
  }

  /**
   * Records the intent to (re)create the ticket's topic, before asking Telegram for it. An earlier
   * intent with no topic recorded after it means an attempt died between the call and its record:
   * Telegram may have made that topic, and the Bot API cannot list topics to find it — said in the
   * log (with the ticket's number, which the orphan's name starts with) and counted.
   */
  async function recordIntent(ticket: Ticket, lost: number | undefined) {
    const history = await repos.tickets.history(ticket.id);
    const requested = history.filter((event) => event.type === 'topic_requested').length;
    const opened = history.filter((event) => event.type === 'topic_opened').length;
    if (requested > opened) {
      deps.metrics.staffTopicsMaybeOrphaned.inc();
      log.warn(
        { ticket: ticket.number },
        'an earlier attempt to create this staff topic died before recording it: an empty topic named after the ticket may be left in the staff chat',
      );
    }
    await repos.tickets.appendEvent(ticket.id, {
      at: clock.now(),
      actor: { kind: 'system' },
      type: 'topic_requested',
      payload: { recreated: lost !== undefined },
    });
  }

  /**
   * The card, its pin and then the customer's photos for a new topic, as outbox rows keyed by the
   * ticket and the topic (one set per topic: a rerun writes none twice).
   */
  function cardRows(ticket: Ticket, topicId: number, card: CardContent): NewOutboxMessage[] {
    return [...cardAndPin(ticket, topicId, card.text), ...photoRows(ticket, topicId, card.photos)];
  }

  /**
   * The photos the customer sent (nameplate, invoice, the fault) as sends by file id into the
   * topic, after the card: one photo alone, more as albums of up to ten, the first captioned.
   */
  function photoRows(ticket: Ticket, topicId: number, photos: string[]): NewOutboxMessage[] {
    const { t } = createRenderContext(deps, staffLocale);
    const caption = t('staff-card-photos', { number: ticket.number, count: photos.length });
    const rows: NewOutboxMessage[] = [];
    for (let start = 0; start < photos.length; start += ALBUM_SIZE) {
      const part = photos.slice(start, start + ALBUM_SIZE);
      const first: JsonObject = start === 0 ? { caption } : {};
      rows.push({
        key: staffPhotosKey(ticket.id, topicId, start / ALBUM_SIZE),
        chatId,
        priority: OUTBOX_PRIORITY.reply,
        ...(part.length === 1
          ? {
              method: 'sendPhoto',
              payload: { photo: part[0] as string, message_thread_id: topicId, ...first },
            }
          : {
              method: 'sendMediaGroup',
              payload: {
                message_thread_id: topicId,
                media: part.map((id, index) => ({
                  type: 'photo',
                  media: id,
                  ...(index === 0 ? first : {}),
                })),
              },
            }),
      });
    }
    return rows;
  }

  function cardAndPin(ticket: Ticket, topicId: number, text: string): NewOutboxMessage[] {
    const { t } = createRenderContext(deps, staffLocale);
    const card = staffCardKey(ticket.id, topicId);
    return [
      {
        key: card,
        chatId,
        priority: OUTBOX_PRIORITY.reply,
        method: 'sendMessage',
        payload: {
          text,
          message_thread_id: topicId,
          reply_markup: cardButtons(ticket.number, t) as unknown as JsonObject,
        },
      },
      {
        key: staffPinKey(ticket.id, topicId),
        chatId,
        priority: OUTBOX_PRIORITY.reply,
        method: 'pinChatMessage',
        payload: { [MESSAGE_OF]: card, disable_notification: true },
      },
    ];
  }

  /**
   * Creates the ticket's topic (or one in place of the `lost` one) as nearly once as the Bot API
   * allows: the intent is recorded just before the call (after the staff chat queue's probe when
   * Telegram is known to be down: a creation is never how an outage's end is found out); the one
   * call Telegram cannot make idempotent is the topic's creation, and its id is written in the very next step, with the `topic_opened` event
   * and the card and its pin as outbox rows keyed by the ticket and the topic (so no rerun sends a
   * second card). `call` runs the creation in the staff chat's queue (or raw, when the caller holds
   * it). A race lost to another instance deletes its own topic and returns the winner's.
   */
  async function open(
    ticket: Ticket,
    lost: number | undefined,
    call: <T>(task: () => Promise<T>) => Promise<T>,
  ): Promise<TicketTopic> {
    // Everything read first, so that nothing stands between the call and its record.
    const name = topicName(ticket);
    const card = await cardOf(ticket);
    // The intent is recorded in the queue's turn, just before the call: a task the queue rejects
    // untried (Telegram down) records none, so a job retried through an outage leaves no false
    // trace of a topic that may exist; a 429's retry within this call records it once.
    let intended = false;
    const { message_thread_id: topicId } = await call(async () => {
      if (!intended) await recordIntent(ticket, lost);
      intended = true;
      return api.createForumTopic(chatId, name);
    });
    const linked = await delivery.commit(async (tx) => {
      const txRepos = deps.reposOn(tx);
      const result =
        lost === undefined
          ? await txRepos.tickets.linkTopic({ ticketId: ticket.id, chatId, topicId })
          : await txRepos.tickets.relinkTopic(ticket.id, lost, topicId);
      if (!result.ok) return undefined;
      const at = clock.now();
      await txRepos.tickets.appendEvent(ticket.id, {
        at,
        actor: { kind: 'system' },
        type: 'topic_opened',
        payload: { topicId, recreated: lost !== undefined },
      });
      await enqueueMessages(tx, cardRows(ticket, topicId, card), at);
      return result.value;
    });
    if (linked) return { ...linked, cardMessageId: null };
    // Another instance linked (or moved) the topic first: ours goes, theirs is the ticket's.
    await call(() => api.deleteForumTopic(chatId, topicId)).catch(() => undefined);
    return (await repos.tickets.topicOf(ticket.id)) as TicketTopic;
  }

  /**
   * The ticket's topic, created with its card the first time. Concurrent first calls create one
   * topic: a lock serialises them, and the unique ticket → topic mapping decides should two
   * instances race past it (the loser deletes its own topic).
   */
  async function ensure(ticket: Ticket): Promise<TicketTopic> {
    const known = await repos.tickets.topicOf(ticket.id);
    if (known) return known;
    return store.withLock(`topic:${ticket.id}`, TOPIC_LOCK_TTL_MS, async () => {
      const again = await repos.tickets.topicOf(ticket.id);
      if (again) return again;
      return open(ticket, undefined, run);
    });
  }

  /**
   * Replaces a lost topic by a new one with the card again; one recovery wins a race (raw calls:
   * the caller holds the queue).
   */
  async function replace(ticket: Ticket, lost: number): Promise<number> {
    const current = await repos.tickets.topicOf(ticket.id);
    if (current && current.topicId !== lost) return current.topicId;
    const moved = await open(ticket, lost, (task) => task());
    if (moved.topicId !== lost)
      log.warn(
        { ticket: ticket.number, lost, topicId: moved.topicId },
        'staff topic was lost: recreated',
      );
    return moved.topicId;
  }

  // Staff messages wait in line with the customers' later replies (not behind them, as a job's
  // background messages do): an alert that a hazard needs a call now must not starve in a surge.
  const outboxRow = (
    key: string,
    topicId: number | undefined,
    text: string,
    markup?: InlineKeyboardMarkup,
  ): NewOutboxMessage => ({
    key,
    chatId,
    method: 'sendMessage',
    payload: {
      text,
      ...(topicId === undefined ? {} : { message_thread_id: topicId }),
      ...(markup ? { reply_markup: markup as unknown as JsonObject } : {}),
    },
    priority: OUTBOX_PRIORITY.reply,
  });

  /**
   * The key, chat and place in line of an outbox row for the ticket's topic (the caller adds the
   * method and payload, with `message_thread_id`): see {@link topicMessage}.
   */
  const topicRow = (topic: Pick<TicketTopic, 'ticketId'>, ref: string) => ({
    key: `${staffTopicKeyPrefix(topic.ticketId)}${ref}`,
    chatId,
    priority: OUTBOX_PRIORITY.reply,
  });

  /**
   * A message for the ticket's topic as an outbox row, to write in the caller's transaction (so
   * it exists exactly when the work that decided it commits). `ref` makes it exactly-once; the
   * key also names the ticket, so a message queued for a topic that is lost meanwhile finds the
   * ticket's new topic.
   */
  const topicMessage = (
    topic: Pick<TicketTopic, 'ticketId' | 'topicId'>,
    ref: string,
    text: string,
    markup?: InlineKeyboardMarkup,
  ) => outboxRow(topicRow(topic, ref).key, topic.topicId, text, markup);

  /**
   * The topic's notice that the ticket's customer blocked the bot, as an outbox row keyed by
   * `ref` (what found the block); `undefined` when the ticket has no topic.
   */
  async function blockedNotice(
    ticket: Ticket,
    ref: string,
    on: Pick<Repositories, 'tickets'> = repos,
  ): Promise<NewOutboxMessage | undefined> {
    const topic = await on.tickets.topicOf(ticket.id);
    if (!topic) return undefined;
    const { t } = createRenderContext(deps, staffLocale);
    return topicMessage(
      topic,
      `blocked:${ref}`,
      t('staff-customer-blocked', { number: ticket.number }),
    );
  }

  /**
   * Tells the ticket's topic something everyone there should know (the staff language), in the
   * step's transaction, keyed by the step and `key`: written with the work that decided it. A
   * ticket with no topic (erased) has no one to tell.
   */
  async function announceIn(
    step: StaffStep,
    ticket: Ticket,
    key: string,
    vars: Record<string, string | number> = {},
  ): Promise<void> {
    const topic = await step.repos.tickets.topicOf(ticket.id);
    if (!topic) return;
    const { t, globals } = createRenderContext(deps, staffLocale);
    const text = t(key, { ...globals, number: ticket.number, ...vars });
    await enqueueMessages(step.tx, [topicMessage(topic, `${step.ref}:${key}`, text)], step.at);
  }

  /**
   * An answer where a staff message came from (`topicId`, or General), as an outbox row keyed by
   * `ref`: in a ticket's topic keyed by the ticket (so a lost topic is recovered), else by `ref`.
   */
  const replyRow = (
    ref: string,
    topicId: number | undefined,
    ticketId: string | undefined,
    text: string,
    markup?: InlineKeyboardMarkup,
  ): NewOutboxMessage =>
    outboxRow(
      topicId !== undefined && ticketId !== undefined
        ? `${staffTopicKeyPrefix(ticketId)}${ref}`
        : `staff-general:${ref}`,
      topicId,
      text,
      markup,
    );

  /**
   * Tells someone who is not staff that they were refused, where they asked, in the refusing step:
   * at most once a minute per person, so refusals cannot use up the group's send budget. The row is
   * keyed by the person and the minute; one of this minute or the last written less than a minute
   * ago means they were told already. Staff updates are handled one at a time across instances
   * (the staff chat's lock), so each sees the last one; a rerun writes nothing twice.
   */
  async function refusalIn(
    step: StaffStep,
    userId: number,
    topicId: number | undefined,
    text: string,
  ): Promise<boolean> {
    const minute = Math.floor(step.at.getTime() / REFUSAL_EVERY_MS);
    const key = (window: number) => `staff-general:refusal:${userId}:${window}`;
    const since = new Date(step.at.getTime() - REFUSAL_EVERY_MS);
    if (await writtenSince(step.tx, [key(minute), key(minute - 1)], since)) return false;
    await enqueueMessages(step.tx, [outboxRow(key(minute), topicId, text)], step.at);
    return true;
  }

  /** A message for General as an outbox row (see {@link topicMessage}). */
  const generalMessage = (ref: string, text: string, markup?: InlineKeyboardMarkup) =>
    outboxRow(`staff-general:${ref}`, undefined, text, markup);

  /**
   * The outbox's way round a topic message Telegram refused: a closed topic is reopened and the
   * message sent as it was; a lost topic is replaced (a new topic with its card)
   * and the message sent there — unless the ticket has no topic any more (erased). Anything else
   * has no way round.
   */
  async function recover(message: OutboxMessage, error: unknown): Promise<OutboxRecovery> {
    const topicId = message.payload.message_thread_id;
    const ticketId = ticketOfKey(message.key);
    if (message.chatId !== chatId || typeof topicId !== 'number' || !ticketId) return undefined;
    // Telegram has just answered (a refusal): the queue's calls below are not held by an outage
    // it met earlier.
    queue.answered();
    if (cannotCopy(error) && message.method.startsWith('copyMessage')) {
      // Telegram will not copy it (a protected message): the topic hears that instead.
      const { t } = createRenderContext(deps, staffLocale);
      return {
        method: 'sendMessage',
        payload: { text: t('staff-cannot-copy'), message_thread_id: topicId },
      };
    }
    if (isTopicClosed(error)) {
      await run(() => api.reopenForumTopic(chatId, topicId)).catch((reopen: unknown) => {
        if (!isTopicLost(reopen) && !/TOPIC_NOT_MODIFIED/.test(String(reopen))) throw reopen;
      });
      log.info({ topicId }, 'staff topic was closed: reopened');
      return { method: message.method, payload: message.payload };
    }
    if (!isTopicLost(error)) return undefined;
    // No topic mapping left (the ticket was erased, its topic deleted on purpose): no new topic.
    const ticket = (await repos.tickets.topicOf(ticketId)) && (await repos.tickets.get(ticketId));
    if (!ticket) return undefined;
    const moved = await run(() => replace(ticket, topicId));
    // The lost topic's own card and photos: the new topic got its own.
    if (
      message.key === staffCardKey(ticketId, topicId) ||
      message.key.startsWith(staffPhotosKey(ticketId, topicId, ''))
    )
      return 'superseded';
    return { method: message.method, payload: { ...message.payload, message_thread_id: moved } };
  }

  return {
    chatId,
    queue,
    ensure,
    cardUpdate,
    topicRow,
    topicMessage,
    generalMessage,
    blockedNotice,
    announceIn,
    replyRow,
    refusalIn,
    recover,
    staffLocale,
    topicLink,
  };
}

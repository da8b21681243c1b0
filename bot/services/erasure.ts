import {
  ERASE_STAFF_MESSAGES_JOB,
  type EraseStaffMessagesPayload,
  type JsonValue,
  type Locale,
} from '../../core/index.ts';
import {
  type Alternative,
  DEPENDING_ON,
  enqueueMessages,
  erasureKeyPrefix,
  INSTEAD_OF,
  type JobHandler,
  type NewOutboxMessage,
  OUTBOX_PRIORITY,
} from '../../db/index.ts';
import { formatVisitWindow } from '../render/staff.ts';
import type { AppDeps } from './deps.ts';
import { createRenderContext } from './render-context.ts';

/** Message ids one `deleteMessages` call takes at most (Bot API). */
export const DELETE_MESSAGES_MAX = 100;

/**
 * The staff side of erasure: for each erased ticket's topic, a job writes, as it completes, the
 * staff-chat calls that erase it — the topic's deletion (the card with the customer's details, the
 * relayed copies of their messages and the staff's replies go with it), and, should the topic not
 * be deletable (Telegram's `deleteForumTopic` needs the right to delete messages, and the bot lost
 * it), the card overwritten and the bot's copies of the customer's messages deleted instead
 * (`deleteMessages`, up to 100 a call: a bot may delete its own messages without that right) —
 * then the notice in General of which ticket was erased, whether it was cancelled, and what was
 * deleted: its words are chosen when it is sent, behind the deletions in the staff chat's line
 * (`DEPENDING_ON`), so staff hear what was done and are asked to delete the topic by hand when the
 * bot could not, and the operator's log gets an error naming the ticket. All go through the outbox
 * keyed by the job (one per topic), within the staff chat's send budget: a rerun writes nothing
 * twice, and a crash after the job's commit leaves them to be sent, not lost. Without a staff chat
 * there is nothing to do.
 */
export function createStaffErasure(deps: AppDeps, forum: { chatId: number } | undefined) {
  const staffLocale = deps.config.STAFF_LANGUAGE as Locale;

  /** The calls that erase one topic's messages, in order, keyed by the job. */
  function erasingCalls(jobId: string, erased: EraseStaffMessagesPayload): NewOutboxMessage[] {
    const { t } = createRenderContext(deps, staffLocale);
    const prefix = erasureKeyPrefix(jobId);
    const topicKey = `${prefix}topic`;
    const call = (ref: string, method: string, payload: NewOutboxMessage['payload']) => ({
      key: `${prefix}${ref}`,
      chatId: erased.chatId,
      method,
      payload,
      priority: OUTBOX_PRIORITY.background,
    });
    const ids = [...new Set(erased.messageIds)].sort((a, b) => a - b);
    const batches: number[][] = [];
    for (let at = 0; at < ids.length; at += DELETE_MESSAGES_MAX)
      batches.push(ids.slice(at, at + DELETE_MESSAGES_MAX));
    return [
      call('topic', 'deleteForumTopic', { message_thread_id: erased.topicId }),
      ...(erased.cardMessageId === null
        ? []
        : [
            call('card', 'editMessageText', {
              message_id: erased.cardMessageId,
              text: t('staff-erased-card'),
              [INSTEAD_OF]: topicKey,
            }),
          ]),
      ...batches.map((batch, index) =>
        call(`messages:${index}`, 'deleteMessages', {
          message_ids: batch,
          [INSTEAD_OF]: topicKey,
        }),
      ),
    ];
  }

  /**
   * The notice's words by what the deletions did: the topic deleted; or refused, the card and the
   * copies dealt with instead; or refused too.
   */
  function noticeAlternatives(
    erased: EraseStaffMessagesPayload,
    calls: NewOutboxMessage[],
    holder: string | undefined,
  ): Alternative[] {
    const { t, globals } = createRenderContext(deps, staffLocale);
    const { visit } = erased;
    const text = (outcome: 'deleted' | 'kept' | 'refused') =>
      t('staff-ticket-erased', {
        ...globals,
        number: erased.number,
        cancelled: erased.cancelled ? 'yes' : 'no',
        outcome,
        // The booked visit it calls off, and who held the ticket: the engineer must be told.
        visit: visit
          ? formatVisitWindow(
              { start: new Date(visit.start), end: new Date(visit.end) },
              deps.config.SERVICE_TZ,
              staffLocale,
            )
          : 'none',
        holder: holder ?? '-',
      });
    const [topic, ...instead] = calls.map((call) => call.key);
    const topicKey = topic as string;
    const error = `erasure of ticket ${erased.number}: the bot may not delete its staff topic (it needs the right to delete messages); staff are asked to delete it by hand`;
    return [
      { if: { [topicKey]: 'sent' }, set: { text: text('deleted') } },
      {
        if: Object.fromEntries([topicKey, ...instead].map((key, i) => [key, i ? 'sent' : 'dead'])),
        set: { text: text('kept') },
        error,
      },
      {
        if: { [topicKey]: 'dead' },
        set: { text: text('refused') },
        error: `${error}; its card or some of the bot's copies of the customer's messages could not be dealt with either`,
      },
    ];
  }

  const eraseStaffMessages: JobHandler = async (job, { now, commit }) => {
    if (!forum) return;
    const payload = job.payload as unknown as EraseStaffMessagesPayload;
    const calls = erasingCalls(job.id, payload);
    const holderId = payload.visit?.holderId;
    const holder = holderId ? (await deps.repos.staff.get(holderId))?.displayName : undefined;
    // Written as the job completes, keyed by the job: a rerun (a lost lease) writes nothing twice.
    // The notice goes after the deletions in the staff chat's line, its words chosen by their end.
    await commit((tx) =>
      enqueueMessages(
        tx,
        [
          ...calls,
          {
            key: `staff-general:erased:${job.id}`,
            chatId: payload.chatId,
            method: 'sendMessage',
            payload: {
              [DEPENDING_ON]: noticeAlternatives(payload, calls, holder) as unknown as JsonValue[],
            },
            priority: OUTBOX_PRIORITY.background,
          },
        ],
        now,
      ),
    );
  };

  return {
    handlers: { [ERASE_STAFF_MESSAGES_JOB]: eraseStaffMessages } satisfies Record<
      string,
      JobHandler
    >,
  };
}

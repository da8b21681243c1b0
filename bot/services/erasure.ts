import {
  ERASE_STAFF_MESSAGES_JOB,
  type EraseStaffMessagesPayload,
  type Locale,
} from '../../core/index.ts';
import {
  enqueueMessages,
  erasureKeyPrefix,
  INSTEAD_OF,
  type JobHandler,
  type NewOutboxMessage,
  OUTBOX_PRIORITY,
} from '../../db/index.ts';
import type { AppDeps } from './deps.ts';
import { createRenderContext } from './render-context.ts';

/** Message ids one `deleteMessages` call takes at most (Bot API). */
export const DELETE_MESSAGES_MAX = 100;

/**
 * The staff side of erasure: for each erased ticket's topic, a job writes, as it completes, the
 * staff-chat calls that erase it — the topic's deletion (the card with the customer's details, the
 * relayed copies of their messages and the staff's replies go with it), and, should the topic not
 * be deletable (the bot lost the right to manage topics), the card overwritten and the relayed
 * messages deleted (`deleteMessages`, up to 100 a call) instead — then the notice in General of
 * which ticket was erased and whether it was cancelled. All go through the outbox keyed by the job
 * (one per topic), in the staff chat's line and within its send budget: a rerun writes nothing
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

  const eraseStaffMessages: JobHandler = async (job, { now, commit }) => {
    if (!forum) return;
    const payload = job.payload as unknown as EraseStaffMessagesPayload;
    const { t, globals } = createRenderContext(deps, staffLocale);
    const text = t('staff-ticket-erased', {
      ...globals,
      number: payload.number,
      cancelled: payload.cancelled ? 'yes' : 'no',
    });
    // Written as the job completes, keyed by the job: a rerun (a lost lease) writes nothing twice.
    // The notice goes after the deletions in the staff chat's line.
    await commit((tx) =>
      enqueueMessages(
        tx,
        [
          ...erasingCalls(job.id, payload),
          {
            key: `staff-general:erased:${job.id}`,
            chatId: payload.chatId,
            method: 'sendMessage',
            payload: { text },
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

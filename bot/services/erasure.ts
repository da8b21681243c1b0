import { type Api, GrammyError } from 'grammy';
import {
  ERASE_STAFF_MESSAGES_JOB,
  type EraseStaffMessagesPayload,
  type Locale,
} from '../../core/index.ts';
import { enqueueMessages, type JobHandler, OUTBOX_PRIORITY } from '../../db/index.ts';
import type { AppDeps } from './deps.ts';
import { createRenderContext } from './render-context.ts';
import type { StaffChatQueue } from './staff-chat-queue.ts';

/** The message or topic is gone already: what erasure wanted. */
const isGone = (error: unknown) =>
  error instanceof GrammyError &&
  error.error_code === 400 &&
  /not found|TOPIC_ID_INVALID|TOPIC_DELETED|MESSAGE_ID_INVALID|can't be deleted/i.test(
    error.description,
  );

/**
 * The staff side of erasure: for each erased ticket's topic, a job deletes the topic — the card
 * with the customer's details, the relayed copies of their messages and the staff's replies go
 * with it — and tells the staff chat (in its General topic, through the outbox, once) which ticket
 * was erased and whether it was cancelled. When the topic cannot be deleted (the bot lost the right to manage topics), the
 * card is overwritten and every relayed message is deleted one by one instead. Without a staff
 * chat there is nothing to do.
 */
export function createStaffErasure(
  deps: AppDeps,
  api: Api,
  forum: { chatId: number; queue: StaffChatQueue } | undefined,
) {
  const { log } = deps;
  const staffLocale = deps.config.STAFF_LANGUAGE as Locale;

  async function redactOneByOne(job: EraseStaffMessagesPayload, queue: StaffChatQueue) {
    const { t } = createRenderContext(deps, staffLocale);
    const attempt = async (call: () => Promise<unknown>) => {
      try {
        await queue.run(call);
      } catch (error) {
        if (!isGone(error)) throw error;
      }
    };
    if (job.cardMessageId !== null) {
      const card = job.cardMessageId;
      await attempt(() => api.editMessageText(job.chatId, card, t('staff-erased-card')));
    }
    for (const messageId of job.messageIds)
      await attempt(() => api.deleteMessage(job.chatId, messageId));
  }

  const eraseStaffMessages: JobHandler = async (job, { now, commit }) => {
    if (!forum) return;
    const payload = job.payload as unknown as EraseStaffMessagesPayload;
    const { queue } = forum;
    try {
      await queue.run(() => api.deleteForumTopic(payload.chatId, payload.topicId));
    } catch (error) {
      if (!isGone(error)) {
        log.warn(
          { code: error instanceof GrammyError ? error.error_code : undefined },
          'erased ticket topic not deleted: redacting its messages one by one',
        );
        await redactOneByOne(payload, queue);
      }
    }
    const { t, globals } = createRenderContext(deps, staffLocale);
    const text = t('staff-ticket-erased', {
      ...globals,
      number: payload.number,
      cancelled: payload.cancelled ? 'yes' : 'no',
    });
    // The notice is written as the job completes, keyed by the job: a rerun (a deletion that
    // failed, a lost lease) does not tell the staff chat twice.
    await commit((tx) =>
      enqueueMessages(
        tx,
        [
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

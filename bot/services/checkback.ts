import {
  type ConversationEvent,
  decideCheckbackExpiry,
  decodeButton,
  encodeButton,
  type GuidanceCase,
  isQuietMinute,
  type Locale,
  toZonedTime,
} from '../../core/index.ts';
import { type JobHandler, StaleStateError } from '../../db/index.ts';
import { renderReply } from '../render/reply.ts';
import { checkbackExpiryKey } from './checkback-keys.ts';
import type { TurnPrecondition } from './conversation.ts';
import type { AppDeps } from './deps.ts';
import { writeReplies } from './outbox.ts';
import { createRenderContext } from './render-context.ts';

/**
 * The 2-hour check-back after guidance (the seed: "凡咨询后的用户2个小时后必须回访用户"): the job that
 * asks "is it still working?", the expiry that records no answer as unconfirmed, and the buttons'
 * answers turned into conversation events.
 */
export function createCheckbackService(deps: AppDeps) {
  const { repos, clock, log } = deps;

  const ask: JobHandler = async (job, { now, commit }) => {
    const guidance = await repos.guidance.get(String(job.payload.guidanceId));
    if (!guidance || guidance.outcome !== null) return;
    const locale = guidance.locale as Locale;
    const { t, globals } = createRenderContext(deps, locale);
    const symptom = deps.catalogue.symptom(guidance.symptomId);
    const reply = renderReply(
      {
        key: 'checkback-question',
        vars: { title: symptom?.title ?? guidance.description },
        buttons: [
          [
            {
              key: 'checkback-button-working',
              data: encodeButton({ action: 'checkback', outcome: 'working', ref: guidance.id }),
            },
            {
              key: 'checkback-button-broken',
              data: encodeButton({
                action: 'checkback',
                outcome: 'still_broken',
                ref: guidance.id,
              }),
            },
          ],
        ],
      },
      t,
      locale,
      globals,
    );
    // The question and its expiry are written as the job completes: asked exactly once.
    await commit(async (tx) => {
      await deps.reposOn(tx).jobs.enqueue(
        {
          kind: 'checkback-expire',
          key: checkbackExpiryKey(guidance.id),
          dueAt: decideCheckbackExpiry(now),
          payload: { guidanceId: guidance.id },
        },
        now,
      );
      // On time (the seed's 2 hours), but without a sound at night in the service time zone.
      const { minute } = toZonedTime(now, deps.config.SERVICE_TZ);
      await writeReplies(tx, { chatId: guidance.chatId, key: `job:${job.id}` }, [reply], now, {
        background: true,
        silent: isQuietMinute(minute),
      });
    });
  };

  const expire: JobHandler = async (job, { now, commit }) => {
    const recorded = await commit((tx) =>
      deps.reposOn(tx).guidance.recordOutcome(String(job.payload.guidanceId), 'unconfirmed', now),
    );
    if (recorded)
      log.info(
        { guidance: job.payload.guidanceId },
        'check-back unanswered: recorded as unconfirmed',
      );
  };

  /**
   * The conversation event for a pressed check-back button, or `undefined` when it no longer
   * counts; with the precondition that records the answer (and cancels the expiry) in the turn's
   * own transaction — if the expiry got there first, the turn runs again and finds it closed.
   */
  async function toEvent(
    data: string,
    chatId: number,
  ): Promise<{ event: ConversationEvent; record: TurnPrecondition } | undefined> {
    const action = decodeButton(data);
    if (action?.action !== 'checkback') return undefined;
    const guidance = await repos.guidance.get(action.ref);
    if (!guidance || guidance.chatId !== chatId || guidance.outcome !== null) return undefined;
    const record: TurnPrecondition = async (txRepos) => {
      const now = clock.now();
      if (!(await txRepos.guidance.recordOutcome(guidance.id, action.outcome, now)))
        throw new StaleStateError(`guidance:${guidance.id}`);
      await txRepos.jobs.cancel(checkbackExpiryKey(guidance.id), now);
    };
    return {
      event: {
        type: 'checkback',
        outcome: action.outcome,
        guidance: {
          category: guidance.category,
          symptomId: guidance.symptomId,
          description: guidance.description,
        },
      },
      record,
    };
  }

  return {
    handlers: { checkback: ask, 'checkback-expire': expire } satisfies Record<string, JobHandler>,
    toEvent,
  };
}

/**
 * Text typed in the chat, with the check-back that was asked there and is not answered yet (the
 * latest, `GuidanceRepo.awaitingAnswer`, read with the turn), so the conversation can read the
 * words as its answer.
 */
export function withPendingCheckback(
  event: Extract<ConversationEvent, { type: 'text' }>,
  pending: GuidanceCase | undefined,
): ConversationEvent {
  if (!pending) return event;
  const { category, symptomId, description } = pending;
  return {
    ...event,
    checkback: { ref: pending.id, guidance: { category, symptomId, description } },
  };
}

export type CheckbackService = ReturnType<typeof createCheckbackService>;

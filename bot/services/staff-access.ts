import type { Api } from 'grammy';
import type { User } from 'grammy/types';
import {
  type ChatMemberStatus,
  decideStaffAccess,
  type StaffCandidate,
  type StaffMember,
  type Ticket,
} from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import { toLoggableError } from '../loggable-error.ts';
import type { AppDeps } from './deps.ts';

export type StaffAccessOptions = {
  /** How long a membership answer is trusted. Default one minute. */
  cacheMs?: number;
};

/** Where someone tried to act, for the audit. */
export type StaffAttempt = { action: string; topicId: number | undefined; ticket?: Ticket };

export type StaffAccess = ReturnType<typeof createStaffAccess>;

/**
 * Who may use the staff tools: members of the staff chat (asked of Telegram with getChatMember
 * and remembered briefly) and `STAFF_USER_IDS`. A refusal is kept in the audit, and as a ticket
 * event when it concerned a ticket (`recordRefusal`, in the refusing step).
 */
export function createStaffAccess(
  deps: AppDeps,
  api: Api,
  chatId: number,
  { cacheMs = 60_000 }: StaffAccessOptions = {},
) {
  const { repos, clock, log, config } = deps;
  const cache = new Map<number, { candidate: StaffCandidate; until: number }>();

  async function candidate(userId: number): Promise<StaffCandidate> {
    const now = clock.now().getTime();
    const cached = cache.get(userId);
    if (cached && cached.until > now) return cached.candidate;
    let found: StaffCandidate = { userId, status: undefined };
    try {
      const member = await api.getChatMember(chatId, userId);
      found = {
        userId,
        status: member.status as ChatMemberStatus,
        isMember: 'is_member' in member ? member.is_member : undefined,
      };
    } catch (error) {
      log.warn({ error: toLoggableError(error) }, 'staff membership not readable');
    }
    cache.set(userId, { candidate: found, until: now + cacheMs });
    return found;
  }

  /** Whether a user is staff, without recording anything (an /assign target). */
  async function isStaff(userId: number): Promise<boolean> {
    return decideStaffAccess(await candidate(userId), config.STAFF_USER_IDS).ok;
  }

  /**
   * Checks someone acting in the staff chat: their staff record (created on first sight) when
   * allowed; `undefined` when not (the caller records the refusal: {@link recordRefusal}).
   * Messages sent on behalf of a chat (an anonymous admin) name nobody and are refused.
   */
  async function check(
    user: User | undefined,
    anonymous = false,
  ): Promise<StaffMember | undefined> {
    if (user && !anonymous && !user.is_bot && (await isStaff(user.id))) {
      return repos.staff.seen(user.id, user.first_name, user.username ?? null);
    }
    return undefined;
  }

  /**
   * Records a refusal in the audit, and as a ticket event when it concerned a ticket, on `on`
   * (the refusing step's repositories, so it is written once, with the update's handled mark).
   */
  async function recordRefusal(
    on: Pick<Repositories, 'audit' | 'tickets'>,
    user: User | undefined,
    attempt: StaffAttempt,
    anonymous: boolean,
    at: Date,
  ): Promise<void> {
    const reason = anonymous ? 'STAFF.ANONYMOUS' : 'STAFF.NOT_STAFF';
    const ticketId = attempt.ticket?.id ?? null;
    await on.audit.record({
      at,
      telegramUserId: user?.id ?? 0,
      chatId,
      topicId: attempt.topicId ?? null,
      ticketId,
      action: attempt.action,
      outcome: 'refused',
      reason,
    });
    if (ticketId) {
      await on.tickets.appendEvent(ticketId, {
        at,
        actor: { kind: 'system' },
        type: 'refused',
        payload: { userId: user?.id ?? 0, action: attempt.action, reason },
      });
    }
    log.info({ user: user?.id, action: attempt.action }, 'staff action refused');
  }

  return { check, recordRefusal, isStaff };
}

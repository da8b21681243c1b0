import { fail, ok, type Result } from '../shared/result.ts';

/** A Telegram chat member's status, as `getChatMember` reports it. */
export type ChatMemberStatus =
  | 'creator'
  | 'administrator'
  | 'member'
  | 'restricted'
  | 'left'
  | 'kicked';

/** What is known about someone asking to act as staff. */
export type StaffCandidate = {
  userId: number;
  /** Their status in the staff chat; `undefined` when it could not be read. */
  status: ChatMemberStatus | undefined;
  /** For `restricted`: whether they are still in the chat. */
  isMember?: boolean;
};

export type StaffAccessCode = 'STAFF.NOT_STAFF';

/**
 * Who may act as staff (design.md "Tickets and staff"): members of the staff chat — its creator,
 * administrators, members, and restricted members still in it — and the users listed in
 * `STAFF_USER_IDS`. Anyone else (left, removed, or never there) is refused.
 */
export function decideStaffAccess(
  candidate: StaffCandidate,
  staffUserIds: readonly number[],
): Result<true, StaffAccessCode> {
  if (staffUserIds.includes(candidate.userId)) return ok(true);
  switch (candidate.status) {
    case 'creator':
    case 'administrator':
    case 'member':
      return ok(true);
    case 'restricted':
      return candidate.isMember ? ok(true) : fail('STAFF.NOT_STAFF');
    default:
      return fail('STAFF.NOT_STAFF');
  }
}

/** The administrator rights the bot needs in the staff chat, as `getChatMember` names them. */
export const STAFF_CHAT_RIGHTS = [
  'can_manage_topics',
  'can_delete_messages',
  'can_pin_messages',
] as const;
export type StaffChatRight = (typeof STAFF_CHAT_RIGHTS)[number];

/** What the start-up check read about the staff chat and the bot's place in it. */
export type StaffChatFacts = {
  isForum: boolean;
  botStatus: ChatMemberStatus;
  rights: Partial<Record<StaffChatRight, boolean>>;
};

/** What keeps the staff chat from working: not a forum, the bot not an admin, missing rights. */
export type StaffChatProblem =
  | { code: 'STAFF_CHAT.NOT_FORUM' }
  | { code: 'STAFF_CHAT.NOT_ADMIN'; status: ChatMemberStatus }
  | { code: 'STAFF_CHAT.MISSING_RIGHTS'; rights: StaffChatRight[] };

/**
 * Checks the staff chat at start: a supergroup with Topics on, the bot an administrator that can
 * manage topics, delete and pin messages. Returns every problem, so one line can name them all.
 */
export function decideStaffChatProblems(facts: StaffChatFacts): StaffChatProblem[] {
  const problems: StaffChatProblem[] = [];
  if (!facts.isForum) problems.push({ code: 'STAFF_CHAT.NOT_FORUM' });
  if (facts.botStatus !== 'administrator' && facts.botStatus !== 'creator') {
    problems.push({ code: 'STAFF_CHAT.NOT_ADMIN', status: facts.botStatus });
    return problems;
  }
  const missing = STAFF_CHAT_RIGHTS.filter((right) => facts.rights[right] !== true);
  if (missing.length > 0) problems.push({ code: 'STAFF_CHAT.MISSING_RIGHTS', rights: missing });
  return problems;
}

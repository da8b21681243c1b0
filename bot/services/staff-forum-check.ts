import { type Api, GrammyError } from 'grammy';
import {
  type ChatMemberStatus,
  decideStaffChatProblems,
  STAFF_CHAT_RIGHTS,
  type StaffChatProblem,
  type StaffChatRight,
} from '../../core/index.ts';

/** How each right is called in Telegram's admin settings, for the operator. */
const RIGHT_NAMES: Readonly<Record<StaffChatRight, string>> = {
  can_manage_topics: 'Manage topics',
  can_delete_messages: 'Delete messages',
  can_pin_messages: 'Pin messages',
};

function describe(problem: StaffChatProblem): string {
  switch (problem.code) {
    case 'STAFF_CHAT.NOT_FORUM':
      return 'it is not a forum (turn Topics on in the group settings)';
    case 'STAFF_CHAT.NOT_ADMIN':
      return `the bot is not an administrator there (it is "${problem.status}")`;
    case 'STAFF_CHAT.MISSING_RIGHTS':
      return `the bot lacks the admin rights ${problem.rights.map((r) => RIGHT_NAMES[r]).join(', ')}`;
  }
}

/**
 * Checks the staff chat at start (design.md "Tickets and staff"): a supergroup with Topics on, the
 * bot an administrator that can manage topics, delete and pin messages. Returns one line naming
 * everything missing, or `undefined` when the chat is ready.
 */
export async function checkStaffForum(
  api: Api,
  chatId: number,
  botId: number,
): Promise<string | undefined> {
  const prefix = `STAFF_CHAT_ID ${chatId}:`;
  try {
    const chat = await api.getChat(chatId);
    const member = await api.getChatMember(chatId, botId);
    const rights = Object.fromEntries(
      STAFF_CHAT_RIGHTS.map((right) => [
        right,
        (member as unknown as Record<string, unknown>)[right] === true,
      ]),
    );
    const problems = decideStaffChatProblems({
      isForum: 'is_forum' in chat && chat.is_forum === true,
      botStatus: member.status as ChatMemberStatus,
      rights,
    });
    return problems.length === 0 ? undefined : `${prefix} ${problems.map(describe).join('; ')}`;
  } catch (error) {
    if (!(error instanceof GrammyError)) throw error;
    return `${prefix} ${error.description} (is the bot a member of that group, and is the id right?)`;
  }
}

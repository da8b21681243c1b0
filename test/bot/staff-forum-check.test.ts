import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStaffForum } from '../../bot/services/staff-forum-check.ts';
import { BotApiDouble } from '../support/bot-api-double.ts';

const TOKEN = '555:ForumCheckToken000000000000000000';
const BOT = { id: 555, first_name: 'Frontline', is_bot: true };

describe('the staff chat check at start', () => {
  const double = new BotApiDouble({ token: TOKEN, bot: BOT });
  let api: Api;
  beforeAll(async () => {
    await double.start();
    api = new Api(TOKEN, { apiRoot: double.apiRoot });
  });
  afterAll(() => double.stop());

  it('passes a forum where the bot is an administrator with every right', async () => {
    double.addSupergroup(-1001, 'Service');
    double.setMember(-1001, BOT.id, 'administrator');
    expect(await checkStaffForum(api, -1001, BOT.id)).toBeUndefined();
  });

  it('names in one line everything missing: Topics off and rights not granted', async () => {
    double.addSupergroup(-1002, 'Service', { isForum: false });
    double.setMember(-1002, BOT.id, 'administrator', { can_delete_messages: true });
    expect(await checkStaffForum(api, -1002, BOT.id)).toBe(
      'STAFF_CHAT_ID -1002: it is not a forum (turn Topics on in the group settings); the bot lacks the admin rights Manage topics, Pin messages',
    );
  });

  it('says when the bot is only a member', async () => {
    double.addSupergroup(-1003, 'Service');
    double.setMember(-1003, BOT.id, 'member');
    expect(await checkStaffForum(api, -1003, BOT.id)).toBe(
      'STAFF_CHAT_ID -1003: the bot is not an administrator there (it is "member")',
    );
  });

  it('says when the chat cannot be read at all (a wrong id)', async () => {
    expect(await checkStaffForum(api, -1009, BOT.id)).toMatch(
      /^STAFF_CHAT_ID -1009: Bad Request: chat not found \(is the bot a member/,
    );
  });
});

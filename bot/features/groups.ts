import { Composer } from 'grammy';
import { enqueueMessages } from '../../db/index.ts';
import type { BotContext } from '../context.ts';
import { localeFor } from '../i18n/script.ts';
import type { AppDeps } from '../services/deps.ts';
import type { Delivery } from '../services/outbox.ts';
import { createRenderContext } from '../services/render-context.ts';

/**
 * Groups other than the staff chat: when someone adds the bot, it says it works in private chats
 * and leaves; it ignores everything else there.
 */
export function createGroupsFeature(deps: AppDeps, delivery: Delivery) {
  const composer = new Composer<BotContext>();
  const groups = composer
    .chatType(['group', 'supergroup', 'channel'])
    .filter((ctx) => ctx.chat.id !== deps.config.STAFF_CHAT_ID);
  groups.on('my_chat_member', async (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    if (status !== 'member' && status !== 'administrator') return;
    const { t } = createRenderContext(deps, localeFor(ctx.from?.language_code, undefined));
    const chatId = ctx.chat.id;
    // The operator setting up the staff chat reads its id here (README "Staff chat").
    deps.log.info(
      { chatId, staffChat: deps.config.STAFF_CHAT_ID ?? null },
      'added to a group that is not the staff chat: leaving it (set STAFF_CHAT_ID to this id to make it the staff chat)',
    );
    const key = `turn:${ctx.update.update_id}`;
    const now = deps.clock.now();
    // The message, then leaving: in that order, through the outbox.
    await delivery.commit(async (tx) => {
      if (!(await delivery.markHandled(tx, ctx.update.update_id, now))) return;
      await enqueueMessages(
        tx,
        [
          {
            key: `${key}:0`,
            chatId,
            method: 'sendMessage',
            payload: { text: t('group-only-private') },
          },
          { key: `${key}:leave`, chatId, method: 'leaveChat', payload: {} },
        ],
        now,
      );
    });
  });
  groups.use(() => undefined);
  return composer;
}

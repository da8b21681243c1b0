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

import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';
import { localeFor } from '../i18n/script.ts';
import type { AppDeps } from '../services/deps.ts';
import { createRenderContext } from '../services/render-context.ts';

/**
 * Groups other than the staff chat: when someone adds the bot, it says it works in private chats
 * and leaves; it ignores everything else there.
 */
export function createGroupsFeature(deps: AppDeps) {
  const composer = new Composer<BotContext>();
  const groups = composer
    .chatType(['group', 'supergroup', 'channel'])
    .filter((ctx) => ctx.chat.id !== deps.config.STAFF_CHAT_ID);
  groups.on('my_chat_member', async (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    if (status !== 'member' && status !== 'administrator') return;
    const { t } = createRenderContext(deps, localeFor(ctx.from?.language_code, undefined));
    await ctx.reply(t('group-only-private')).catch(() => undefined);
    await ctx.leaveChat().catch(() => undefined);
  });
  groups.use(() => undefined);
  return composer;
}

import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';
import type { CheckbackService } from '../services/checkback.ts';
import type { ConversationService } from '../services/conversation.ts';
import { toChatRef, toConversationEvent, toStorableText } from './to-event.ts';

/** Runs a call whose failure must not stop the conversation (it may throw synchronously too). */
async function bestEffort(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch {
    // Nothing to do: the answer or the markup edit is a courtesy.
  }
}

/**
 * The customer's private chat: every message, command, button, contact, location and photo goes
 * through the core conversation; anything else gets a short helpful reply.
 */
export function createCustomerFeature(
  conversation: ConversationService,
  checkback: CheckbackService,
) {
  const composer = new Composer<BotContext>();
  const priv = composer.chatType('private');

  const sayKey = (ctx: BotContext, key: string) => conversation.notice(toChatRef(ctx), key);

  priv.on('edited_message', (ctx) => sayKey(ctx, 'edited-ignored'));

  priv.on('callback_query:data', async (ctx) => {
    // The answer replaces the pressed message's buttons (or the message itself, for a guided
    // step), so a choice cannot be made twice.
    await bestEffort(() => ctx.answerCallbackQuery());
    const chat = toChatRef(ctx);
    const data = toStorableText(ctx.callbackQuery.data);
    if (data.startsWith('cb:')) {
      const answer = await checkback.toEvent(data, ctx.chat.id);
      if (!answer) return sayKey(ctx, 'checkback-expired');
      return conversation.handle(chat, answer.event, undefined, answer.record);
    }
    await conversation.handle(chat, { type: 'button', data });
  });

  priv.on('message', async (ctx, next) => {
    const parsed = toConversationEvent(ctx);
    if (parsed === 'unknown-command') return sayKey(ctx, 'unknown-command');
    if (!parsed) return next();
    // Typed text is read as the answer to a check-back awaiting one, in the turn's own read.
    await conversation.handle(toChatRef(ctx), parsed.event, parsed.inbound);
  });

  priv.on(['message:voice', 'message:audio', 'message:video_note'], (ctx) =>
    sayKey(ctx, 'voice-unsupported'),
  );
  priv.on('message', (ctx) => sayKey(ctx, 'unsupported-message'));
  return composer;
}

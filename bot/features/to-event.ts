import type { Context } from 'grammy';
import {
  type ConversationEvent,
  CUSTOMER_COMMANDS,
  type CustomerCommand,
} from '../../core/index.ts';
import type { ChatRef } from '../services/conversation.ts';

/** The chat an update belongs to, as the conversation service names it. */
export function toChatRef(ctx: Context): ChatRef {
  return {
    chatId: ctx.chat?.id ?? 0,
    userId: ctx.from?.id ?? 0,
    languageCode: ctx.from?.language_code,
    updateId: ctx.update.update_id,
    ...(ctx.callbackQuery?.message
      ? { pressedMessageId: ctx.callbackQuery.message.message_id }
      : {}),
  };
}

/** A `/command` (with an optional `@botname`), or `undefined` for any other text. */
export function toCommand(text: string): CustomerCommand | 'unknown' | undefined {
  const match = /^\/([a-z_]+)(?:@\w+)?(?:\s|$)/i.exec(text.trim());
  if (!match) return undefined;
  const name = (match[1] ?? '').toLowerCase();
  return (CUSTOMER_COMMANDS as readonly string[]).includes(name)
    ? (name as CustomerCommand)
    : 'unknown';
}

/**
 * Text as PostgreSQL can store it (in a text column and in JSON): NUL characters dropped, lone
 * UTF-16 surrogates replaced with U+FFFD. Either would fail the turn's save.
 */
export function toStorableText(text: string): string {
  return text.replace(/\0/g, '').replace(/\p{Cs}/gu, '\uFFFD');
}

/**
 * The conversation event a private-chat update carries, with the text to keep in the transcript;
 * `undefined` for updates the conversation does not take (stickers, voice…).
 */
export function toConversationEvent(
  ctx: Context,
): { event: ConversationEvent; inbound?: string } | 'unknown-command' | undefined {
  const message = ctx.message;
  if (ctx.callbackQuery?.data !== undefined)
    return { event: { type: 'button', data: toStorableText(ctx.callbackQuery.data) } };
  if (!message) return undefined;
  const caption = message.caption === undefined ? '[photo]' : toStorableText(message.caption);
  if (message.text !== undefined) {
    const text = toStorableText(message.text);
    const command = toCommand(text);
    if (command === 'unknown') return 'unknown-command';
    if (command) return { event: { type: 'command', name: command }, inbound: text };
    return { event: { type: 'text', text }, inbound: text };
  }
  if (message.contact) {
    const own = message.contact.user_id === undefined || message.contact.user_id === ctx.from?.id;
    return {
      event: { type: 'contact', phone: toStorableText(message.contact.phone_number), own },
      inbound: '[contact]',
    };
  }
  if (message.location) {
    const { latitude, longitude } = message.location;
    return { event: { type: 'location', latitude, longitude }, inbound: '[location]' };
  }
  const photo = message.photo?.at(-1);
  if (photo)
    return {
      event: { type: 'photo', fileId: toStorableText(photo.file_id) },
      inbound: caption,
    };
  if (message.document?.mime_type?.startsWith('image/')) {
    return {
      event: { type: 'photo', fileId: toStorableText(message.document.file_id) },
      inbound: caption,
    };
  }
  return undefined;
}

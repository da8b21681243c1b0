import type { Context } from 'grammy';
import type { ConversationEvent } from '../../core/index.ts';

const COMMANDS = [
  'start',
  'help',
  'language',
  'status',
  'cancel',
  'human',
  'privacy',
  'forget',
] as const;
type CommandName = (typeof COMMANDS)[number];

/** A `/command` (with an optional `@botname`), or `undefined` for any other text. */
export function toCommand(text: string): CommandName | 'unknown' | undefined {
  const match = /^\/([a-z_]+)(?:@\w+)?(?:\s|$)/i.exec(text.trim());
  if (!match) return undefined;
  const name = (match[1] ?? '').toLowerCase();
  return (COMMANDS as readonly string[]).includes(name) ? (name as CommandName) : 'unknown';
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
    return { event: { type: 'button', data: ctx.callbackQuery.data } };
  if (!message) return undefined;
  if (message.text !== undefined) {
    const command = toCommand(message.text);
    if (command === 'unknown') return 'unknown-command';
    if (command) return { event: { type: 'command', name: command }, inbound: message.text };
    return { event: { type: 'text', text: message.text }, inbound: message.text };
  }
  if (message.contact) {
    const own = message.contact.user_id === undefined || message.contact.user_id === ctx.from?.id;
    return {
      event: { type: 'contact', phone: message.contact.phone_number, own },
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
      event: { type: 'photo', fileId: photo.file_id },
      inbound: message.caption ?? '[photo]',
    };
  if (message.document?.mime_type?.startsWith('image/')) {
    return {
      event: { type: 'photo', fileId: message.document.file_id },
      inbound: message.caption ?? '[photo]',
    };
  }
  return undefined;
}

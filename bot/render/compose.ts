import type { RenderedReply } from './reply.ts';

/** A list item ("1. Unplug it"): it continues the paragraph before it on the next line. */
const LIST_ITEM = /^\d+[.)、．]\s?/;

const hasReplyKeyboard = (reply: RenderedReply) =>
  reply.markup !== undefined && 'keyboard' in reply.markup;
const hasInlineKeyboard = (reply: RenderedReply) =>
  reply.markup !== undefined && 'inline_keyboard' in reply.markup;

/**
 * One message per turn (style rule 14): a turn's replies become one message — paragraphs in order,
 * list items on their own lines, the markup of the last reply that has one. A reply stands as its
 * own message only when it is worth keeping on its own (`own`, the filed ticket) or when a reply
 * keyboard asked for earlier (share contact / location) would otherwise be lost to later inline
 * buttons (Telegram gives one message one markup).
 */
export function composeMessages(replies: RenderedReply[]): RenderedReply[] {
  const messages: RenderedReply[] = [];
  let current: RenderedReply | undefined;
  const flush = () => {
    if (current) messages.push(current);
    current = undefined;
  };
  for (const { own, ...reply } of replies) {
    if (own) {
      flush();
      messages.push(reply);
      continue;
    }
    if (current && hasReplyKeyboard(current) && hasInlineKeyboard(reply)) flush();
    if (!current) {
      current = reply;
      continue;
    }
    const separator = LIST_ITEM.test(reply.text) ? '\n' : '\n\n';
    const markup = reply.markup ?? current.markup;
    current = markup
      ? { text: `${current.text}${separator}${reply.text}`, markup }
      : { text: `${current.text}${separator}${reply.text}` };
  }
  flush();
  return messages;
}

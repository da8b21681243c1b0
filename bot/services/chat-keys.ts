/** The conversation state of a private chat (the chat id is the customer's Telegram user id). */
export const sessionKey = (chatId: number) => `conv:${chatId}`;

/** The LLM tokens a conversation has spent. */
export const llmUsageKey = (conversation: string) => `llm-tokens:${conversation}`;

/** A rating waiting for its comment. */
export const ratingCommentKey = (chatId: number) => `rating-comment:${chatId}`;

/**
 * Every key the short-lived store keeps about one private chat: erasure deletes them all (rate
 * limits and seen update ids expire within a minute and a day, and name no one).
 */
export const chatStoreKeys = (chatId: number) => [
  sessionKey(chatId),
  llmUsageKey(String(chatId)),
  ratingCommentKey(chatId),
];

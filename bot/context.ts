import type { Context } from 'grammy';

/** The bot's context type: grammY's, unchanged (state lives in the store, not on the context). */
export type BotContext = Context;

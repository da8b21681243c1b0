import type { InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'grammy/types';
import {
  type CalendarDate,
  isTraditionalLocale,
  type Locale,
  type Reply,
  type ReplyValue,
} from '../../core/index.ts';
import type { Bilingual } from '../../core/triage/catalogue.ts';
import { formatDate, formatPeriod, type Translate, toTraditional } from '../i18n/index.ts';

export type RenderedReply = {
  text: string;
  markup?: InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;
  /** A message of its own, worth keeping apart from the turn's other replies (the filed ticket). */
  own?: boolean;
};

/** Catalogue text in the reader's language and script (Traditional derived from Simplified). */
export function pickText(text: Bilingual, locale: Locale): string {
  if (locale === 'en') return text.en;
  return isTraditionalLocale(locale) ? toTraditional(text.zh, locale) : text.zh;
}

const ISO_DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})(?=$|\s)/;

/** A value starting with a calendar date gets the date as the locale writes it. */
function localiseDate(value: string, locale: Locale): string {
  const match = ISO_DATE_PREFIX.exec(value);
  return match ? formatDate(match[1] as CalendarDate, locale) + value.slice(10) : value;
}

function toVariables(
  vars: Record<string, ReplyValue> | undefined,
  locale: Locale,
  t: Translate,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(vars ?? {})) {
    out[name] =
      typeof value === 'number'
        ? value
        : Array.isArray(value)
          ? // A list (the checks already ruled out): one item a line, each its own bullet.
            value.map((item) => `\n• ${pickText(item, locale)}`).join('')
          : typeof value === 'string'
            ? localiseDate(value, locale)
            : 'from' in value
              ? formatPeriod(value, locale, t)
              : pickText(value, locale);
  }
  return out;
}

/**
 * Renders a core reply: the locale key through Fluent, catalogue text in the reader's script,
 * inline buttons, or a one-time reply keyboard asking for the contact or location.
 * Inline buttons win over removing a reply keyboard (one message carries one markup).
 */
export function renderReply(
  reply: Reply<string>,
  t: Translate,
  locale: Locale,
  globals: Record<string, string | number> = {},
): RenderedReply {
  const text = t(reply.key, { ...globals, ...toVariables(reply.vars, locale, t) });
  if (reply.buttons && reply.buttons.length > 0) {
    const inline_keyboard = reply.buttons.map((row) =>
      row.map((button) => ({
        text: t(button.key, { ...globals, ...toVariables(button.vars, locale, t) }),
        callback_data: button.data,
      })),
    );
    return { text, markup: { inline_keyboard } };
  }
  if (reply.request === 'contact' || reply.request === 'location') {
    const key = reply.request === 'contact' ? 'button-share-contact' : 'button-share-location';
    const button =
      reply.request === 'contact'
        ? { text: t(key), request_contact: true }
        : { text: t(key), request_location: true };
    return {
      text,
      markup: { keyboard: [[button]], resize_keyboard: true, one_time_keyboard: true },
    };
  }
  if (reply.request === 'remove') return { text, markup: { remove_keyboard: true } };
  return { text };
}

import { fail, ok, type Result } from '../shared/result.ts';
import { isPhoneNumber } from './phone.ts';
import { foldText } from './text.ts';

export type NameErrorCode =
  | 'NAME.EMPTY'
  | 'NAME.TOO_LONG'
  | 'NAME.LOOKS_LIKE_PHONE'
  | 'NAME.LOOKS_LIKE_URL'
  | 'NAME.NO_LETTERS'
  | 'NAME.INVALID_CHARACTERS';

export const NAME_MAX_LENGTH = 40;

const LABEL =
  /^(?:(?:我叫|我的名字是|我的名字叫|姓名|名字|联系人|聯繫人|聯絡人|称呼|稱呼)\s*:?\s*|(?:my name is|i am|i'm|this is)\s+|name\s*:\s*)/i;
const URL_LIKE =
  /https?:\/\/|www\.|t\.me\/|@\w{4,}|\b[\w-]+\.(?:com|net|org|cn|io|me|hk|tw|mo|info|xyz|top|app|dev)\b/i;
const NAME = /^[\p{L}\p{M}]+(?:[ .·'’-]+[\p{L}\p{M}]+)*\.?$/u;

/**
 * Validates the name the customer gives for the ticket: any script, 1–40 characters, letters with
 * single spaces, dots, middle dots (阿依古丽·买买提; `•` and `・` become `·`), apostrophes and hyphens.
 * A leading "我叫" / "姓名：" / "my name is" is dropped. Rejects phone numbers, links and @usernames, text without
 * letters (digits only, emoji only) and anything else (digits or emoji mixed in).
 */
export function parseName(text: string): Result<string, NameErrorCode> {
  const value = foldText(text.normalize('NFC'))
    .replace(LABEL, '')
    .replace(/[•・‧∙⋅]/g, '·')
    .replace(/[。，,！!？?]+$/, '')
    .trim();
  if (value.length === 0) return fail('NAME.EMPTY');
  if (/\d/.test(value) && isPhoneNumber(value)) return fail('NAME.LOOKS_LIKE_PHONE');
  if (URL_LIKE.test(value)) return fail('NAME.LOOKS_LIKE_URL');
  if (!/\p{L}/u.test(value)) return fail('NAME.NO_LETTERS');
  if (Array.from(value).length > NAME_MAX_LENGTH) return fail('NAME.TOO_LONG');
  if (!NAME.test(value)) return fail('NAME.INVALID_CHARACTERS');
  return ok(value);
}

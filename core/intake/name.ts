import { fail, ok, type Result } from '../shared/result.ts';
import { isPhoneNumber } from './phone.ts';
import { foldText } from './text.ts';

export type NameErrorCode =
  | 'NAME.EMPTY'
  | 'NAME.TOO_LONG'
  | 'NAME.LOOKS_LIKE_PHONE'
  | 'NAME.LOOKS_LIKE_URL'
  | 'NAME.NO_LETTERS'
  | 'NAME.INVALID_CHARACTERS'
  | 'NAME.NOT_A_NAME';

export const NAME_MAX_LENGTH = 40;

/**
 * Lead-ins that say a name follows, whatever it looks like: 我叫, 我是, Cantonese 我系/我係, 本人,
 * 姓名：, 我姓 / 免贵姓 (a surname alone is a name here), "my name is", "name:".
 */
const LABEL =
  /^(?:(?:我叫|我的名字是|我的名字叫|我是|我系|我係|本人是|本人|姓名|名字|联系人|聯繫人|聯絡人|收件人|称呼|稱呼|(?:我|免贵|免貴)?姓(?!名))\s*:?\s*|(?:my name is|my name's)(?:\s+|$)|name\s*:\s*)/i;
/**
 * Lead-ins that also start ordinary sentences ("I am fine", "this is urgent"): dropped only when a
 * name follows.
 */
const SENTENCE_LEAD = /^(?:i am|i'm|i’m|this is|it's|it’s)(?:\s+|$)/i;
/** Not a name after "I am": a small Latin letter ("fine", "busy"); 陈, 김, John and Иван are. */
const LOWER_LATIN_START = /^(?=\p{Script=Latin})\p{Ll}/u;
const URL_LIKE =
  /https?:\/\/|www\.|t\.me\/|@\w{4,}|\b[\w-]+\.(?:com|net|org|cn|io|me|hk|tw|mo|info|xyz|top|app|dev)\b/i;
const NAME = /^[\p{L}\p{M}]+(?:[ .·'’-]+[\p{L}\p{M}]+)*\.?$/u;
/**
 * Words that answer something else, never a name: a refusal, a button's words, the conversation's
 * own replies ("skip", "still not working", "跳过检查", "不知道", "谢谢").
 */
const NOT_NAMES = new Set(
  [
    'skip',
    'skip it',
    'skip the checks',
    'no',
    'nope',
    'none',
    'n/a',
    'na',
    'pass',
    'later',
    'next',
    'yes',
    'ok',
    'okay',
    'thanks',
    'thank you',
    'hello',
    'hi',
    'help',
    'cancel',
    'stop',
    'fixed',
    'not fixed',
    'still not working',
    'not working',
    'unknown',
    'anonymous',
    "don't know",
    'dont know',
    'no name',
    'why',
    'what',
    '跳过',
    '跳過',
    '跳过检查',
    '跳過檢查',
    '不要',
    '不用',
    '唔使',
    '不知道',
    '唔知',
    '不告诉你',
    '不告訴你',
    '保密',
    '匿名',
    '没有',
    '沒有',
    '冇',
    '好的',
    '好',
    '是',
    '是的',
    '谢谢',
    '謝謝',
    '多谢',
    '多謝',
    '唔該',
    '你好',
    '您好',
    '还是不行',
    '還是不行',
    '不行',
    '好了',
    '算了',
    '取消',
    '人工',
    '转人工',
    '轉人工',
    '为什么',
    '為什麼',
  ].map((word) => word.toLowerCase()),
);

/**
 * A question or a sentence, not a name: it ends in a question mark or a Chinese question particle
 * ("保修期过了吗", "點算呢"), or two or more of its Latin words are English function words ("is it
 * still under warranty", "when will the engineer come"; only lower-case words count, and not
 * syllables that are also names: an, do, to, in, on), or it is a run of Chinese characters longer
 * than a name that reads as a sentence ("我想問下保養期幾耐"). Names keep
 * their particles: "Van der Berg", "De la Cruz", "Will Smith", "mary and john".
 */
const HAN_NAME_MAX = 6;
const HAN_TITLE = /(?:先生|小姐|女士|太太|老师|老師|师傅|師傅|様|さん)\s*$/u;
/** Characters of a Chinese sentence that a name is unlikely to hold two of. */
const SENTENCE_HAN = new Set(
  Array.from('我你想问問下的了吗嗎呢么麼怎几幾时時候请請要能可以知道什为為点點'),
);
const QUESTION_END = /(?:[?？]|[吗嗎呢咩么麼][。.!！]*)\s*$/u;
const FUNCTION_WORDS = new Set([
  'is',
  'are',
  'was',
  'were',
  'it',
  'its',
  'my',
  'the',
  'not',
  'still',
  'under',
  'and',
  'with',
  'can',
  'could',
  'what',
  'how',
  'does',
  'did',
  'why',
  'when',
  'where',
  'will',
  'would',
  'should',
  'of',
  'for',
  'this',
  'that',
  'you',
  'your',
  'we',
  'there',
  'have',
  'has',
  'been',
  'about',
  'please',
  'if',
  'but',
]);
function isQuestionOrSentence(text: string): boolean {
  if (QUESTION_END.test(text)) return true;
  // A Chinese name is two to four characters, six with a title; a longer run of characters is a
  // sentence only when it reads as one (我, 想, 吗, 什么…): 阿依古丽买买提 and 爱新觉罗启星女士 are names.
  const han = text.replace(HAN_TITLE, '').match(/\p{Script=Han}/gu) ?? [];
  if (han.length > HAN_NAME_MAX && new Set(han.filter((c) => SENTENCE_HAN.has(c))).size >= 2)
    return true;
  // Only lower-case words count: a capital "Will", "Do" or "In" may be a name.
  const words = text.match(/\p{Script=Latin}+/gu) ?? [];
  return words.filter((word) => FUNCTION_WORDS.has(word)).length >= 2;
}

/**
 * Validates the name the customer gives for the ticket: any script, 1–40 characters, letters with
 * single spaces, dots, middle dots (阿依古丽·买买提; `•` and `・` become `·`), apostrophes and hyphens.
 * A leading "我叫" / "我是" / "我系" / "姓名：" / "my name is" is dropped; "我姓陈" gives the surname
 * "陈". "I am" / "I'm" / "this is" are dropped only before something that looks like a name (a
 * capital letter or a script without case): "I'm John" is "John", "i am fine" is
 * `NAME.NOT_A_NAME`, as are words that answer something else ("skip", "still not working", "跳过检查",
 * "不知道", "谢谢"). Rejects phone numbers, links and @usernames, text without letters (digits
 * only, emoji only) and anything else (digits or emoji mixed in).
 */
export function parseName(text: string): Result<string, NameErrorCode> {
  let value = foldText(text.normalize('NFC'));
  const sentence = SENTENCE_LEAD.exec(value);
  if (sentence) {
    const rest = value.slice(sentence[0].length);
    if (LOWER_LATIN_START.test(rest)) return fail('NAME.NOT_A_NAME');
    value = rest;
  }
  value = value.replace(LABEL, '').replace(/[•・‧∙⋅]/g, '·');
  if (isQuestionOrSentence(value)) return fail('NAME.NOT_A_NAME');
  value = value.replace(/[。，,！!？?]+$/, '').trim();
  if (value.length === 0) return fail('NAME.EMPTY');
  if (NOT_NAMES.has(value.toLowerCase().replace(/[.!！。]+$/, ''))) return fail('NAME.NOT_A_NAME');
  if (/\d/.test(value) && isPhoneNumber(value)) return fail('NAME.LOOKS_LIKE_PHONE');
  if (URL_LIKE.test(value)) return fail('NAME.LOOKS_LIKE_URL');
  if (!/\p{L}/u.test(value)) return fail('NAME.NO_LETTERS');
  if (Array.from(value).length > NAME_MAX_LENGTH) return fail('NAME.TOO_LONG');
  if (!NAME.test(value)) return fail('NAME.INVALID_CHARACTERS');
  return ok(value);
}

import { phraseClasses, toPhraseText } from './phrases.ts';

/**
 * `greeting`: hello, are you there; `thanks`: thanks, OK, goodbye. Neither is a report: the bot
 * answers with a prompt for the problem instead of triaging it.
 */
export type SmallTalk = 'greeting' | 'thanks';

const GREETINGS = [
  'hi',
  'hii',
  'hiya',
  'hello',
  'helo',
  'hallo',
  'hey',
  'heya',
  'yo',
  'good morning',
  'good afternoon',
  'good evening',
  'good day',
  'morning',
  'greetings',
  'anyone there',
  'anybody there',
  'is anyone there',
  'is anybody there',
  'are you there',
  'is this working',
  'hello there',
  'hi there',
  'excuse me',
  'sir',
  'madam',
  'bot',
  'customer service',
  '你好',
  '您好',
  '妳好',
  '你们好',
  '你們好',
  '大家好',
  '哈囉',
  '哈啰',
  '哈喽',
  '哈嘍',
  '哈罗',
  '哈羅',
  '嗨',
  '喂',
  '喂喂',
  '在吗',
  '在嗎',
  '在不在',
  '在么',
  '在麼',
  '在嘛',
  '有人吗',
  '有人嗎',
  '有冇人',
  '有人在吗',
  '有人在嗎',
  '早',
  '早上好',
  '早安',
  '午安',
  '晚上好',
  '晚安',
  '早晨',
  '客服',
  '请问',
  '請問',
  '你好客服',
  '唔該',
  '唔该',
];

const THANKS = [
  'thanks',
  'thank you',
  'thankyou',
  'thx',
  'ty',
  'cheers',
  'ok',
  'okay',
  'k',
  'kk',
  'fine',
  'great',
  'cool',
  'got it',
  'noted',
  'bye',
  'goodbye',
  'see you',
  'alright',
  'all right',
  '谢谢',
  '謝謝',
  '谢了',
  '謝了',
  '多谢',
  '多謝',
  '感谢',
  '感謝',
  '唔該晒',
  '唔该晒',
  '好的',
  '好',
  '好嘅',
  '知道了',
  '收到',
  '明白',
  '明白了',
  '嗯',
  '嗯嗯',
  '哦',
  '噢',
  '行',
  '拜拜',
  '再见',
  '再見',
];

/** Words that soften a greeting or thanks and say nothing more ("hi there", "thanks a lot"). */
const FILLERS = [
  'there',
  'so',
  'much',
  'very',
  'a lot',
  'again',
  'all',
  'guys',
  'team',
  'friend',
  'please',
  'pls',
  'you',
  'mate',
  'dear',
  '啊',
  '呀',
  '吖',
  '哦',
  '喔',
  '啦',
  '嘛',
  '呢',
  '哈',
  '哈哈',
  '了',
  '的',
  '哇',
  '咯',
  '喇',
  '先生',
  '小姐',
  '你',
  '您',
  '晒',
  '老板',
  '老闆',
];

const read = phraseClasses({ greeting: GREETINGS, thanks: THANKS, filler: FILLERS });

/** Emoji that approve or thank ("👍", "🙏", "❤️"): the customer closing, as "thanks" would. */
const APPROVING =
  /[\u{1F44D}\u{1F44C}\u{1F64F}\u{2764}\u{1F496}\u{1F60A}\u{1F642}\u{1F600}\u{1F601}\u{1F603}\u{1F604}\u{263A}\u{2705}\u{1F197}\u{1F44F}\u{1F91D}]/u;
/** Emoji that may be a report of danger ("🔥", "💥", "⚡", "💨"): left to triage and the hazard net. */
const ALARMING =
  /[\u{1F525}\u{1F4A5}\u{26A1}\u{1F4A8}\u{1F32B}\u{2620}\u{26A0}\u{1F6A8}\u{1F9EF}\u{1F4A7}\u{1F4A6}]/u;

/**
 * A message with no letter, digit or Chinese character in it (emoji, stickers' text, "???"):
 * "thanks" for an approving one, else a greeting (the prompt for the problem follows); `null` for
 * a message with words, or an alarming emoji, which triage reads.
 */
function readWordless(text: string): SmallTalk | undefined | null {
  if (/[\p{L}\p{N}]/u.test(text) || ALARMING.test(text)) return null;
  if (text.trim() === '') return undefined;
  return APPROVING.test(text) ? 'thanks' : 'greeting';
}

/**
 * Whether a message is only a greeting ("hi", "你好", "喂", "在吗", "哈囉", "hello there") or only
 * thanks and small talk ("thanks", "謝謝", "ok", "好的", "👍"): nothing about a product or a problem.
 * A message of emoji or punctuation only ("😡😡😡", "???") is read as a greeting (the customer is
 * asked what is wrong), not triaged. A greeting with a report in it ("hi, my fridge is warm") is
 * a report.
 */
export function readSmallTalk(text: string): SmallTalk | undefined {
  const wordless = readWordless(text);
  if (wordless !== null) return wordless;
  const classes = read(toPhraseText(text));
  // Thanks wins over a greeting in the same words ("hi, thanks"): the customer is closing.
  if (classes?.has('thanks')) return 'thanks';
  if (classes?.has('greeting')) return 'greeting';
  return undefined;
}

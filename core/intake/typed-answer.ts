import { isShortReply, phraseClasses, phraseList, toPhraseText } from './phrases.ts';

/**
 * Answers typed where the bot offered buttons, in English, Simplified and Traditional Chinese and
 * Cantonese: yes / no, fixed / still not working, and "I don't have it / I don't know / skip".
 */

const YES = [
  'yes',
  'y',
  'yeah',
  'yep',
  'yup',
  'sure',
  'ok',
  'okay',
  'correct',
  'right',
  'confirm',
  'do it',
  'go ahead',
  '是',
  '是的',
  '是啊',
  '对',
  '對',
  '对的',
  '對的',
  '好',
  '好的',
  '确定',
  '確定',
  '确认',
  '確認',
  '可以',
  '要',
  '係',
  '系',
  '係呀',
  '啱',
  '冇錯',
  '没错',
  '沒錯',
  '嗯',
];

const NO = [
  'no',
  'n',
  'nope',
  'nah',
  'not now',
  'never mind',
  'dont',
  "don't",
  'do not',
  'keep it',
  '不',
  '不是',
  '不要',
  '不用',
  '否',
  '算了',
  '先不',
  '不了',
  '唔',
  '唔係',
  '唔系',
  '唔要',
  '唔使',
  '唔好',
  '不確定',
  '不确定',
];

/** Politeness around a short answer ("yes please", "好的，谢谢"). */
const FILLERS = [
  'please',
  'pls',
  'thanks',
  'thank you',
  'i',
  'it',
  'that',
  'the',
  'a',
  'is',
  'am',
  'do',
  'you',
  '啊',
  '呀',
  '吧',
  '啦',
  '了',
  '的',
  '呢',
  '喔',
  '哦',
  '嘅',
  '咗',
  '谢谢',
  '謝謝',
  '唔該',
  '唔该',
];

const readYesNoClasses = phraseClasses({ yes: YES, no: NO, filler: FILLERS });

/** "yes" / "好的" / "係" or "no" / "不要" / "唔使", alone or with politeness around it. */
export function readYesNo(text: string): 'yes' | 'no' | undefined {
  const classes = readYesNoClasses(toPhraseText(text));
  if (!classes || (classes.has('yes') && classes.has('no'))) return undefined;
  if (classes.has('yes')) return 'yes';
  return classes.has('no') ? 'no' : undefined;
}

/** "no, keep the TV", "不用改", "唔使改": the change is refused (read before the agreeing words). */
const KEEP_AS_IS =
  /^\s*(?:no\b|nope|nah|don'?t|do not|keep|leave)|不改|不用改|不要改|别改|別改|唔使改|唔改|唔好改|保留|不用了|不要|唔使|唔要/iu;
/** "change it", "改吧", "对，改成电脑", "係呀改啦": the change is wanted. */
const MAKE_CHANGE =
  /^\s*(?:yes|yeah|yep|ok(?:ay)?|sure|please|change|switch|correct|right)\b|改吧|要改|改成|修改|改啦|改咗|换吧|換吧|^\s*(?:对|對|是|係|好)/iu;

/**
 * The answer to "should I change … to …?": the yes/no words, and the verb said back ("改吧",
 * "change it", "不用改", "keep it"), as Chinese speakers usually answer.
 */
export function readChangeAnswer(text: string): 'yes' | 'no' | undefined {
  const plain = readYesNo(text);
  if (plain) return plain;
  if (!isShortReply(text)) return undefined;
  if (KEEP_AS_IS.test(text)) return 'no';
  return MAKE_CHANGE.test(text) ? 'yes' : undefined;
}

/** Phrases that carry a negation but say all is well: read as "fine" before the negations. */
const FINE_DESPITE_NEGATION = phraseList([
  'no problem',
  'no problems',
  'no issue',
  'no issues',
  'not bad',
  'no complaints',
  'not broken',
  '没问题',
  '沒問題',
  '冇問題',
  '冇问题',
  '无问题',
  '無問題',
  '没事',
  '沒事',
  '冇事',
  '不错',
  '不錯',
  '唔錯',
  '唔错',
  '没坏',
  '沒壞',
]);

const NOT_FIXED = phraseList([
  'not fixed',
  'not working',
  'not work',
  'still not',
  'still broken',
  'still the same',
  'same problem',
  'same as before',
  'same issue',
  "doesn't work",
  'doesnt work',
  'does not work',
  "didn't work",
  'didnt work',
  'did not work',
  "didn't help",
  'didnt help',
  'did not help',
  "won't",
  'wont',
  "isn't",
  'isnt',
  'no luck',
  'no change',
  'no difference',
  'not yet',
  'broken',
  'broke',
  'stopped again',
  'failed',
  'fail',
  '不行',
  '还是不',
  '還是不',
  '仍然',
  '依然',
  '仲係唔',
  '仲系唔',
  '仲唔',
  '唔得',
  '唔work',
  '唔掂',
  '没好',
  '沒好',
  '冇好',
  '未好',
  '没有好',
  '沒有好',
  '还是坏',
  '還是壞',
  '坏',
  '壞',
  '没用',
  '沒用',
  '冇用',
  '不管用',
  '无效',
  '無效',
  '一样',
  '一樣',
  '老样子',
  '老樣子',
  '没解决',
  '沒解決',
  '未解决',
  '未解決',
  '不能用',
  '用不了',
  '不可以',
  '唔可以',
  '没反应',
  '沒反應',
  '冇反應',
  '失败',
  '失敗',
  '不好',
  '唔好',
]);

const FIXED = phraseList([
  'fixed',
  'works',
  'working',
  'work now',
  'worked',
  'all good',
  'good now',
  'fine',
  'solved',
  'resolved',
  'sorted',
  'perfect',
  'back to normal',
  'normal',
  'that did it',
  'that helped',
  'helped',
  '好了',
  '好咗',
  '修好',
  '搞定',
  '搞掂',
  '得咗',
  '得了',
  '得啦',
  '可以了',
  '行了',
  '正常',
  '解决了',
  '解決了',
  '能用了',
  '可以用',
  '恢复',
  '恢復',
  '成功',
  'ok了',
  '好晒',
  '冇問題',
]);

/**
 * Words that come back at the check-back ("it's freezing again", "又结冰了", "返晒嚟"): the problem
 * is back. Read after the outcome phrases, so "works again" stays fixed.
 */
const AGAIN = phraseList([
  'again',
  'came back',
  'come back',
  'comes back',
  'is back',
  "it's back",
  'its back',
  'back to',
  'started up again',
  'happening again',
  'happened again',
  'returned',
  '又',
  '再次',
  '再度',
  '复发',
  '復發',
  '返晒',
  '又嚟',
  '又来',
  '又來',
]);

/**
 * "skip the checks", "跳過檢查", "唔使檢查": at a quick check, the "skip the checks" button in words
 * (design.md: words work where buttons are offered). Asking for the engineer says it too
 * ({@link ENGINEER_REQUEST}).
 */
const SKIP_CHECKS = phraseList([
  'skip',
  'skip it',
  'skip checks',
  'skip the checks',
  'skip this',
  'no checks',
  'no more checks',
  '跳过',
  '跳過',
  '略过',
  '略過',
  '不用检查',
  '不用檢查',
  '不想检查',
  '不想檢查',
  '唔使检查',
  '唔使檢查',
  '唔想檢查',
]);

/**
 * "I want a technician", "can someone come out", "just send an engineer", "我要师傅上门", "搵師傅",
 * "报修": the customer asks for the engineer's visit. At a quick check it is the skip button; during
 * guidance it opens the ticket (the seed: "若用户不接受咨询，服务工程师应上门").
 */
const ENGINEER_REQUEST = phraseList([
  'send an engineer',
  'send engineer',
  'send a technician',
  'send technician',
  'send someone',
  'send somebody',
  'send a repairman',
  'send a repair man',
  'just send',
  'engineer please',
  'technician please',
  'repairman please',
  'book an engineer',
  'book a technician',
  'book a repair',
  'want an engineer',
  'want a technician',
  'want a repairman',
  'want a repair man',
  'want someone to come',
  'want somebody to come',
  'need an engineer',
  'need a technician',
  'need a repairman',
  'need a repair man',
  'need someone to come',
  'need somebody to come',
  'get an engineer',
  'get a technician',
  'get a repairman',
  'get someone out',
  'get someone to come',
  'can someone come',
  'can somebody come',
  'could someone come',
  'could somebody come',
  'can you send',
  'someone come out',
  'come and fix',
  'come and repair',
  'come out and fix',
  'come out and repair',
  'have it repaired',
  'have it fixed',
  'get it repaired',
  'request a repair',
  'request repair',
  '派工程师',
  '派工程師',
  '派师傅',
  '派師傅',
  '派人',
  '直接派',
  '叫师傅',
  '叫師傅',
  '请师傅',
  '請師傅',
  '要师傅',
  '要師傅',
  '找师傅',
  '找師傅',
  '揾师傅',
  '搵師傅',
  '搵师傅',
  '找人来修',
  '找人來修',
  '搵人嚟整',
  '搵人整',
  '叫人嚟整',
  '要工程师',
  '要工程師',
  '找工程师',
  '找工程師',
  '搵工程師',
  '我要维修',
  '我要維修',
  '要人上门',
  '要人上門',
  '报修',
  '報修',
  '上门',
  '上門',
  '到府',
]);

/** "don't need a technician", "不用派人", "唔使搵師傅": the request for the engineer is declined. */
const NO_ENGINEER = phraseList([
  "don't need",
  'dont need',
  'do not need',
  "don't want",
  'dont want',
  'do not want',
  "don't send",
  'dont send',
  'do not send',
  'no need',
  'not yet',
  '不用派',
  '不要派',
  '别派',
  '別派',
  '不用师傅',
  '不用師傅',
  '不要师傅',
  '不要師傅',
  '不用找',
  '不用上门',
  '不用上門',
  '不用维修',
  '不用維修',
  '不用报修',
  '不用報修',
  '不需要',
  '唔使派',
  '唔使搵',
  '唔使上門',
  '唔使師傅',
  '唔需要',
  '唔要師傅',
]);

/** Whether a short reply asks for the engineer ("I want a technician", "我要师傅上门", "搵師傅"). */
export function readEngineerRequest(text: string): boolean {
  return isShortReply(text) && asksForEngineer(toPhraseText(text));
}

/** Whether a short reply at a quick check asks to skip the checks (or asks for the engineer). */
export function readSkipChecks(text: string): boolean {
  if (!isShortReply(text)) return false;
  const folded = toPhraseText(text);
  return SKIP_CHECKS.within(folded) || asksForEngineer(folded);
}

/** {@link readEngineerRequest} on text already folded by `toPhraseText`. */
const asksForEngineer = (folded: string) =>
  ENGINEER_REQUEST.within(folded) && !NO_ENGINEER.within(folded);

const YES_WORDS = phraseList(['yes', 'yeah', 'yep', 'yup', '是', '是的', '係', '对', '對']);
const NO_WORDS = phraseList(['no', 'nope', 'nah', '不是', '唔係', '没有', '沒有', '冇']);

/**
 * "fixed", "works now", "好了", "得咗" or "still not working", "还是不行", "仲係唔得", in a short
 * reply: the answer to a guided step, a quick check or the check-back. Negations win ("not fixed"
 * is not "fixed"), apart from phrases that say all is well ("no problem", "没问题"). With
 * `yesMeansFixed` (the check-back asks "is it still working?") a bare yes / no counts too; with
 * `problemBack` (the check-back) "again", "又", "it's back" say it is not fixed.
 */
export function readOutcome(
  text: string,
  options: { yesMeansFixed?: boolean; problemBack?: boolean } = {},
): 'fixed' | 'not_fixed' | undefined {
  if (!isShortReply(text)) return undefined;
  const whole = toPhraseText(text);
  const folded = FINE_DESPITE_NEGATION.without(whole);
  const fine = folded !== whole;
  if (NOT_FIXED.within(folded)) return 'not_fixed';
  if (FIXED.within(folded) || fine) return 'fixed';
  if (options.problemBack && AGAIN.within(folded)) return 'not_fixed';
  if (options.yesMeansFixed) {
    if (NO_WORDS.within(folded)) return 'not_fixed';
    if (YES_WORDS.within(folded)) return 'fixed';
  }
  return undefined;
}

const DECLINE = [
  'no',
  'none',
  'nope',
  'nah',
  'n a',
  'na',
  'skip',
  'skip it',
  'pass',
  'next',
  'not sure',
  'unsure',
  'no idea',
  'dunno',
  'idk',
  "don't know",
  'dont know',
  'do not know',
  "don't have",
  'dont have',
  'do not have',
  "haven't got",
  'havent got',
  'not have',
  "can't find",
  'cant find',
  'cannot find',
  'can not find',
  "couldn't find",
  'couldnt find',
  "can't see",
  'cant see',
  "can't reach",
  'cant reach',
  'cannot reach',
  "can't get to",
  'no clue',
  '够不着',
  '夠不著',
  '够不到',
  '夠不到',
  '攞唔到',
  "can't read",
  'cant read',
  'lost',
  'threw away',
  'thrown away',
  "don't remember",
  'dont remember',
  'forgot',
  'forgotten',
  'no receipt',
  'no invoice',
  '没有',
  '沒有',
  '没',
  '沒',
  '冇',
  '无',
  '無',
  '跳过',
  '跳過',
  '略过',
  '略過',
  '下一步',
  '不知道',
  '唔知',
  '唔知道',
  '唔清楚',
  '不清楚',
  '不记得',
  '不記得',
  '唔記得',
  '唔记得',
  '忘了',
  '忘记了',
  '忘記了',
  '找不到',
  '搵唔到',
  '睇唔到',
  '看不到',
  '看不清',
  '看不清楚',
  '睇唔清楚',
  '睇唔清',
  '丢了',
  '丟了',
  '扔了',
  '唔見咗',
  '不见了',
  '不見了',
  '不确定',
  '不確定',
  '不用',
  '唔使',
  '算了',
];

/** What a decline names, said or not ("I don't have the receipt", "找不到铭牌", "冇單"). */
const DECLINE_NOUNS = [
  'receipt',
  'invoice',
  'bill',
  'proof',
  'nameplate',
  'label',
  'sticker',
  'model',
  'model number',
  'number',
  'serial',
  'date',
  'day',
  'one',
  'any',
  'it',
  'them',
  'the',
  'a',
  'i',
  'sorry',
  'really',
  'exactly',
  'anymore',
  'any more',
  'thanks',
  'please',
  '发票',
  '發票',
  '收据',
  '收據',
  '单',
  '單',
  '小票',
  '铭牌',
  '銘牌',
  '标签',
  '標籤',
  '型号',
  '型號',
  '日期',
  '具体',
  '具體',
  '哪天',
  '边日',
  '邊日',
  '这个',
  '這個',
  '那个',
  '那個',
  '呢個',
  '呢个',
  '我',
  '啊',
  '呀',
  '了',
  '的',
  '呢',
  '喔',
  '哦',
  '啦',
  '吖',
  '嘅',
  '咗',
  '在哪',
  '喺邊',
  // Who bought it ("no idea, my husband bought it", "老公买的，不知道").
  'husband',
  'wife',
  'partner',
  'son',
  'daughter',
  'parents',
  'he',
  'she',
  'bought',
  'bought it',
  'got it',
  'so',
  'but',
  '老公',
  '老婆',
  '先生',
  '太太',
  '家人',
  '买的',
  '買的',
  // The words around "where it is" ("I don't know where the model is", "唔知型號喺邊度").
  'where',
  'where to',
  'is',
  'on',
  'of',
  'my',
  'to',
  'how',
  'what',
  'its',
  "it's",
  'this',
  'that',
  'find',
  'look',
  'located',
  'written',
  'anywhere',
  'either',
  'machine',
  'unit',
  'product',
  'appliance',
  '在哪里',
  '在哪裡',
  '哪里',
  '哪裡',
  '喺邊度',
  '边度',
  '邊度',
  '在',
  '机器',
  '機器',
  '上面',
  '写',
  '寫',
  '是什么',
  '是什麼',
  '係咩',
  '不好意思',
  '唔好意思',
  '谢谢',
  '謝謝',
];

const readDeclineClasses = phraseClasses({ decline: DECLINE, noun: DECLINE_NOUNS });

/**
 * "I don't have it / I don't know / skip" where an optional answer or a photo is asked: "skip",
 * "no", "none", "I don't know", "can't find the nameplate", "跳过", "没有", "冇", "不知道",
 * "找不到铭牌", "唔知".
 */
export function isDecline(text: string): boolean {
  return readDeclineClasses(toPhraseText(text))?.has('decline') ?? false;
}

/**
 * "not the same one", "not the fridge one", "不是同一个", "不是冰箱那个", "唔係嗰張": a new problem (read
 * before the agreeing words).
 */
const NOT_THAT_TICKET =
  /\bnot\s+(?:the\s+)?(?:same|that|this|about\s+(?:it|that|this|the|my))\b|\bnot\s+(?:the\s+|my\s+)?\p{L}+\s+(?:one|ticket)\b|(?:不是|唔係|唔系)\p{Script=Han}{0,4}?(?:那|这|這|嗰|呢)(?:个|個|张|張|单|單|部|台|件)|\b(?:new|another|different|separate|second|other|unrelated)\b|不是同一|不是那|不是这|不是這|不是那個|唔係同一|唔係嗰|唔係呢|新的|新问题|新問題|新嘅|另一|另外一|别的|別的|其他|其它|唔同|无关|無關|新嘢|第二个|第二個|第二张|第二張|唔關事|唔关事|不相关|不相關/iu;
/**
 * "not new", "not a new problem", "not another one", "not the other one", "不是新问题", "唔係新問題",
 * "不是另一个", "唔係唔關事": the "new" words denied, i.e. about the waiting ticket (a plain "no" is
 * still "new").
 */
const NOT_NEW =
  /\b(?:not|isn'?t|is\s+not|nothing)\s+(?:(?:a|an|the|really|quite|some)\s+)?(?:new|another|different|separate|second|other|unrelated)\b|(?:不是|并不是|並不是|不算|唔係|唔系|唔算|並唔係|并唔系)(?:一个|一個|一|个|個|啲)?(?:新|另|别的|別的|其他|其它|第二|唔同|不同|无关|無關|唔關事|唔关事|不相关|不相關)|(?:没有|沒有|冇|无|無)(?:什么|什麼|咩)?(?:不同|唔同|分别|分別|新)/giu;
/**
 * "the same one", "yes it's about that", "the fridge one", "my fridge ticket", "同一个", "就是那张单",
 * "係嗰個": the waiting ticket.
 */
const THAT_TICKET =
  /\b(?:same|(?:that|this|the|my)\s+(?:\p{L}+\s+)?(?:one|ticket)|existing|old\s+one|about\s+(?:it|that|this))\b|\bfl-?\d|同一|一样|一樣|就是那|就是这|就是這|那个|那個|那张|那張|这个单|這個單|之前的|原来的|原來的|嗰個|嗰張|呢張|一樣嘅|同一單/iu;

/**
 * The answer to "is this about your ticket FL-… or a new problem?": `same` (the yes words, "the same
 * one", "同一个", the ticket's number, the "new" words denied: "not new", "不是新问题", "唔係新問題"),
 * `new` (the no words, "a new problem", "另一个", "唔同"), or
 * `undefined` for anything else. A short reply only: a sentence is no answer to it.
 */
export function readWhichTicket(text: string): 'same' | 'new' | undefined {
  if (!isShortReply(text)) return undefined;
  // Denied "new" words are about the ticket, unless what is left still says new ("not new, not that one").
  const undenied = text.replace(NOT_NEW, ' ');
  if (undenied !== text && !NOT_THAT_TICKET.test(undenied)) return 'same';
  if (NOT_THAT_TICKET.test(text)) return 'new';
  if (THAT_TICKET.test(text)) return 'same';
  const plain = readYesNo(text);
  return plain === 'yes' ? 'same' : plain === 'no' ? 'new' : undefined;
}

import { isPhoneNumber } from './phone.ts';
import { ZH_SURNAME } from './surnames.ts';

/** Placeholders that replace personal data; stable, so prompts and logs can mention them. */
export const REDACTED = {
  phone: '[phone]',
  email: '[email]',
  id: '[id]',
  name: '[name]',
  address: '[address]',
  im: '[im]',
} as const;

/** Starts only where a run of address characters starts: scanning from inside one is quadratic. */
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Resident identity card: 17 digits and a check digit or X. */
const ID_CARD = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
/** Runs that may be phone numbers; each is confirmed with the phone parser. */
const PHONE_CANDIDATES: readonly RegExp[] = [
  /(?:\+|＋)\s?\d[\d\s\-()（）]{6,20}\d/g,
  /(?<![\d\w-])(?:00|\+)?(?:86)?[\s-]?1[3-9]\d(?:[\s-]?\d){8}(?![\d\w])/g,
  /(?<![\d\w-])\(?0\d{2,3}\)?[\s-]?\d{3,4}[\s-]?\d{4}(?:\s*(?:转|轉|ext\.?|x|-)\s*\d{1,6})?(?![\d\w])/g,
  /(?<![\d\w-])09\d{2}[\s-]?\d{3}[\s-]?\d{3}(?![\d\w])/g,
  /(?<![\d\w.:/-])[2-9]\d{3}[\s-]?\d{4}(?![\d\w.:/-])/g,
  /(?<![\d\w])(?:86|852|853|886)\d{8,11}(?![\d\w])/g,
];
/** 20240314 is a date, not a Hong Kong number. */
const COMPACT_DATE = /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;
/** Words that start with a surname but are no name (我是马上要用的, 卫生间, 水温太高). */
const NOT_A_NAME =
  '马上|馬上|高温|高溫|关机|關機|关了|關了|安装|安裝|常常|温度|溫度|方便|白色|金属|金屬|周末|周[一二三四五六日天]|卫生|衛生|花生|余生|毕生|长生|長生';
/** What may follow a Chinese name: a non-Han character, or a word that starts the next phrase. */
const AFTER_ZH_NAME = String.raw`(?=[^\p{Script=Han}·]|$|的|我|你|想|要|请|請|电话|電話|手机|手機|联系|聯繫|聯絡|住在|住址|家住|家在|地址|今天|昨天|明天|前天|上午|下午|上门|上門|刚刚|剛剛|报修|報修|冰箱|空调|空調|洗衣|热水|熱水|电视|電視|微波|油烟|油煙|燃气|燃氣|号码|號碼|微信|邮箱|郵箱)`;
/** After 我叫 / 姓名：: 1–4 Han characters up to what may follow a name, else 2–3 of them. */
const ZH_NAME_AFTER_LABEL = String.raw`(?:[\p{Script=Han}·]{1,4}?(?:先生|小姐|女士|太太)?${AFTER_ZH_NAME}|[\p{Script=Han}·]{2,3})`;
/** After 我是 / 我系 / 本人, which also start sentences: a surname, then a given name or a title. */
const ZH_NAME_AFTER_SELF = String.raw`(?!${NOT_A_NAME})${ZH_SURNAME}(?:先生|小姐|女士|太太|\p{Script=Han}{1,2}?)${AFTER_ZH_NAME}`;
/** A capitalised Latin word: John, O'Neil, McDonald — not BCD, KFR or E21. */
const EN_NAME_WORD = String.raw`\p{Lu}['’]?\p{L}*\p{Ll}`;
const EN_NAME = `${EN_NAME_WORD}(?:[ -]${EN_NAME_WORD}){0,2}`;
/** Text after these lead-ins is a name: Chinese up to 4 characters, English up to 3 words. */
const NAME_LEAD_INS: readonly RegExp[] = [
  new RegExp(
    String.raw`(我叫|我的名字是|我的名字叫|我姓|免贵姓|免貴姓|姓名|联系人|聯繫人|聯絡人|收件人|收货人|收貨人|称呼|稱呼)(\s*[:：是]?\s*)(${ZH_NAME_AFTER_LABEL}|[\p{Script=Latin}'-]+(?: [\p{Script=Latin}'-]+){0,2})`,
    'gu',
  ),
  new RegExp(String.raw`(我是|我系|我係|本人是|本人)(\s*)(${ZH_NAME_AFTER_SELF})`, 'gu'),
  /(?<![[\w])(my name is|name\s*:|i am called)(\s*)((?!and\b|my\b|i\b)[\p{L}'-]+(?: (?!and\b|my\b|i\b|from\b|the\b)[\p{L}'-]+){0,2})/giu,
  // "I am fine", "this is urgent" are no names: only a capitalised word or Chinese after these.
  new RegExp(
    String.raw`(?<![\w[])([Ii] am|[Ii]['’]m|[Tt]his is|[Ii]t['’]s)(\s+)(${EN_NAME}|\p{Script=Han}{2,4}(?!\p{Script=Han}))`,
    'gu',
  ),
  // Mr Chan, Mrs. Wong, Dr Lee: the title stays.
  new RegExp(String.raw`(?<![\w[])(Mr|Mrs|Ms|Miss|Mx|Dr|Madam)(\.?\s+)(${EN_NAME})`, 'gu'),
];
/** A surname and a title without a lead-in: 陈先生, 李小姐, 黄女士, Cantonese 陈生 and 王太. */
const ZH_TITLED_NAME = new RegExp(
  `(?!${NOT_A_NAME})${ZH_SURNAME}(?:先生|小姐|女士|太太|生(?![间間活产產日命意气氣锈鏽长長成鲜鮮效物态態病])|太(?![阳陽大小多少高低热熱冷快慢长長短响響吵贵貴旧舊差重轻輕紧緊松鬆久空平极極好坏壞难難]))`,
  'gu',
);
/**
 * Messaging handles after the app's name (微信号 zhangsan_1988, wechat: xxx, QQ 12345678, LINE ID
 * foo, WhatsApp, Telegram), and bare Telegram @usernames. The app's name stays.
 */
const IM_HANDLES: readonly RegExp[] = [
  /(微信号|微信號|微信|weixin|wechat(?:\s*id)?|vx|wx|qq号|qq號|qq|line\s*id|whats\s?app|telegram|skype|kakao(?:\s*talk)?)(\s*(?:号|號|id)?\s*(?:是|为|為|:|：|is)?\s*)(?!(?:me|or|and|too|also|please)\b)[A-Za-z0-9][\w.+-]{2,}/giu,
  /(LINE)(\s*[:：]\s*)[A-Za-z0-9][\w.+-]{2,}/gu,
];
const TELEGRAM_USERNAME = /(?<![\w.@[\]])@[A-Za-z][A-Za-z0-9_]{4,31}\b/g;
/** Text after these lead-ins is an address, up to the end of the clause. */
const ADDRESS_LEAD_INS: readonly RegExp[] = [
  /(地址|住址|家住|家在|住在|我住|地點|地点)(\s*[:：是在]?\s*)([^，,。；;！!？?\n]+)/gu,
  /(?<![[\w])(address|i live at|i live in|located at)(\s*(?:is|:)?\s*)([^;!?\n]+?)(?=[;!?\n]|\.\s|\.$|$)/giu,
];
/**
 * What may follow a street number: buildings, estates and rooms (SOHO现代城5号楼, A座1203室,
 * 幸福花园3栋), each a short run without sentence words that ends in a building word. A fault
 * told straight after the address (建国路88号冰箱不制冷) ends in none, so it stays.
 */
const BUILDING_PART = String.raw`(?:\s*(?:(?![的了是不坏壞在])[\p{Script=Han}A-Za-z0-9#-]){0,10}?(?:号楼|號樓|楼|樓|栋|棟|幢|座|层|層|单元|單元|室|房|户|戶|号|號|期|苑|城|大厦|大廈|中心|广场|廣場|花园|花園|小区|小區|公寓|大楼|大樓|阁|閣|轩|軒|府|庭|湾|灣))`;
/** A Chinese street address without a lead-in: 科技园路100号3栋1201室, 建国路88号SOHO现代城5号楼. */
const ZH_STREET = new RegExp(
  String.raw`\p{Script=Han}{0,12}?(?:路|街|大道|道|巷|弄|胡同)\s*\d+\s*(?:号|號)${BUILDING_PART}*`,
  'gu',
);
/** An English street address without a lead-in: 12 Nathan Road, 221B Baker St, 5 Old Mill Lane. */
const EN_STREET =
  /(?<![\w[])\d{1,5}[A-Za-z]?,?\s+(?:\p{Lu}[\p{L}'’-]*\s+){1,4}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Drive|Boulevard|Blvd|Way|Court|Ct|Place|Terrace|Close|Crescent|Highway|Hwy|Square|Parade)\b\.?(?=\s|,|;|$)/gu;
/**
 * Hong Kong style flats and floors: Flat B, Room 1203, Block 3, 12/F. Not "Unit" or "Tower": an
 * outdoor unit's error code (Unit E1) and a tower fan are no address.
 */
const EN_UNIT =
  /(?<![\w[])(?:Flat|Rm|Room|Apt|Apartment|Suite|Block|Blk)\.?\s*(?=[A-Z0-9]{0,4}\d|[A-Z]\b)[A-Z0-9]{1,4}\b|(?<![\w[])\d{1,3}\s?\/\s?F\b/gu;
/**
 * A number given as a phone number (电话 98765432, tel: 5123 4567) is redacted even when it is no
 * number the phone plan has: the customer said what it is.
 */
const PHONE_AFTER_LEAD_IN =
  /(电话|電話|手机|手機|手提|(?<!\p{L})(?:phone|tel|mobile|cell|call me(?: at| on)?|whatsapp|text me(?: at| on)?))(\s*(?:号码|號碼|number|no\.?|is|是|:|：)?\s*)(?:\+|＋)?\d[\d\s-]{5,18}\d/giu;

/**
 * Replaces personal data with placeholders before text goes to an LLM or a log (style.md rule 5;
 * design.md "Triage": phone, address and name are redacted before any text leaves):
 *
 * - e-mail addresses → `[email]`; resident ID numbers (17 digits + digit or X) → `[id]`;
 * - messaging handles after 微信(号) / WeChat / QQ / LINE ID / WhatsApp / Telegram, and Telegram
 *   @usernames → `[im]`;
 * - phone numbers (the formats {@link isPhoneNumber} accepts) → `[phone]`;
 * - names → `[name]`: after 我叫 / 姓名 / 联系人 / 收件人 / 我姓 / "my name is"; after 我是 / 我系 /
 *   本人 when a common surname follows; a surname with 先生 / 小姐 / 女士 / 太太 / 生 / 太 (陈生,
 *   李小姐); Mr / Mrs / Ms / Dr and "this is" / "I'm" / "I am" before a capitalised name;
 * - addresses → `[address]`: after 地址 / 住在 / 家在 / address / I live at up to the end of the
 *   clause, Chinese street addresses (…路100号…, …道38號…) with the buildings and rooms after them,
 *   English ones (12 Nathan Road, 221B Baker St) and flats and floors (Flat B, Block 3, 12/F);
 * - a number after a phone word (电话, tel, call me at) → `[phone]`, valid or not.
 *
 * Not recognised: a name with no lead-in and no title ("John Smith here"), an address written
 * without a street number, a building name or a lead-in.
 *
 * Errs towards redacting: an 8-digit number starting 2–9 is taken for a Hong Kong phone. Fault
 * descriptions, model numbers (BCD-470WDPG), error codes (E21), dates, temperatures and durations
 * are kept.
 */
export function redactPersonalData(text: string): string {
  let value = text
    .replace(EMAIL, REDACTED.email)
    .replace(ID_CARD, REDACTED.id)
    .replace(
      PHONE_AFTER_LEAD_IN,
      (_, lead: string, gap: string) => `${lead}${gap}${REDACTED.phone}`,
    );
  for (const pattern of IM_HANDLES) {
    value = value.replace(pattern, (_, app: string, gap: string) => `${app}${gap}${REDACTED.im}`);
  }
  value = value.replace(TELEGRAM_USERNAME, REDACTED.im);
  for (const pattern of ADDRESS_LEAD_INS) {
    value = value.replace(
      pattern,
      (_, lead: string, gap: string) => `${lead}${gap}${REDACTED.address}`,
    );
  }
  value = value
    .replace(ZH_STREET, REDACTED.address)
    .replace(EN_STREET, REDACTED.address)
    .replace(EN_UNIT, REDACTED.address);
  for (const pattern of NAME_LEAD_INS) {
    value = value.replace(
      pattern,
      (_, lead: string, gap: string) => `${lead}${gap}${REDACTED.name}`,
    );
  }
  value = value.replace(ZH_TITLED_NAME, REDACTED.name);
  for (const pattern of PHONE_CANDIDATES) {
    value = value.replace(pattern, (candidate) => {
      const trimmed = candidate.trim();
      if (COMPACT_DATE.test(trimmed) || !isPhoneNumber(trimmed)) return candidate;
      const lead = candidate.slice(0, candidate.indexOf(trimmed));
      return `${lead}${REDACTED.phone}`;
    });
  }
  return value;
}

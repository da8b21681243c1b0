import { isPhoneNumber } from './phone.ts';

/** Placeholders that replace personal data; stable, so prompts and logs can mention them. */
export const REDACTED = {
  phone: '[phone]',
  email: '[email]',
  id: '[id]',
  name: '[name]',
  address: '[address]',
} as const;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
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
/** Text after these lead-ins is a name: Chinese up to 4 characters, English up to 3 words. */
const NAME_LEAD_INS: readonly RegExp[] = [
  /(我叫|我的名字是|我的名字叫|我姓|姓名|联系人|聯繫人|聯絡人|称呼|稱呼)(\s*[:：是]?\s*)([\p{Script=Han}·]{1,4}(?:先生|小姐|女士|太太)?|[\p{Script=Latin}'-]+(?: [\p{Script=Latin}'-]+){0,2})/gu,
  /(?<![[\w])(my name is|name\s*:|i am called)(\s*)((?!and\b|my\b|i\b)[\p{L}'-]+(?: (?!and\b|my\b|i\b|from\b|the\b)[\p{L}'-]+){0,2})/giu,
];
/** Text after these lead-ins is an address, up to the end of the clause. */
const ADDRESS_LEAD_INS: readonly RegExp[] = [
  /(地址|住址|家住|住在|我住|地點|地点)(\s*[:：是在]?\s*)([^，,。；;！!？?\n]+)/gu,
  /(?<![[\w])(address|i live at|i live in|located at)(\s*(?:is|:)?\s*)([^;!?\n]+?)(?=[;!?\n]|\.\s|\.$|$)/giu,
];
/** A Chinese street address without a lead-in: 科技园路100号3栋1201室. */
const ZH_STREET =
  /[\p{Script=Han}]{0,12}?(?:路|街|大道|巷|弄|胡同)\s*\d+\s*(?:号|號)(?:\s*\d+\s*(?:栋|棟|幢|座|楼|樓|层|層|单元|單元|室|房))*/gu;

/**
 * Replaces personal data with placeholders before text goes to an LLM or a log (style.md rule 5;
 * design.md "Triage": phone, address and name are redacted before any text leaves): e-mail
 * addresses → `[email]`, resident ID numbers (17 digits + digit or X) → `[id]`, phone numbers (the
 * formats {@link isPhoneNumber} accepts) → `[phone]`, the text after 我叫 / 姓名 / my name is →
 * `[name]`, after 地址 / 住在 / address / I live at up to the end of the clause, and Chinese street
 * addresses (…路100号…) → `[address]`. Errs towards redacting: an 8-digit number starting 2–9 is
 * taken for a Hong Kong phone. Fault descriptions, model numbers and error codes are kept.
 */
export function redactPersonalData(text: string): string {
  let value = text.replace(EMAIL, REDACTED.email).replace(ID_CARD, REDACTED.id);
  for (const pattern of ADDRESS_LEAD_INS) {
    value = value.replace(
      pattern,
      (_, lead: string, gap: string) => `${lead}${gap}${REDACTED.address}`,
    );
  }
  value = value.replace(ZH_STREET, REDACTED.address);
  for (const pattern of NAME_LEAD_INS) {
    value = value.replace(
      pattern,
      (_, lead: string, gap: string) => `${lead}${gap}${REDACTED.name}`,
    );
  }
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

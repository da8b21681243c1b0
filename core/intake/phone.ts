import { parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/min';
import { fail, ok, type Result } from '../shared/result.ts';
import { foldText } from './text.ts';

export type PhoneRegion = 'CN' | 'HK' | 'MO' | 'TW' | 'INTL';
export type PhoneKind = 'mobile' | 'landline' | 'unknown';

/**
 * A validated phone number: E.164 for storage and dialling, `display` for people. Every number is
 * checked against libphonenumber's metadata (the `min` set: country codes, lengths and number
 * ranges; ~80 kB), so `+999 1234 5678` or a number from an unassigned range is refused anywhere.
 */
export type PhoneNumber = {
  /** `+8613812345678`; the extension is not part of it. */
  e164: string;
  /** `+86 138 1234 5678`, `+86 755 8888 8888 ext. 123`. */
  display: string;
  region: PhoneRegion;
  kind: PhoneKind;
  extension?: string;
};

export type PhoneErrorCode =
  | 'PHONE.EMPTY'
  | 'PHONE.INVALID_CHARACTERS'
  | 'PHONE.TOO_SHORT'
  | 'PHONE.TOO_LONG'
  | 'PHONE.REPEATED_DIGITS'
  | 'PHONE.INVALID';

export type PhoneOptions = {
  /**
   * The text is a Telegram shared contact's `phone_number`: always international, with or without
   * the leading `+` (`8613812345678`, `12125550123`).
   */
  fromContact?: boolean;
};

type PhoneResult = Result<PhoneNumber, PhoneErrorCode>;
type Parsed = Result<Omit<PhoneNumber, 'extension'>, PhoneErrorCode>;

const LABEL =
  /^(?:(?:联系|聯繫|聯絡|联络)?(?:电话|電話|手机|手機)(?:号码|號碼|号|號)?|联系方式|聯絡方式|tel|phone|mobile|mob|cell)(?:\s*(?:no\.?|number))?\s*[:.]?\s*/i;
const EXPLICIT_EXTENSION = /^(.*\d)\s*(?:转|轉|分机|分機|ext\.?|extension|x|#)\s*(\d{1,6})$/i;
const DASH_EXTENSION = /^(.*\d)\s*-\s*(\d{1,6})$/;
const ALLOWED = /^\+?[\d\s\-()./]*$/;

/**
 * Parses a phone number a customer typed or shared, and normalises it to E.164.
 *
 * Accepted: mainland mobiles (`1[3-9]` + 9 digits) and landlines with area code (`010-12345678`,
 * `(0755) 8888 8888`, with an extension after 转/ext/x/#/a dash); Hong Kong (8 digits starting
 * 2–9), Macau (`+853`, 8 digits starting 2, 6 or 8), Taiwan (`09xxxxxxxx`, `+886 9xx xxx xxx`
 * and landlines after `+886`); any other `+` / `00` number that libphonenumber finds valid for
 * its country (E.164; displayed in the international format). Prefixes `+86`,
 * `0086` and a bare `86` (as Telegram contacts send it) are understood; full-width digits, spaces,
 * dashes, dots and parentheses are ignored. A bare 8-digit number is read as Hong Kong: a mainland
 * landline needs its area code.
 */
export function parsePhone(text: string, options: PhoneOptions = {}): PhoneResult {
  const folded = foldText(text)
    .replace(LABEL, '')
    .replace(/[。，,;；!！?？.]+$/, '');
  if (folded.length === 0) return fail('PHONE.EMPTY');

  // "(+86) 138…": the country code in parentheses.
  const unwrapped = folded.replace(/^\(\s*(?=\+)/, '');
  const explicit = EXPLICIT_EXTENSION.exec(unwrapped);
  const body = explicit ? (explicit[1] as string) : unwrapped;
  const extension = explicit?.[2];
  if (!ALLOWED.test(body)) return fail('PHONE.INVALID_CHARACTERS');

  const parsed = parseBody(body, options);
  if (parsed.ok) return ok(withExtension(parsed.value, extension));
  if (extension === undefined) {
    // "0755-88888888-123": a trailing dash group is an extension only if the rest is a landline.
    const dashed = DASH_EXTENSION.exec(body);
    if (dashed) {
      const head = parseBody(dashed[1] as string, options);
      if (head.ok && head.value.kind === 'landline') {
        return ok(withExtension(head.value, dashed[2]));
      }
    }
  }
  return parsed;
}

/** `true` when {@link parsePhone} accepts the text. */
export function isPhoneNumber(text: string, options: PhoneOptions = {}): boolean {
  return parsePhone(text, options).ok;
}

function withExtension(
  phone: Omit<PhoneNumber, 'extension'>,
  extension: string | undefined,
): PhoneNumber {
  if (extension === undefined) return phone;
  return { ...phone, display: `${phone.display} ext. ${extension}`, extension };
}

function parseBody(body: string, options: PhoneOptions): Parsed {
  const digits = body.replace(/\D/g, '');
  if (digits.length === 0) return fail('PHONE.TOO_SHORT');
  if (isRepeated(digits)) return fail('PHONE.REPEATED_DIGITS');
  if (body.startsWith('+') || options.fromContact) return confirmed(international(digits));
  if (digits.startsWith('00')) return confirmed(international(digits.slice(2)));
  return confirmed(domestic(digits));
}

function isRepeated(digits: string): boolean {
  return digits.length > 1 && /^(\d)\1+$/.test(digits);
}

/** 12345678, 98765432: a keyboard run, not a number anyone has. */
function isSequential(digits: string): boolean {
  if (digits.length < 7) return false;
  const step = Number(digits[1]) - Number(digits[0]);
  if (Math.abs(step) !== 1) return false;
  for (let i = 1; i < digits.length; i++) {
    if ((Number(digits[i - 1]) + step + 10) % 10 !== Number(digits[i])) return false;
  }
  return true;
}

/** A number written without `+`: a local number, or a country code followed by one. */
function domestic(digits: string): Parsed {
  const length = digits.length;
  if (digits.startsWith('1')) {
    if (length < 11) return fail('PHONE.TOO_SHORT');
    if (length > 11) return fail('PHONE.TOO_LONG');
    return cnNational(digits);
  }
  if (digits.startsWith('0')) {
    if (digits.startsWith('09') && length === 10) return twNational(digits.slice(1));
    if (length < 10) return fail('PHONE.TOO_SHORT');
    if (length > 12) return fail('PHONE.TOO_LONG');
    return cnNational(digits.slice(1));
  }
  if (/^861\d{10}$/.test(digits)) return international(digits);
  if (/^85[23]\d{8}$/.test(digits) || /^886\d{9}$/.test(digits)) return international(digits);
  if (length === 8) return hongKong(digits);
  if (length < 8) return fail('PHONE.TOO_SHORT');
  if (length > 15) return fail('PHONE.TOO_LONG');
  if (length >= 11) return international(digits);
  return fail('PHONE.INVALID');
}

/** Country code and national number, as after `+`. */
function international(digits: string): Parsed {
  if (digits.length < 8) return fail('PHONE.TOO_SHORT');
  if (digits.length > 15) return fail('PHONE.TOO_LONG');
  if (digits.startsWith('0')) return fail('PHONE.INVALID');
  if (digits.startsWith('86')) return cnNational(stripTrunk(digits.slice(2)));
  if (digits.startsWith('852')) return hongKong(digits.slice(3));
  if (digits.startsWith('853')) return macau(digits.slice(3));
  if (digits.startsWith('886')) return twNational(stripTrunk(digits.slice(3)));
  if (isSequential(digits)) return fail('PHONE.INVALID');
  const number = parsePhoneNumberFromString(`+${digits}`);
  if (!number?.isValid()) return fail(lengthError(`+${digits}`));
  return ok({
    e164: number.number,
    display: number.formatInternational(),
    region: 'INTL',
    kind: 'unknown',
  });
}

/** Why libphonenumber refuses a number: its length for the country, else the number itself. */
function lengthError(e164: string): PhoneErrorCode {
  const length = validatePhoneNumberLength(e164);
  return length === 'TOO_SHORT'
    ? 'PHONE.TOO_SHORT'
    : length === 'TOO_LONG'
      ? 'PHONE.TOO_LONG'
      : 'PHONE.INVALID';
}

/** A number our regional rules accepted, confirmed against libphonenumber's ranges. */
function confirmed(parsed: Parsed): Parsed {
  if (!parsed.ok) return parsed;
  return parsePhoneNumberFromString(parsed.value.e164)?.isValid()
    ? parsed
    : fail(lengthError(parsed.value.e164));
}

/** "+86 (0)755…", "+886 0912…": people keep the domestic trunk 0 after the country code. */
function stripTrunk(national: string): string {
  return national.startsWith('0') ? national.slice(1) : national;
}

/** A mainland number without trunk 0: a mobile, or area code (10, 2x, 3xx–9xx) + subscriber. */
function cnNational(national: string): Parsed {
  if (isRepeated(national) || isSequential(national)) {
    return fail(isRepeated(national) ? 'PHONE.REPEATED_DIGITS' : 'PHONE.INVALID');
  }
  if (national.startsWith('1') && !national.startsWith('10')) {
    if (national.length < 11) return fail('PHONE.TOO_SHORT');
    if (national.length > 11) return fail('PHONE.TOO_LONG');
    if (!/^1[3-9]/.test(national)) return fail('PHONE.INVALID');
    return ok({
      e164: `+86${national}`,
      display: `+86 ${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`,
      region: 'CN',
      kind: 'mobile',
    });
  }
  // 10 + nine digits is a mobile with a wrong second digit, not a Beijing line.
  if (national.startsWith('10') && national.length === 11) return fail('PHONE.INVALID');
  const areaLength = /^(?:10|2)/.test(national) ? 2 : 3;
  const area = national.slice(0, areaLength);
  const subscriber = national.slice(areaLength);
  if (subscriber.length < 7) return fail('PHONE.TOO_SHORT');
  if (subscriber.length > 8) return fail('PHONE.TOO_LONG');
  if (subscriber.startsWith('0')) return fail('PHONE.INVALID');
  return ok({
    e164: `+86${national}`,
    display: `+86 ${area} ${group(subscriber)}`,
    region: 'CN',
    kind: 'landline',
  });
}

function hongKong(national: string): Parsed {
  if (national.length < 8) return fail('PHONE.TOO_SHORT');
  if (national.length > 8) return fail('PHONE.TOO_LONG');
  if (!/^[2-9]/.test(national) || isRepeated(national) || isSequential(national)) {
    return fail(isRepeated(national) ? 'PHONE.REPEATED_DIGITS' : 'PHONE.INVALID');
  }
  return ok({
    e164: `+852${national}`,
    display: `+852 ${group(national)}`,
    region: 'HK',
    kind: /^[5679]/.test(national) ? 'mobile' : 'landline',
  });
}

function macau(national: string): Parsed {
  if (national.length < 8) return fail('PHONE.TOO_SHORT');
  if (national.length > 8) return fail('PHONE.TOO_LONG');
  if (!/^[268]/.test(national) || isRepeated(national)) {
    return fail(isRepeated(national) ? 'PHONE.REPEATED_DIGITS' : 'PHONE.INVALID');
  }
  return ok({
    e164: `+853${national}`,
    display: `+853 ${group(national)}`,
    region: 'MO',
    kind: national.startsWith('6') ? 'mobile' : 'landline',
  });
}

/** Taiwan without trunk 0: mobiles 9 + 8 digits, landlines area 2–8 + 7–8 digits. */
function twNational(national: string): Parsed {
  if (isRepeated(national)) return fail('PHONE.REPEATED_DIGITS');
  if (national.startsWith('9')) {
    if (national.length < 9) return fail('PHONE.TOO_SHORT');
    if (national.length > 9) return fail('PHONE.TOO_LONG');
    return ok({
      e164: `+886${national}`,
      display: `+886 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`,
      region: 'TW',
      kind: 'mobile',
    });
  }
  if (!/^[2-8]/.test(national)) return fail('PHONE.INVALID');
  if (national.length < 8) return fail('PHONE.TOO_SHORT');
  if (national.length > 9) return fail('PHONE.TOO_LONG');
  return ok({
    e164: `+886${national}`,
    display: `+886 ${national.slice(0, 1)} ${group(national.slice(1))}`,
    region: 'TW',
    kind: 'landline',
  });
}

/** 88888888 → "8888 8888", 8888888 → "888 8888". */
function group(digits: string): string {
  return `${digits.slice(0, digits.length - 4)} ${digits.slice(-4)}`;
}

/** A phone number found in what the customer wrote, and the rest as a note for the engineer. */
export type PhoneInText = {
  phone: PhoneNumber;
  /** What else they said ("下午打", "after 6pm"), for the engineer who calls; absent when nothing. */
  note?: string;
};

/** Digits with the separators people type, an optional leading `+` and an extension. */
const CANDIDATE =
  /(?:\(\s*)?\+?\d[\d\s\-().]*\d(?:\s*(?:转|轉|分机|分機|ext\.?|extension|x|#)\s*\d{1,6})?/gi;
/** The most words a phone number written digit by digit takes: 15 digits, an extension word, 6. */
const MAX_PHONE_WORDS = 22;
/** Words that only introduce the number or close the message: not worth a note. */
const INTRODUCTION =
  /(?:我的|我嘅|my\s+)?(?:(?:联系|聯繫|聯絡|联络)?(?:电话|電話|手机|手機)(?:号码|號碼|号|號)?|联系方式|聯絡方式|(?:phone|mobile|cell|contact)(?:\s+number)?|number|tel)\s*(?:是|係|为|為|:|is)?|(?:call|reach|ring)\s+me\s+(?:on|at)|(?:打|拨|撥)(?:这个|這個|呢個)(?:号码|號碼|号|號)?|谢谢|謝謝|唔该|唔該|多谢|多謝|thanks|thank you|please|pls|it'?s|^\s*(?:是|係|is)/gi;
const EDGES = /^[\s,，.。;；:：!！?？、()（）[\]-]+|[\s,，.。;；:：!！?？、()（）[\]-]+$/g;

/**
 * Finds the phone number in a sentence ("我的电话是13812345678，下午打", "call me on +44 7911
 * 123456 after 6pm") with the same rules as {@link parsePhone}, and keeps the rest as a call-time
 * note for the engineer: the words that only introduce the number (我的电话是, "my number is",
 * thanks) are left out. The first number that parses wins; when none does, the error is that of
 * the text as a whole (`PHONE.INVALID_CHARACTERS` for words with no number) or of the longest
 * candidate.
 */
export function findPhone(
  text: string,
  options: PhoneOptions = {},
): Result<PhoneInText, PhoneErrorCode> {
  const whole = parsePhone(text, options);
  if (whole.ok) return ok({ phone: whole.value });
  const folded = foldText(text);
  let firstError: PhoneErrorCode | undefined;
  for (const match of folded.matchAll(CANDIDATE)) {
    const words = match[0].trim().split(' ');
    // "13812345678 3点后": the longest run of words that is a number. A number has at most 15
    // digits and a 6-digit extension, so past the whole run only the first MAX_PHONE_WORDS words
    // can start one (a long run of digit words would otherwise cost a parse per word count).
    for (let count = words.length; count > 0; count--) {
      if (count < words.length && count > MAX_PHONE_WORDS) count = MAX_PHONE_WORDS;
      const candidate = words.slice(0, count).join(' ');
      const parsed = parsePhone(candidate, options);
      if (!parsed.ok) {
        if (count === words.length) firstError ??= parsed.code;
        continue;
      }
      const start = match.index + match[0].indexOf(candidate);
      const rest = `${folded.slice(0, start)} ${folded.slice(start + candidate.length)}`;
      const note = rest.replace(INTRODUCTION, ' ').replace(/\s+/g, ' ').replace(EDGES, '');
      return ok(note === '' ? { phone: parsed.value } : { phone: parsed.value, note });
    }
  }
  return fail(firstError ?? whole.code);
}

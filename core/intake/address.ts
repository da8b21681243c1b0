import { fail, ok, type Result } from '../shared/result.ts';
import { isPhoneNumber } from './phone.ts';
import { foldText } from './text.ts';

/** A shared Telegram location (`message.location`). */
export type SharedLocation = { latitude: number; longitude: number };

/**
 * A visit address: free text, or a shared location with the part a map cannot show (`detail`:
 * building, floor and flat, as the customer wrote it).
 */
export type ParsedAddress =
  | { kind: 'text'; text: string }
  | { kind: 'location'; latitude: number; longitude: number; detail?: string };

export type AddressErrorCode =
  | 'ADDRESS.EMPTY'
  | 'ADDRESS.TOO_SHORT'
  | 'ADDRESS.TOO_LONG'
  | 'ADDRESS.LOOKS_LIKE_PHONE'
  | 'ADDRESS.NOT_AN_ADDRESS'
  | 'ADDRESS.INVALID_LOCATION';

export const ADDRESS_MIN_LENGTH = 6;
export const ADDRESS_MAX_LENGTH = 200;

/** Any of these makes free text look like an address an engineer could drive to. */
const ADDRESS_SIGNS: readonly RegExp[] = [
  // 广东省, 深圳市, 南山区, 科技园路, 幸福小区, 美孚新邨 — a place word after a name.
  /\p{Script=Han}(?:省|市|区|區|县|縣|镇|鎮|乡|鄉|村|路|街|大道|巷|弄|胡同|小区|小區|花园|花園|大厦|大廈|广场|廣場|公寓|新村|屋邨|邨|苑|里)/u,
  // 100号, 3栋, 2单元, 1201室, 5楼.
  /\d+\s*(?:号|號|栋|棟|幢|座|楼|樓|层|層|室|单元|單元|弄|巷|座)/,
  // 12 Main Street, 221B Baker St, 5 Nathan Rd.
  /\d+[a-z]?,?\s+(?:[\p{L}'.-]+\s+){0,4}(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|terrace|crescent|close|square|sq|highway|hwy|parkway|pkwy)\b/iu,
  // Flat 5, Unit 12B, Block 3, Floor 7.
  /\b(?:flat|unit|apt|apartment|room|rm|suite|floor|fl|block|blk|tower|building|bldg)\.?\s*#?\s*\d+/i,
  // A postal code next to other words: 518000, 10001, SW1A 1AA.
  /(?<!\d)\d{6}(?!\d)|(?<!\d)\d{5}(?:-\d{4})?(?!\d)|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/,
];

/**
 * Validates a visit address typed as free text: whitespace collapsed, 6–200 characters, not a phone
 * number, with at least one sign of an address — a Chinese place word after a name (省 市 区 县 镇 村
 * 路 街 巷 小区 大厦…), a number with 号/栋/楼/室/单元, a number and a street word (`12 Main St`), a
 * flat/unit/block number, or a postal code beside other words. Rejects single words and sentences
 * without any of these ("at home").
 */
export function parseAddressText(text: string): Result<ParsedAddress, AddressErrorCode> {
  const value = foldText(text);
  if (value.length === 0) return fail('ADDRESS.EMPTY');
  if (isPhoneNumber(value)) return fail('ADDRESS.LOOKS_LIKE_PHONE');
  const length = Array.from(value).length;
  if (length < ADDRESS_MIN_LENGTH) return fail('ADDRESS.TOO_SHORT');
  if (length > ADDRESS_MAX_LENGTH) return fail('ADDRESS.TOO_LONG');
  if (!/\p{L}/u.test(value)) return fail('ADDRESS.NOT_AN_ADDRESS');
  if (!ADDRESS_SIGNS.some((sign) => sign.test(value))) return fail('ADDRESS.NOT_AN_ADDRESS');
  return ok({ kind: 'text', text: value });
}

/**
 * Validates a shared location: finite coordinates, latitude −90…90, longitude −180…180, and not
 * 0,0 (what a client sends when it has no fix).
 */
export function parseLocation(location: SharedLocation): Result<ParsedAddress, AddressErrorCode> {
  const { latitude, longitude } = location;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) {
    return fail('ADDRESS.INVALID_LOCATION');
  }
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return fail('ADDRESS.INVALID_LOCATION');
  if (latitude === 0 && longitude === 0) return fail('ADDRESS.INVALID_LOCATION');
  return ok({ kind: 'location', latitude, longitude });
}

/** An address from free text ({@link parseAddressText}) or a shared location ({@link parseLocation}). */
export function parseAddress(
  input: string | SharedLocation,
): Result<ParsedAddress, AddressErrorCode> {
  return typeof input === 'string' ? parseAddressText(input) : parseLocation(input);
}

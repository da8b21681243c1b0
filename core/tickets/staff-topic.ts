/** Telegram's longest forum topic name. */
export const TOPIC_NAME_MAX = 128;

const CHINESE_DISTRICT = /[\p{Script=Han}]{1,6}?(?:区|區|县|縣|镇|鎮)/u;
const CHINESE_CITY = /[\p{Script=Han}]{1,4}?(?:市)/u;

/**
 * The district of a visit address, for the topic name, so staff see where a case is at a glance:
 * the 区/县/镇 (else the 市) of a Chinese address, the last comma-separated part without digits of
 * an English one ("…, Tsim Sha Tsui, Kowloon" → "Kowloon"), nothing for a shared location.
 */
export function toDistrict(address: string | null): string | undefined {
  if (!address || address.startsWith('geo:')) return undefined;
  const district = CHINESE_DISTRICT.exec(address) ?? CHINESE_CITY.exec(address);
  if (district) return district[0].replace(/^.*(?:省|市)(?=.)/u, '');
  const parts = address
    .split(/[,，]/)
    .map((part) => part.trim())
    .filter((part) => part !== '' && !/\d/.test(part));
  return parts.at(-1);
}

/**
 * A ticket's topic name: its number, the product (already in the reader's words) and the district,
 * joined by " · " and cut to Telegram's limit.
 */
export function toTopicName(number: string, product: string, district: string | undefined): string {
  const name = [number, product, district].filter(Boolean).join(' · ');
  return name.length <= TOPIC_NAME_MAX ? name : `${name.slice(0, TOPIC_NAME_MAX - 1)}…`;
}

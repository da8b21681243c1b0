import type { CalendarDate } from '../shared/calendar-date.ts';
import { TICKET_RESOLUTIONS, type TicketResolution } from './lifecycle.ts';

/** The staff side's commands (design.md "Tickets and staff"), in the order the help lists them. */
export const STAFF_COMMANDS = [
  'take',
  'release',
  'assign',
  'schedule',
  'note',
  'contacted',
  'close',
  'reopen',
  'warranty',
  'queue',
  'find',
  'name',
  'lang',
] as const;
export type StaffCommandName = (typeof STAFF_COMMANDS)[number];

/**
 * Where each command works: in a ticket's topic (it acts on that ticket), in the General topic
 * (it looks across tickets), or anywhere in the staff chat.
 */
export const STAFF_COMMAND_PLACES: Readonly<Record<StaffCommandName, 'topic' | 'general' | 'any'>> =
  {
    take: 'topic',
    release: 'topic',
    assign: 'topic',
    schedule: 'topic',
    note: 'topic',
    contacted: 'topic',
    close: 'topic',
    reopen: 'topic',
    warranty: 'any',
    queue: 'general',
    find: 'general',
    name: 'any',
    lang: 'any',
  };

export type StaffCommand = { name: StaffCommandName; args: string };

const COMMAND = /^\/([a-z_]+)(?:@(\w+))?(?:\s+([\s\S]*))?$/i;

/**
 * Reads a staff command: `/take`, `/close repaired pump replaced`, `/take@frontline_bot`.
 * `unknown` for a command this bot does not have, `undefined` for text that is not a command or a
 * command addressed to another bot.
 */
export function parseStaffCommand(
  text: string,
  botUsername: string,
): StaffCommand | 'unknown' | undefined {
  const match = COMMAND.exec(text.trim());
  if (!match) return undefined;
  const [, raw = '', mention, args = ''] = match;
  if (mention && mention.toLowerCase() !== botUsername.toLowerCase()) return undefined;
  const name = raw.toLowerCase();
  if (!(STAFF_COMMANDS as readonly string[]).includes(name)) return 'unknown';
  return { name: name as StaffCommandName, args: args.trim() };
}

/** How a ticket is closed: a resolution, or cancelled (which the lifecycle treats as `cancel`). */
export type Closing = TicketResolution | 'cancelled';
export const CLOSINGS: readonly Closing[] = [...TICKET_RESOLUTIONS, 'cancelled'];

/** Words staff use for each way of closing, in English and both Chinese scripts. */
const CLOSING_WORDS: Readonly<Record<Closing, readonly string[]>> = {
  repaired: [
    'repaired',
    'repair',
    'fixed',
    '已修复',
    '已修復',
    '修复',
    '修復',
    '已维修',
    '已維修',
    '维修',
    '維修',
    '修好',
  ],
  no_fault_found: [
    'no_fault_found',
    'no fault found',
    'no-fault-found',
    'no fault',
    'no-fault',
    'nff',
    '未发现故障',
    '未發現故障',
    '无故障',
    '無故障',
  ],
  advice_given: [
    'advice_given',
    'advice given',
    'advice',
    'advised',
    '已指导',
    '已指導',
    '指导',
    '指導',
    '咨询',
    '諮詢',
  ],
  cancelled: ['cancelled', 'canceled', 'cancel', '已取消', '取消'],
};

/**
 * Reads `/close` arguments: the way of closing first (`repaired`, `no fault found`, `advice`,
 * `cancelled`, or the Chinese words), then an optional internal note. `undefined` when the text
 * does not start with one of them.
 */
export function parseClosing(text: string): { closing: Closing; note: string } | undefined {
  const folded = text.trim().toLowerCase();
  let best: { closing: Closing; length: number } | undefined;
  for (const closing of CLOSINGS) {
    for (const word of CLOSING_WORDS[closing]) {
      const boundary =
        folded.length === word.length || /[\s,.:;，。：；-]/.test(folded[word.length] ?? '');
      const chinese = /[\u4e00-\u9fff]$/.test(word);
      if (folded.startsWith(word) && (boundary || chinese) && word.length > (best?.length ?? 0))
        best = { closing, length: word.length };
    }
  }
  if (!best) return undefined;
  const note = text
    .trim()
    .slice(best.length)
    .replace(/^[\s,.:;，。：；-]+/, '')
    .trim();
  return { closing: best.closing, note };
}

/** Keys a staff member may give `/warranty`, mapped to the case's fields. */
const WARRANTY_KEYS: Readonly<Record<string, string>> = {
  category: 'category',
  purchase: 'purchaseDate',
  bought: 'purchaseDate',
  production: 'productionDate',
  made: 'productionDate',
  report: 'reportDate',
  cause: 'cause',
  part: 'part',
  replaced: 'partReplacedOn',
  repairs: 'priorRepairs',
  wait: 'partsWaitDays',
};
const COUNT_FIELDS = new Set(['priorRepairs', 'partsWaitDays']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads `/warranty` arguments into an untrusted warranty case for `toWarrantyCase`, over the
 * `base` case (a ticket's product, or nothing): a bare category name, a bare date (the purchase
 * date), `none` (no proof of purchase), and `key=value` pairs (`part=compressor`,
 * `cause=liquid_ingress`, `production=2024-01-05`, `replaced=…`, `repairs=2`, `wait=31`,
 * `report=…`). The report date defaults to `today`. `{ error }` names the first token not
 * understood.
 */
export function parseWarrantyArgs(
  text: string,
  today: CalendarDate,
  categories: readonly string[],
  base: Record<string, unknown> = {},
): { value: Record<string, unknown> } | { error: string } {
  const value: Record<string, unknown> = { cause: 'normal_use', reportDate: today, ...base };
  for (const token of text.trim().split(/\s+/).filter(Boolean)) {
    const [key, ...rest] = token.split('=');
    const lower = (key ?? '').toLowerCase();
    if (rest.length === 0) {
      if (categories.includes(lower)) value.category = lower;
      else if (ISO_DATE.test(lower)) value.purchaseDate = lower;
      else if (lower === 'none' || lower === 'no-proof') value.purchaseDate = null;
      else return { error: token };
      continue;
    }
    const field = WARRANTY_KEYS[lower];
    const raw = rest.join('=');
    if (!field || raw === '') return { error: token };
    value[field] = COUNT_FIELDS.has(field)
      ? Number(raw)
      : raw === 'none' && field === 'purchaseDate'
        ? null
        : raw;
  }
  return { value };
}

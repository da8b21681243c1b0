import { describe, expect, it } from 'vitest';
import {
  type CalendarDate,
  decideStaffAccess,
  decideStaffChatProblems,
  decideVisitReminderAt,
  decideVisitReminderDay,
  parseClosing,
  parseStaffCommand,
  parseWarrantyArgs,
  toDistrict,
  toTopicName,
} from '../../../core/index.ts';

describe('who may act as staff', () => {
  it.each([
    ['the chat creator', { status: 'creator' }, [], true],
    ['an administrator', { status: 'administrator' }, [], true],
    ['a member', { status: 'member' }, [], true],
    ['a restricted member still in the chat', { status: 'restricted', isMember: true }, [], true],
    [
      'a restricted user no longer in the chat',
      { status: 'restricted', isMember: false },
      [],
      false,
    ],
    ['someone who left', { status: 'left' }, [], false],
    ['someone removed', { status: 'kicked' }, [], false],
    ['a stranger whose status is unknown', { status: undefined }, [], false],
    ['a stranger listed in STAFF_USER_IDS', { status: 'left' }, [7], true],
  ] as const)('%s: %s', (_who, facts, ids, allowed) => {
    expect(decideStaffAccess({ userId: 7, ...facts }, ids).ok).toBe(allowed);
  });
});

describe('the staff chat check at start', () => {
  const rights = { can_manage_topics: true, can_delete_messages: true, can_pin_messages: true };
  it.each([
    ['a forum with an admin bot holding every right', true, 'administrator', rights, []],
    ['a group without Topics', false, 'administrator', rights, ['STAFF_CHAT.NOT_FORUM']],
    ['a bot that is only a member', true, 'member', {}, ['STAFF_CHAT.NOT_ADMIN']],
    ['a bot removed from the chat', true, 'left', {}, ['STAFF_CHAT.NOT_ADMIN']],
    [
      'an admin bot that cannot manage topics or pin',
      true,
      'administrator',
      { can_delete_messages: true },
      ['STAFF_CHAT.MISSING_RIGHTS can_manage_topics,can_pin_messages'],
    ],
  ] as const)('%s', (_what, isForum, botStatus, given, expected) => {
    const problems = decideStaffChatProblems({ isForum, botStatus, rights: given });
    expect(
      problems.map((p) => ('rights' in p ? `${p.code} ${p.rights.join(',')}` : p.code)),
    ).toEqual(expected);
  });
});

describe('staff commands', () => {
  it.each([
    ['/take', { name: 'take', args: '' }],
    ['/TAKE@frontline_bot', { name: 'take', args: '' }],
    ['/close repaired pump replaced', { name: 'close', args: 'repaired pump replaced' }],
    ['/schedule 明天上午', { name: 'schedule', args: '明天上午' }],
    ['/take@other_bot', undefined],
    ['/frobnicate', 'unknown'],
    ['take it', undefined],
  ] as const)('reads %s', (text, expected) => {
    expect(parseStaffCommand(text, 'frontline_bot')).toEqual(expected);
  });

  it.each([
    ['repaired', { closing: 'repaired', note: '' }],
    ['Fixed, replaced the drain pump', { closing: 'repaired', note: 'replaced the drain pump' }],
    ['no fault found - works on test', { closing: 'no_fault_found', note: 'works on test' }],
    ['nff', { closing: 'no_fault_found', note: '' }],
    ['advice given', { closing: 'advice_given', note: '' }],
    [
      'cancelled customer bought a new one',
      { closing: 'cancelled', note: 'customer bought a new one' },
    ],
    ['已修复 更换排水泵', { closing: 'repaired', note: '更换排水泵' }],
    ['未發現故障', { closing: 'no_fault_found', note: '' }],
    ['已指导', { closing: 'advice_given', note: '' }],
    ['取消', { closing: 'cancelled', note: '' }],
    ['cancellation', undefined],
    ['done', undefined],
    ['', undefined],
  ] as const)('reads the closing %j', (text, expected) => {
    expect(parseClosing(text)).toEqual(expected);
  });

  it('reads a warranty case from words and key=value pairs over the ticket product', () => {
    const today = '2026-03-10' as CalendarDate;
    const categories = ['refrigerator', 'tv'];
    expect(
      parseWarrantyArgs(
        'tv 2025-01-02 part=panel cause=liquid_ingress repairs=2',
        today,
        categories,
      ),
    ).toEqual({
      value: {
        category: 'tv',
        purchaseDate: '2025-01-02',
        part: 'panel',
        cause: 'liquid_ingress',
        priorRepairs: 2,
        reportDate: today,
      },
    });
    expect(
      parseWarrantyArgs('none production=2025-06-01', today, categories, {
        category: 'refrigerator',
        purchaseDate: '2025-07-01',
      }),
    ).toEqual({
      value: {
        category: 'refrigerator',
        purchaseDate: null,
        productionDate: '2025-06-01',
        cause: 'normal_use',
        reportDate: today,
      },
    });
    expect(parseWarrantyArgs('fridge', today, categories)).toEqual({ error: 'fridge' });
    expect(parseWarrantyArgs('colour=red', today, categories)).toEqual({ error: 'colour=red' });
  });
});

describe('topic names', () => {
  it.each([
    ['上海市浦东新区张杨路100号', '浦东新区'],
    ['广东省深圳市南山区科技园路1号', '南山区'],
    ['香港九龍旺角彌敦道100號', undefined],
    ['北京市朝阳路8号', '北京市'],
    ['Flat 5B, 12 Nathan Road, Tsim Sha Tsui, Kowloon', 'Kowloon'],
    ['geo:31.230400,121.473700', undefined],
    [null, undefined],
  ])('takes the district of %s', (address, district) => {
    expect(toDistrict(address)).toBe(district);
  });

  it('names a topic by number, product and district, within 128 characters', () => {
    expect(toTopicName('FL-260310-0001', '洗衣机', '浦东新区')).toBe(
      'FL-260310-0001 · 洗衣机 · 浦东新区',
    );
    expect(toTopicName('FL-260310-0002', 'question', undefined)).toBe('FL-260310-0002 · question');
    expect(toTopicName('FL-260310-0003', 'x'.repeat(200), undefined)).toHaveLength(128);
  });
});

describe('the visit reminder', () => {
  const tz = 'Asia/Shanghai';
  const window = { start: new Date('2026-03-12T01:00:00Z'), end: new Date('2026-03-12T03:00:00Z') };
  it('comes at 19:00 the evening before the visit', () => {
    expect(decideVisitReminderAt(window, new Date('2026-03-10T02:00:00Z'), tz)).toEqual(
      new Date('2026-03-11T11:00:00Z'),
    );
  });
  it('is left out when that evening has already passed', () => {
    expect(decideVisitReminderAt(window, new Date('2026-03-11T12:00:00Z'), tz)).toBeUndefined();
  });
  it.each([
    ['2026-03-11T11:00:00Z', 'tomorrow'], // 19:00 the evening before (service time)
    ['2026-03-11T15:59:00Z', 'tomorrow'], // 23:59 the evening before
    ['2026-03-11T16:30:00Z', 'today'], // 00:30 on the visit's day, run late
    ['2026-03-12T00:30:00Z', 'today'], // 08:30 on the visit's day
    ['2026-03-12T01:00:00Z', undefined], // 09:00: the visit has begun
  ] as const)('run at %s, calls the visit %s', (now, day) => {
    expect(decideVisitReminderDay(window.start, new Date(now), tz)).toBe(day);
  });
});

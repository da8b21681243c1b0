import { describe, expect, it } from 'vitest';
import {
  type AddressErrorCode,
  parseAddress,
  parseAddressText,
  parseLocation,
} from '../../../core/intake/index.ts';

describe('parseAddressText', () => {
  it.each([
    ['广东省深圳市南山区科技园路100号3栋1201室', '广东省深圳市南山区科技园路100号3栋1201室'],
    ['北京市朝阳区建国路88号', '北京市朝阳区建国路88号'],
    ['  上海市 浦东新区\n张江镇 幸福小区 5栋  ', '上海市 浦东新区 张江镇 幸福小区 5栋'],
    ['杭州西湖区文三路１２３号', '杭州西湖区文三路123号'],
    ['九龍旺角彌敦道 600 號 12 樓', '九龍旺角彌敦道 600 號 12 樓'],
    ['美孚新邨第三期', '美孚新邨第三期'],
    ['桃源村3组5号', '桃源村3组5号'],
    ['12 Main Street, Springfield', '12 Main Street, Springfield'],
    ['221B Baker St, London', '221B Baker St, London'],
    ['Flat 5, 18/F, Tower 2, Nathan Road', 'Flat 5, 18/F, Tower 2, Nathan Road'],
    ['Unit 12, Harbour Centre', 'Unit 12, Harbour Centre'],
    ['Kowloon Bay 999077', 'Kowloon Bay 999077'],
    ['London SW1A 1AA', 'London SW1A 1AA'],
  ])('accepts %j as %j', (text, normalised) => {
    expect(parseAddressText(text)).toEqual({ ok: true, value: { kind: 'text', text: normalised } });
  });

  it.each<[string, AddressErrorCode]>([
    ['', 'ADDRESS.EMPTY'],
    ['   \n ', 'ADDRESS.EMPTY'],
    ['深圳', 'ADDRESS.TOO_SHORT'],
    ['南山区', 'ADDRESS.TOO_SHORT'],
    ['13812345678', 'ADDRESS.LOOKS_LIKE_PHONE'],
    ['+86 138 1234 5678', 'ADDRESS.LOOKS_LIKE_PHONE'],
    ['0755-88888888', 'ADDRESS.LOOKS_LIKE_PHONE'],
    ['at home', 'ADDRESS.NOT_AN_ADDRESS'],
    ['Springfield', 'ADDRESS.NOT_AN_ADDRESS'],
    ['my house near the park', 'ADDRESS.NOT_AN_ADDRESS'],
    ['我不知道怎么说', 'ADDRESS.NOT_AN_ADDRESS'],
    ['冰箱不制冷了怎么办', 'ADDRESS.NOT_AN_ADDRESS'],
    ['518000', 'ADDRESS.NOT_AN_ADDRESS'],
    ['123456789012', 'ADDRESS.NOT_AN_ADDRESS'],
    ['!!!???!!!', 'ADDRESS.NOT_AN_ADDRESS'],
    [`深圳市${'很长'.repeat(100)}`, 'ADDRESS.TOO_LONG'],
  ])('rejects %j with %s', (text, code) => {
    expect(parseAddressText(text)).toEqual({ ok: false, code });
  });
});

describe('parseLocation', () => {
  it.each([
    [22.5431, 114.0579],
    [-33.8688, 151.2093],
    [90, 180],
    [-90, -180],
    [0, 114.1],
  ])('accepts latitude %d, longitude %d', (latitude, longitude) => {
    expect(parseLocation({ latitude, longitude })).toEqual({
      ok: true,
      value: { kind: 'location', latitude, longitude },
    });
  });

  it.each([
    [90.0001, 0.5, 'latitude above 90'],
    [-91, 0.5, 'latitude below -90'],
    [10, 180.5, 'longitude above 180'],
    [10, -181, 'longitude below -180'],
    [Number.NaN, 10, 'latitude not a number'],
    [10, Number.POSITIVE_INFINITY, 'longitude infinite'],
    [0, 0, 'no fix (0, 0)'],
  ])('rejects %d, %d (%s)', (latitude, longitude) => {
    expect(parseLocation({ latitude, longitude })).toEqual({
      ok: false,
      code: 'ADDRESS.INVALID_LOCATION',
    });
  });
});

describe('parseAddress', () => {
  it('takes free text or a shared location', () => {
    expect(parseAddress('北京市朝阳区建国路88号')).toMatchObject({
      ok: true,
      value: { kind: 'text' },
    });
    expect(parseAddress({ latitude: 22.5, longitude: 114 })).toMatchObject({
      ok: true,
      value: { kind: 'location' },
    });
  });
});

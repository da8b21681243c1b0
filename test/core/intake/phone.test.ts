import { describe, expect, it } from 'vitest';
import { findPhone, type PhoneErrorCode, parsePhone } from '../../../core/intake/index.ts';

describe('parsePhone', () => {
  it.each([
    ['13812345678', '+8613812345678', '+86 138 1234 5678', 'CN', 'mobile'],
    ['138 1234 5678', '+8613812345678', '+86 138 1234 5678', 'CN', 'mobile'],
    ['138-1234-5678', '+8613812345678', '+86 138 1234 5678', 'CN', 'mobile'],
    ['+86 138 1234 5678', '+8613812345678', '+86 138 1234 5678', 'CN', 'mobile'],
    ['+86-13812345678', '+8613812345678', '+86 138 1234 5678', 'CN', 'mobile'],
    ['0086 13812345678', '+8613812345678', '+86 138 1234 5678', 'CN', 'mobile'],
    ['86 138 1234 5678', '+8613812345678', '+86 138 1234 5678', 'CN', 'mobile'],
    ['(+86) 199 0000 1234', '+8619900001234', '+86 199 0000 1234', 'CN', 'mobile'],
    ['１３８１２３４５６７８', '+8613812345678', '+86 138 1234 5678', 'CN', 'mobile'],
    ['＋８６　１３８－１２３４－５６７８', '+8613812345678', '+86 138 1234 5678', 'CN', 'mobile'],
    ['手机：13812345678', '+8613812345678', '+86 138 1234 5678', 'CN', 'mobile'],
    ['Tel: 138 1234 5678', '+8613812345678', '+86 138 1234 5678', 'CN', 'mobile'],
    ['138 1234 5678。', '+8613812345678', '+86 138 1234 5678', 'CN', 'mobile'],
    ['010-12345678', '+861012345678', '+86 10 1234 5678', 'CN', 'landline'],
    ['0755 8888 8888', '+8675588888888', '+86 755 8888 8888', 'CN', 'landline'],
    ['(021)12345678', '+862112345678', '+86 21 1234 5678', 'CN', 'landline'],
    ['（0571）8765432', '+865718765432', '+86 571 876 5432', 'CN', 'landline'],
    ['+86 (0)755 8888 8888', '+8675588888888', '+86 755 8888 8888', 'CN', 'landline'],
    ['+86 10 8765 4321', '+861087654321', '+86 10 8765 4321', 'CN', 'landline'],
    ['9123 4567', '+85291234567', '+852 9123 4567', 'HK', 'mobile'],
    ['+852 2345 6788', '+85223456788', '+852 2345 6788', 'HK', 'landline'],
    ['852-6123-4567', '+85261234567', '+852 6123 4567', 'HK', 'mobile'],
    ['+853 6612 3456', '+85366123456', '+853 6612 3456', 'MO', 'mobile'],
    ['0912 345 678', '+886912345678', '+886 912 345 678', 'TW', 'mobile'],
    ['0912-345-678', '+886912345678', '+886 912 345 678', 'TW', 'mobile'],
    ['+886 912 345 678', '+886912345678', '+886 912 345 678', 'TW', 'mobile'],
    ['+886 0912 345 678', '+886912345678', '+886 912 345 678', 'TW', 'mobile'],
    ['+886 2 2345 6789', '+886223456789', '+886 2 2345 6789', 'TW', 'landline'],
    ['+44 7911 123456', '+447911123456', '+44 7911 123456', 'INTL', 'unknown'],
    ['+1 (212) 555-0199', '+12125550199', '+1 212 555 0199', 'INTL', 'unknown'],
    ['0044 20 7946 0958', '+442079460958', '+44 20 7946 0958', 'INTL', 'unknown'],
    ['+33 6 12 34 56 78', '+33612345678', '+33 6 12 34 56 78', 'INTL', 'unknown'],
    ['+65 9123 4567', '+6591234567', '+65 9123 4567', 'INTL', 'unknown'],
  ] as const)('reads %s as %s', (text, e164, display, region, kind) => {
    expect(parsePhone(text)).toEqual({ ok: true, value: { e164, display, region, kind } });
  });

  it.each([
    ['8613812345678', '+8613812345678', 'CN'],
    ['+8613812345678', '+8613812345678', 'CN'],
    ['85291234567', '+85291234567', 'HK'],
    ['886912345678', '+886912345678', 'TW'],
    ['12125550199', '+12125550199', 'INTL'],
    ['447911123456', '+447911123456', 'INTL'],
  ] as const)('reads the Telegram contact number %s as %s', (text, e164, region) => {
    const result = parsePhone(text, { fromContact: true });
    expect(result.ok && result.value.e164).toBe(e164);
    expect(result.ok && result.value.region).toBe(region);
  });

  it('reads a bare 86-prefixed mainland mobile as a Telegram contact sends it without the option', () => {
    const result = parsePhone('8613812345678');
    expect(result.ok && result.value.e164).toBe('+8613812345678');
  });

  it.each([
    ['010-12345678转123', '+861012345678', '123', '+86 10 1234 5678 ext. 123'],
    ['0755-88888888-8001', '+8675588888888', '8001', '+86 755 8888 8888 ext. 8001'],
    ['(021) 1234 5678 ext. 45', '+862112345678', '45', '+86 21 1234 5678 ext. 45'],
    ['0755 8888 8888 分机 12', '+8675588888888', '12', '+86 755 8888 8888 ext. 12'],
    ['+852 2345 6788 x 9', '+85223456788', '9', '+852 2345 6788 ext. 9'],
  ])('keeps the extension of %s apart from the E.164 number', (text, e164, extension, display) => {
    expect(parsePhone(text)).toMatchObject({ ok: true, value: { e164, extension, display } });
  });

  it.each<[string, PhoneErrorCode]>([
    ['', 'PHONE.EMPTY'],
    ['   ', 'PHONE.EMPTY'],
    ['电话：', 'PHONE.EMPTY'],
    ['12345', 'PHONE.TOO_SHORT'],
    ['1381234567', 'PHONE.TOO_SHORT'],
    ['138123456789', 'PHONE.TOO_LONG'],
    ['+86 1381234567', 'PHONE.TOO_SHORT'],
    ['+86 138123456789', 'PHONE.TOO_LONG'],
    ['+1234567', 'PHONE.TOO_SHORT'],
    ['+1234567890123456', 'PHONE.TOO_LONG'],
    ['0755-888', 'PHONE.TOO_SHORT'],
    ['0755-8888888888', 'PHONE.TOO_LONG'],
    ['+852 9123 456', 'PHONE.TOO_SHORT'],
    ['11111111111', 'PHONE.REPEATED_DIGITS'],
    ['+86 11111111111', 'PHONE.REPEATED_DIGITS'],
    ['8888 8888', 'PHONE.REPEATED_DIGITS'],
    ['000000000', 'PHONE.REPEATED_DIGITS'],
    ['12812345678', 'PHONE.INVALID'],
    ['10812345678', 'PHONE.INVALID'],
    ['+86 12812345678', 'PHONE.INVALID'],
    ['12345678901', 'PHONE.INVALID'],
    ['1234 5678', 'PHONE.TOO_SHORT'],
    ['2345 6789', 'PHONE.INVALID'],
    ['0123-4567890', 'PHONE.INVALID'],
    ['+853 9123 4567', 'PHONE.INVALID'],
    ['+0 123 456 789', 'PHONE.INVALID'],
    ['138abc45678', 'PHONE.INVALID_CHARACTERS'],
    ['call me', 'PHONE.INVALID_CHARACTERS'],
    ['138 1234 5678 or 139 8765 4321', 'PHONE.INVALID_CHARACTERS'],
    ['13812345678+', 'PHONE.INVALID_CHARACTERS'],
    ['one three eight', 'PHONE.INVALID_CHARACTERS'],
  ])('rejects %j with %s', (text, code) => {
    expect(parsePhone(text)).toMatchObject({ ok: false, code });
  });

  it.each<[string, PhoneErrorCode]>([
    ['+999 1234 5678', 'PHONE.INVALID'],
    ['+44 7700 900123', 'PHONE.INVALID'],
    ['+1 200 555 0123', 'PHONE.INVALID'],
    ['+65 1123 4567', 'PHONE.INVALID'],
    ['+44 20 7946', 'PHONE.TOO_SHORT'],
    ['00999 1234 5678', 'PHONE.INVALID'],
    ['9991234 5678', 'PHONE.INVALID'],
  ])('rejects %j, a number no country has, with %s', (text, code) => {
    expect(parsePhone(text)).toEqual({ ok: false, code });
  });

  it('rejects an unassigned country code from a Telegram contact', () => {
    expect(parsePhone('99912345678', { fromContact: true })).toEqual({
      ok: false,
      code: 'PHONE.INVALID',
    });
  });
});

describe('findPhone', () => {
  it.each<[string, string, string | undefined]>([
    ['我的电话是13812345678，下午打', '+8613812345678', '下午打'],
    ['我的手机号是 138 1234 5678', '+8613812345678', undefined],
    ['电话 138-1234-5678 晚上7点后打', '+8613812345678', '晚上7点后打'],
    ['13812345678 3点后', '+8613812345678', '3点后'],
    ['下午打 13812345678', '+8613812345678', '下午打'],
    ['手機：9123 4567，唔該', '+85291234567', undefined],
    ['我嘅電話係 6123 4567 朝早唔好打', '+85261234567', '朝早唔好打'],
    ['我的電話是 0912-345-678，平日晚上比較方便', '+886912345678', '平日晚上比較方便'],
    ['call me on +44 7911 123456 after 6pm', '+447911123456', 'after 6pm'],
    ['my number is +1 (212) 555-0199 (weekdays only)', '+12125550199', 'weekdays only'],
    ['0755-88888888转123 找王师傅', '+8675588888888', '找王师傅'],
    ['138 1234 5678 or 139 8765 4321', '+8613812345678', 'or 139 8765 4321'],
    ['13812345678', '+8613812345678', undefined],
  ])('finds the number in %j: %s, note %j', (text, e164, note) => {
    const result = findPhone(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.phone.e164).toBe(e164);
    expect(result.value.note).toBe(note);
  });

  it.each<[string, PhoneErrorCode]>([
    ['我没有电话', 'PHONE.INVALID_CHARACTERS'],
    ['我的电话是12345', 'PHONE.TOO_SHORT'],
    ['my number is +999 1234 5678', 'PHONE.INVALID'],
    ['', 'PHONE.EMPTY'],
  ])('refuses %j with %s', (text, code) => {
    expect(findPhone(text)).toEqual({ ok: false, code });
  });
});

import { describe, expect, it } from 'vitest';
import { NAME_MAX_LENGTH, type NameErrorCode, parseName } from '../../../core/intake/index.ts';

describe('parseName', () => {
  it.each([
    ['王小明', '王小明'],
    ['  王 小明 ', '王 小明'],
    ['陈', '陈'],
    ['王先生', '王先生'],
    ['我叫王小明', '王小明'],
    ['姓名：李雷', '李雷'],
    ['阿依古丽·买买提', '阿依古丽·买买提'],
    ['阿依古丽•买买提', '阿依古丽·买买提'],
    ['阿依古丽・买买提', '阿依古丽·买买提'],
    ['John Smith', 'John Smith'],
    ['my name is John Smith', 'John Smith'],
    ["Mary-Jane O'Neil", "Mary-Jane O'Neil"],
    ['Martin Luther King Jr.', 'Martin Luther King Jr.'],
    ['J. R. R. Tolkien', 'J. R. R. Tolkien'],
    ['José Álvarez', 'José Álvarez'],
    ['Nguyễn Văn An', 'Nguyễn Văn An'],
    ['Иван Петров', 'Иван Петров'],
    ['김민준', '김민준'],
    ['陳大文。', '陳大文'],
    ['Ｗａｎｇ', 'Wang'],
    ['Nameer Khan', 'Nameer Khan'],
    ['x'.repeat(NAME_MAX_LENGTH), 'x'.repeat(NAME_MAX_LENGTH)],
  ])('accepts %j as %j', (text, name) => {
    expect(parseName(text)).toEqual({ ok: true, value: name });
  });

  it.each<[string, NameErrorCode]>([
    ['', 'NAME.EMPTY'],
    ['   ', 'NAME.EMPTY'],
    ['我叫', 'NAME.EMPTY'],
    ['x'.repeat(NAME_MAX_LENGTH + 1), 'NAME.TOO_LONG'],
    ['13812345678', 'NAME.LOOKS_LIKE_PHONE'],
    ['+852 9123 4567', 'NAME.LOOKS_LIKE_PHONE'],
    ['https://example.com', 'NAME.LOOKS_LIKE_URL'],
    ['www.example.com', 'NAME.LOOKS_LIKE_URL'],
    ['t.me/somebody', 'NAME.LOOKS_LIKE_URL'],
    ['shop.example.cn', 'NAME.LOOKS_LIKE_URL'],
    ['12345', 'NAME.NO_LETTERS'],
    ['😀😀', 'NAME.NO_LETTERS'],
    ['...', 'NAME.NO_LETTERS'],
    ['王小明123', 'NAME.INVALID_CHARACTERS'],
    ['王小明😀', 'NAME.INVALID_CHARACTERS'],
    ['John_Smith', 'NAME.INVALID_CHARACTERS'],
    ['-John', 'NAME.INVALID_CHARACTERS'],
    ['john#smith', 'NAME.INVALID_CHARACTERS'],
    ['@johnsmith', 'NAME.LOOKS_LIKE_URL'],
  ])('rejects %j with %s', (text, code) => {
    expect(parseName(text)).toEqual({ ok: false, code });
  });
});

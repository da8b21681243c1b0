import { DrizzleQueryError } from 'drizzle-orm/errors';
import { GrammyError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { toLoggableError } from '../../bot/loggable-error.ts';

describe('errors as they may be logged', () => {
  it('keeps the method and code of a Bot API error, never its payload', () => {
    const error = new GrammyError(
      'Call to sendMessage failed',
      { ok: false, error_code: 400, description: 'Bad Request: message is too long' },
      'sendMessage',
      { chat_id: 1, text: 'Name: 王小明, phone 13812345678, 北京市朝阳区建国路88号' },
    );
    const logged = JSON.stringify(toLoggableError(error));
    expect(logged).toContain('"method":"sendMessage"');
    expect(logged).toContain('"code":400');
    expect(logged).not.toContain('13812345678');
    expect(logged).not.toContain('王小明');
  });

  it('redacts phone numbers in a database error message and keeps its code', () => {
    const error = Object.assign(new Error('duplicate key value: (phone)=(+8613812345678)'), {
      code: '23505',
    });
    expect(toLoggableError(error)).toMatchObject({ type: 'Error', code: '23505' });
    expect(toLoggableError(error).message).not.toContain('13812345678');
  });

  it.each([
    ['a quoted input', 'invalid input syntax for type uuid: "call Alice on 9123 4567"'],
    ['JSON that failed to parse', 'Unexpected token \'c\', "call Alice" is not valid JSON'],
    ['a key and its value', 'Key (contact_name)=(Alice Wong) already exists.'],
  ])('drops %s from a driver error message, whatever it holds', (_title, message) => {
    const logged = toLoggableError(new Error(message)).message;
    expect(logged).not.toContain('Alice');
    expect(logged).not.toContain('9123');
  });

  it("drops a failed query's parameters: the name, phone and address it was writing", () => {
    const error = new DrizzleQueryError(
      'update "customers" set "contact_name" = $1, "phone" = $2, "address" = $3 where "id" = $4',
      ['王小明', '+8613812345678', '九龙弥敦道 123号 5楼B室', 'c-1'],
      Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' }),
    );
    const logged = JSON.stringify(toLoggableError(error));
    expect(logged).toContain('Failed query: update');
    for (const value of ['王小明', '13812345678', '弥敦道', '5楼B室'])
      expect(logged).not.toContain(value);
  });

  it('describes a thrown non-error without its content', () => {
    expect(toLoggableError({ phone: '13812345678' })).toEqual({
      type: 'object',
      message: '(not an Error)',
    });
  });
});

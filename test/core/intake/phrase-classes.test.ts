import { describe, expect, it } from 'vitest';
import { phraseClasses } from '../../../core/intake/phrases.ts';

const read = phraseClasses({
  yes: ['yes', 'yes it is', 'ok', '好', '好的'],
  no: ['no', 'not working', 'not yet', '不好', '还是不行'],
  filler: ['thanks', 'the', 'now', 'a lot', '了', '啊'],
});
const classes = (text: string) => {
  const found = read(text);
  return found === undefined ? undefined : [...found].sort();
};

describe('phraseClasses', () => {
  it.each([
    ['one phrase', 'yes', ['yes']],
    ['the longest phrase where several start at one place', 'yes it is', ['yes']],
    ['a longer phrase with the same first letter', 'not working', ['no']],
    ['phrases of every class in a row', 'no thanks', ['filler', 'no']],
    ['spaces inside a phrase may be left out', 'alot yes', ['filler', 'yes']],
    ['Chinese phrases, the longest first', '好的了', ['filler', 'yes']],
    ['a longer Chinese phrase over a shorter one', '不好啊', ['filler', 'no']],
    ['a Chinese phrase after a Latin one', 'ok 好', ['yes']],
    ['a phrase starting with a character others start with', '还是不行', ['no']],
  ])('reads %s', (_, text, expected) => {
    expect(classes(text)).toEqual(expected);
  });

  it.each([
    ['a word that only starts like a phrase', 'yesterday'],
    ['a word no phrase starts like', 'fridge'],
    ['a phrase and then other words', 'yes the fridge'],
    ['a character no phrase starts with', '冰箱好'],
    ['nothing', ''],
  ])('gives up on %s', (_, text) => {
    expect(read(text)).toBeUndefined();
  });
});

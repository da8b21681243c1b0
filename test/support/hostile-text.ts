import fc from 'fast-check';

/** Words the parsers and the triage engine look for, so random text reaches their deeper paths. */
const VOCABULARY = [
  ...'0123456789',
  '+86',
  '+852 ',
  '138',
  '1380013',
  '-',
  '/',
  ':',
  '.',
  ' ',
  '  ',
  '年',
  '月',
  '日',
  '号',
  '號',
  '点',
  '點',
  '半',
  '上午',
  '下午',
  '晚上',
  '明天',
  '后天',
  '聽日',
  '周六',
  '去年',
  '上个月',
  '三个月前',
  '二〇二四',
  '十二',
  'tomorrow',
  'next monday',
  'am',
  'pm',
  'last march',
  'ago',
  '2024-03-14',
  '3/4/2024',
  '民國',
  '生产日期',
  '我叫',
  '我是',
  '陈先生',
  'my name is ',
  'Mr ',
  '路',
  '号楼',
  '室',
  '深圳市南山区',
  'Flat 5, ',
  ' Street',
  'BCD-470',
  'XQG100-B12866',
  'E21',
  '冰箱',
  '冷氣',
  '不制冷',
  '冒烟',
  '燒焦味',
  'smoke',
  'sparks',
  'gas smell',
  'no ',
  '没有',
  '冇',
  'not cooling',
  'already tried',
  'fridge',
  'washer',
  '@',
  'http://',
  '😀',
  '\u200b',
  '\u202e',
  '\n',
  '\t',
  '\u0000',
];

/** One lone UTF-16 surrogate: not valid text, but a client or a forged update can send it. */
const loneSurrogate = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((code) => String.fromCharCode(code));

/** C0 and C1 control characters, DEL, and the bidi and zero-width marks. */
export const controlCharacter = fc
  .oneof(
    fc.integer({ min: 0, max: 0x1f }),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.constantFrom(0x200b, 0x200e, 0x200f, 0x202a, 0x202e, 0x2066, 0x2069, 0xfeff),
  )
  .map((code) => String.fromCharCode(code));

/** Words from the vocabulary above, joined: text that looks like what the parsers read. */
export const wordSalad = (maxWords = 12) =>
  fc.array(fc.constantFrom(...VOCABULARY), { maxLength: maxWords }).map((words) => words.join(''));

/**
 * Text a hostile or careless client may send: any code points, control characters, lone
 * surrogates, parser vocabulary shuffled, and mixtures of all of them.
 */
export const hostileText = (maxLength = 300): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength: Math.min(maxLength, 80) }),
    fc.string({ unit: controlCharacter, maxLength: 40 }),
    wordSalad(),
    fc
      .array(
        fc.oneof(
          wordSalad(3),
          controlCharacter,
          loneSurrogate,
          fc.string({ unit: 'binary', maxLength: 5 }),
        ),
        {
          maxLength: 20,
        },
      )
      .map((parts) => parts.join('')),
  );

/**
 * Text at and beyond Telegram's 4,096-character message limit, built by repeating parser words:
 * the input that makes a backtracking regular expression take seconds.
 */
export const longText = fc
  .tuple(wordSalad(6), fc.integer({ min: 1_000, max: 6_000 }))
  .map(([words, length]) =>
    (words || '9').repeat(Math.ceil(length / Math.max(1, (words || '9').length))).slice(0, length),
  );

/**
 * Milliseconds of this process's CPU `run` takes (user + system). CPU time, not the wall clock: a
 * busy machine (CI's other test files, two cores) stretches the wall clock of a fast parser past
 * any bound, while a backtracking expression burns seconds of CPU wherever it runs. Tests run in
 * forked processes (vitest.config.ts), so the process's CPU is this test's.
 */
export function timed(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1_000;
}

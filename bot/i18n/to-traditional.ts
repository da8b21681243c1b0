import * as OpenCC from 'opencc-js';

const convert = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** Simplified → Traditional (Taiwan standard characters), for catalogue text shown to zh-Hant users. */
export function toTraditional(text: string): string {
  return convert(text);
}

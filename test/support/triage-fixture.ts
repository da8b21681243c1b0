import { readFileSync } from 'node:fs';
import {
  type CategoryCatalogue,
  categoryCatalogueSchema,
  type Label,
  type TriageCatalogue,
  type TriageContent,
  type TriageLexicon,
  triageLexiconSchema,
} from '../../core/index.ts';

type Row = [id: string, label: Label, zh: string[], en: string[]];

const step = (zh: string, en: string) => ({
  action: { zh, en },
  check: { zh: `${zh}后再试`, en: `try again after: ${en}` },
});

function category(
  name: 'refrigerator' | 'washing_machine',
  names: { zh: string[]; en: string[] },
  modelPatterns: string[],
  modelExamples: string[],
  rows: Row[],
): CategoryCatalogue {
  return categoryCatalogueSchema.parse({
    category: name,
    title: { zh: names.zh[0], en: names.en[0] },
    names,
    modelPatterns,
    modelExamples,
    safety: [
      { zh: '立即停止使用', en: 'Stop using it now' },
      { zh: '拔掉电源', en: 'Unplug it' },
    ],
    clarify: {
      zh: `${names.zh[0]}具体是什么情况？`,
      en: `What exactly is the ${names.en[0]} doing?`,
    },
    symptoms: rows.map(([id, label, zh, en]) => ({
      id: `${name}.${id}`,
      label,
      title: { zh: zh[0], en: en[0] },
      phrases: { zh, en },
      steps:
        label === 'misuse'
          ? [step('检查设置', 'check the setting'), step('检查电源', 'check the plug')]
          : [],
      checks:
        label === 'fault'
          ? [step('检查插头', 'check the plug'), step('断电重启', 'restart it')]
          : [],
      ifFails: { zh: '请联系我们', en: 'Please contact us' },
    })),
  });
}

/**
 * A small, stable catalogue for engine unit tests (two categories, eight symptoms each), so those
 * tests do not follow the real catalogue's content churn.
 */
export const FIXTURE_CATALOGUE: TriageCatalogue = [
  category(
    'refrigerator',
    { zh: ['冰箱', '冰柜'], en: ['fridge', 'refrigerator', 'freezer'] },
    ['^BCD-\\d{3}[A-Z]+$'],
    ['BCD-215WDPM'],
    [
      [
        'too-cold',
        'misuse',
        ['冰箱冷藏室东西结冰', '冷藏室太冷菜都冻了', '饮料都冻住了'],
        [
          'fridge too cold',
          'vegetables frozen in the fridge',
          'drinks freezing in the fridge section',
        ],
      ],
      [
        'door-alarm',
        'misuse',
        ['冰箱一直滴滴响', '冰箱门关不严报警', '冰箱门没关好'],
        ['fridge keeps beeping', 'door alarm going off', 'fridge door not closing properly'],
      ],
      [
        'normal-noise',
        'misuse',
        ['冰箱有流水声', '冰箱咔哒咔哒响', '冰箱嗡嗡响正常吗'],
        ['fridge gurgling noise', 'fridge clicking at night', 'fridge humming is that normal'],
      ],
      [
        'no-power',
        'misuse',
        ['冰箱没电了灯也不亮', '冰箱完全不工作', '冰箱插上电没反应'],
        ['fridge completely dead', 'fridge has no power light off', 'fridge not turning on at all'],
      ],
      [
        'not-cooling',
        'fault',
        ['冰箱不制冷了', '冰箱不冷了', '压缩机不启动冰箱不凉'],
        ['fridge not cooling', 'fridge warm inside', 'compressor not starting fridge warm'],
      ],
      [
        'error-code',
        'fault',
        ['冰箱显示E1', '冰箱屏幕显示故障代码', '冰箱报错F2'],
        ['fridge showing E1', 'fridge display error code', 'refrigerator says F2'],
      ],
      [
        'burning',
        'hazard',
        ['冰箱有烧焦味', '冰箱后面冒烟', '冰箱插头冒火花'],
        ['fridge smells like burning', 'smoke from behind the fridge', 'sparks at the fridge plug'],
      ],
      [
        'shock',
        'hazard',
        ['冰箱漏电', '摸冰箱门把手麻手', '碰冰箱被电了一下'],
        [
          'fridge gave me an electric shock',
          'tingling when touching the fridge',
          'fridge door handle shocks me',
        ],
      ],
    ],
  ),
  category(
    'washing_machine',
    { zh: ['洗衣机', '滚筒'], en: ['washer', 'washing machine'] },
    ['^XQG\\d{2,3}-[A-Z0-9]+$'],
    ['XQG100-B12866'],
    [
      [
        'wont-start',
        'misuse',
        ['洗衣机按了启动没反应', '洗衣机启动不了', '洗衣机门没关好不启动'],
        [
          "washer won't start",
          'washing machine does not start when i press start',
          'washer door not shut so it will not start',
        ],
      ],
      [
        'child-lock',
        'misuse',
        ['洗衣机显示一把锁', '洗衣机按键都没反应有锁的图标', '童锁打开了'],
        ['washer shows a lock symbol', 'child lock is on', 'buttons do nothing lock icon'],
      ],
      [
        'not-draining',
        'misuse',
        ['洗衣机不排水', '洗衣机排水很慢', '洗衣机里面都是水排不掉'],
        ['washer not draining', 'water left in the drum', 'washing machine drains slowly'],
      ],
      [
        'unbalanced',
        'misuse',
        ['洗衣机脱水震得厉害', '洗衣机甩干的时候跳', '洗衣机脱水走位'],
        [
          'washer shaking on spin',
          'washing machine walking across the floor',
          'washer bangs during spin',
        ],
      ],
      [
        'drum-not-spinning',
        'fault',
        ['洗衣机滚筒不转', '洗衣机有嗡嗡声但是不转', '电机响但是滚筒不动'],
        ['washer drum not spinning', 'motor hums but drum does not turn', 'drum stuck'],
      ],
      [
        'leaking',
        'fault',
        ['洗衣机漏水', '洗衣机底下流了一地水', '洗衣机底部漏水'],
        ['washing machine leaking', 'water under the washer', 'washer leaks from the bottom'],
      ],
      [
        'burning',
        'hazard',
        ['洗衣机有烧焦味', '洗衣机冒烟了', '洗衣机后面有火花'],
        ['burning smell from washer', 'washer is smoking', 'sparks behind the washing machine'],
      ],
      [
        'shock',
        'hazard',
        ['洗衣机漏电', '摸洗衣机外壳麻手', '碰洗衣机被电'],
        ['washer gave me a shock', 'tingling when touching the washer', 'washing machine is live'],
      ],
    ],
  ),
];

/** The real lexicon (engine vocabulary is code-like data; its own tests cover it). */
export function fixtureLexicon(): TriageLexicon {
  const file = new URL('../../prompts/triage/lexicon.json', import.meta.url);
  return triageLexiconSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export function fixtureContent(): TriageContent {
  return { catalogue: FIXTURE_CATALOGUE, fallback: fixtureLexicon().fallback };
}

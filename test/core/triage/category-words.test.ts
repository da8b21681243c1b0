import { describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import { type Category, createTriageEngine } from '../../../core/index.ts';

const { catalogue, lexicon, model } = loadTriageContent();
/** The bot's engine: the rules and the learned model. */
const engine = createTriageEngine(catalogue, { lexicon, model });

/**
 * The words customers really use for a product — brands, models, regional names, the part they
 * see — in English, Simplified and Traditional / Cantonese (written for the mechanism, not copied
 * from an evaluation set). Each names its category.
 */
const NAMED: [Category, string[]][] = [
  [
    'network',
    [
      'my eero keeps dropping the connection every evening',
      'the ONT light is red since this morning',
      'synology NAS will not show up on the network',
      '软路由刷了openwrt以后上不了网',
      '旁路由设置好了手机还是连不上',
      'R2S 的 LAN 口不亮',
      '光貓桥接之後連唔到',
    ],
  ],
  [
    'computer',
    [
      'my MacBook Pro will not wake from sleep',
      'ThinkPad X1 Carbon keyboard stopped typing',
      'blue screen every time I start a game on windows 11',
      '笔记本开机就蓝屏',
      '筆電開機好慢',
      '部手提電腦開唔到機',
    ],
  ],
  ['tv', ['the Roku shows no signal on HDMI 2', '机顶盒连上电视没有画面', '電視盒子播放好卡']],
  ['refrigerator', ['the ice maker stopped making ice', '雪櫃冷藏室好暖', '冷冻室结了很多霜']],
  [
    'air_conditioner',
    [
      'the mini split is blowing warm air',
      'the ductless unit drips inside',
      '分体机制冷效果很差',
      '冷氣機好嘈',
      '掛機開咗冇凍氣',
    ],
  ],
  [
    'water_heater',
    [
      'the tankless unit gives lukewarm water',
      'my Rinnai shows code 11',
      '熱水爐冇熱水',
      '煤氣爐點唔着火',
      '壁挂炉打不着火',
    ],
  ],
  ['washing_machine', ['the front loader will not drain', '滾筒洗衣機唔脫水', '波轮洗衣机不进水']],
  [
    'microwave',
    ['the over the range microwave fan will not turn off', '叮爐唔熱', '微波爐轉盤唔轉'],
  ],
  ['dishwasher', ['the rinse aid light stays on', '洗碗機洗完啲碗仲係污糟', '洗碗机喷臂不转']],
];

/**
 * Words that name a product by what only it has or does (a clothes dryer is the laundry appliance,
 * a shower is where a water heater shows, a mobile hotspot is network gear), in each script.
 */
const BY_CLASS: [Category, string[]][] = [
  [
    'washing_machine',
    [
      'the tumble dryer leaves everything damp',
      'our clothes dryer squeals when it turns',
      'the lint trap is empty but drying takes two hours',
      '烘干机烘了两小时还是湿的',
      '干衣机转一会就停',
      '乾衣機唔熱',
      '洗烘一体机烘干不热',
      '甩干的时候整个机子在跳',
    ],
  ],
  [
    'network',
    [
      'the mobile hotspot drops every few minutes',
      'my mifi will not charge',
      'the broadband hub light is orange',
      '随身wifi用着用着就断了',
      '黑群暉更新DSM後進唔到',
    ],
  ],
  [
    'computer',
    [
      'the fn keys stopped changing the volume',
      'wireless card not detected after the update',
      '黑蘋果聲卡冇聲',
      '无线网卡驱动装了也没用',
    ],
  ],
  ['tv', ['after a channel scan half the channels are gone', '电视盒子开机卡在logo', '換台好慢']],
  [
    'water_heater',
    ['there is no hot water in the shower', '花洒出来的水一阵冷一阵热', '沖涼啲水唔夠熱'],
  ],
  ['air_conditioner', ['the swamp cooler blows warm air', '空调每年都要加氟', '冷氣要加雪種']],
  ['refrigerator', ['all the frozen food thawed', '急凍格唔凍', '冷冻格结了一层冰']],
];

describe('category words customers use', () => {
  for (const [category, texts] of NAMED) {
    it.each(texts)(`%j names ${category}`, (text) => {
      expect(engine.classify(text).category?.id).toBe(category);
    });
  }
  for (const [category, texts] of BY_CLASS) {
    it.each(texts)(`%j names ${category} by what only it has`, (text) => {
      expect(engine.classify(text).category?.id).toBe(category);
    });
  }

  it('does not take a hair dryer for a clothes dryer', () => {
    expect(
      engine.classify('I dried the router with a hair dryer and it still will not start').category
        ?.id,
    ).toBe('network');
  });
});

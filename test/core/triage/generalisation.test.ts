import { describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import { createTriageEngine, type Label } from '../../../core/index.ts';

const { catalogue, lexicon } = loadTriageContent();
const engine = createTriageEngine(catalogue, { lexicon });

/**
 * Hazard wording per hazard type, in Simplified, Traditional, Cantonese and English, written for
 * the mechanism (not taken from an evaluation set). Safety first: every one must read as a hazard.
 */
const HAZARDS: Record<string, string[]> = {
  smoke: [
    '电视后面冒出一股烟',
    '冰箱后面冒出白烟',
    '电脑主机冒黑烟了',
    '雪櫃後面冒煙，仲有啪啪聲',
    'black smoke coming out of the tv',
  ],
  'burning smell': [
    '电视后面有烧糊的味道',
    '闻到电线烧的味道，是从空调那边来的',
    '路由器有烧焦的味',
    '洗衣机有股烧胶皮的味道',
    '冰箱后面有股焦臭味',
    '部冷氣有陣燶味',
    'smell of burning wires from the aircon',
    'the router smells like melting plastic',
    'the plug is hot to the touch and smells',
  ],
  'sparks or flash': [
    '微波炉里面有电火花，啪啪响',
    '微波爐入面有火花',
    'the tv made a crackling sound and there was a flash',
    'saw a flash behind the fridge when I plugged it in',
    'arcing inside the microwave, blue flashes',
  ],
  fire: [
    '微波炉里有火光',
    '电脑主机里有火星',
    'flames inside the microwave',
    'the microwave caught fire',
  ],
  shock: [
    '洗衣机摸着电手',
    '热水器出水有点电',
    '碰到冰箱门把手麻电',
    '摸電視外殼會電手',
    '洗衣機電親我',
    'got a jolt when I touched the washing machine',
    'felt a zap when touching the fridge door',
  ],
  gas: ['熱水爐有煤氣味', '热水器附近闻到一股气味，像是燃气', 'smells like gas around the boiler'],
  'water on electrics': [
    '洗衣机漏水，流到旁边的插线板上了',
    '水溅到接线板上了，冰箱的插头就插在上面',
    '拖线板泡水了，洗碗机还插着',
    'water leaking onto the power strip under the dishwasher',
  ],
  'melted or scorched power parts': [
    '冰箱插头熔了一块',
    '微波炉插头都熔掉了',
    '空调插头烧熔了',
    '洗碗機個插頭溶咗',
    '路由器电源适配器烫到融了',
    '冷氣機插頭燒黑咗',
    'the power cord is melted near the plug',
    'the outlet is blackened where the fridge plugs in',
  ],
  'swollen battery': [
    '笔记本电池鼓起来了，触控板被顶起',
    '部電腦啲電池脹咗',
    'the laptop battery is puffy',
  ],
};

/** Normal things that look like danger words: not a hazard. */
const NOT_HAZARDS = [
  '空调出风口冒白烟，像烟一样，但是没有味道',
  '冷氣出風口噴白霧，好似煙咁，但係冇味',
  '新买的微波炉第一次用有股塑料味，正常吗',
  'the new fridge smells like plastic inside',
  '燃气热水器打火的时候能看到蓝色的火苗，正常吗',
  '电池还有点电，但是笔记本开不了机',
  'the power light flashes red three times',
  'fridge makes crackling noises at night',
  '冰箱冷藏室不凉了，已经拔插过电源了还是一样',
  'my front loader smells musty and the towels come out smelling off',
];

describe('hazard wording per hazard type', () => {
  for (const [kind, texts] of Object.entries(HAZARDS)) {
    it.each(texts)(`${kind}: reads %j as a hazard`, (text) => {
      expect(engine.classify(text).label).toBe('hazard');
    });
  }
  it.each(NOT_HAZARDS)('does not make a hazard of %j', (text) => {
    expect(engine.classify(text).label).not.toBe('hazard');
  });
});

describe('already tried and settings-fine wording leans to fault', () => {
  it.each([
    '路由器重启了好几次还是没网',
    '電視冇聲，重開咗機都係咁',
    '电视没声音，音量是开着的，也没静音',
    '光猫直连电脑能上网，接路由器就没网',
    'keypad half dead, it is not the child lock, other buttons work fine',
    'dishwasher still full of water. cleaned the filter and checked the hose',
    'pc shuts down when gaming, not overheating, temps are fine',
  ])('%j', (text) => {
    const result = engine.classify(text);
    expect(result.cues.alreadyTried).toBe(true);
    expect(result.label).toBe('fault');
  });

  it.each([
    ['按开始都没反应 (no response at all) is no check', '洗衣机按开始都没反应，屏幕上有个锁'],
    ['是不是 is a question, not a ruled-out cause', '电视没信号，是不是信号源没切换'],
    ['又正常 (normal again when plugged in) is no check', '笔记本一拔电源屏幕就暗，插上又正常'],
  ])('%s', (_, text) => {
    expect(engine.classify(text).cues.alreadyTried).toBe(false);
  });
});

describe('everyday causes and normal behaviour lean to misuse', () => {
  const cases: [string, Label][] = [
    ['新冰箱今天刚送到，插上电三个小时了还不太冷', 'misuse'],
    ['电热水器昨天刚装好，加热了一个多小时水还是温的，要等多久', 'misuse'],
    ['微波炉停电之后屏幕一直在闪，按开始没反应', 'misuse'],
    ['the microwave clock is blinking after a power cut and start does nothing', 'misuse'],
    ['小孩乱按了一通，洗衣机屏幕上出现一个锁，按键都没反应', 'misuse'],
    ['电视每个台都有字幕，怎么关掉', 'misuse'],
    ['冰箱两侧摸着很热，里面制冷正常，这正常吗', 'misuse'],
    ['燃气热水器水开小了就不热，开大才热', 'misuse'],
    ['dishwasher smells bad after we were away for two weeks', 'misuse'],
    ['千兆交换机网口灯是橙色的，速度只有100M，网线是很旧的', 'misuse'],
  ];
  it.each(cases)('%j', (text, label) => {
    expect(engine.classify(text).label).toBe(label);
  });

  it.each([
    ['getting louder', 'the aircon outdoor unit makes a grinding noise and it is getting louder'],
    ['用了几年，比以前响', '微波炉用了五年，加热时声音比以前大多了'],
  ])('a symptom that grew over time is a fault (%s)', (_, text) => {
    expect(engine.classify(text).label).toBe('fault');
  });
});

describe('a cause the customer found themselves leans to misuse', () => {
  it.each([
    '洗碗机插排的开关是关着的，可能是打扫卫生的时候碰到的，洗碗机不亮',
    'the router was dead, then I saw the switch on the extension lead had been turned off',
    '笔记本触控板不能用了，外接鼠标可以，可能不小心按到了快捷键',
    'laptop touchpad stopped responding, I must have pressed some function key',
  ])('%j', (text) => {
    const result = engine.classify(text);
    expect(result.label).toBe('misuse');
  });

  it('a connection that was not made is no cause', () => {
    expect(engine.classify('电视没声音，没接音响，静音也关了，音量是开着的').label).toBe('fault');
  });
});

describe('everyday causes added to the catalogue', () => {
  it.each([
    ['冰箱屏幕上有个锁的标志，按哪里都调不了温度', 'refrigerator.control-panel-locked'],
    [
      'fridge panel shows a padlock and the buttons do nothing',
      'refrigerator.control-panel-locked',
    ],
    ['电视老是弹出产品功能的宣传画面，图像亮得刺眼', 'tv.store-demo-mode'],
    ['the tv keeps going back to that showroom picture with ads', 'tv.store-demo-mode'],
    ['热水器放出来的热水像牛奶一样白，过一会儿就清了，正常吗', 'water_heater.milky-water-air'],
  ])('%j', (text, symptom) => {
    const result = engine.classify(text);
    expect(result.label).toBe('misuse');
    expect(result.symptom?.id).toBe(symptom);
  });

  it('a microwave egg that burst is a mess, not a hazard', () => {
    expect(engine.classify('微波炉里鸡蛋炸了，到处都是，有点味道').label).not.toBe('hazard');
    expect(engine.classify('the microwave sparks and there is a burning smell').label).toBe(
      'hazard',
    );
  });
});

/**
 * "不太冷" is "not very cold" (not cold enough), though its characters hold "太冷" (too cold): a
 * degree negated before the adjective reads as "not enough" in every script.
 */
describe('a negated degree ("不太冷", "唔係好凍") is not enough, not too much', () => {
  it.each([
    ['冰箱不太冷，牛奶放一天就酸了', 'refrigerator.too-cold-food-frozen'],
    ['冰箱不怎么冷', 'refrigerator.too-cold-food-frozen'],
    ['雪櫃唔係好凍', 'refrigerator.too-cold-food-frozen'],
    ['冰箱不是很冷', 'refrigerator.too-cold-food-frozen'],
  ])('%j is not read as too cold', (text, notThis) => {
    const result = engine.classify(text);
    expect(result.symptom?.id).not.toBe(notThis);
    expect(result.symptom?.id).toMatch(/^refrigerator\.not-(cold-enough|cooling)/);
  });

  it.each(['热水器的水不怎么热', '熱水器啲水唔係好熱', '热水器水不太热'])(
    '%j is water not hot enough',
    (text) => {
      expect(engine.classify(text).symptom?.id).toMatch(/^water_heater\..*not-hot/);
    },
  );

  it('too cold is still too cold', () => {
    expect(engine.classify('冰箱太冷了，菜都冻了').symptom?.id).toBe(
      'refrigerator.too-cold-food-frozen',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import { createTriageEngine } from '../../../core/index.ts';

const { catalogue, lexicon } = loadTriageContent();
const engine = createTriageEngine(catalogue, { lexicon });

/** Safety first: ways customers describe danger that must always read as a hazard. */
const HAZARDS = [
  '冰箱外壳带电',
  '热水器外壳有电，手摸上去麻麻的',
  '洗衣机摸着有电',
  '煤气泄露了',
  '燃气热水器那边有煤气的味道',
  '電視後面冒煙',
  '雪櫃插頭燒焦咗',
  'gas odour near the water heater',
  'burning odor from the tv',
  'flames came out of the microwave',
  'smoldering smell from the dishwasher',
  'the laptop battery is swollen and the case is bulging',
  'I did not notice the burning smell until today, it is strong now',
  '之前没闻到焦味，现在很明显',
  'water is dripping onto the socket behind the washer',
];

/** Negated danger is not danger: these are faults or misuse, not hazards. */
const NOT_HAZARDS = [
  "no smoke, no burning smell, the tv just won't turn on",
  '冰箱没有焦味，就是不制冷',
  'no sparks or smoke, the microwave just does not heat',
];

describe('hazard wording', () => {
  it.each(HAZARDS)('reads %j as a hazard', (text) => {
    expect(engine.classify(text).label).toBe('hazard');
  });
  it.each(NOT_HAZARDS)('reads negated danger %j as no hazard', (text) => {
    expect(engine.classify(text).label).not.toBe('hazard');
  });
});

describe('water and electrics', () => {
  it.each([
    'washer leaked water onto the power socket',
    'water is dripping from the geyser onto the switch box',
    '水漏到插座上了',
  ])('reads %j as a hazard', (text) => {
    expect(engine.classify(text).label).toBe('hazard');
  });
  it('does not read "switched on at the plug" in a water heater message as water on electrics', () => {
    expect(
      engine.classify('geyser switched on at the plug but water still cold after 10 min').label,
    ).not.toBe('hazard');
  });
});

type Script = 'Simplified' | 'Traditional' | 'Cantonese' | 'English';

/**
 * Whole reports, told the way customers tell them, family by family in all four scripts: the
 * engine (with its hazard net) must put every one on the hazard path (issue 8).
 */
const REPORTS: Record<string, Record<Script, string[]>> = {
  smoke: {
    Simplified: ['洗衣机控制面板那里冒出一丝烟', '空调外机风扇那里冒烟'],
    Traditional: ['電視嗞嗞聲後冒出一陣煙'],
    Cantonese: ['部機有陣燶味同埋冒煙'],
    English: [
      'The washer was mid cycle and I noticed a thin trail of smoke from the control panel',
      'our oven started billowing smoke on self clean and it isn’t stopping',
    ],
  },
  'burning, scorched or melted': {
    Simplified: [
      '停电来电后空调插头那里有烧焦味',
      '电暖器插座融化了一半',
      '洗碗机面板有个角烧焦了',
    ],
    Traditional: ['冷氣插頭有燒焦味'],
    Cantonese: ['微波爐入面燒黑咗一忽，一叮就打火'],
    English: [
      'So we were out and when we got home the whole place smelled like an electrical fire',
      'I went to unplug the space heater and the outlet face was partly melted',
      'The fridge plug melted and welded itself into the socket',
    ],
  },
  'sparks, arcing, a flash or a bang': {
    Simplified: ['电饭煲插头一插就噼啪响', '冰箱漏水滴进插排，啪的一声'],
    Traditional: ['插頭一插就冒火星'],
    Cantonese: ['雪櫃漏水滴落拖板，啪一聲'],
    English: [
      'my microwave has a black burnt patch on the inside wall and sparks when it runs',
      'a pop and a puff of smoke from the back of the monitor',
    ],
  },
  fire: {
    Simplified: ['冰箱后面起火，我们用毯子扑灭了', '电视砰一声，散热孔有小火苗'],
    Traditional: ['微波爐加熱的時候裡面起火'],
    Cantonese: ['部電視嘭一聲，有火苗'],
    English: [
      'fire at the back of the fridge, we put it out with a blanket',
      'the heater caught the curtain alight',
    ],
  },
  shock: {
    Simplified: ['老公说碰烘干机被电了', '谁碰冰箱门都会被电'],
    Traditional: ['熱水器外殼漏電，摸到會麻'],
    Cantonese: ['掂部洗衣機手臂彈咗一下'],
    English: [
      'I touched the washing machine and my arm jolted',
      'the fridge is electrifying anyone who touches the door',
      'the shower gives a mild shock when you touch the mixer',
    ],
  },
  gas: {
    Simplified: ['热水器柜子里有明显的煤气味', '锅炉房有股臭鸡蛋的味道'],
    Traditional: ['廚房有瓦斯味'],
    Cantonese: ['熱水爐個櫃有好重煤氣味'],
    English: [
      'we smell propane near the tankless water heater',
      'our carbon monoxide alarm went off twice last night',
    ],
  },
  'a swelling battery and what it does': {
    Simplified: ['笔记本电池鼓起来，键盘也被顶高了', '平板屏幕被电池顶出来了'],
    Traditional: ['筆電電池膨脹，觸控板被頂起'],
    Cantonese: ['手提電腦電池谷起，鍵盤都頂高咗'],
    English: [
      'my tablet screen popped out of the frame because of the battery',
      'the laptop battery has swollen so much the case cracked',
    ],
  },
  'a leakage breaker tripping at the appliance': {
    Simplified: ['热水器一加热漏电保护器就跳', '洗衣机一脱水，全屋就没电'],
    Traditional: ['熱水器一開，漏電開關就跳'],
    Cantonese: ['洗碗機一加熱，漏電掣就跳'],
    English: [
      'the RCD in the consumer unit clicks off as soon as the immersion heater comes on',
      'the washing machine trips the RCD halfway through the wash',
    ],
  },
  'water reaching electrics': {
    Simplified: ['洗衣机漏水流进后面的插座', '楼上漏水滴到插座里'],
    Traditional: ['洗衣機漏水流進後面的插座'],
    Cantonese: ['部冷氣滴水滴落插蘇'],
    English: ['water from the washer is running into the socket behind it'],
  },
  'scalding water': {
    Simplified: ['出水烫得像开水一样，孩子被烫伤'],
    Traditional: ['出水燙得像開水'],
    Cantonese: ['花灑突然出滾水，個仔俾佢燙親'],
    English: ['the shower water suddenly came out scalding and my son got burned'],
  },
  'dangerous pressure or something bursting': {
    Simplified: ['热水器泄压阀往外喷', '烤箱门玻璃碎成一地'],
    Traditional: ['熱水器洩壓閥噴水'],
    Cantonese: ['焗爐門玻璃碎到一地都係', '熱水爐泄壓閥噴水'],
    English: [
      'the water heater relief valve is spewing',
      'our oven’s glass door spontaneously shattered',
      'the water heater tank is swollen at the top',
    ],
  },
};

/**
 * Longer stories, where the danger is one clause among others and told by what was seen, heard,
 * felt or smelt (written after the rounds above, as real reports are told).
 */
const STORIES: [Script, string][] = [
  [
    'English',
    'Last night the fridge went quiet, then there was a loud click and a sort of fizzing noise from the back. My son says he saw a blue light flicker behind it.',
  ],
  [
    'English',
    'This morning the toaster oven would not stop; the elements stayed glowing even after the timer ran out and the crumbs caught.',
  ],
  ['English', 'When I mop the floor near the dryer and touch it I feel a little electric prickle.'],
  [
    'English',
    "There's been a faint rotten smell in the basement for a week, near the furnace and water heater, and the pilot keeps going out.",
  ],
  [
    'English',
    'Every few days the bathroom and kitchen lose power together; the box in the hall shows the RCD down, usually while the washing machine is on heat.',
  ],
  [
    'English',
    'The microwave was running with nothing inside and there was a bright light and a crackle.',
  ],
  ['Simplified', '冰箱突然不响了，接着后面啪嗒一声，还有滋滋的声音，儿子说看到后面有蓝光一闪。'],
  ['Simplified', '女儿一手扶着不锈钢水槽一手碰洗衣机，说被扎了一下。'],
  ['Simplified', '地下室这一周一直有股臭味，在热水器和锅炉附近，火还老是灭。'],
  ['Simplified', '打开水龙头喷出一股蒸汽和开水，热水器嗡嗡响。'],
  ['Simplified', '空调外机电线上有一块黑的，外皮都裂开发脆了。'],
  ['Traditional', '打開水龍頭噴出一股蒸汽和開水。'],
  ['Cantonese', '洗碗機有陣好攻鼻嘅化學味，插頭隻腳變咗色。'],
  ['Cantonese', '個女一隻手揸住不銹鋼盆一隻手掂洗衣機，話俾佢拮咗一下。'],
  ['Cantonese', '打開水喉噴咗啲蒸氣同滾水出嚟。'],
  [
    'English',
    'the monitor started making a high pitched whine then a puff came out the top vent and it died',
  ],
  ['English', 'the instant water heater shoots out boiling water and steam when first turned on'],
  ['English', "the water heater's popping valve keeps going off and spraying"],
  ['Simplified', '电水壶的线弯折的地方发黑还有味道'],
  ['Simplified', '冰箱制冰的水管漏水，正好滴在插排上'],
  ['Cantonese', '電水煲條線屈咗嗰度黑咗仲有陣味'],
];

/** The same families denied, or their words in an ordinary sense: no hazard path. */
const CALM: [Script, string][] = [
  ['Simplified', '没有煤气味，就是点不着火'],
  ['Simplified', '插座没有发黑，也没有焦味'],
  ['Simplified', '冰箱门和密封条之间有缝'],
  ['Simplified', '烤面包一面烤焦了'],
  ['Traditional', '沒有燒焦味，只是不製冷'],
  ['Traditional', '電池不耐用'],
  ['Cantonese', '冇漏電，只係唔熱'],
  ['Cantonese', '冇燶味，淨係唔凍'],
  ['Cantonese', '燒水壺水開咗唔會跳'],
  ['English', 'there is no burning smell and no smoke, it just stopped'],
  ['English', 'the GFCI has not tripped, the outlet has power'],
  ['English', 'the power goes off in the whole street sometimes, then the fridge beeps'],
  ['English', 'the laptop battery only lasts an hour'],
  ['English', 'the hot water runs out after one shower'],
  ['English', 'the microwave won’t stop beeping after it finishes'],
  ['English', 'the router’s blue light flickers all night'],
  ['Simplified', '新冰箱有股刺鼻的塑料味，正常吗'],
  ['Simplified', '显示器有电流声'],
  ['Cantonese', '抽濕機唔抽水'],
];

describe('hazard reports in the words customers use', () => {
  for (const [kind, scripts] of Object.entries(REPORTS)) {
    for (const [script, texts] of Object.entries(scripts)) {
      it.each(texts)(`${kind} (${script}): reads %j as a hazard`, (text) => {
        expect(engine.classify(text).label).toBe('hazard');
      });
    }
  }
  it.each(STORIES)('a story (%s): reads %j as a hazard', (_, text) => {
    expect(engine.classify(text).label).toBe('hazard');
  });
  it.each(CALM)('no hazard path (%s): %j', (_, text) => {
    expect(engine.classify(text).label).not.toBe('hazard');
  });
});

import { describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import { createHazardNet, createTriageEngine } from '../../../core/index.ts';

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

/**
 * Issue 8, the everyday words: hazards told by what the customer felt, saw, heard or smelt rather
 * than by a danger word — a plug too hot to touch or gone soft, molten or black, water reaching a
 * light or a switch, a crackle and a flash, a casing pushed out, a tingle or a numb hand, a smell
 * of hot plastic or fish, water that marks the skin, a gauge in the red — across the nine products
 * in English (British and non-native too), Simplified, Traditional and Cantonese. The net alone
 * reads them, no classifier behind it (probes written for this round; 29 of the 415 rows failed
 * before it).
 */
const EVERYDAY: Record<string, [Script, string][]> = {
  'heat to the touch': [
    ['English', 'the plug was too hot to touch after the washing machine ran'],
    ['English', 'the fridge cord got really hot, like burning hot'],
    ['English', 'the socket behind the microwave is red hot'],
    ['English', "the aircon plug is so hot I can't hold it"],
    ['English', 'the power lead of the dishwasher was roasting hot where it goes into the wall'],
    ['English', 'the laptop charger brick got so hot it burnt my hand'],
    ['English', 'the router adapter is scorching hot to touch'],
    ['English', 'the extension lead the tv is on was boiling hot'],
    ['English', 'the water heater plug is hot, really hot, you cannot keep your hand on it'],
    ['English', 'the plug of the washer was searing hot and a bit discoloured'],
    ['Simplified', '洗衣机插头烫手'],
    ['Simplified', '空调插座摸着烫得不行'],
    ['Simplified', '冰箱电源线热得发烫'],
    ['Simplified', '热水器插头烫到不敢摸'],
    ['Simplified', '微波炉插头用完很烫手'],
    ['Traditional', '冷氣插頭好燙手'],
    ['Cantonese', '部雪櫃個插蘇熱到辣手'],
    ['Cantonese', '雪櫃條電線熱到焫手'],
    ['English', "the socket is scorching hot and there's a ticking sound"],
    ['English', 'plug got so hot the plastic warped'],
    ['English', 'the water heater is making a whistling sound and the pipes are too hot to touch'],
    ['Simplified', '插座热到变形了'],
    ['Cantonese', '冷氣插頭黑咗同埋熱到好燙'],
    ['English', 'washing machine socket very hot and have burning smell little bit'],
    ['English', 'my fridge plug become black colour and hot'],
    ['English', 'water heater the wire very hot until melt'],
    ['English', 'router adapter very very hot cannot touch, got melting smell'],
    ['Simplified', '光猫电源适配器烫得不行，还有股焦味'],
    ['Cantonese', '路由器火牛熱到燙手'],
  ],
  'melted, molten or soft': [
    ['English', 'the plug is partially molten'],
    ['English', 'the dishwasher plug has melted a bit into the socket'],
    ['English', 'the fridge plug prongs look melted'],
    ['English', 'the back of the tv plug melted, the plastic is all deformed'],
    ['English', 'part of the socket has melted where the aircon plugs in'],
    ['Simplified', '空调插头有点熔化了'],
    ['Simplified', '冰箱插头都融了'],
    ['Simplified', '插座烧熔了一块，洗衣机插在上面'],
    ['Cantonese', '電線熔咗'],
    ['Cantonese', '插頭溶咗少少'],
    ['Cantonese', '微波爐插頭熔咗一半'],
    ['English', 'a melting plastic smell from the computer'],
    ['English', 'the plug on the fridge is discoloured and smells funny'],
    ['English', 'the plug pins have gone brown and the plastic is soft'],
    ['English', 'the lead of the microwave is warm and soft near the plug'],
    ['English', 'the fridge plug went soft and is bent out of shape'],
    ['English', 'the socket is soft from the heat'],
    ['Simplified', '插头变色了，还有点软'],
    ['Cantonese', '插蘇熔咗少少'],
    ['English', 'no burning smell, but the plug is partially molten'],
    ['English', "the fridge's plug got melted and stuck to the socket"],
    ['Cantonese', '洗衣機插頭燒到溶咗'],
  ],
  'water reaching electrics or a light': [
    [
      'English',
      'water is dripping from the ceiling light under the bathroom, the water heater is above',
    ],
    ['English', 'the air conditioner is leaking water onto the light fitting below it'],
    [
      'English',
      'water leaking from the fridge is pooling around the extension socket on the floor',
    ],
    ['English', 'the washer leaks and the water runs under the plug board'],
    ['English', 'the dishwasher leaked and the socket under the sink is wet'],
    ['English', 'the aircon drips straight onto the power point below'],
    ['Simplified', '空调滴水滴到下面的灯上'],
    ['Simplified', '热水器漏水，下面的插座都湿了'],
    ['Simplified', '洗衣机漏水漏到插线板那里'],
    ['Simplified', '天花的灯有水滴下来，楼上热水器漏水'],
    ['Cantonese', '冷氣滴水滴落個燈度'],
    ['Cantonese', '洗碗機漏水，下面個插蘇濕晒'],
    ['Traditional', '熱水器漏水流到插座'],
    ['English', 'water came out of the washer and into the extension lead'],
    ['English', 'the water heater is leaking from the top near the wires'],
    ['English', 'water is coming out of the fuse box since the washer leaked'],
    ['English', 'water dripping onto the extension cord from the aircon'],
    ['English', 'the dishwasher leaked into the electrical box under the sink'],
    ['Simplified', '热水器外壳漏水，漏到下面的电线上'],
    ['Simplified', '洗碗机漏水到插座上，啪一声就跳闸了'],
    ['Traditional', '熱水器漏水漏到插頭度'],
    ['English', 'the aircon indoor unit water drip on the power socket below'],
    ['English', 'the geyser is leaking onto the switch'],
  ],
  'a crackle, pop or bang and a flash': [
    ['English', 'there was a crackling sound and a flash from the back of the tv'],
    ['English', 'the microwave made a popping sound and a flash inside'],
    ['English', 'I heard a pop and saw a flash at the plug when I switched the washing machine on'],
    [
      'English',
      'a loud crack and a blue flash from the socket when I plugged the kettle in, then the fridge died',
    ],
    [
      'English',
      'the aircon made a crackling noise and I saw a little light flash behind the panel',
    ],
    ['English', 'the computer psu went pop with a flash and now nothing'],
    ['Simplified', '电视后面噼啪响了一下还闪了一下光'],
    ['Simplified', '插头插上去啪一声闪了个火花'],
    ['Simplified', '空调啪的一声亮了一下然后就停了'],
    ['Cantonese', '部電腦火牛啪一聲閃咗一下'],
    ['Cantonese', '插蘇有啲噼噼啪啪聲仲閃光'],
    ['English', "the tv went bang and the picture's gone, smells strange"],
    ['Cantonese', '部冷氣嘭一聲冒咗啲煙'],
    ['English', 'there was no smoke but a pop and a bright flash from the socket'],
    ['English', 'the computer power supply make loud sound "pak" and got smell'],
    ['Simplified', '洗衣机插头打火，啪啪响'],
    ['Simplified', '微波炉里面有火光闪'],
    ['Simplified', '插冰箱插头的时候啪的一下有火花'],
  ],
  'a blackened plug or socket': [
    ['English', 'the outlet is black around the fridge plug'],
    ['English', 'the socket the washing machine uses has gone black'],
    ['English', "there's black marks round the plug pins of the dishwasher"],
    ['English', 'the plug of the heater is brown and black on one pin'],
    ['Simplified', '插座发黑了，冰箱插在上面'],
    ['Simplified', '洗衣机插头发黑'],
    ['Simplified', '空调插座那里黑了一圈'],
    ['Cantonese', '插座黑咗一笪'],
    ['Cantonese', '插頭燒到黑咗'],
    ['English', 'the fridge plug has brown marks and the socket face is cracked from the heat'],
    ['English', "the microwave smells of burning and there's a brown mark on the ceiling of it"],
    ['Simplified', '插头那里发黄发黑，一股怪味'],
    ['Simplified', '没闻到焦味，但插座黑了一块'],
    [
      'English',
      'the microwave hums loud and the plate area has burning black spots and sparks sometimes',
    ],
    ['Simplified', '冰箱后面的线烧黑了'],
    ['Cantonese', '雪櫃後面嗰條線燒黑咗'],
  ],
  'a casing or battery pushed out': [
    ['English', 'the casing bulged on my laptop'],
    ['English', 'the bottom of the laptop is bulging out and it wobbles on the table'],
    ['English', 'the back of the tv has a bulge and it smells'],
    ['English', "my laptop's trackpad is being pushed up and the case has lifted"],
    ['English', "the battery in my macbook has expanded, the lid doesn't close"],
    ['English', 'the router power adapter has puffed up'],
    ['Simplified', '笔记本电脑底壳鼓起来了'],
    ['Simplified', '电脑电池变大了，后盖合不上'],
    ['Cantonese', '筆電外殼凸咗出嚟'],
    ['Cantonese', '手提電腦個底谷起咗'],
    ['English', 'the hot water tank is bulging'],
    ['Simplified', '路由器的电源适配器鼓包了'],
    ['Simplified', '笔记本电池把触控板顶起来了'],
    ['English', 'laptop bottom become swollen, cannot put flat on table'],
    ['English', 'the laptop screen is lifting away from the body at the hinge'],
    ['English', "the keyboard on my laptop is raised in the middle and the trackpad won't click"],
    ['English', 'the laptop case is separating at the bottom and it rocks on the desk'],
    ['English', "the back of the tablet is coming apart, there's a gap along the edge"],
    ['Simplified', '笔记本键盘中间拱起来了'],
    ['Simplified', '笔记本底部裂开一条缝，放桌上会晃'],
    ['Cantonese', '筆電個mon同機身分開咗'],
    ['Traditional', '手提電腦鍵盤中間凸起'],
  ],
  'a tingle, numbness or a jolt': [
    ['English', 'it tingles when I touch it'],
    ['English', 'my fingers tingle when I touch the washing machine door'],
    ['English', 'I get a little tingle off the fridge handle'],
    ['English', 'touching the metal of the water heater gives a tingle'],
    ['English', 'the laptop feels like it buzzes on my fingers when the charger is in'],
    ['English', 'when I touch the dishwasher I feel a slight electric current'],
    ['Simplified', '外壳有点麻'],
    ['Simplified', '洗衣机外壳摸着有点麻麻的'],
    ['Simplified', '冰箱门把手摸上去有点麻'],
    ['Simplified', '摸电脑机箱手指发麻'],
    ['Cantonese', '外殼有啲麻'],
    ['Cantonese', '掂部洗衣機有啲麻痺痺'],
    ['Cantonese', '熱水爐外殼有啲痹'],
    ['English', 'the wall socket is warm and buzzing when the aircon runs'],
    ['English', 'it gave me a belt when I touched the washing machine'],
    ['English', 'I got a nip off the fridge door'],
    ['English', 'the dishwasher gave me a little jolt when I opened it'],
    ['English', 'felt a small electric shock off the metal of the tv stand when the tv was on'],
    ['English', 'my hand went numb for a second when I touched the water heater pipe'],
    ['English', 'when I plug in the laptop the metal edge feels fizzy'],
    ['Simplified', '洗衣机有电，手一碰就被弹开'],
    ['Simplified', '冰箱门碰一下手有点刺痛'],
    ['Simplified', '摸热水器的水管手指刺刺的'],
    ['Cantonese', '掂雪櫃門有啲痺痺哋'],
    ['Simplified', '没有冒烟，但是外壳摸着有点麻'],
    ['English', 'when i touch the washing machine i feel electric'],
    ['English', 'dishwasher door got electric current, my hand feel numb'],
    ['Simplified', '热水器漏电了，洗澡的时候感觉麻'],
    ['Cantonese', '部洗衣機漏電，掂到會麻'],
  ],
  'a smell': [
    ['English', 'a smell like fish from the socket behind the fridge'],
    ['English', "there's a fishy smell from the aircon plug"],
    ['English', 'it smells like hot plastic when the microwave is on'],
    ['English', 'a hot plastic smell from the back of the tv'],
    ['English', 'an electrical smell from the washing machine'],
    ['English', "there's an electric smell coming from the router"],
    ['English', 'smells like something electrical is burning in the dishwasher'],
    ['Cantonese', '一陣膠味'],
    ['Simplified', '电视有一股烧塑料的味道'],
    ['Simplified', '空调开起来有股胶味'],
    ['Simplified', '微波炉有股烧胶皮味'],
    ['Simplified', '插座有股鱼腥味'],
    ['Cantonese', '部電視有陣膠味'],
    ['Cantonese', '雪櫃後面有陣燶膠味'],
    ['Cantonese', '電腦有陣燒膠味'],
    ['English', 'the router adapter smells like burnt hair'],
    [
      'English',
      "a smell like burnt dust but it doesn't go away, from the aircon, strong every day",
    ],
    ['English', 'it smells like fireworks after the microwave runs'],
    ['English', 'white vapour from the back of the tv and a smell'],
    ['Simplified', '洗衣机插头有股烧焦的塑料味'],
    ['Simplified', '电视后面有股像头发烧焦的味'],
    ['Simplified', '空调开一会就有一股电线烧的味道'],
    ['Cantonese', '洗衣機插頭有陣燶味'],
    ['Cantonese', '部電腦有陣燒焦電線味'],
    ['English', 'the tv back side got smoke smell and then off'],
    [
      'English',
      "my PC's PSU fan stopped and there's a hot smell, like something cooking in the case",
    ],
    ['Simplified', '电视后面有一股焦糊味'],
    ['Simplified', '电脑主机有一股烧焦的味道还冒烟'],
    ['Simplified', '洗碗机有股烧东西的味道'],
    ['Cantonese', '部電腦有陣燒嘢味'],
    ['Cantonese', '熱水爐嗰度有陣石油氣味'],
    ['English', 'a haze came out of the back of the pc with a funny smell'],
  ],
  'a leakage breaker tripping at the appliance': [
    ['English', 'the dishwasher keeps tripping the electrics'],
    ['English', 'the trip switch goes when the microwave starts'],
    ['English', 'the RCD trips every time the washing machine starts heating'],
    ['English', 'the electric shower trips the RCD'],
    ['English', 'the GFCI outlet pops whenever the dishwasher runs'],
    ['English', 'our safety switch keeps going off when the aircon starts'],
    ['Simplified', '洗衣机一加热漏保就跳'],
    ['Simplified', '热水器一开漏电开关就跳'],
    ['Simplified', '空调一开，漏电保护器就跳闸'],
    ['Traditional', '洗碗機一開，漏電掣就跳'],
    ['Cantonese', '熱水爐一開個漏電制就跳'],
  ],
  'scalding water or dangerous pressure': [
    ['English', "the water from the tap is scalding hot all of a sudden, burnt my daughter's hand"],
    ['Simplified', '热水器出水烫死人了'],
    ['Cantonese', '熱水爐出水滾燙，燙親手'],
    [
      'English',
      'the water heater makes banging noises and the pipe is shaking, the pressure gauge is in the red',
    ],
    [
      'English',
      'the water heater tank is making a hissing noise and water spraying from the valve',
    ],
    ['Simplified', '热水器压力很大，管子一直在响还在喷水'],
    ['Simplified', '热水器出来的水烫得手都红了'],
    ['Cantonese', '熱水爐啲水熱到辣手，燙親個仔'],
    ['English', 'the water heater water too hot, burn my skin red'],
    ['English', 'the microwave door glass exploded while heating'],
    ['Simplified', '热水器的水热得冒烟，差点烫到孩子'],
    ['Simplified', '电热水器喷热水，泄压阀一直往外喷'],
    ['Cantonese', '熱水爐出水好熱，熱到燙手'],
    ['English', 'the water from the kitchen tap comes out boiling and spitting'],
    ['English', 'the shower suddenly went scorching and burned my back'],
    [
      'English',
      "the water heater is screaming and there's hot water shooting out of the pipe on the side",
    ],
    ['Simplified', '花洒出水突然很烫，把我烫伤了'],
    ['Simplified', '热水器旁边那根小管子一直喷热水'],
    ['Cantonese', '熱水爐側邊條管一直噴熱水'],
    ['Cantonese', '花灑啲水突然熱到燙親'],
  ],
  'smoke or vapour': [
    ['English', 'there was a puff of something from the vent of the pc'],
    ['English', 'steam is coming out of the plug of the microwave'],
    ['English', "there's a bit of smoke from the microwave vent"],
    ['English', 'the tv gave off a wisp of smoke'],
    ['English', 'smoke was coming out of the router'],
    ['English', 'the dishwasher control panel is smoking slightly'],
    ['Simplified', '路由器冒了点烟'],
    ['Simplified', '洗碗机控制面板冒了一点烟'],
    ['Cantonese', '部路由器出咗少少煙'],
    ['Cantonese', '電腦主機出咗啲白煙'],
  ],
  'sparks or fire': [
    ['Simplified', '电脑机箱里面有火光'],
    ['Simplified', '微波炉加热的时候里面有蓝色的火光'],
    ['Traditional', '電視機後面有火花'],
    ['English', 'aircon switch got spark come out when i on it'],
    ['English', 'the microwave inside got fire light when heating'],
    ['Simplified', '插座有火星子'],
    ['Traditional', '電飯煲插頭有火花'],
    ['Traditional', '個微波爐入面有火光'],
    ['English', 'the fridge plug sparked when I pulled it out'],
    ['English', 'the socket made a spark when I plugged the aircon in'],
    ['Simplified', '空调插头拔的时候冒火花'],
    ['Cantonese', '拔雪櫃插頭嗰陣有火花'],
    ['English', 'the extension lead the fridge is on caught fire'],
    ['English', 'flames in the microwave'],
    ['English', 'the laptop charger caught fire'],
    ['Simplified', '微波炉里面着火了'],
    ['Simplified', '插排着火了，插着冰箱'],
    ['Traditional', '微波爐入面著火'],
  ],
  gas: [
    ['Simplified', '热水器有股臭鸡蛋的味'],
    ['Simplified', '燃气热水器旁边有股怪味，头晕'],
    ['English', 'I smell gas near the water heater'],
    ['English', "there's a smell like rotten eggs in the kitchen near the boiler"],
    ['English', 'smells like gas when the water heater kicks on'],
    ['Simplified', '热水器那里有一股煤气味'],
    ['Simplified', '厨房有股燃气的味道，热水器在旁边'],
    ['Cantonese', '熱水器附近有陣煤氣味'],
  ],
  'bare, cut or chewed wires': [
    ['English', 'the microwave lead is frayed and you can see the copper'],
    ['English', 'the washing machine cable is cut and the wires are showing'],
    ['English', 'mice chewed the fridge power cord'],
    ['English', "the dishwasher's cable is damaged, the inner wires are visible"],
    ['Simplified', '空调线路老化，线皮都裂了露出铜丝'],
    ['Simplified', '老鼠把冰箱电源线咬断了'],
  ],
};

/**
 * Their look-alikes: the same words in an ordinary sense (hot water, a flashing light, burnt
 * popcorn, 烧水, 火爆, 被电费吓到), a product that is merely warm, a normal smell, or the danger
 * denied ("外壳不麻", "no pop or flash"). The net stays quiet.
 */
const EVERYDAY_CALM: [Script, string][] = [
  ['English', 'hot water runs out too quickly'],
  ['English', 'the fridge is not cold'],
  ['English', 'my laptop gets warm when gaming'],
  [
    'English',
    "I burnt the toast in the microwave by mistake, the microwave is fine, it just won't heat now",
  ],
  ['English', "smoking hot deal on a new tv, but mine won't turn on"],
  ['English', 'I was shocked by the bill after the engineer visit'],
  ['English', "the router's light flashes orange"],
  ['English', "the tv light is flashing red and it won't turn on"],
  ['Simplified', '烧水很慢'],
  ['Simplified', '热水器热得快吗'],
  ['Simplified', '这款电视卖得很火爆'],
  ['Simplified', '冰箱没电了，不制冷'],
  ['Cantonese', '冇燒焦味，淨係唔凍'],
  ['Simplified', '冰箱不冷，插头也不烫'],
  ['English', "the plug isn't hot and there is no smell, the fridge just stopped"],
  ['English', 'the charger gets a bit warm, is that normal'],
  ['English', "the water isn't hot enough"],
  ['English', 'the aircon blows warm air'],
  ['English', 'the dishwasher leaves the dishes hot and wet'],
  ['English', 'the microwave heats unevenly, the edges are too hot and the middle cold'],
  ['English', 'the washing machine is leaking from the door seal onto the floor'],
  ['English', "my computer's fan is loud and the CPU is hot at 90 degrees"],
  ['English', 'the tv screen has a black spot'],
  ['English', 'the tv is black, no picture but sound works'],
  ['English', "the fridge light isn't working"],
  ['English', 'the ceiling light flickers when the washing machine spins'],
  ['English', "there's water under the fridge"],
  ['English', 'the water heater is leaking from the bottom'],
  ['English', 'the router keeps dropping the wifi'],
  ['English', 'the laptop battery drains fast'],
  ['English', 'the dishwasher has a fishy smell from the filter'],
  ['English', 'the fridge smells of fish because I left salmon in it'],
  ['English', 'the new oven smells a bit of plastic the first time, is that normal'],
  ['English', 'the aircon makes a crackling noise when it starts, like plastic expanding'],
  ['Simplified', '冰箱有鱼腥味，放了鱼'],
  ['Simplified', '洗衣机有股霉味'],
  ['Simplified', '空调吹出来有股霉味'],
  ['Simplified', '新电视有点塑料味，正常吗'],
  ['Simplified', '电脑风扇很响，CPU温度九十度'],
  ['Simplified', '热水器水不热'],
  ['Simplified', '插座没有发黑，冰箱就是不启动'],
  ['Simplified', '空调开了好久都不凉'],
  ['Cantonese', '冷氣唔凍，冇跳掣'],
  ['Cantonese', '部熱水爐冇熱水'],
  ['Simplified', '电视黑屏，有声音没图像'],
  ['Simplified', '电视机顶盒的灯一闪一闪'],
  ['Simplified', '微波炉加热不均匀'],
  ['Simplified', '笔记本打游戏有点热'],
  ['Cantonese', '雪櫃唔凍'],
  ['Traditional', '洗衣機甩乾好大聲'],
  ['Traditional', '電腦好慢'],
  ['Traditional', '冷氣滴水'],
  ['Simplified', '热水器用了好多电，电费好贵'],
  ['Simplified', '我被电费吓到了'],
  ['Simplified', '路由器的灯一直在闪'],
  ['Simplified', '冰箱门关不紧，有条缝'],
  ['Simplified', '电视屏幕有一条黑线'],
  ['English', 'the router is hot to the touch but works fine'],
  ['English', 'the fridge sides are hot, is that normal'],
  ['English', "the plug is not hot, no smell, no black marks, the washer just won't start"],
  ['Simplified', '插头不烫，也没有焦味，就是开不了机'],
  ['Simplified', '外壳不麻，就是不出热水'],
  ['English', "no tingle when I touch it, the washing machine just won't drain"],
  ['English', 'the washing machine door seal smells musty'],
  ['English', 'the aircon smells like a wet dog'],
  ['English', 'the fridge makes a crackling noise when the ice maker fills'],
  ['English', 'the router gets hot if I leave it in the cupboard, otherwise fine'],
  ['English', 'the microwave light flashes when I open the door'],
  ['English', 'the tv flashes on and off'],
  ['English', 'the screen flashed and went black for a second then came back'],
  ['English', 'the dishwasher beeps and the lights flash, error E24'],
  ['English', "my laptop battery isn't charging past 80%"],
  ['English', 'the water heater is set too hot, 70 degrees, how do I lower it'],
  ['English', 'there is water on the floor under the dishwasher'],
  ['English', 'the aircon drips on the balcony'],
  ['Simplified', '热水器温度设太高了，怎么调低'],
  ['Simplified', '空调有股霉味，好久没洗了'],
  ['Simplified', '冰箱有一股异味，里面放了榴莲'],
  ['Simplified', '电视屏幕闪了一下又好了'],
  ['Simplified', '洗碗机指示灯一直闪'],
  ['Simplified', '空调外机滴水'],
  ['Simplified', '热水器显示温度75度'],
  ['Simplified', '笔记本电池充不满'],
  ['Cantonese', '冷氣有陣霉味'],
  ['Cantonese', '部電視閃咗一閃'],
  ['Cantonese', '熱水器嘅水唔夠熱'],
  ['Cantonese', '雪櫃有陣臭味，入面啲餸壞咗'],
  ['Cantonese', '我哋屋企嘅燈閃吓閃吓'],
  ['English', 'the microwave buttons feel sticky'],
  ['English', 'smells like burnt popcorn, I burnt some popcorn in it yesterday'],
  ['English', 'electric bill is very high since the new water heater'],
  ['English', 'the aircon is an electric shock to my wallet'],
  ['English', 'the fire tv stick keeps buffering'],
  ['English', 'fire up the pc and it boots to bios'],
  ['English', 'the battery icon is flashing red on my laptop'],
  ['English', "the plug isn't molten or anything, the washer just won't start"],
  ['English', 'there was no pop or flash, the tv just died'],
  ['Simplified', '外壳摸着不麻，就是不出热水'],
  ['Cantonese', '外殼冇麻，淨係唔熱'],
  ['English', "the plug didn't go soft or change colour, the fridge just stopped"],
  ['English', 'no vapour from the tv, just no picture'],
  ['Simplified', '热水器压力不大，水流很小'],
  ['Simplified', '电视没有冒白气，就是黑屏'],
  ['Simplified', '笔记本外壳没有鼓起来，就是电池不耐用'],
  ['English', 'the pressure gauge on the boiler is low, 0.5 bar'],
  ['English', 'the tv pops when it cools down at night, no flash or smell'],
  ['English', 'the molten lava cake came out raw in the middle of the microwave'],
  ['English', 'the gauge says the water pressure is fine'],
  ['Simplified', '热水器压力表正常'],
  ['Simplified', '水压太大，洗衣机进水很快'],
  ['English', 'washing machine got some noise when spin, is it normal'],
  ['English', 'the fridge not cold enough, the drinks only cool'],
  ['English', 'aircon the remote cannot work'],
  ['English', 'my laptop quite hot when playing game, fan very loud'],
  ['English', 'the router light keep blinking orange'],
  ['English', 'the water heater water not hot enough'],
  ['English', 'the dishwasher cannot dry the plates'],
  ['English', 'the microwave cannot heat the food'],
  ['English', 'the tv got no sound'],
  ['Simplified', '热水器的水不够热'],
  ['Simplified', '冰箱不够冷'],
  ['Simplified', '空调遥控器没反应'],
  ['Simplified', '电视没有声音'],
  ['Simplified', '洗碗机洗不干净'],
  ['Simplified', '路由器老是断网'],
  ['Simplified', '微波炉不加热'],
  ['Cantonese', '電腦開唔到機'],
  ['Cantonese', '冷氣遙控冇反應'],
  ['Cantonese', '熱水爐啲水唔夠熱'],
  ['English', "the aircon's fan trips over its own cable, lol, the cable is just loose"],
  ['English', "the RCD hasn't tripped, the washing machine just won't spin"],
  [
    'English',
    "the water heater pressure relief valve was replaced last year, now it's just not heating",
  ],
  ['Simplified', '漏电保护器没跳，洗衣机就是不转'],
  ['English', "I smell nothing, the gas water heater just won't light"],
  ['Simplified', '没有煤气味，热水器就是打不着火'],
  ['Cantonese', '冇煤氣味，熱水爐就係點唔着'],
  ['English', "there's no smoke, just the router restarting on its own"],
  ['Simplified', '没冒烟，就是路由器自己重启'],
  ['English', 'the laptop screen hinge is loose'],
  ['English', 'the laptop keyboard keys are sticky'],
  ['English', 'the dishwasher pops the door open at the end of the cycle, is that normal'],
  ['English', 'the fridge door seal is coming apart'],
  ['Simplified', '笔记本屏幕转轴松了'],
  ['Simplified', '冰箱门封条脱落了'],
  ['English', 'the shower water is lukewarm'],
  ['English', 'the water heater is making a rumbling noise when heating'],
  ['Simplified', '热水器加热的时候有嗡嗡声'],
  ['Cantonese', '熱水爐加熱嘅時候有聲'],
  ['English', 'fire stick remote not working with the tv'],
  ['English', 'the gas bill is high since the new boiler'],
  ['Simplified', '燃气费太贵了'],
];

describe('hazard net: hazards told in everyday words (issue 8)', () => {
  const net = createHazardNet(catalogue, lexicon);
  for (const [kind, rows] of Object.entries(EVERYDAY)) {
    it.each(rows)(`${kind} (%s): reads %j as a hazard`, (_, text) => {
      expect(net.read(text).hazard).toBe(true);
    });
  }
  it.each(EVERYDAY_CALM)('a look-alike or a denial (%s): %j is no hazard', (_, text) => {
    expect(net.read(text)).toMatchObject({ hazard: false, found: [] });
  });
});

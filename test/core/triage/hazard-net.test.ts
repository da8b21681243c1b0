import { describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import {
  createHazardNet,
  createTriageEngine,
  type TriageEngine,
  type TriageResult,
  withHazardNet,
} from '../../../core/index.ts';
import { createTextReader, MAX_TRIAGE_CHARS } from '../../../core/triage/reader.ts';

const { catalogue, lexicon, model } = loadTriageContent();
const net = createHazardNet(catalogue, lexicon);
const engine = createTriageEngine(catalogue, { lexicon });
/** The embedded engine as the bot runs it: the rules and the learned model. */
const learned = createTriageEngine(catalogue, { lexicon, model });

type Script = 'Simplified' | 'Traditional' | 'Cantonese' | 'English';

/**
 * Every way of describing danger the net must catch, per hazard type and script (written for the
 * mechanism, not copied from an evaluation set). It may over-fire a little; it may not miss.
 */
const HAZARDS: Record<string, Partial<Record<Script, string[]>>> = {
  smoke: {
    Simplified: ['电视机后面冒烟了', '电脑主机冒出一股黑烟', '路由器冒了一缕青烟', '插上电就冒烟'],
    Traditional: ['電視機後面冒煙', '主機冒出一股白煙'],
    Cantonese: [
      '部電視冒煙',
      '部機後面出咗啲煙',
      '而家冒緊煙',
      '部機冒緊煙',
      '部機出晒煙',
      '個火牛冒煙',
    ],
    English: [
      'smoke came out of the tv',
      'the back of the pc is smoking',
      'it let out a puff of smoke',
      'the charger was smouldering',
    ],
  },
  'burning or scorched': {
    Simplified: [
      '冰箱后面有股烧焦的味道',
      '闻到一股电线烧焦的味道',
      '空调插头烧黑了',
      '插头都融了',
      '电路板有烧焦的痕迹',
    ],
    Traditional: ['冰箱後面有燒焦味', '洗衣機有燒膠味', '插頭燒焦了', '電線燒熔了'],
    Cantonese: ['雪櫃後面有陣燶味', '冷氣插頭燒到黑咗', '有陣膠燶味', '插蘇燒黑咗'],
    English: [
      "there's a burning smell coming from the back of the fridge",
      'the AC plug is scorched',
      'router smells like burning plastic',
      'the charger smells burnt',
      'acrid smell coming from the unit',
      'the capacitor on the board is burnt',
      'there are burn marks on the socket',
      'the terminal block is burnt',
    ],
  },
  'sparks or arcing': {
    Simplified: ['插座冒火花', '微波炉里面打火'],
    Traditional: ['微波爐入面有火花閃'],
    Cantonese: ['個插蘇冒火花，嚇死人', '插頭撻着嗰陣有火花'],
    English: [
      'the outlet sparked when I plugged in the microwave',
      'microwave arcing and popping',
      'sparks flew from the back of the dishwasher',
      'there was a flash and the breaker went',
      'lightning-like flashes inside the microwave',
    ],
  },
  fire: {
    Simplified: ['空调室外机着火了', '冒出火苗'],
    Traditional: ['冷氣機外機起火'],
    Cantonese: ['洗衣機著咗火', '起咗火'],
    English: ['the washer caught fire', 'flames inside the microwave'],
  },
  'shock or tingle': {
    Simplified: ['摸洗衣机外壳有点麻', '热水器漏电了', '碰到冰箱门把手麻电', '洗澡时感觉水有电'],
    Traditional: ['熱水爐漏電', '摸電視外殼會電手'],
    Cantonese: ['摸洗衣機會電親', '掂到雪櫃門有啲電', '啲水有電', '洗身嗰陣畀熱水爐電親'],
    English: [
      'I get a tingle when I touch the washer',
      'got shocked touching the oven door',
      'the dishwasher door is shocking me',
      'the metal case is live',
      'I feel a buzz when I touch the casing',
      'the metal frame of the laptop feels fuzzy when it is charging',
      'touching the tap gives me a shock',
    ],
  },
  gas: {
    Simplified: ['厨房有煤气味', '燃气热水器那里漏气', '天然气泄漏了', '燃气报警器响了'],
    Traditional: ['廚房有煤氣味', '燃氣報警器響'],
    Cantonese: ['屋企有陣石油氣味', '石油氣漏'],
    English: [
      'I smell gas near the water heater',
      'smells like rotten eggs near the boiler',
      'the gas valve is leaking',
      'a sulfur smell when the burner lights',
      'the CO alarm went off near the boiler',
      'black soot around the burner and the gas heater',
    ],
  },
  'swelling battery and what it does': {
    Simplified: [
      '电池鼓包了',
      '笔记本触控板翘起来了，按不下去',
      '电脑后盖被顶开了一条缝',
      '笔记本底壳鼓起来放桌上会晃',
    ],
    Traditional: ['筆電觸控板被頂起來', '手機電池脹到後蓋爆開', '後蓋彈開'],
    Cantonese: ['電池脹咗', '手提電腦個touchpad谷起咗', '部手提電腦放喺枱面會搖'],
    English: [
      'laptop battery is swollen',
      'my laptop trackpad is lifting up and will not click',
      'the trackpad is raised on one side and the bottom case bulges',
      "macbook trackpad stopped clicking and the case doesn't sit flat anymore",
      'the screen is separating from the body of the tablet',
      'battery swelled and popped the keyboard up',
      'the battery looks puffy',
      'the back cover is popping off',
    ],
  },
  'leakage breaker tripping at the appliance': {
    Simplified: ['热水器漏电保护插头一直跳', '洗衣机一开漏保就跳', '洗碗机一用就跳漏电开关'],
    Traditional: ['熱水器漏電插頭成日跳'],
    Cantonese: ['熱水爐一開就跳漏電掣'],
    English: [
      'the RCD trips whenever the washing machine heats',
      'the GFCI outlet trips when I run the dishwasher',
      'my water heater keeps tripping the earth leakage breaker',
      'the safety switch trips every time the dryer starts',
    ],
  },
  'water reaching electrics': {
    Simplified: [
      '水滴到插座上了',
      '洗碗机漏水流到插座',
      '水流进插座里面',
      '天花板漏水滴到灯上',
      '洗衣机漏水，插头泡在水里',
    ],
    Traditional: ['洗衣機漏水，流到旁邊的插線板上'],
    Cantonese: ['個冷氣機滴水滴到落個插蘇度', '啲水流咗入插蘇', '天花漏水滴落盞燈'],
    English: [
      'water is running down the wall into the outlet under the AC',
      'the dishwasher leaked and water went into the extension cord',
      'water leaking into the electrical panel',
      'the leak is running into the light fitting',
    ],
  },
  'scalding water': {
    Simplified: ['热水器出水滚烫，把手烫伤了', '热水器出来的水跟开水一样烫'],
    Traditional: ['熱水器出水滾燙，燙傷了手'],
    Cantonese: ['熱水爐啲水熱到滾，燙親手', '熱水爐出嚟啲水好似滾水咁'],
    English: [
      'the hot water is scalding even on the lowest setting',
      'water came out boiling hot and scalded my kid',
      'boiling water came out of the shower',
      'hot water at boiling temperature from the faucet',
    ],
  },
  'dangerous pressure or a bang': {
    Simplified: ['热水器泄压阀一直喷水', '热水器点火的时候砰的一声很响', '燃气热水器点火爆燃'],
    Traditional: ['熱水器洩壓閥一直噴水'],
    Cantonese: ['熱水爐點火嗰陣嘭一聲好大聲', '嘭一聲就熄咗'],
    English: [
      'the pressure relief valve on my water heater is blowing off',
      'the gas water heater makes a loud bang when it lights',
      'heard a loud bang from the tv and it went dead',
      'the tank is bulging',
      'something popped loudly inside and it died',
      'the tv went bang',
    ],
  },
  'a power part too hot to touch': {
    Simplified: ['插头烫得不敢摸', '电源线发烫'],
    Traditional: ['插頭熱到燙手'],
    Cantonese: ['插蘇好熱', '火牛熱到好燙'],
    English: ['the charger gets too hot to touch', 'the laptop is so hot it burned my leg'],
  },
  'a spill on a device or its power': {
    Simplified: ['一杯咖啡洒在笔记本键盘上了', '孩子把水泼到路由器上'],
    Traditional: ['水全倒在鍵盤上，電腦還在充電'],
    English: [
      'I knocked over my tea onto the laptop keyboard',
      'the cat spilled water on the router',
    ],
  },
  'a unit that may fall': {
    Simplified: ['空调外机支架锈断了，外机摇摇欲坠'],
    English: [
      'the window unit fell out and crashed to the ground two floors down',
      'the outdoor unit is about to fall off the wall',
      'the bracket is rusted, the unit could fall off the wall',
    ],
  },
  'what people say when it blew': {
    Simplified: ['差点把厨房烧了'],
    Traditional: ['冷氣冇開都自燃'],
    English: [
      'there was a pop, a crackle and a burning/ozone smell from the charger',
      'a sizzling sound under the fridge and an orange glow',
      'the hot water tank burst this morning',
      'it is clearly not safe, the thing turns on when the door opens',
    ],
  },
  'damaged wiring or an unsafe door': {
    Simplified: ['电线被老鼠咬破了露出铜线', '微波炉开着门还在加热', '微波炉开门还在转'],
    English: [
      'the power cord is frayed and wires are showing',
      'the microwave keeps running with the door open',
      'the microwave keeps running after the door is opened',
    ],
  },
  'a swelling battery, in its own words': {
    Simplified: [
      '平板的电池好像膨胀了',
      '手机电池胀得很厉害',
      '电池鼓起来把屏幕都顶起来了',
      '笔记本电池变胖了',
    ],
    Traditional: ['筆電電池膨脹，後蓋被頂起', '手機電池鼓起來了'],
    Cantonese: ['部手機個電池脹到變形', '個電池鼓咗'],
    English: [
      'the hotspot battery has started inflating',
      'I think the battery in my phone is expanding',
      'the old laptop battery looks bloated',
      'my tablet has a ballooned battery',
      'the battery is getting fatter and the case no longer closes',
    ],
  },
  'what a swelling battery does to a device': {
    Simplified: [
      '笔记本触控板按下去弹不起来',
      '手机后盖被撑开了',
      '电脑底壳被顶变形了',
      '笔记本屏幕合不上了，机身鼓起来',
    ],
    Traditional: ['觸控板凸起，按不下去', '手機後蓋被頂起來了'],
    Cantonese: ['部手提電腦個觸控板谷起咗，撳唔落', '部手機後蓋被頂開咗'],
    English: [
      'something is pushing the trackpad up from underneath',
      'the battery pushed the keyboard out',
      'the bottom of my laptop is bent out of shape',
      'the trackpad on my macbook is stuck and clicks by itself',
      'the mouse button on the laptop stays pressed',
      'the underside of the notebook is warped',
    ],
  },
  'a blown fuse or a bang at the breaker': {
    Simplified: ['空调一开就烧保险丝', '热水器插头里的保险丝烧断了', '合上空开就砰的一声又跳了'],
    Traditional: ['冷氣一開就燒保險絲'],
    Cantonese: ['個熱水爐燒咗保險絲'],
    English: [
      'the fuses on the outdoor unit were blown',
      'it blew the fuse in the plug',
      'I reset the breaker, there was a pop and it tripped again',
      'every time I flip the breaker back on it goes bang',
    ],
  },
  'fire and smoke, more words': {
    Simplified: ['半夜被烟味熏醒，是冰箱后面', '洗衣机引起了一场大火', '被浓烟呛醒了'],
    Traditional: ['半夜聞到煙味，原來係冷氣機'],
    Cantonese: ['瞓覺嗰陣畀煙味焗醒'],
    English: [
      'we had to call the fire brigade because of the dryer',
      'there is a melty smell near the router',
      'the whole room smells of hot electronics',
      'the plug prongs are singed',
      'I am afraid it will catch fire, it smells like burning',
    ],
  },
  'a spill on a device, said anywhere in the message': {
    Simplified: ['电脑进水了，开不了机', '手机掉进水里了，还在充电'],
    Traditional: ['筆電進水了'],
    English: [
      'Coffee spill. My laptop now shows nothing',
      'my toddler spilled juice, the keyboard of the computer is sticky',
      'my glass fell over and water went all over the router',
    ],
  },
  'gas, as a guess': {
    Simplified: ['厨房有股怪味，是不是煤气'],
    Traditional: ['廚房有怪味，會不會是煤氣'],
    English: [
      'there is an odd smell by the boiler, could it be gas',
      'maybe propane, it smells odd',
    ],
  },
  'a burnt or melted plug or socket': {
    Simplified: ['插头的插脚烧黑了', '墙插有烧痕'],
    Traditional: ['插頭的插腳燒黑了'],
    Cantonese: ['個插蘇燶咗'],
    English: [
      'the prongs on the dryer plug are blackened',
      'the receptacle behind the stove is charred',
    ],
  },
  'a breaker that will not stay on (a dead short)': {
    Simplified: ['空开一合上就跳', '电闸推上去马上又跳下来'],
    Traditional: ['總開關一推上去就跳，推不上去', '漏電開關合不上'],
    Cantonese: ['總掣一推返上去又跳', '個掣推唔返上去'],
    English: [
      'I flipped the breaker and it tripped again',
      'the breaker trips again as soon as I reset it',
      "the breaker won't stay on, it snaps right back off",
      'the RCD will not reset while the dryer is plugged in',
    ],
  },
  'what heat leaves on an outlet, a plug or a cord': {
    Simplified: ['插座发黑了', '插头那里的塑料变形了', '电源线发软，摸着很热'],
    Traditional: ['插座變黑了，插頭也變形', '電源線變軟了'],
    Cantonese: ['插蘇黑咗', '條電線軟咗又好熱'],
    English: [
      'the outlet is black around the holes',
      'the socket has turned brown around the plug',
      'the cord got soft and warm near the plug',
      'the plastic on the plug has bubbled',
      'there are brown marks around the outlet',
    ],
  },
  'arcing heard at an outlet or a switch': {
    Simplified: ['插座噼里啪啦响'],
    Traditional: ['插座裡有滋滋的聲音'],
    Cantonese: ['插蘇有啲噼噼啪啪聲'],
    English: [
      'the outlet crackles when I plug the kettle in',
      'a sizzling sound from the plug behind the fridge',
      'the light switch crackles and the lights flicker',
      'there was a quick zzzt and the microwave went dark',
    ],
  },
  'a casing that shocks, in other words': {
    Simplified: ['电笔测外壳亮了', '碰到热水器有电流的感觉'],
    Traditional: ['試電筆碰外殼會亮'],
    Cantonese: ['摸到熱水器外殼手會痺', '掂到部洗衣機電咗我一下'],
    English: [
      'I touched the washer door and got a jolt',
      'I feel electricity when I touch the case',
      'touching the metal gives a little bite',
      'my hand went numb when I touched the dishwasher',
      'the voltage tester lights up on the case',
    ],
  },
  'a relief valve that spits, steam at the tap': {
    Simplified: ['热水器安全阀一直往外滋水', '水龙头冒蒸汽'],
    Traditional: ['熱水器安全閥一直往外噴水'],
    Cantonese: ['熱水爐嘭嘭聲，個安全閥不停噴水'],
    English: [
      'the tank is making a banging noise and the valve spits',
      'the T&P valve is spurting water',
      'the relief valve is dripping boiling water',
      'steam is coming out of the hot water taps',
    ],
  },
  'an electrical smell, compared': {
    Simplified: ['插座有股鱼腥味'],
    Traditional: ['開關有股魚腥味'],
    Cantonese: ['插頭有陣魚腥味'],
    English: [
      "there's a fishy smell coming from the outlet",
      'a smell like gunpowder after the pop',
    ],
  },
  'carbon monoxide, by what it does to people; a flue come apart': {
    Simplified: ['洗澡的时候头晕恶心，用的是燃气热水器', '热水器的排烟管掉了'],
    Traditional: ['燃氣熱水器一用就頭暈'],
    Cantonese: ['沖涼嗰陣頭暈，用緊石油氣熱水爐'],
    English: [
      'we all get headaches when the gas heater is on',
      'I feel dizzy and sick every time I shower with the gas water heater',
      'the flue pipe on the water heater came loose',
    ],
  },
  'a flame seen inside': {
    Simplified: ['微波炉里面有火苗'],
    Traditional: ['看到機器裡面有火'],
  },
  'an outlet too hot, a burn from the appliance': {
    Simplified: ['插座摸着热热的'],
    Traditional: ['插座發熱'],
    English: [
      'the outlet behind the fridge is hot',
      'the wall socket feels warm',
      'I burned myself on the oven door, it gets so hot',
      'my son got burned on the dishwasher door',
    ],
  },
  'a cord cut, chewed or shorted': {
    Simplified: ['电源线破皮了', '电线短路了'],
    Traditional: ['電線被老鼠咬破'],
    English: [
      'the power cord is cut near the plug',
      'the cat chewed the power cord',
      'the wires shorted and there was a flash',
    ],
  },
  'what people did: an emergency call, an evacuation, a red tag, the mains pulled': {
    Simplified: ['打了119', '消防员来了', '燃气公司的人来了说漏气', '赶紧拉了总闸'],
    Traditional: ['打了119，消防車來了'],
    Cantonese: ['打咗999', '即刻拉咗總掣'],
    English: [
      'we called 911 and they evacuated the house',
      'the gas company came out and red-tagged the water heater',
      'we opened all the windows because of the gas smell',
      'there is a hot smell coming from the tv',
    ],
  },
  'gas or a battery that hisses': {
    Simplified: ['电池烫手'],
    Traditional: ['燃氣管接口有嘶嘶聲'],
    English: ['I can hear hissing at the gas valve', 'the phone battery is hissing'],
  },
};

/**
 * The same families told in words the net was not first written from (issue 8: the net was grown
 * from the real set's phrasings and missed a fifth of the test split's hazards). Written family by
 * family in all four scripts from how people describe danger, each class of wording in the lexicon
 * rather than each message.
 */
const IN_OTHER_WORDS: Record<string, Record<Script, string[]>> = {
  smoke: {
    Simplified: ['电脑主机一股烟', '烤箱里全是烟', '洗碗机底部冒出一缕一缕的烟'],
    Traditional: ['洗衣機控制板冒出一絲煙', '房間裡都是煙'],
    Cantonese: ['部雪櫃標煙', '部雪櫃後面標煙'],
    English: [
      'the room filled with smoke when I turned on the heater',
      "there's a haze coming from the back of the tv",
      'we came downstairs and the kitchen was hazy, the dishwasher was still running',
      'the smoke alarm went off when the dryer was running',
    ],
  },
  'burning, scorched or melted': {
    Simplified: [
      '有股胶味',
      '插座那里黑了一块，还有点焦',
      '热水器插座那里烧得黑乎乎的',
      '电源线摸起来软软的，还有点变形',
      '插头拔出来一个脚是黑的',
      '充电头有股鱼腥味',
    ],
    Traditional: ['有膠味', '插座燒到發黑', '冷氣插頭有燒焦味'],
    Cantonese: ['有陣膠味', '插蘇燒到黑晒', '條電線軟晒', '個火牛有陣腥味'],
    English: [
      'smells of hot electrics',
      'something is burning inside the dryer',
      'the plastic casing bubbled near the vent',
      'it reeks of burning',
      'the dryer started giving off this awful smell like a hot iron left on plastic',
      'when I pulled the plug out, one of the pins was black and pitted',
      'the tumble dryer has a strong smell of something overheating',
      'the router gives off a strange chemical smell',
      'wall plug toasted, black all around the pins',
    ],
  },
  'sparks, arcing, a flash or a bang': {
    Simplified: [
      '插上去就打火',
      '插座里面有蓝光闪',
      '微波炉里面闪电一样一闪一闪',
      '冰箱后面啪的一下，全屋没电了',
      '开关拉弧',
    ],
    Traditional: ['微波爐裡面像閃電一樣', '插頭一插就打火'],
    Cantonese: ['個插蘇啪一聲', '插落去就打火', '雪櫃後面啪一聲全屋冇電'],
    English: [
      'it went pop and died',
      'there were flashes of light inside the microwave',
      'the outlet flashed when I unplugged the tv',
      'there was a loud snap from the back of the fridge and all the lights went out',
      'it fizzed and crackled and then the tv went dead',
      'the dishwasher is making a crackling electrical noise and the lights dim',
    ],
  },
  fire: {
    Simplified: ['有火冒出来', '取暖器把窗帘点着了'],
    Traditional: ['電暖器把窗簾燒着了'],
    Cantonese: ['入面有火'],
    English: ['the heater caught the curtain alight', 'the toaster set the cupboard on fire'],
  },
  shock: {
    Simplified: ['冰箱门把手有电', '老婆碰烤箱门手指被刺了一下', '我摸洗衣机，手臂一下子被弹开'],
    Traditional: ['淋浴的混水閥摸著有電'],
    Cantonese: ['掂個焗爐門手指好似俾針拮咗一下', '條水喉有電'],
    English: [
      'there is current on the case of the washer',
      'the washer is electrified',
      'the kids say the fridge door buzzes their hands',
      'my husband says the dryer gave him a belt when he touched it',
      'each time I touch the water heater tap I feel pins and needles',
      'the metal of the oven is live, my tester pen lit up',
    ],
  },
  gas: {
    Simplified: ['燃气灶关着也有股臭味，像臭鸡蛋', '锅炉旁边一直闻到怪味，头还很痛'],
    Traditional: ['瓦斯外洩'],
    Cantonese: ['熱水爐有陣臭雞蛋味'],
    English: [
      'a whiff of gas in the utility room',
      'it smells gassy',
      'the gas hob has a sulphurous smell even with the knobs off',
      'I keep smelling rotten cabbage near the boiler',
      'the boiler room smells like eggs',
      'the propane heater smells really strongly today',
    ],
  },
  'a swelling battery and what it does': {
    Simplified: [
      '手机屏幕和边框分开了，有条缝',
      '电脑放在桌子上会转，底下有个包',
      '充电宝发烫鼓起来了',
    ],
    Traditional: ['手機螢幕和邊框分開了'],
    Cantonese: ['部手提電腦個底鼓起咗', '尿袋脹咗'],
    English: [
      'battery looks like a pillow',
      'the laptop no longer sits flat on the desk',
      'my laptop won’t close properly any more and the keyboard is domed',
      'the case has split on my laptop',
    ],
  },
  'a leakage breaker tripping at the appliance': {
    Simplified: ['洗衣机一开漏保就跳', '洗衣机一脱水，半个屋就没电', '洗碗机一加热总闸就掉'],
    Traditional: ['熱水器一開，漏電開關就跳', '洗碗機一加熱總閘就掉'],
    Cantonese: ['熱水爐一開漏電掣就跳', '洗衣機一脫水成間屋冇電'],
    English: [
      'the trip switch goes as soon as the oven turns on',
      'the electrics trip when I use the washing machine',
      'the safety switch in the meter box drops out when the dishwasher heats',
      'the dryer knocks out the GFCI in the laundry room',
      'whenever the washer goes into spin the power to half the house goes off',
      'the GFCI in the bathroom trips whenever the water heater cycles on',
    ],
  },
  'water reaching electrics': {
    Simplified: ['插线板泡在水里', '冷凝水滴到电路板上'],
    Traditional: ['延長線浸了水'],
    Cantonese: ['個拖板浸咗水'],
    English: ['the AC drain overflowed right onto the power board'],
  },
  'scalding water': {
    Simplified: [
      '花洒出来的水烫得起泡',
      '淋浴突然出开水，儿子被烫伤',
      '热水器出水太烫，把手烫红了',
    ],
    Traditional: ['花灑的水燙得起泡'],
    Cantonese: ['出嚟啲水滾熱辣', '花灑突然出滾水，個仔俾佢燙親'],
    English: [
      'the water is coming out at boiling point',
      'the water coming from the shower nearly took my skin off',
      'the hot water is coming out steaming and burned my daughter',
      'the tap water is so hot it blistered my hand',
      'the water heater thermostat stuck and the water is boiling',
    ],
  },
  'dangerous pressure or something bursting': {
    Simplified: [
      '烤箱玻璃门炸裂了',
      '热水器内胆爆裂',
      '压力太大，泄压阀一直在滴',
      '烤箱门玻璃碎成一地',
    ],
    Traditional: ['烤箱玻璃門爆裂', '熱水爐爆咗'],
    Cantonese: ['焗爐玻璃門爆咗', '焗爐門塊玻璃自己爆裂', '熱水爐轟轟聲，泄壓閥一直放水'],
    English: [
      'the glass door shattered by itself',
      'the glass on the oven door shattered',
      'the oven door glass blew apart',
      'our hot water cylinder burst',
      'the boiler pressure is too high and the valve is hissing',
      'the water heater is rumbling like a volcano and the relief valve keeps letting go',
    ],
  },
};

/** Negated danger is no danger. */
const NEGATED: [Script, string][] = [
  ['Simplified', '没有冒烟，也没有焦味，就是冰箱不制冷'],
  ['Simplified', '没有漏电，就是热水器不加热'],
  ['Traditional', '沒有冒煙也沒有燒焦味，電視只是開不了機'],
  ['Cantonese', '冇燒焦味，部洗衣機只係唔排水'],
  ['Cantonese', '冇冒煙，冇火花，只係個微波爐唔熱'],
  ['English', 'no burning smell, the washer just won’t drain'],
  ['English', 'there is no smoke or sparks, it just stopped'],
  ['English', 'never smelled any gas, the heater just won’t ignite'],
  ['English', 'no burn marks on the board, it just will not turn on'],
  ['Simplified', '电池没有鼓包，就是充不进电'],
  ['English', 'the battery is not swollen, it just drains fast'],
  ['English', 'no smoke and no spark, the router just reboots'],
  ['Simplified', '没打119，就是洗衣机不转'],
  ['English', 'no shock when I touch it, it just will not turn on'],
  ['Cantonese', '冇膠味，淨係唔凍'],
  ['Traditional', '沒有塑膠燒焦的味道，只是不製冷'],
  ['Simplified', '插座没有烧黑，只是没电'],
  ['English', "the water isn't scalding, just warm"],
  ['English', "I didn't get a shock, the light just flickers"],
  ['English', 'no gas smell, no rotten eggs, the hob just won’t light'],
  ['Traditional', '沒有漏電，也沒有跳閘'],
];

/** Denials the net's patterns leave out by themselves (no hazard, nothing to report as negated). */
const DENIED: [Script, string][] = [
  ['Traditional', '電池沒有膨脹，只是耗電很快'],
  ['Simplified', '电池没胀，就是掉电快'],
  ['English', 'no blown fuse, the breaker is fine, the fridge is just warm'],
  ['English', 'the fuse has not blown, the kettle just will not boil'],
  ['English', 'the breaker did not trip, the fridge is just warm'],
  ['Simplified', '空开没有跳，就是不制冷'],
  ['Cantonese', '電掣冇跳，部雪櫃唔凍'],
  ['English', 'the plug is not discoloured, it just won’t charge'],
  ['Simplified', '插座没有发黑，就是不通电'],
  ['Cantonese', '插蘇冇黑，部機就係唔着'],
  ['English', 'there is no crackling from the socket, it just doesn’t work'],
  ['Simplified', '插座没有滋滋声，就是没电'],
  ['Simplified', '摸着没有电，就是不转'],
  ['Cantonese', '冇電親，只係唔着機'],
  ['English', 'the relief valve is not leaking, the water is just lukewarm'],
  ['English', 'no headache, no smell, the gas heater just won’t light'],
  ['Simplified', '洗澡的时候没有头晕，就是水不热'],
  ['English', 'the outlet is not hot, the charger just does not charge'],
  ['Traditional', '插座不熱，只是充不進電'],
  ['English', 'we did not call 911, it just stopped'],
  ['English', 'the RCD did not trip, the washer just won’t drain'],
  ['Cantonese', '冇跳掣，部機就係唔着'],
  ['Simplified', '热水器没有爆，只是不热'],
  ['English', 'the kitchen is not hazy'],
  ['English', 'the oven glass did not shatter, it just won’t heat'],
];

/** Hazard words in their ordinary sense. */
const ORDINARY: [Script, string][] = [
  ['Simplified', '热水器烧水慢'],
  ['Simplified', '电热水器烧水要两个小时'],
  ['Simplified', '我想问一下烧水的时候有响声正常吗'],
  ['Simplified', '燃气热水器打不着火'],
  ['Simplified', '冰箱里的冰淇淋都化了'],
  // Melting that is only thawing (the nineteenth round's CV false alarms, as classes).
  ['English', 'every now and then all the food in our deep freezer starts to melt'],
  ['English', 'the freezer was warm and all the ice cream had melted'],
  ['English', 'we turned the air conditioner off overnight so the ice on it could melt'],
  ['Simplified', '洗衣机脱水的时候砰砰响，衣服放偏了'],
  ['Simplified', '热水器安全阀加热的时候滴几滴水，正常吗'],
  ['Simplified', '移动硬盘可以带电插拔吗'],
  ['Traditional', '熱水器燒水好慢'],
  ['Cantonese', '部熱水爐燒水好慢，要等好耐'],
  ['English', 'burnt toast in the microwave smells but the microwave is fine'],
  ['English', 'the fire tv stick won’t connect to wifi'],
  ['English', 'my natural gas water heater won’t light'],
  ['English', 'the freezer ice melted and everything thawed'],
  ['English', 'ice cream melted in the freezer, it’s not cold enough'],
  ['English', 'my TV has burn-in from the news channel logo'],
  ['English', 'dishes are not sparkling clean after the wash'],
  ['English', 'I was shocked at how loud the fridge is'],
  ['English', 'I was shocked to find the washer full of water'],
  ['English', 'the customer service was shocking'],
  ['English', 'the router lights are flashing red'],
  ['English', 'the dryer is making a banging noise, a shoe was inside'],
  ['English', 'water heater makes popping noises when heating'],
  ['English', 'the outdoor unit makes a buzzing noise and will not start'],
  ['English', 'the fan blade is stuck, I pushed it with a screwdriver'],
  ['English', 'we turned the AC on in a blazing heat wave and it stopped cooling'],
  ['English', 'the tv died while we watched the Big Bang Theory'],
  ['English', 'I was melting chocolate in a glass bowl and the turntable stopped'],
  ['English', 'I raced home after the meeting and the fridge was warm'],
  ['Simplified', '今天带电脑去公司，发现屏幕不亮'],
  ['English', 'I use the microwave to boil water for tea'],
  ['English', 'the microwave light turns on when the door is open'],
  ['English', 'the washer makes a loud banging sound in the spin cycle'],
  ['Simplified', '洗碗机漏水指示灯亮了'],
  ['English', 'the hot water runs out after five minutes'],
  ['English', 'a lightning strike near the house and the modem is dead'],
  ['English', 'the water heater makes loud snaps and pings when heating'],
  ['Simplified', '用微波炉烧开水'],
  ['Simplified', '漏电保护没有跳，就是不加热'],
  ['Simplified', '屏幕爆了，摔的'],
  ['Cantonese', '部手提電腦好熱，係咪正常'],
  ['Simplified', '微波炉用大火加热两分钟还是凉的'],
  ['Simplified', '洗衣机不进水，进水阀好像坏了'],
  ['Simplified', '空调有股烟草味，之前的住户抽烟'],
  ['Traditional', '洗衣機進水很慢'],
  ['English', 'the dryer stopped heating, the thermal fuse is blown'],
  ['English', 'I checked the fuse in the plug and it is fine'],
  ['English', 'a window popped up on the laptop saying the battery needs service'],
  ['English', 'the gas water heater pilot will not stay lit'],
  ['English', 'the fridge ice maker is stuck'],
  ['English', 'the keyboard keys are sticky after years of use'],
  ['English', 'the breaker trips when I run the microwave and the kettle together'],
  ['English', 'the trackpad is too sensitive, how do I change it'],
  ['English', 'the tv box battery in the remote is dead'],
  ['English', 'the washer spins but the clothes are still wet'],
  ['English', 'the roads are icy and dangerous, so the engineer can come Monday'],
  ['English', 'it is unsafe driving weather today, the fridge can wait'],
  ['Simplified', '今天下大雪路上很危险，热水器不急'],
  ['English', 'the breaker tripped once during the storm, I reset it and everything works'],
  ['English', 'we have black outlets to match the kitchen'],
  ['English', 'the cord is soft and flexible, I like it'],
  ['English', 'the tv screen went black but there is sound'],
  ['Simplified', '电视黑屏了，有声音'],
  ['English', 'the fridge makes a crackling sound when defrosting, is that normal'],
  ['Simplified', '冰箱有噼啪声，是正常的吗'],
  ['English', 'I was shocked when the bill came'],
  ['English', 'I was a little shocked when it stopped working after a week'],
  ['English', 'it was not a complete shock when it died'],
  ['English', 'the dishwasher is making a banging noise'],
  ['English', 'the fridge smells like fish, the seal is dirty'],
  ['Simplified', '冰箱里有鱼腥味'],
  ['Cantonese', '雪櫃有陣魚腥味'],
  ['English', 'I get a headache from the noise of the fridge'],
  ['Simplified', '热水器排水管掉了'],
  ['English', 'the power light glows red'],
  ['Simplified', '电源灯亮红灯'],
  ['English', 'the ethernet cable is cut, the internet is down'],
  ['English', 'the water heater makes a hissing sound when heating'],
  ['Simplified', '电池不耐用，掉电快'],
  ['Traditional', '主機板燒了，開不了機'],
  ['English', 'I called the service center and they said to reset it'],
  ['Simplified', '我打了客服电话'],
  ['English', 'the smell is gone since I opened the window, it was the drain'],
  ['English', 'I reset the breaker and when I start the microwave it trips again'],
  ['English', 'it is so close to fall that the AC only blows cool air'],
  ['English', 'it falls to me to relight the pilot every winter'],
  ['English', 'the laptop gets so hot I switch it off, afraid it would spontaneously combust'],
  ['English', 'Somehow I was very calm. Shock, probably. The TV has a crack'],
  ['Simplified', '新冰箱有塑料味'],
  ['Simplified', '新买的洗衣机有股塑料味，正常吗'],
  ['Cantonese', '新雪櫃有陣膠味'],
  ['English', 'the TV has a weird smell when new'],
  ['English', 'the smoked salmon in the fridge went bad'],
  ['English', 'we had a fire drill at work so I could not call'],
  ['English', 'it smells like a hot day in here'],
  ['English', 'the room is hazy because of the humidifier'],
  ['English', 'the power in the house goes off when it storms'],
  ['English', 'the electricity went off in the storm'],
  ['English', 'the power supply went bad'],
  ['English', 'the dog bites me when I feed it'],
  ['English', 'the washer’s lid pops open during spin'],
  ['English', 'I dropped a glass in the sink and it shattered'],
  ['English', 'the expansion tank for the water heater ruptured and water is all over the garage'],
  ['English', 'the tech said the control board was fried'],
  ['English', 'I live in a flat and the fridge is noisy'],
  ['English', 'a puff of air came out when I opened the door'],
  ['English', 'the cream puff came out great'],
  ['English', 'the flat was a blazing 31 degrees when the air con stopped'],
  ['English', 'after the outage I went to fire it back up but the PC would not boot'],
  ['English', 'I fire the laptop up and the fan runs at full speed'],
  ['English', 'I like my shower water almost scalding hot, but now it is only lukewarm'],
  ['English', 'my husband blew his top when the washer flooded again'],
  ['English', 'the kettle instantly turns on when I press the button, then switches off'],
  ['Simplified', '一开空调，房间就凉快了'],
  ['Simplified', '烤面包一面烤焦了'],
  ['Simplified', '冰箱门和密封条之间有缝'],
  ['Cantonese', '燒水壺水開咗唔會跳'],
];

describe('hazard net', () => {
  for (const [kind, scripts] of Object.entries(HAZARDS)) {
    for (const [script, texts] of Object.entries(scripts)) {
      it.each(texts)(`${kind} (${script}): reads %j as a hazard`, (text) => {
        const reading = net.read(text);
        expect(reading.hazard).toBe(true);
        expect(reading.found.length).toBeGreaterThan(0);
        // The embedded engine reads hazards through the same net.
        expect(engine.classify(text).label).toBe('hazard');
      });
    }
  }

  for (const [kind, scripts] of Object.entries(IN_OTHER_WORDS)) {
    for (const [script, texts] of Object.entries(scripts)) {
      it.each(texts)(`${kind} in other words (${script}): reads %j as a hazard`, (text) => {
        expect(net.read(text).hazard).toBe(true);
        expect(engine.classify(text).label).toBe('hazard');
      });
    }
  }

  it.each(NEGATED)('a negation (%s) makes no hazard: %j', (_, text) => {
    const reading = net.read(text);
    expect(reading.hazard).toBe(false);
    expect(reading.negated.length).toBeGreaterThan(0);
  });

  // The learned model reads the denied words apart ("no smoke" is not "smoke"), so it does not
  // add the hazard the net took away: before, 13 of these 21 were false alarms of the engine.
  it.each(NEGATED)('…nor does the engine with its learned model (%s): %j', (_, text) => {
    expect(learned.classify(text).label).not.toBe('hazard');
  });

  it('tells where the denied words stand, for the learned model to read apart', () => {
    const { analyser } = createTextReader(catalogue, lexicon, MAX_TRIAGE_CHARS);
    const denied = (raw: string) => {
      const { text, deniedRanges } = analyser.analyse(raw);
      return deniedRanges.map(([start, end]) => text.slice(start, end));
    };
    expect(denied('It stopped. Then: no smoke or burning smell, no sparks')).toEqual([
      'smoke',
      'burning smell',
      'sparks',
    ]);
    expect(denied('冰箱不制冷，没有冒烟也没有焦味')).toEqual(['冒烟', '焦味']);
    expect(denied('冇冒煙，冇火花')).toEqual(['冒烟', '火花']);
    expect(denied('it smokes')).toEqual([]);
  });

  it("reads 'if not' as 'or even', no negation", () => {
    const text = 'something was loose and causing at least a lot of heat, if not sparks!!';
    expect(net.read(text).hazard).toBe(true);
    expect(net.read('it is not sparking, it only hums').hazard).toBe(false);
  });

  it.each(DENIED)('a denial (%s) makes no hazard: %j', (_, text) => {
    expect(net.read(text).hazard).toBe(false);
  });

  it.each(ORDINARY)('an ordinary sense (%s) makes no hazard: %j', (_, text) => {
    expect(net.read(text).found).toEqual([]);
  });

  it('brings back a hazard denied in one clause and reported in the next', () => {
    expect(net.read('之前没闻到焦味，现在很明显').hazard).toBe(true);
    expect(net.read('I did not notice the burning smell until today').hazard).toBe(true);
  });

  it.each([
    'I have never seen smoke like this from a TV',
    "didn't notice the burning smell at first",
    'never smelled burning plastic like this before, the heater is hot',
    'I have never had sparks like this from the socket',
  ])(
    'reads a denied perception that compares or comes later as the hazard it is (review11 T1): %j',
    (text) => {
      expect(net.read(text).hazard).toBe(true);
    },
  );

  it.each([
    'the fire spread up the back of the TV',
    'I lifted the lid of the washer and smoke poured out',
    'a blazing fire inside the microwave',
    'the laptop lid lifted because the battery swelled',
    'the capacitor was bulging and the board smelled burnt',
    'I like the water hot, but now it comes out scalding',
    'the power strip was blazing 10 seconds after I switched the heater on',
    'My laptop battery and two capacitors are bulging',
    "I don't want my kids scalding themselves again, the tap is too hot",
    'the shower suddenly feels like the water is scalding',
    "my laptop battery lifted the lid so it won't close",
    'the switcher IC in the TV box blew its top, literally',
    'when I opened the router, one capacitor was bulging',
  ])(
    'keeps the hazard beside an ordinary heat, start-up or preference, and reads a bulging part or a component that blew its top: %j',
    (text) => {
      expect(net.read(text).hazard).toBe(true);
    },
  );

  it.each([
    '从来没见过这么大的烟，电视后面',
    '我都冇見過咁大煙，部雪櫃後面',
    '我從來沒見過那麼多煙',
    '微波炉门缝出了一股烟',
    '厨房全是烟，热水器在响',
  ])('reads smoke told by how much of it there was, even after "never seen": %j', (text) => {
    expect(net.read(text).hazard).toBe(true);
  });

  it.each([
    '网线被老鼠咬断了，上不了网',
    '天线被猫咬坏了，电视没信号',
    '耳机线被狗咬断了',
    '數據線俾貓咬爛咗',
    'The PC shut down with a flash of the blue screen',
    'My router died with a flash of its lights after the firmware update',
    'Neither the phone nor the charger got wet, it just stopped charging',
    "My phone was wet with sweat after my run and the touchscreen doesn't respond",
  ])(
    'keeps a chewed data cable, a flash of something else and a dry denial calm (review12 H2): %j',
    (text) => {
      expect(net.read(text).hazard).toBe(false);
    },
  );

  it.each([
    '條線俾老鼠咬爛咗，見銅',
    '电源线被老鼠咬断了',
    'the TV died with a flash and a bang',
    'My laptop got wet when a glass of water spilled',
  ])('still reads a chewed mains cord and a death with a flash: %j', (text) => {
    expect(net.read(text).hazard).toBe(true);
  });

  it('keeps a denied amount of smoke a denial', () => {
    expect(net.read('没有很多烟，只是不转了').hazard).toBe(false);
    expect(net.read('没有一股烟，也没有焦味，就是不制冷').hazard).toBe(false);
  });

  it('keeps a plain denial a denial when nothing brings it back', () => {
    expect(net.read('There was no burning smell before it stopped').hazard).toBe(false);
    expect(
      net.read('There is no smoke or burning smell, the freezer just stopped freezing').hazard,
    ).toBe(false);
  });

  it('reads a hazard in a long story, whatever comes before it', () => {
    const story = `${'We bought the washer last year and it worked fine for months. '.repeat(8)}Then yesterday it started smoking.`;
    expect(net.read(story).hazard).toBe(true);
  });
});

/**
 * A leakage breaker (RCD, GFCI, 漏电保护) named in one sentence or clause and its trip in the next:
 * the pair reads across two neighbouring clauses, not only within one.
 */
describe('hazard net: a leakage breaker and its trip in neighbouring sentences', () => {
  const across: [Script, string][] = [
    ['English', 'I started the dishwasher. The GFCI tripped.'],
    ['English', 'I started the dishwasher. It tripped. It is plugged into a GFCI.'],
    ['English', 'The washer is on a GFCI outlet. Every time it spins it trips.'],
    ['English', 'The RCD. It tripped when the kettle went on.'],
    [
      'English',
      'My freezer in the garage is plugged into a GFI outlet. For the third time a surge tripped the outlet.',
    ],
    ['Simplified', '开了热水器。漏电保护就跳了'],
    ['Simplified', '我开了热水器，漏电保护器，就跳了'],
    ['Simplified', '热水器一开就跳闸，是漏电开关'],
    ['Traditional', '洗碗機一開。漏電開關就跳閘'],
    ['Traditional', '開了熱水器。漏電保護就跳了'],
    ['Cantonese', '開咗熱水爐。漏電掣跳咗'],
    ['Cantonese', '熱水爐一開，漏電掣就跳'],
  ];
  it.each(across)('(%s) reads %j as a hazard', (_, text) => {
    expect(net.read(text).found).toContain('leakage protection tripping');
    expect(engine.classify(text).label).toBe('hazard');
  });

  const denied: [Script, string][] = [
    ['English', 'It is not on a GFCI. It trips every time it spins.'],
    ['English', 'It is not plugged into a GFCI. It trips.'],
    ['English', 'It is on a GFCI outlet. It never trips.'],
    ['English', 'The dishwasher is on a GFCI. It did not trip, it just will not start.'],
    ['Simplified', '漏电保护器没跳。热水器不热'],
    ['Simplified', '家里有漏电开关。它没有跳，就是热水器不加热'],
    ['Cantonese', '有漏電掣。冇跳過，只係熱水爐唔熱'],
  ];
  it.each(denied)('a negation (%s) makes no pair: %j', (_, text) => {
    expect(net.read(text).found).not.toContain('leakage protection tripping');
  });

  const elsewhere: [Script, string][] = [
    ['English', 'We have GFCI outlets in the kitchen. The main breaker tripped in the storm.'],
    ['English', 'The bathroom has a GFCI. A fuse tripped downstairs and now the TV is dead.'],
    ['English', 'The RCD is fine. The breaker trips as soon as the washer starts.'],
    ['Simplified', '漏电保护器是好的。空开一开洗衣机就跳'],
    ['Simplified', '有漏电保护器。总闸跳了，电视不亮了'],
    ['Traditional', '家裡有漏電保護器。總閘跳了，電視不亮'],
  ];
  it.each(elsewhere)(
    'another breaker tripping, not the leakage breaker at the appliance (%s), makes no pair: %j',
    (_, text) => {
      expect(net.read(text).found).not.toContain('leakage protection tripping');
    },
  );

  const ordinary: [Script, string][] = [
    ['English', 'The outlet is a GFCI. We came back from a road trip and the fridge was warm.'],
    ['English', 'The GFCI outlet is fine. I took a trip and the fridge died.'],
    ['English', 'There is a GFCI by the sink. The cord is a trip hazard, so I moved the kettle.'],
  ];
  it.each(ordinary)('a trip that is a journey (%s) makes no pair: %j', (_, text) => {
    expect(net.read(text).found).toEqual([]);
  });
});

/**
 * Sparks from a gas appliance's igniter are normal (燃气热水器打火花); sparks anywhere else — a
 * microwave, a socket, an electric water heater — are a hazard, in the same words.
 */
describe("hazard net: a gas appliance's ignition sparks, and everything else's", () => {
  const sparks: [Script, string][] = [
    ['Simplified', '微波炉打火花'],
    ['Simplified', '微波炉里面打火花噼里啪啦的，我没放金属'],
    ['Simplified', '插座打火花'],
    ['Simplified', '电热水器打火花'],
    ['Simplified', '燃气热水器旁边的插座打火花'],
    ['Simplified', '热水器没问题，但是微波炉点火花'],
    ['Traditional', '微波爐裡面打火花'],
    ['Cantonese', '個微波爐入面打火花，啪啪聲'],
    ['Cantonese', '插蘇打火花'],
  ];
  it.each(sparks)('(%s) reads %j as a hazard', (_, text) => {
    expect(net.read(text).hazard).toBe(true);
    expect(engine.classify(text).label).toBe('hazard');
  });

  const ignition: [Script, string][] = [
    ['Simplified', '燃气热水器打火花但是点不着'],
    ['Simplified', '热水器打火花是正常的吗'],
    ['Simplified', '燃气灶打火花但打不着'],
    ['Traditional', '燃氣熱水器一直打火花，點不着'],
    ['Cantonese', '個煤氣熱水爐打火花但係唔着火'],
  ];
  it.each(ignition)("a gas appliance's igniter (%s) makes no hazard: %j", (_, text) => {
    expect(net.read(text).found).toEqual([]);
  });

  it('microwave sparks under a negation make no hazard', () => {
    expect(net.read('微波炉没有打火花，就是不热').hazard).toBe(false);
  });
});

/**
 * A cooking or heating appliance that starts by itself or will not stop (the product named in the
 * clause or the one next to it), and a bang that blows an appliance's doors off: the classes the
 * sixth collection round's train and dev hazards showed, written as wording classes.
 */
describe('hazard net: an appliance that runs by itself, and a bang that blows its doors off', () => {
  const hazards: [Script, string][] = [
    [
      'English',
      'We were awakened by noise from our microwave. It had self-started and got very hot.',
    ],
    ['English', 'the microwave turns on by itself in the middle of the night'],
    ['English', 'whenever I plug the toaster oven in, it instantly turns on and starts heating'],
    ['English', 'the microwave starts running as soon as it is plugged in, no button pressed'],
    ['Simplified', '微波炉一插电就启动，转盘一直转'],
    ['Traditional', '微波爐一插電就啟動，停唔到'],
    ['English', 'The space heater came on by itself while we were out.'],
    ['English', 'It finished. Then the oven started again on its own! I pressed stop.'],
    ['English', 'the space heater turned back on by itself after I switched it off'],
    ['English', 'I hit cancel and nothing. The microwave would not stop cooking.'],
    ['English', 'I opened the door to stop it. It keeps cooking with the door open.'],
    ['English', 'I thought it was an earthquake, it was so loud, and the doors were on the floor'],
    ['English', 'the fridge blew its doors off with a bang'],
    ['Simplified', '微波炉自己启动了，里面烫得不行'],
    ['Simplified', '电暖器半夜自己开了'],
    ['Simplified', '微波炉按取消也不停，开着门还在加热'],
    ['Simplified', '一声巨响，我以为是地震，冰箱门都掉在地上'],
    ['Traditional', '微波爐自己啟動了'],
    ['Cantonese', '叮爐自己開咗，停唔到'],
    // Wording of the seventeenth collection round's train and dev (written as classes).
    ['English', 'the microwave turns on randomly in the middle of the night'],
    ['English', 'The oven came on for no reason while nobody was home.'],
    ['English', 'Before you can push a button, the microwave light comes on and it starts.'],
    ['English', 'the microwave started without anyone pressing anything'],
    ['English', 'I think our microwave is haunted, it beeps and starts cooking'],
    ['English', 'the kettle keeps turning itself on'],
    ['Simplified', '微波炉无缘无故启动了'],
    ['Simplified', '烤箱没人按就开始加热了'],
    ['Traditional', '微波爐無緣無故啟動'],
    ['Cantonese', '叮爐成日無緣無故啟動'],
    // The appliance named clauses before "it" (the nineteenth round's wording, as classes).
    ['English', 'My microwave went on the blink, a few days ago. It started turning itself on.'],
    ['English', 'Our oven is ten years old, we use it daily, and lately it turns on by itself'],
    ['Simplified', '家里的微波炉用了三年，最近不太对劲，半夜自己启动了'],
    ['English', 'my toaster oven has a mind of its own, it will not stop toasting'],
    ['English', 'I closed the microwave door and as soon as I did it started cooking again'],
    ['English', 'the oven has ghost touches on the panel and starts baking'],
    ['Simplified', '烤箱插上电就像有个幽灵在乱按按钮'],
    ['Traditional', '焗爐好似有隻幽靈亂按掣'],
    ['English', 'the microwave turns on as soon as I plug it in'],
    ['English', 'we were watching the TV and all of a sudden the microwave turned on'],
    ['English', 'the oven suddenly turned on at night'],
    [
      'English',
      'I opened and closed the door over and over. It still kept right on phantom cooking.',
    ],
  ];
  it.each(hazards)('(%s) reads %j as a hazard', (_, text) => {
    expect(net.read(text).hazard).toBe(true);
    expect(engine.classify(text).label).toBe('hazard');
  });

  const calm: [Script, string][] = [
    ['English', 'the microwave does not start by itself, it just will not heat'],
    ['English', 'the TV turns on by itself at night'],
    ['English', 'the washer shakes like an earthquake during the spin'],
    ['English', 'the fridge door came off its hinge when my son swung on it'],
    ['English', 'The picture was incredibly bright and just popped out of the screen.'],
    ['English', 'my Roku stick, which I got when I cut the cord on cable TV, keeps buffering'],
    ['English', 'we are cord cutters and the antenna lost channels'],
    ['English', 'the oven is still heating up after twenty minutes'],
    ['Simplified', '微波炉不会自己启动，就是不加热'],
    ['Simplified', '电视晚上自己开机'],
    ['English', 'I pressed start and the microwave would not start'],
    ['English', 'the tv turns on randomly at night'],
    [
      'English',
      'it keeps saying press start, as if someone pressed the door, but the oven will not heat',
    ],
    ['Simplified', '电视无缘无故开机'],
    // The appliance carried to "it" only until another product is named, and not for ever.
    ['English', 'The microwave is old, the kitchen is small, but the TV turns itself on at night'],
    ['English', 'We got a new oven in May, and a new TV in June; it turns itself on at night'],
    ['English', 'the TV has a mind of its own and changes channels'],
    ['English', 'the microwave shows a ghost image of the clock'],
    ['English', 'when I press start the microwave immediately turns on'],
    ['English', 'I pressed start and the microwave suddenly started heating'],
    ['English', 'all of a sudden the microwave turned off'],
  ];
  it.each(calm)('(%s) makes no hazard of %j', (_, text) => {
    expect(net.read(text).found).toEqual([]);
  });

  it('still reads a cord that was really cut', () => {
    expect(net.read('the dog cut the cord on the heater').hazard).toBe(true);
  });
});

describe('hazard net in front of any engine', () => {
  const calm: TriageResult = {
    category: null,
    symptom: null,
    label: 'misuse',
    labelConfidence: 0.9,
    cues: {
      hazards: [],
      negatedHazards: [],
      alreadyTried: false,
      unknownErrorCode: null,
      errorCode: null,
      normalQuestion: false,
      wantsPerson: false,
      modelNumber: null,
      categoryEvidence: [],
    },
    language: 'en',
    traditional: false,
    truncated: false,
  };
  /** An engine that never sees danger, as a model might answer. */
  const blind: TriageEngine = { classify: () => calm };
  const guarded = withHazardNet(blind, net);

  it('makes a hazard of what the engine called misuse', () => {
    const result = guarded.classify('it smells like gas in the kitchen');
    expect(result.label).toBe('hazard');
    expect(result.cues.hazards.length).toBeGreaterThan(0);
  });

  it('leaves a calm message to the engine', () => {
    expect(guarded.classify('the fridge is a bit noisy')).toEqual(calm);
  });
});

/** Each message of a table read by the net alone as a hazard. */
function readsAsHazards(table: [Script, string][]) {
  it.each(table)('(%s) reads %j as a hazard', (_, text) => {
    expect(net.read(text).hazard).toBe(true);
  });
}

/** Each message of a table read by the net alone as no hazard. */
function readsCalm(table: [Script, string][]) {
  it.each(table)('(%s) makes no hazard of %j', (_, text) => {
    expect(net.read(text).hazard).toBe(false);
  });
}

/**
 * Ordinary senses that sent calm reports down the hazard path on grouped CV (issue 8, the false
 * alarms freed): a noise likened to an explosion, a gas burner's or pilot's own flame and its
 * ignition (着火 as "lights"), an electric water heater's own words, a leak that put a pilot out,
 * a "dumped" that is no drink, a sound compared with a smoke alarm. Each beside the real hazard in
 * the same words, so the ordinary sense is all that is left out.
 */
describe('hazard net: ordinary senses of explosion, flame, ignition and water words', () => {
  const calm: [Script, string][] = [
    ['English', 'the motor was chugging away sounding as though it might explode at any moment'],
    ['English', 'the washer sounds like it is going to explode on the spin'],
    [
      'English',
      'The pilot lit, but as soon as I released the gas control valve, POOF the flame disappeared.',
    ],
    ['English', 'the pilot is lit and the flame looks blue and steady, still no hot water'],
    ['English', 'our electric hot water heater stopped heating and water leaks from the bottom'],
    ['English', 'the contacts were wet enough to prevent a decent spark, so no hot water'],
    ['English', 'the water heater sprung a leak and extinguished the gas pilot light'],
    ['English', 'the router dumped the user off every hour'],
    ['English', "the alarm didn't sound like a smoke detector, it was the water alarm"],
    ['Simplified', '洗衣机脱水的时候声音大得像要爆炸一样'],
    ['Simplified', '热水器点着火之后又灭了'],
    ['Traditional', '洗衣機脫水時聲音大到像要爆炸'],
    ['Traditional', '熱水器打著火之後又熄了'],
    ['Cantonese', '洗衣機脫水嘅時候嘈到好似要爆炸咁'],
    ['Cantonese', '熱水爐著火之後好快又熄咗，試咗幾次都係咁'],
  ];
  readsCalm(calm);

  const hazards: [Script, string][] = [
    ['English', 'the washing machine exploded during the spin'],
    ['English', 'flames came out of the burner and up the wall'],
    ['English', 'there was a lot of snap crackle popping and a flame, then the lights flickered'],
    ['English', 'water from the electric water heater is dripping onto the socket'],
    ['English', 'I can smell a gas leak near the pilot'],
    ['English', 'I dumped a cup of coffee on the keyboard'],
    ['English', 'the smoke detector went off when the dryer was running'],
    ['Simplified', '洗衣机爆炸了'],
    ['Simplified', '燃气热水器着火了，火从下面窜出来'],
    ['Traditional', '洗衣機爆炸了'],
    ['Traditional', '熱水器著火了，火從下面竄出來'],
    ['Cantonese', '部洗衣機爆炸，好大聲'],
    ['Cantonese', '個熱水爐著咗火，火由下面竄出嚟'],
  ];
  readsAsHazards(hazards);
});

/**
 * Families grown from paraphrase rounds the net had not seen (test/support/hazard-rounds, each
 * scored before the net was changed for it): electricity felt in other words (a buzz up the arm, a
 * pulse through the fingers, "definitely electricity", 手指一阵发麻, 像被针扎), fire coming out of
 * it (火由下面竄出嚟), arcing in a microwave told by its sound or light anywhere in the message
 * (噼啪, a blue light dancing), an appliance that burst (部洗衣機爆咗), a heater or cooker that keeps
 * going after its timer, water shot out hot, a power brick gone soft, a smell likened to something
 * burning or hot (像烧头发一样, "a hot dashboard", burnt toast that is not toast), an electrical smell
 * likened to fish at a socket, a gas heater and chest tightness or a stinging smell, and a breaker
 * pushed up that trips again at once (推返上去佢又即刻跳). Each with its negation and ordinary sense.
 */
describe('hazard net: families from the unseen paraphrase rounds', () => {
  const hazards: [Script, string][] = [
    ['English', 'I get this buzz up my arm when I touch the dishwasher door'],
    ['English', 'when I touched the tap I felt a pulse through my fingers'],
    ['English', "it's not painful exactly but it's definitely electricity"],
    ['English', 'the door handle gives me a tickle in my hand while it washes'],
    ['English', 'a sting on my fingers from the handle, like static but stronger'],
    ['English', 'there was a bright blue light dancing at the top, inside. Panasonic microwave.'],
    ['English', 'My microwave kept running after the timer ended, I had to pull the plug'],
    ['English', 'the little pipe on the side began shooting hot water onto the floor'],
    ['English', 'the power brick has gone a bit soft and bendy on one corner'],
    ['English', 'it kinda smells like a hot dashboard near the router'],
    ['English', "there's a burnt toast smell inside the fridge, not from food"],
    ['English', 'a fishy smell that is definitely not fish, coming from the power strip'],
    ['English', 'the adapter made a crack and there is a scorchy mark on the casing'],
    ['Simplified', '碰到花洒的金属管子，手指头一阵发麻，像被针扎了一样'],
    ['Simplified', '微波炉热饭的时候，里面噼啪响了几下，还看见一道亮光'],
    ['Simplified', '点火的时候火从观察窗那里喷出来'],
    ['Simplified', '电源板那块闻着有股臭味，像烧头发一样'],
    ['Simplified', '充电宝爆了'],
    ['Simplified', '燃气热水器一开，卫生间里一股刺鼻的味道，熏得眼睛疼，洗完澡胸闷头疼'],
    ['Simplified', '微波炉时间到了还在加热，停不下来'],
    ['Traditional', '碰到冰箱門，手指一陣發麻'],
    ['Traditional', '微波爐加熱的時候裡面劈啪響，還有藍光'],
    ['Traditional', '熱水器點火時火從下面竄出來'],
    ['Cantonese', '屋企個熱水爐「噗」一聲，跟住有火由下面竄出嚟'],
    ['Cantonese', '部微波爐轉緊嘅時候入面有藍色嘅光閃嚟閃去，仲有滋滋聲'],
    ['Cantonese', '部洗衣機爆咗，好大聲'],
    ['Cantonese', '成間屋跳晒掣，我推返上去佢又即刻跳'],
    ['Cantonese', '水流出嚟，插頭嗰度濕濕哋'],
  ];
  readsAsHazards(hazards);

  const calm: [Script, string][] = [
    ['English', "my hand doesn't tingle when I touch it"],
    ['English', 'the charger is not soft or warm'],
    ['English', 'there is no crackling in the microwave, it just does not heat'],
    ['English', 'the popcorn popped fine in the microwave'],
    ['English', 'the shower sprays hot water just fine'],
    ['English', 'the washer kept running after the timer ended'],
    ['English', "the microwave won't turn on"],
    ['English', 'it smells like a hot dog stand in here'],
    ['English', 'I burnt my toast again, the toaster timer is weird'],
    ['English', 'the fridge has a fishy smell'],
    ['English', 'the water heater makes a rumbling, popping sound when it heats'],
    ['Simplified', '洗完衣服手都冻麻了'],
    ['Simplified', '摸洗衣机的时候手没有发麻'],
    ['Simplified', '燃气灶的火从炉头出来是蓝色的'],
    ['Simplified', '水管爆了，地上全是水'],
    ['Simplified', '电视屏幕好像烧了印一样'],
    ['Traditional', '凍到手都麻晒'],
    ['Traditional', '微波爐沒有劈啪聲，只是不熱'],
    ['Cantonese', '微波爐冇啪啪聲，只係唔熱'],
    ['Cantonese', '雪櫃有陣魚腥味'],
    ['Cantonese', '部機冇火由下面竄出嚟'],
  ];
  readsCalm(calm);
});

/**
 * The fourth round's families (scored unseen first): an outlet's arcing hiss written as it sounds
 * ("tsst tsst"), a yellow tint or melt mark on a plate, a burn or blister from steam, a body that
 * feels as if current runs through it (麻酥酥, 像有电流过), and a microwave that flashes like a bug
 * zapper (灭蚊灯). A microwave's flashing clock or display is no arcing.
 */
describe('hazard net: sounds, tints, steam burns and current, from the fourth round', () => {
  const hazards: [Script, string][] = [
    ['English', "the outlet the microwave plugs into goes 'tsst tsst' when it runs"],
    ['English', 'the cover plate has a faint yellow tint on one side now'],
    ['English', 'I got a blast of steam that burned my forearm'],
    ['English', 'a noise like a bug zapper and little flashes inside the microwave'],
    ['Simplified', '手放在外壳上会有一种麻酥酥的感觉，像有电流过'],
    ['Simplified', '洗碗机一开门喷出蒸汽，把我手烫起水泡'],
    ['Simplified', '微波炉里面像灭蚊灯一样一闪一闪的'],
    ['Traditional', '摸電腦外殼有種像有電流的感覺'],
    ['Traditional', '洗碗機門一開噴出蒸氣，把我的手臂燙起水泡'],
    ['Cantonese', '手放喺部機上面有陣麻酥酥嘅感覺，好似有電流過'],
    ['Cantonese', '洗碗碟機一開門啲蒸氣標出嚟，燙到我隻手起泡'],
    ['Cantonese', '微波爐入面好似滅蚊燈咁閃吓閃吓'],
  ];
  readsAsHazards(hazards);

  const calm: [Script, string][] = [
    ['English', 'the outlet is fine, no tsst or anything'],
    ['English', 'the cover plate is not yellow'],
    ['English', "Microwave display just shows a flashing clock and won't start cooking"],
    ['Simplified', '手没有麻酥酥的感觉'],
    ['Simplified', '熨衣服的时候没有起泡'],
    ['Simplified', '微波炉的显示屏一闪一闪的，停电之后就这样'],
    ['Traditional', '蒸氣熨斗的蒸氣不燙'],
    ['Cantonese', '微波爐個顯示屏閃吓閃吓，停完電就係咁'],
  ];
  readsCalm(calm);
});

/**
 * Hazard hints (`hazard.hints`): words around danger that make no hazard by themselves but let the
 * learned model's hazard probability count from `DEFAULT_COMBINE.hintedHazard` instead of `hazard`.
 * They are read on the whole message, negated or not ("no smell" still talks about a smell).
 */
describe('hazard hints for the learned model', () => {
  const { analyser } = createTextReader(catalogue, lexicon, MAX_TRIAGE_CHARS);
  const hinted: [Script, string][] = [
    ['English', 'the back of the dryer gets hot and there is a funny smell'],
    ['English', 'the TV made a pop and went off'],
    ['English', 'no smoke, it just stopped'],
    ['Simplified', '洗衣机有股怪味'],
    ['Simplified', '插头有点烫'],
    ['Traditional', '雪櫃後面有陣燶味'],
    ['Cantonese', '部機摸落有啲麻'],
  ];
  it.each(hinted)('(%s) hints at danger: %j', (_, text) => {
    expect(analyser.analyse(text).hazardHint).toBe(true);
  });
  const plain: [Script, string][] = [
    ['English', 'the washer will not drain and the door stays locked'],
    ['English', 'my wifi keeps dropping every evening'],
    ['Simplified', '冰箱不制冷了'],
    ['Traditional', '洗衣機不排水'],
    ['Cantonese', '部冷氣唔凍'],
  ];
  it.each(plain)('(%s) has no hint: %j', (_, text) => {
    expect(analyser.analyse(text).hazardHint).toBe(false);
  });
});

/**
 * Ordinary senses the tenth collection round's calm messages showed (read after the lead ingested
 * them; the net had not been written from them): surprise ("very shocked when…"), a fire hose as a
 * likeness, insects a contactor zapped, food melting in a freezer left open; a burst water pipe
 * (水管爆开, 條喉爆咗) is a leak, not an explosion, and insects 被电死 are no shock to a person.
 */
describe('hazard net: ordinary senses from the tenth round', () => {
  const calm: [Script, string][] = [
    ['English', 'I was very shocked when she decided to be a roaring river'],
    ['English', 'sending water out like a fire hose all over the garage'],
    ['English', 'I should look for the zapped remains of unfortunate bugs in the contactor'],
    ['English', 'the freezer door was ajar so long that the stuff was melting'],
    ['Simplified', '水管爆开，水像消防水管一样喷出来'],
    ['Simplified', '空调外机里面有很多被电死的虫子'],
    ['Traditional', '冷氣外機裡面有很多被電死的蟲'],
    ['Cantonese', '冷氣外機入面有好多被電死嘅蟲'],
    ['Cantonese', '洗衣機後面條水喉爆咗，成地都係水'],
  ];
  readsCalm(calm);

  const hazards: [Script, string][] = [
    ['English', 'I got a shock from the washer'],
    ['English', 'the wires were melting behind the fridge'],
    ['English', 'the hose caught fire'],
    ['Simplified', '摸空调外机的时候被电到'],
    ['Simplified', '热水器水管爆开，还冒烟'],
    ['Traditional', '摸冷氣外機的時候被電到'],
    ['Cantonese', '洗衣機後面條喉爆咗，水浸到落個拖板度，拖板仲插住電'],
  ];
  readsAsHazards(hazards);

  it('keeps every English exception of several words at two words or more without its stopwords', () => {
    // A stopword dropped from "so shocked" or "thing melt" would leave "shocked" or "melt" alone,
    // and excuse every shock or melt.
    const { analyser } = createTextReader(catalogue, lexicon, MAX_TRIAGE_CHARS);
    const stop = new Set(lexicon.english.stopwords);
    const lone = lexicon.hazard.exceptions.en.filter((phrase) => {
      const words = analyser.words(phrase);
      return words.length > 1 && words.filter((w) => !stop.has(w)).length < 2;
    });
    expect(lone).toEqual([]);
  });
});

/**
 * The fifth round's families (scored unseen first): a mounted unit coming off the wall (a mount
 * pulling out, tilting forward, 支架松脱, 就快跌落), a flame glimpsed through the vents, a wire's core
 * showing and a touch that sparks (线露出来, 一碰就打火), touching it stings like needles (刺刺的,
 * 像有小针在扎), flames from under a gas heater (火苗从下面往外窜); a washer's bang as it spins an
 * unbalanced load is ordinary.
 */
describe('hazard net: a unit coming off the wall, a glimpsed flame, needles, from the fifth round', () => {
  const hazards: [Script, string][] = [
    ['English', 'the wall mount is pulling out of the drywall and one bolt already came out'],
    ['English', 'the tv is tilting forward off its bracket'],
    ['English', 'I saw a small orange flicker through the vents at the back'],
    ['Simplified', '电源线被夹破了，里面的线露出来了，一碰就打火'],
    ['Simplified', '手一碰水就觉得刺刺的，像有小针在扎'],
    ['Simplified', '燃气热水器一开火，火苗从下面往外窜'],
    ['Simplified', '电视支架螺丝松了，电视往前倾'],
    ['Traditional', '電源線裡面的線露出來了，一碰就打火'],
    ['Traditional', '瓦斯熱水器一開，火苗從下面往外竄'],
    ['Cantonese', '電視掛架鬆脫，部電視就快跌落嚟'],
    ['Cantonese', '一掂啲水就覺得刺刺哋，好似有針拮咁'],
  ];
  readsAsHazards(hazards);

  const calm: [Script, string][] = [
    ['English', 'The washing machine is making a loud bang when it spins, the load is unbalanced'],
    ['English', 'the screws are not loose, the mount is fine'],
    ['English', 'the fridge is leaning forward a bit when the door opens'],
    ['English', 'The light inside flickers like a candle'],
    ['Simplified', '洗衣机门把手的螺丝松了'],
    ['Simplified', '电线没有露出来，就是不通电'],
    ['Traditional', '電視支架沒有鬆脫，只是畫面偏了'],
    ['Cantonese', '部洗衣機個門柄螺絲鬆咗'],
  ];
  readsCalm(calm);
});

/**
 * Issue 8, wording gathered from public reports (repair pages, forums, issue trackers, news; the
 * probe list with its sources is /work/net-probes.jsonl, not committed): classes the net did not
 * read, each with its negation and its ordinary sense. A smell likened to a fire burning (a
 * campfire, wood smoke, a struck match; not a candle's or a whisky's); gas by the odorant's likeness
 * (boiled cabbage) or a hiss at a gas cooker; water hot enough to poach an egg or make tea, hot
 * water spitting from a tap; a trackpad working its way free, a laptop that no longer sits tight; a
 * power bank gone round (圆滚滚, 胀卜卜, like a little water bag); a tingle that comes over someone
 * (一阵酥麻; not a numb leg, not Sichuan pepper); a cord or plug 热辣辣; an appliance that blew the
 * moment it was started (一叮即爆; not 爆音).
 */
describe('hazard net: wording gathered from public reports (issue 8)', () => {
  const hazards: [Script, string][] = [
    ['English', 'my washer smells like a campfire when it runs'],
    ['English', "there's a smell like wood smoke coming from behind the dryer"],
    ['English', 'the tv cabinet smells of a struck match'],
    ['English', 'a hissing sound coming from the oven and the kitchen smells odd'],
    ['English', 'I can hear a hiss from the gas hob even with the knobs off'],
    ['English', 'the kitchen has a smell like boiled cabbage since this morning'],
    ['English', 'the water from the shower is hot enough to poach an egg'],
    ['English', 'tap water is hot enough to make tea, the heater must be stuck'],
    ['English', 'hot water is coming out of the faucets in spurts, like it is spitting'],
    ['English', 'the trackpad on my laptop is slowly working its way free'],
    ['English', 'the keyboard is pushing up in the middle'],
    ['English', 'the laptop no longer sits tight on the table'],
    ['Simplified', '充电宝突然变得圆滚滚，像装了个小水袋'],
    ['Simplified', '手机电池鼓得像个气球'],
    ['Simplified', '洗澡的时候一阵强烈的酥麻刺痛突然袭来'],
    ['Simplified', '摸洗衣机的时候突然一阵电麻'],
    ['Simplified', '冰箱电线摸上去热辣辣的'],
    ['Simplified', '微波炉一叮即爆'],
    ['Simplified', '热水器一通电就炸'],
    ['Traditional', '行動電源變得圓滾滾的'],
    ['Traditional', '洗澡時突然一陣酥麻'],
    ['Traditional', '微波爐一叮即爆'],
    ['Cantonese', '個尿袋脹卜卜，好似個麵包'],
    ['Simplified', '充电宝充电的时候变得很烫还鼓了'],
    ['Cantonese', '手機充電時好熱又脹咗'],
    ['Cantonese', '雪櫃條電線摸落嚟熱辣辣'],
    ['Cantonese', '沖涼嗰陣突然一陣酥麻'],
    ['Cantonese', '部叮爐一叮即爆'],
  ];
  readsAsHazards(hazards);

  const calm: [Script, string][] = [
    ['English', 'this candle smells like a campfire'],
    ['English', 'the scotch smells like a campfire'],
    ['English', 'it does not smell like a campfire, just musty'],
    ['English', 'the fridge smells of cabbage, I left some in the crisper'],
    ['English', 'the dishwasher makes a hissing sound when it fills'],
    ['English', 'there is no hissing from the stove'],
    ['English', 'the gas hob igniter keeps clicking'],
    ['English', 'steam comes out of the dishwasher vent when it dries'],
    ['English', 'the water is not hot enough to make tea'],
    ['English', 'the fridge door does not sit flush'],
    ['English', 'smoking hot deal on a new fridge, should I buy it'],
    ['English', 'red-hot prices on TVs this week'],
    ['English', 'I was shocked at the price of the repair'],
    ['English', 'fire TV stick not working'],
    ['English', 'burnt toast in the toaster'],
    ['Simplified', '腿坐久了一阵酥麻'],
    ['Simplified', '吃了花椒嘴里一阵酥麻'],
    ['Simplified', '电线没有热辣辣的，就是不通电'],
    ['Simplified', '电视一开就爆音'],
    ['Simplified', '热水器烧水很慢'],
    ['Simplified', '充电宝没有鼓起来，就是充不进电'],
    ['Simplified', '手机充电很慢，也不鼓'],
    ['Traditional', '今日天氣熱辣辣，冷氣不夠凍'],
    ['Cantonese', '部電視一開就爆音'],
    ['Cantonese', '燒水好慢'],
  ];
  readsCalm(calm);
});

/**
 * Issue 8, the same families in the words public reports use for them, generalised after the
 * probes (measured as a floor only): a cord whose insulation has cracked, gone brittle, crumbly or
 * crispy (电线胶皮脆晒; not a wire shelf, a cable box or a door seal); a gas flame burning yellow or
 * red (火苗是黄色的; not blue); a relief valve shooting water (安全阀射水, 标水; not a drip); too hot to
 * touch in Chinese (烫到不能摸; not soup too hot to drink).
 */
describe('hazard net: cracked insulation, a yellow gas flame, a valve shooting water (issue 8)', () => {
  const hazards: [Script, string][] = [
    ['English', 'the power cord insulation is cracked and brittle'],
    ['English', 'the cable is cracking near the plug'],
    ['English', 'the charger cord has gone stiff and crispy'],
    ['English', 'the wire insulation behind the dryer is crumbling'],
    ['Simplified', '电源线的胶皮都脆了，一折就裂'],
    ['Simplified', '燃气灶的火苗是黄色的'],
    ['Simplified', '热水器安全阀一直射热水'],
    ['Simplified', '路由器烫到不能摸'],
    ['Traditional', '電源線的外皮都裂開了'],
    ['Traditional', '瓦斯爐的火焰變成紅色'],
    ['Traditional', '充電器燙到不能摸'],
    ['Cantonese', '電線啲膠皮脆晒，一拗就裂'],
    ['Cantonese', '煤氣爐啲火變咗紅色'],
    ['Cantonese', '熱水爐個安全閥射晒熱水出嚟'],
    ['Cantonese', '個火牛熱到唔摸得'],
  ];
  readsAsHazards(hazards);

  const calm: [Script, string][] = [
    ['English', 'the wire shelf in the fridge is cracked'],
    ['English', 'the cable box is cracked on the side'],
    ['English', 'the door seal is cracked'],
    ['English', 'the insulation is not cracked, the fridge just runs warm'],
    ['Simplified', '冰箱门胶皮裂了'],
    ['Simplified', '燃气灶火焰是蓝色的，就是打不着火'],
    ['Simplified', '热水器减压阀滴水'],
    ['Simplified', '汤烫得不能喝'],
    ['Traditional', '冰箱門的膠條裂了'],
    ['Cantonese', '雪櫃門膠邊裂咗'],
  ];
  readsCalm(calm);
});

/**
 * Issue 8, more of the same families generalised: a battery-powered device that hisses (a phone,
 * a power bank, a vape; 充电宝发出嘶嘶声; not a speaker's, a call's or a fan's hiss); current that
 * holds on (a hand stuck to the metal, could not let go, 手被吸住甩不开; not an ice tray, not an old
 * fridge one cannot part with); water scalding in other words (烫得要命, 水滚过头; not soup).
 */
describe('hazard net: a hissing device, current that holds on, scalding in other words (issue 8)', () => {
  const hazards: [Script, string][] = [
    ['English', 'my phone got super hot and started hissing'],
    ['English', 'the power bank is hissing on the charger'],
    ['English', 'the vape started hissing in my pocket'],
    ['English', 'my hand got stuck to the metal and I could not let go'],
    ['English', "I couldn't let go of the washer handle"],
    ['Simplified', '充电宝发出嘶嘶的声音'],
    ['Simplified', '手机发烫还有嘶嘶声'],
    ['Simplified', '摸冰箱的时候手被吸住了甩不开'],
    ['Simplified', '热水器出水烫得要命'],
    ['Traditional', '行動電源發出嘶嘶聲'],
    ['Traditional', '熱水器出水燙得要命'],
    ['Cantonese', '摸部洗衣機，隻手黐住咗放唔開'],
    ['Cantonese', '熱水爐啲水滾過頭'],
  ];
  readsAsHazards(hazards);

  const calm: [Script, string][] = [
    ['English', 'the laptop speakers hiss when nothing is playing'],
    ['English', 'my phone hisses during calls'],
    ['English', 'the laptop fan hisses'],
    ['English', 'we can’t let go of our old fridge, it still works'],
    ['English', 'my fingers stuck to the ice tray'],
    ['Simplified', '手机听筒有嘶嘶声'],
    ['Simplified', '这个汤烫得要命'],
    ['Cantonese', '碗湯燙到要命'],
  ];
  readsCalm(calm);
});

/**
 * Issue 8, Cantonese as it is typed: a bang spelt in Latin letters (pok 一聲, dup 一聲), a gas smell
 * written 'gas味' (冇gas味 negated, gas費 ordinary), scalded in the shower (沖涼燙親), a gas cylinder
 * that hisses, a cord chewed through or its copper showing (俾老鼠咬爛, 見銅, 線甩皮; a sofa that
 * peels is no cord), fire coming out of an appliance (叮到出火, 插蘇出火; not a lighter).
 */
describe('hazard net: Cantonese as typed, a chewed cord, fire coming out (issue 8)', () => {
  const hazards: [Script, string][] = [
    ['Cantonese', '部雪櫃後面pok一聲，之後有陣燶味'],
    ['Cantonese', '部冷氣dup一聲就冇電'],
    ['Cantonese', '廚房有陣gas味'],
    ['Cantonese', '沖涼燙親隻手'],
    ['Cantonese', '個石油氣罐有嘶嘶聲'],
    ['Cantonese', '雪櫃啲線俾老鼠咬爛咗'],
    ['Cantonese', '電線甩皮見銅線'],
    ['Cantonese', '叮爐叮到出火'],
    ['Simplified', '煤气罐有嘶嘶声'],
    ['Simplified', '老鼠咬断了冰箱电源线'],
    ['Simplified', '洗澡的时候烫伤了手'],
    ['Traditional', '插座出火了'],
  ];
  readsAsHazards(hazards);

  const calm: [Script, string][] = [
    ['Cantonese', '冇gas味，只係著唔到火'],
    ['Cantonese', 'gas費好貴'],
    ['Cantonese', '張梳化甩皮'],
    ['Simplified', '打火机出火'],
  ];
  readsCalm(calm);
});

/**
 * Issue 8, English families generalised: a device that went dead with a fizz, a snap or a crackle
 * (not a click or a clunk); a whoosh with a flash or a fireball at a burner (a furnace that lights
 * with a whoosh is ordinary); a laptop or phone that got wet or soaked (not a wet cloth, not the
 * floor); a port or jack burnt or blackened (a port 'burnt out' is a dead port).
 */
describe('hazard net: dead with a fizz, a whoosh and a flash, a device got wet, a burnt port (issue 8)', () => {
  const hazards: [Script, string][] = [
    ['English', "the router's light went out with a fizzing noise"],
    ['English', 'the tv died with a snap'],
    ['English', 'a whoosh and a flash from the water heater burner'],
    ['English', 'whoosh, then a fireball out of the oven'],
    ['English', "the laptop got wet from the rain and now it won't turn on"],
    ['English', 'my phone got soaked in the washing machine'],
    ['English', "the HDMI port on my tv is burnt and there's a black mark around it"],
    ['English', 'the usb port has burn marks'],
    ['English', 'there was a spark and then no life in it'],
  ];
  readsAsHazards(hazards);

  const calm: [Script, string][] = [
    ['English', 'the tv went off with a click'],
    ['English', 'the washer stopped with a clunk'],
    ['English', 'the furnace lights with a whoosh'],
    ['English', 'I wiped the laptop with a wet cloth'],
    ['English', 'the floor got wet near the router'],
    ['English', 'the laptop was not wet'],
    ['English', 'the hdmi port is burnt out'],
    ['English', 'Not one spark of life or electrical connection in sight'],
    ['English', 'the laptop shows no spark of life'],
  ];
  readsCalm(calm);
});

/**
 * Review 12 (H2): an oven or heater that "came on by itself" because its timer or a schedule was
 * set is doing what it was told. The pair's `unless` words (a timer set, 预约, 定时开机) make it
 * ordinary; a denied timer ("no timer is set", 没有设定时, 冇預約) does not, nor does a timer that
 * ran out while the appliance kept heating.
 */
describe('hazard net: an appliance that runs by itself, unless its timer was set (review 12)', () => {
  readsAsHazards([
    ['English', 'The microwave started by itself in the middle of the night'],
    ['English', 'The oven turned on by itself, there is no timer set'],
    ['English', 'The heater turns itself on at night even though the timer is not set'],
    ['English', 'The oven keeps running after the timer ended'],
    ['Simplified', '烤箱半夜自己启动了，我没有设定时'],
    ['Simplified', '暖风机自己开了，没有预约也没有定时'],
    ['Traditional', '烤箱半夜自己啟動了，我沒有設定時'],
    ['Cantonese', '焗爐自己開咗，我冇預約過'],
  ]);
  readsCalm([
    ['English', 'The oven started up by itself because the delay timer was set'],
    ['English', 'The heater comes back on by itself every morning, I set the timer for that'],
    ['English', 'The heater turned back on by itself at 6am, I think the timer is set'],
    ['Simplified', '烤箱自己启动了，原来是我设了预约'],
    ['Simplified', '暖风机每天早上自己开起来，我设了定时开机'],
    ['Traditional', '烤箱自己啟動了，原來是我設了預約'],
    ['Cantonese', '焗爐朝早自己開咗，係我預約咗'],
  ]);
});

/**
 * Review 12 (H2): cooking smoke the range hood does not clear ("炒辣椒的时候这么大的烟，油烟机都抽不
 * 走") is set aside like mist; smoke from the hob or the hood itself, or a burning smell beside the
 * cooking smoke, stays a hazard.
 */
describe('hazard net: cooking smoke the hood does not clear (review 12)', () => {
  readsAsHazards([
    ['Simplified', '炒菜的时候电磁炉底下冒烟，有股焦味'],
    ['Simplified', '油烟机抽不走烟，而且电机有焦味'],
    ['Simplified', '抽油烟机冒烟了，还有烧焦的味道'],
    ['Traditional', '抽油煙機冒煙了，還有燒焦的味道'],
    ['Cantonese', '抽油煙機抽唔走煙，仲有陣燶味'],
    ['English', 'The cooktop started smoking from underneath while I was cooking'],
  ]);
  readsCalm([
    ['Simplified', '炒辣椒的时候这么大的烟，油烟机都抽不走'],
    ['Simplified', '炒菜的时候好大的烟，抽油烟机抽不干净'],
    ['Traditional', '炒辣椒的時候這麼大的煙，油煙機都抽不走'],
    ['Cantonese', '炒嘢嗰陣好大煙，抽油煙機都抽唔走'],
    ['English', "The range hood doesn't clear the smoke from the frying pan"],
    ['English', "The smoke from cooking sets off the alarm, the hood can't clear the smoke"],
  ]);
});

/**
 * Review 12 (H2): a whoosh with a flash is a burner's flashback; a kettle that whooshes while its
 * light flashes is boiling.
 */
describe('hazard net: a whoosh and a flash, not a light that flashes (review 12)', () => {
  readsAsHazards([
    ['English', 'a whoosh and a flash from the water heater burner'],
    ['English', 'whoosh, then a fireball out of the oven'],
  ]);
  readsCalm([
    ['English', 'The kettle whooshes and a light flashes when it boils, then it switches off'],
    ['English', 'there was no whoosh and no flash'],
  ]);
});

/**
 * Review 12 (H2): "I burnt the toast" is the toast, and a toaster that won't "pop up" has no pop:
 * neither is a word around danger, so the model's hazard probability needs its full threshold
 * (the toast got the gas safety text). A burning smell and a pop stay hints.
 */
describe('hazard hints: burnt food and popping up are no word around danger (review 12)', () => {
  const { analyser } = createTextReader(catalogue, lexicon, MAX_TRIAGE_CHARS);
  it.each([
    "I burnt the toast this morning, now the toaster won't pop up",
    'I burned my dinner in the microwave',
    'a window popped up on the TV asking to update',
  ])('no hint in %j', (text) => {
    expect(analyser.analyse(text).hazardHint).toBe(false);
  });
  it.each([
    'there is a burning smell from the toaster',
    'the TV made a pop and went off',
    '微波炉有股焦味',
    '微波爐有陣燶味',
  ])('a hint in %j', (text) => {
    expect(analyser.analyse(text).hazardHint).toBe(true);
  });
  it('sends burnt toast to no hazard path', () => {
    expect(
      learned.classify("I burnt the toast this morning, now the toaster won't pop up").label,
    ).not.toBe('hazard');
  });
});

/**
 * A strange smell with a headache or dizziness in the same or the next clause, whatever the
 * appliance: fumes that make people unwell (the gas pairs read only a gas appliance). A headache
 * that is a figure of speech ("a real headache to clean", 真让人头痛) or denied is none.
 */
describe('hazard net: a strange smell and a headache', () => {
  readsAsHazards([
    ['Cantonese', '熱水爐有陣臭味，屋企人頭暈'],
    ['Traditional', '熱水器有點怪味，頭暈'],
    ['Simplified', '空调开了以后有股刺鼻的味道，家里人都头疼'],
    ['English', 'There is a weird smell from the heater and I have a headache'],
    ['English', 'A chemical smell comes out of the air conditioner. We all feel dizzy.'],
  ]);
  readsCalm([
    ['Simplified', '没有怪味，也不头晕'],
    ['Simplified', '冰箱有股臭味，真让人头痛'],
    ['Traditional', '冰箱有股臭味，真讓人頭痛'],
    ['Cantonese', '雪櫃冇臭味，都冇頭暈'],
    ['English', "The fridge has a bad smell, it's a real headache to clean"],
    ['English', 'There is no strange smell and no headache'],
  ]);
});

/**
 * Public reports (Session 13 probes, write half): a part that glowed white hot or went
 * "incandescent" (not an incandescent bulb); a head or brain "smoking" from studying or anger is a
 * figure of speech (脑子都要冒烟), a computer that smokes is not.
 */
describe('hazard net: a part gone incandescent; a brain that smokes is a figure of speech', () => {
  readsAsHazards([
    ['English', 'the chip got hot enough to go incandescent and stink up the whole room'],
    ['English', 'the wire went white hot before the fuse blew'],
    ['Simplified', '电脑主机冒烟了'],
    ['Traditional', '電腦主機冒煙了'],
    ['Cantonese', '電腦主機冒煙，仲有燶味'],
  ]);
  readsCalm([
    ['English', 'the chip was not incandescent, it just got warm'],
    ['English', 'the fridge light is an incandescent bulb'],
    ['Simplified', '这周连续几天泡在图书馆，感觉脑子都要冒烟了'],
    ['Simplified', '考试复习到脑袋都要冒烟了'],
    ['Traditional', '考試複習到腦袋都要冒煙了'],
    ['Cantonese', '做功課做到個腦冒煙'],
    ['Simplified', '电脑主机没有冒烟'],
  ]);
});

/**
 * Public reports (Session 13 probes, write half): a near miss said as such (差点出大事, 差点起火) is
 * a hazard; burnt popcorn's smoke is set aside like cooking smoke, though a spark beside it is not;
 * a smoke alarm's flat battery is no smoke.
 */
describe('hazard net: a near miss; burnt popcorn; a smoke alarm battery', () => {
  readsAsHazards([
    ['Simplified', '结果一洗澡满屋子都是怪味儿，管子接错了地方，差点出大事'],
    ['Simplified', '热水器差点起火，吓死我了'],
    ['Traditional', '熱水器差點起火，嚇死我了'],
    ['Cantonese', '部暖爐差啲著火，差點出大事'],
    ['Cantonese', '微波爐爆谷燶咗仲出火花'],
    ['English', 'I burnt the popcorn and now the microwave sparks and smokes'],
    ['English', 'The smoke alarm went off and the fridge outlet was smoking'],
    ['Simplified', '烟雾报警器响了，厨房有烟'],
  ]);
  readsCalm([
    ['Simplified', '没有差点出事，一切正常'],
    ['Simplified', '爆米花糊了，微波炉里全是烟'],
    ['Cantonese', '爆谷燶咗，微波爐入面好多煙'],
    [
      'English',
      "The popcorn's burned! The microwave is full of smoke. I don't dare open the door!",
    ],
    ['English', 'the smoke alarm battery is low and it keeps chirping'],
    ['Simplified', '烟雾报警器电池没电了，一直滴滴叫'],
    ['Traditional', '煙霧警報器冇電，成日嘀嘀聲'],
  ]);
});

/**
 * A hazard hint (`hazard.hints`) inside a phrase the net knows as ordinary (`hazard.exceptions`:
 * 油烟, 火锅, "fire tv") is no word around danger, so the learned model needs its full threshold;
 * the same hint outside one still counts.
 */
describe("hazard hints: none inside the net's ordinary phrases", () => {
  const { analyser } = createTextReader(catalogue, lexicon, MAX_TRIAGE_CHARS);
  it.each([
    ['Simplified', '油烟机有点吵'],
    ['Cantonese', '油煙機有啲嘈'],
    ['Traditional', '我在吃火鍋，電磁爐沒問題'],
    ['English', 'the fire tv stick keeps restarting'],
  ])('(%s) no hint in %j', (_, text) => {
    expect(analyser.analyse(text).hazardHint).toBe(false);
  });
  it.each([
    ['Simplified', '油烟机有股焦味'],
    ['Traditional', '電視有陣燶味'],
    ['Cantonese', '油煙機有陣燶味'],
    ['English', 'the fire stick smells of burning'],
  ])('(%s) a hint in %j', (_, text) => {
    expect(analyser.analyse(text).hazardHint).toBe(true);
  });
});

/**
 * Classes from hazards of the train and dev splits the net alone missed (the model had learned
 * them): a "loud poof" and "smokeish" stuff; a jet or ball of flame; a battery cell that is expanding; a safety concern said
 * as such; an RCD that cannot be reset or powered up "without tripping" (no denial); a drink that
 * "emptied its contents onto my laptop" or a "spillage" over a keyboard; a part burned by what the
 * customer did ("burned my motherboard"; "burned out" is a dead part). Each with its denial and its
 * ordinary sense.
 */
describe('hazard net: a poof, a jet of flame, an expanding cell, a safety concern, cannot reset without tripping, a spillage', () => {
  readsAsHazards([
    ['English', 'with a loud poof this grey smokeish stuff came out of it'],
    ['English', 'The seal had popped on one of the cells and it was expanding'],
    ['English', 'it was running much too hot, it made us concerned about safety'],
    ['English', "I can't reset the RCD without tripping it again"],
    ['English', 'I cannot power the machine up without tripping the RCD'],
    ['English', 'the coffee cup tipped up and emptied its contents onto my laptop'],
    ['English', 'Accidental spillage of approximately 1 liter of water, covering the keyboard'],
    ['English', 'a night of mining destroyed/burned my motherboard'],
    [
      'English',
      'a very loud kra-a-a-ck and a jet of blue flame shot out the right side of the microwave',
    ],
    ['English', 'a ball of fire came out of the socket'],
    ['Simplified', '一股蓝色的火焰从微波炉侧面喷了出来'],
    ['Traditional', '微波爐側邊噴出一條藍色火舌'],
    ['Simplified', '洗碗机温度太高了，我担心安全问题'],
    ['Traditional', '洗碗機溫度太高了，我擔心安全問題'],
    ['Cantonese', '部洗碗機熱到離晒譜，我好擔心安全'],
    ['Cantonese', '充電器噗一聲冒出灰色嘅煙'],
  ]);
  readsCalm([
    ['English', 'the dishwasher runs very hot, no safety concern though'],
    ['English', 'my phone battery cells are fine, nothing is expanding'],
    ['English', 'it runs without tripping the RCD'],
    ['English', 'I tipped over the chair next to my laptop'],
    ['English', 'the light bulb in the fridge burned out'],
    ['English', 'the gas burner has a nice blue flame'],
    ['English', 'there were no flames at all, it just clicked off'],
    ['Simplified', '洗碗机温度正常，不担心安全'],
    ['Traditional', '洗碗機溫度正常，不擔心安全'],
  ]);
});

/**
 * A washer, dryer or dishwasher that burst apart (自爆, 炸裂) or whose lid shattered in the spin is
 * a hazard; a machine "stuffed to bursting" (塞爆了, 塞到爆) is only full.
 */
describe('hazard net: a machine or its lid that burst apart, and one only stuffed full', () => {
  readsAsHazards([
    ['Simplified', '洗衣机脱水的时候自爆了，盖子被炸裂'],
    ['Simplified', '洗衣机脱水时盖子炸裂了'],
    ['Traditional', '洗衣機脫水時蓋子炸裂了'],
    ['Cantonese', '部洗衣機甩乾嗰陣自爆，個蓋爆開咗'],
    ['English', 'the washer lid shattered during the spin'],
    ['English', 'the glass lid exploded while it was spinning'],
  ]);
  readsCalm([
    ['Simplified', '洗衣机没有爆炸，只是脱水声音大'],
    ['Simplified', '洗衣机都塞爆了，衣服太多'],
    ['Simplified', '冰箱塞爆了，东西放不下'],
    ['Cantonese', '雪櫃塞到爆，啲嘢放唔落'],
    ['English', 'the lid of the detergent drawer is broken'],
  ]);
});

/**
 * Review 13 (R13-2): booking a repair (预约维修, "schedule an engineer") is no timer: an oven or
 * heater that came on by itself stays a hazard; a timer or schedule set on it still makes it
 * ordinary.
 */
describe('hazard net: booking a repair is no timer (review 13)', () => {
  readsAsHazards([
    ['Simplified', '烤箱半夜自己开了，我想预约维修'],
    ['Simplified', '电暖器半夜自己启动了，可以预约上门吗'],
    ['Cantonese', '電暖爐半夜自己開咗，想預約師傅上門'],
    ['Traditional', '烤箱半夜自己開了，我想預約維修'],
    [
      'English',
      'the oven turned itself on in the middle of the night, can I schedule an engineer?',
    ],
    [
      'English',
      'the space heater came on by itself while we were out, scheduled to be away all week',
    ],
  ]);
  readsCalm([
    ['Simplified', '烤箱自己启动了，原来是我设了预约'],
    ['Simplified', '烤箱自己开了，我开了预约功能'],
    ['Traditional', '烤箱自己啟動了，原來是我設了預約'],
    ['English', 'The oven turned itself on, I had scheduled it to preheat at six'],
  ]);
});

/**
 * Review 13 (R13-3): cooking smoke or burnt popcorn sets aside smoke only where no appliance or
 * part is the one smoking and the smoke does not go on after it stopped.
 */
describe('hazard net: cooking smoke beside an appliance that smokes itself (review 13)', () => {
  readsAsHazards([
    ['Simplified', '油烟机抽不走烟，油烟机自己也在冒烟'],
    ['Simplified', '油烟机抽不走，油烟机电机冒烟'],
    ['Simplified', '油烟机抽不走，旁边的微波炉也冒烟了'],
    ['Simplified', '爆米花糊了，微波炉关了还在一直冒烟'],
    ['Cantonese', '抽油煙機抽唔走啲煙，部機自己都冒煙'],
    ['Cantonese', '爆谷燶咗，微波爐後面一直冒煙'],
    ['Traditional', '爆米花糊了，微波爐關了還在一直冒煙'],
    ['English', "the hood can't clear the smoke and the hood itself is smoking"],
    ['English', 'smoke from the frying pan set off the alarm, then the toaster started smoking'],
    [
      'English',
      'burnt popcorn and now the microwave keeps smoking even after it stopped and the door is open',
    ],
  ]);
  readsCalm([
    ['Simplified', '爆米花糊了，微波炉里全是烟'],
    ['Traditional', '炒辣椒的時候這麼大的煙，油煙機都抽不走'],
    ['English', "The range hood doesn't clear the smoke from the frying pan"],
    ['English', 'I burnt the popcorn, the kitchen smells of popcorn smoke'],
  ]);
});

/**
 * Review 13 (R13-4): on a gas appliance a whoosh and "the light flashed" is delayed ignition; a
 * kettle's light that flashes is not.
 */
describe('hazard net: a gas appliance that whooshes and flashes (review 13)', () => {
  readsAsHazards([
    ['English', 'the gas water heater went whoosh and the light flashed'],
    ['English', 'the boiler went whoosh and a light flashed inside'],
    ['English', 'the gas hob went woomph and the lights flashed'],
  ]);
  readsCalm([
    ['English', 'The kettle whooshes and a light flashes when it boils, then it switches off'],
  ]);
});

/** Melting is a hazard when a part melts, even where ice or food is named beside it (`ordinarySenses`). */
describe('hazard net: melting that is thawing, and melting that is not', () => {
  it.each([
    'I was defrosting the freezer and the light cover melted',
    'the ice maker stopped and its wire melted',
    'the frozen pizza was fine but the plastic tray melted in the oven',
    'the fridge plug melted',
  ])('reads %j as a hazard', (text) => {
    expect(net.read(text).hazard).toBe(true);
  });

  it('reads a melting smell as a hazard whatever thaws beside it', () => {
    expect(net.read('the ice cream is soft and there is a melting smell').hazard).toBe(true);
  });
});

describe('hazard net: a gas or carbon monoxide alarm by its fuel', () => {
  it.each([
    'I switched on the water heater and the propane alarm went off',
    'the carbon monoxide alarm went off near the boiler',
    'our LP gas alarm beeps whenever the water heater runs',
  ])('reads %j as a hazard', (text) => {
    expect(net.read(text).hazard).toBe(true);
  });

  it('reads a denied alarm as none', () => {
    expect(net.read('no propane alarm went off, the heater just will not light').hazard).toBe(
      false,
    );
  });
});

describe('hazard net: refrigerant called gas, a belt that is a part, a clear denial', () => {
  it.each([
    'the technician said the gas has leaked from the compressor and refilled it',
    'he injected gas into the compressor and the fridge cools again',
    'the AC needs a gas top up every summer',
    'we expected them to get the new belt by Monday',
    'while there is no clear gas leak, the fridge is warm',
    'there is water around the base of the fridge',
    'water pooling around the washing machine after every wash',
    'the router is right next to the water heater',
    'no rubbery smell at all, the laptop just will not boot',
  ])('makes no hazard of %j', (text) => {
    expect(net.read(text).hazard).toBe(false);
  });

  it.each([
    'I smell gas near the fridge',
    'gas is leaking from the pipe behind the boiler',
    'the toaster gave me a belt when I touched it',
    'I got a nasty belt off the washing machine',
    'there is a clear smell of gas by the water heater',
    'my wet swim top had dripped onto the power pack of the fridge',
    // The twenty-first round: water at network gear or through a light, a rubbery smell.
    'I noticed more water around my network switch, so I rushed to unplug it',
    'I saw water pooling around the base of the AirPort',
    'water was dripping down from the lights onto the fridge',
    'there is a sickening rubbery smell coming from the computer',
  ])('reads %j as a hazard', (text) => {
    expect(net.read(text).hazard).toBe(true);
  });
});

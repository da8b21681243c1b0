import { describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import { createTriageEngine, decideNextStep } from '../../../core/index.ts';

const { catalogue, lexicon, model, content } = loadTriageContent();
/** The bot's engine: the rules and the learned model. */
const engine = createTriageEngine(catalogue, { lexicon, model });
const nextOf = (text: string) =>
  decideNextStep(engine.classify(text), { content, alreadyAsked: false, guidanceFailed: false });

type Script = 'Simplified' | 'Traditional' | 'Cantonese' | 'English';

/**
 * How customers describe a part that has failed (written for the mechanism, not copied from an
 * evaluation set): each is unmistakably a defect (design.md "Decide by cost"), so it is a fault
 * that goes straight to an engineer, with no quick checks first.
 */
const FAILED: Record<string, Partial<Record<Script, string[]>>> = {
  'a compressor that starts and cuts out again and again': {
    Simplified: ['冰箱压缩机启动几秒就停，反复这样', '空调外机频繁启停，一点都不凉'],
    English: [
      'the fridge compressor starts then clicks off after a few seconds, over and over',
      'the AC keeps short cycling and the house is warm',
    ],
  },
  'it runs but does not heat': {
    Simplified: ['微波炉转盘在转，灯也亮，就是不加热', '微波炉嗡嗡响但是加热不了'],
    Traditional: ['微波爐轉盤會轉，燈也亮，但是不加熱'],
    Cantonese: ['叮爐轉緊但係啲嘢唔熱'],
    English: [
      'the microwave hums and the plate turns but the food stays cold',
      'microwave runs and the light is on but it does not heat anything',
    ],
  },
  'a refrigerant leak': {
    Simplified: ['空调不制冷，师傅说缺氟', '空调外机铜管接头有油渍，不怎么凉'],
    Cantonese: ['冷氣機唔凍，師傅話要加雪種', '冷氣唔凍，銅喉接口有油'],
    English: [
      'the AC is low on refrigerant, the tech found a leak',
      'there is oil residue on the copper pipe joints and the AC blows warm',
    ],
  },
  'a hum with no spin': {
    Simplified: ['洗衣机不转了，电机嗡嗡响', '微波炉不加热，一直嗡嗡响'],
    Cantonese: ['洗衣機唔轉，個摩打嗡嗡聲'],
    English: ['the washer hums but the drum won’t turn'],
  },
  'a blown board, a dead part': {
    Simplified: ['微波炉磁控管坏了，换了个新的还是不热'],
    Cantonese: ['熱水爐師傅話個發熱管壞咗'],
    English: ['the tv has a blown capacitor on the power board', 'the microwave magnetron is dead'],
  },
  'a technician’s diagnosis': {
    Simplified: ['售后检测说笔记本主板坏了'],
    English: [
      'the technician replaced the dishwasher board last month and now it is the same again',
    ],
  },
  'dead after a surge or lightning': {
    Simplified: ['打雷之后路由器开不了机'],
    English: ['the TV has been dead since a power surge last night'],
  },
  'it works only after a knock': {
    Simplified: ['洗衣机要拍几下才会转'],
    English: ['the TV only comes on if I hit the side'],
  },
};

/** Reports that are not unmistakably a defect keep their quick checks (or guidance). */
const NOT_UNMISTAKABLE: [Script, string][] = [
  ['English', 'my fridge is not cooling'],
  ['English', 'the microwave is not heating'],
  ['English', 'the technician said it is normal'],
  ['English', 'the fridge compressor clicks on and off every so often, is that normal'],
  ['Simplified', '冰箱好像不太冷'],
  ['Simplified', '售后说这是正常现象'],
  ['Cantonese', '雪櫃唔凍'],
  ['Simplified', '洗衣机不转了，没有嗡嗡声'],
  ['Cantonese', '洗衣機唔轉，冇嗡嗡聲'],
];

describe('defect cues: a failed part goes straight to an engineer', () => {
  for (const [kind, scripts] of Object.entries(FAILED)) {
    for (const [script, texts] of Object.entries(scripts)) {
      it.each(texts)(`${kind} (${script}): %j is a fault escalated at once`, (text) => {
        const result = engine.classify(text);
        expect(result.cues.defects ?? []).not.toEqual([]);
        expect(result.label).toBe('fault');
        expect(nextOf(text)).toMatchObject({ kind: 'escalate', reason: 'fault' });
      });
    }
  }

  it.each(NOT_UNMISTAKABLE)('(%s) %j is not escalated at once', (_, text) => {
    expect(engine.classify(text).cues.defects ?? []).toEqual([]);
    expect(['checks', 'guide', 'ask']).toContain(nextOf(text).kind);
  });
});

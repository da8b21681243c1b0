import { describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import { createTriageEngine, decideNextStep, type Label } from '../../../core/index.ts';

const { catalogue, lexicon, content } = loadTriageContent();
const engine = createTriageEngine(catalogue, { lexicon });

/**
 * "Already tried the checks" (design.md, "Triage"): fresh messages written for the mechanism, not
 * taken from any evaluation set. A check the customer did pushes to fault; a change that caused the
 * problem ("换了…就…", "moved it … and now") is no check and must not hide a misuse.
 */
describe('already tried: a change that caused the problem is not a check', () => {
  const cases: [string, string, Label][] = [
    ['zh 就', '电视换了个HDMI口就没画面了，是不是要切信号源', 'misuse'],
    ['zh 以后, a new place', '路由器换了个位置以后wifi很慢', 'misuse'],
    ['zh 之后就', '空调换了个模式之后就不出冷风了', 'misuse'],
    ['Cantonese 搬咗…之後', '電視搬咗去另一間房之後就冇訊號', 'misuse'],
    ['Cantonese new router 之後', '換咗個新路由器之後上唔到網', 'misuse'],
    ['en since', 'tv shows no signal since I moved it to another room', 'misuse'],
    [
      'en another room, no marker',
      'no signal on the telly, we just moved it to another room',
      'misuse',
    ],
    ['en and now', 'I switched the aircon to a different mode and now it is not cooling', 'misuse'],
    ['en using a new router', 'we are using a new router and the wifi is really slow', 'misuse'],
    ['en after', 'after I changed to another HDMI port the TV says no signal', 'misuse'],
  ];
  it.each(cases)('%s: %s', (_, text, label) => {
    const result = engine.classify(text);
    expect(result.cues.alreadyTried).toBe(false);
    expect(result.label).toBe(label);
  });

  const stillBroken: [string, string][] = [
    ['zh 之后还是', '电视换了个插座之后还是开不了机'],
    ['zh 还是没', '换了个HDMI口还是没信号，电视是不是坏了'],
    ['Cantonese 都係咁', '電視開唔到機，換過插蘇都係咁'],
    ['Cantonese 都係唔得 (review11 L2)', '部電視開唔到機，已經重新開機咗，都係唔得'],
    ['en still', 'switched the tv to another hdmi port, still no signal'],
    ['en after … still', 'after trying another socket the microwave still will not power on'],
  ];
  it.each(stillBroken)('counts a change that did not help (%s)', (_, text) => {
    const result = engine.classify(text);
    expect(result.cues.alreadyTried).toBe(true);
    expect(result.label).toBe('fault');
  });
});

describe('already tried: checks with words in between', () => {
  const cases: [string, string][] = [
    ['object, 我, 看过', '洗衣机不排水，排水管我看过没有堵'],
    ['object, 刚, 换过', '空调遥控器没反应，遥控器电池刚换过'],
    ['object, 我, 确认过', '空调不制冷，模式我确认过是制冷'],
    ['object, 查过了', '冰箱完全不工作，插座查过了'],
    ['都排查过了', '路由器没网，能想到的都排查过了'],
    ['重启过了', '路由器灯都亮着就是没网，已经重启过了'],
    ['Cantonese 啱啱換咗', '電視遙控冇反應，電池啱啱換咗'],
    ['Cantonese object, 我都洗過', '洗碗機唔排水，隔渣網我都洗過'],
    ['Traditional 檢查過', '洗衣機不排水，排水管我也檢查過了'],
    ["en I've replaced", "tv remote does nothing, I've replaced the batteries"],
    ['en has been cleaned', 'washer not draining, the filter has been cleaned'],
    ['en already cleaned', 'dishwasher will not drain, already cleaned the filter'],
    ['en I have checked', 'aircon not cooling, I have checked the mode, it is on cool'],
    ['en we already reset', 'router lights on but no internet, we already reset it twice'],
  ];
  it.each(cases)('%s: %s', (_, text) => {
    const result = engine.classify(text);
    expect(result.cues.alreadyTried).toBe(true);
    expect(result.label).toBe('fault');
  });

  const notDone: [string, string][] = [
    ['没检查过', '排水管没检查过，洗衣机不排水'],
    ['也没看过', '洗衣机不排水，过滤器也没看过'],
    ['从来没洗过', '滤网从来没洗过，空调不太凉'],
    ['reading the manual is no check', '我看过说明书，说要清洗滤网，空调不凉'],
    ['en have not cleaned', 'I have not cleaned the filter, dishwasher is not draining'],
    [
      'en has not been cleaned',
      'the washer filter has not been cleaned in a year and it will not drain',
    ],
  ];
  it.each(notDone)('does not read a check that was not done (%s)', (_, text) => {
    expect(engine.classify(text).cues.alreadyTried).toBe(false);
  });

  it('is a strong log-odds prior: it outweighs strong misuse evidence, with a confidence that shows it', () => {
    const result = engine.classify('冰箱冷藏室的饮料都冻成冰了，插座是好的');
    expect(result.cues.alreadyTried).toBe(true);
    expect(result.label).toBe('fault');
    expect(result.labelConfidence).toBeGreaterThan(0.5);
    expect(result.labelConfidence).toBeLessThan(1);
  });
});

/**
 * Consistent across categories: a breaker or fuse that trips (overcurrent) is an electrical fault,
 * never guidance; a hazard only with shock, burning or water, or when leakage protection (RCD,
 * GFCI, 漏电开关) trips, which is the catalogue's own shock wording in every category.
 */
describe('a breaker that trips as soon as it runs', () => {
  const faults: [string, string][] = [
    ['zh 一开就', '微波炉一开机就跳闸'],
    ['zh 一开机就', '洗衣机一开机就跳闸'],
    ['Cantonese 跳掣', '熱水爐一開就跳掣'],
    ['zh 老是', '空调老是跳闸，推上去一开又跳'],
    ['zh 一插电就', '冰箱一插电就跳闸'],
    ['en as soon as', 'the breaker trips as soon as I turn the microwave on'],
    ['en keeps tripping', 'dishwasher keeps tripping the breaker'],
    ['en every time', 'fridge trips the breaker every time I plug it in'],
    ['en RCD is fine', 'the rcd is fine, but the breaker trips as soon as the washer starts'],
    ['zh 反复跳闸', '空调一开空开就跳'],
  ];
  it.each(faults)('is a fault, never guidance (%s)', (_, text) => {
    const result = engine.classify(text);
    expect(result.cues.breakerTrip).toBe(true);
    expect(result.label).toBe('fault');
    expect(result.symptom?.id ?? '').not.toMatch(/shock|smoke|burning|scorched|water-on/);
    const step = decideNextStep(result, { content, alreadyAsked: false, guidanceFailed: false });
    expect(step).toMatchObject({ kind: 'escalate', reason: 'fault' });
  });

  const hazards: [string, string][] = [
    ['zh water, another clause', '洗衣机漏水，一开就跳闸'],
    ['zh burning smell', '微波炉一开就跳闸，还有焦味'],
    ['zh shock', '热水器一开就跳闸，洗澡时手麻'],
    ['Cantonese water', '洗碗機漏水，一開就跳掣'],
    ['en leaking', 'water heater leaking and keeps tripping the breaker'],
    ['en shock', 'dishwasher trips the breaker and I got a shock from the door'],
    // Leakage protection (RCD, 漏电开关) trips on current leaking to earth: the shock signal itself.
    ['en RCD', 'washer trips the RCD every time'],
    ['en GFCI', 'the GFCI outlet trips whenever the dishwasher starts'],
    ['zh 漏电开关', '热水器一开，漏电开关就跳'],
    // A blown fuse is the overcurrent a short draws (the hazard net reads it as a hazard, README "Triage").
    ['en fuse', 'aircon blows the fuse whenever it starts'],
    ['zh 保险丝', '微波炉保险丝烧了，换了又烧'],
  ];
  it.each(hazards)('is a hazard with shock, burning or water (%s)', (_, text) => {
    expect(engine.classify(text).label).toBe('hazard');
  });

  it('does not make a hazard of a denied leak', () => {
    const result = engine.classify('洗衣机没漏水，但是一开就跳闸');
    expect(result.label).toBe('fault');
  });

  it('leaves a single trip that was reset to guidance rules', () => {
    const result = engine.classify('昨晚跳闸了，冰箱现在不动了');
    expect(result.cues.breakerTrip).toBe(false);
  });
});

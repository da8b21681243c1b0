/**
 * Symptom families: what kind of trouble words tell (a leak, a noise, a door that will not close,
 * water that will not drain…), read from cue words in English, Simplified and Traditional Chinese
 * and Cantonese alike. Used to tell whether words added after "about FL-…" name another symptom
 * than the ticket's (review12 M2): the catalogue's symptom ids split one kind of trouble in several
 * (a blocked filter, a pump fault) and the reading of a short line without its product can land
 * on any of them, or on another product's; families compare what the words say.
 *
 * Words of degree and time ("getting worse", 越来越严重, 愈嚟愈嚴重, "still") are no family.
 */

/** One family: its name and the cues that tell it (matched on lower-case text). */
const FAMILIES: readonly (readonly [string, RegExp])[] = [
  [
    'leak',
    /\bleak|\bdrip|\bpuddle|\bflood|water (?:on|all over) the floor|漏水|漏咗水|渗水|滲水|滴水|[水]漏/u,
  ],
  ['drain', /\bdrain|排水|排不|[去放]水|積水|积水|water (?:left|stays|standing) in/u],
  [
    'fill',
    /\bfills?\b|\bfilling\b|water (?:coming|going) in|no water (?:coming|going)|不[进進]水|[进進]水(?:很|好|太)?慢|[入上]水|冇水入/u,
  ],
  [
    'door',
    /\b(?:door|lid)\b[^.,;!?]{0,24}?\b(?:won'?t|will not|doesn'?t|does not|can'?t|cannot|isn'?t|is not|not)\s+(?:\w+\s+)?(?:close|closing|shut|open|opening|lock|locking|latch)|\b(?:door|lid)s?\s+(?:is\s+|are\s+)?(?:stuck|locked|broken|damaged|jammed|alarm)|[门門盖蓋][^，。,.！？!?\s]{0,4}?(?:关不|關不|关唔|關唔|閂唔|闩唔|未关|未關|没关|沒關|打不开|打不開|开不|開不|開唔|开唔|锁住|鎖住|卡住|损坏|損壞|坏了|壞了|报警|報警)/u,
  ],
  [
    'noise',
    /\bnois|\bgrind|\brattl|\bsqueal|\bsqueak|\bscrap(?:e|es|ing)\b|\bbang(?:s|ing)?\b|\bknock(?:s|ing)\b|\bbuzz(?!er)|\bhumm|\bloud\b|噪|[异異怪][响響声聲]|[声聲]音(?:很|好|太|非常|特别|特別)?(?:大|吵|怪)|[大怪][声聲]|嘈|[磨摩]擦|吱吱|咔咔|嗡嗡|隆隆|[响響][声聲]|嘶嘶/u,
  ],
  [
    'spin',
    /\bspin|\b(?:won'?t|will not|doesn'?t|does not|not|isn'?t)\s+(?:turn|turning|rotat|spin)(?!\w*\s+(?:on|off)\b)|甩[干乾]|[脱脫]水|不[转轉]|唔[转轉]|[转轉]不|[转轉]唔/u,
  ],
  [
    'shake',
    /\bshak|\bvibrat|\bwalk(?:s|ing)? (?:across|around|out)|\bmoves? across|\bwobbl|\bunbalanc|[震晃]|移位|不平衡|跳[动動]/u,
  ],
  ['smell', /\bsmell|\bstink|\bodou?r|\bmusty|[味臭]/u],
  [
    'not-cold',
    /\bnot (?:\w+ )?(?:cold|cool|cooling|chilling)\b|\bisn'?t (?:\w+ )?(?:cold|cool|cooling)|\bwarm\b(?! regards| wishes)(?![^.,;!?]*\b(?:today|tonight|outside|weather|day)\b)|no longer cold|不[够夠]?冷|不制冷|不製冷|唔[凍冻冷]|冇冷|不[凉涼]|不制[冷]/u,
  ],
  [
    'too-cold',
    /\btoo cold\b|\bfreez(?:e|es|ing)\b(?![^.,;!?]*\b(?:today|tonight|outside|weather|day)\b)|\bfrozen\b|\bfrost|\bicy\b|太冷|[结結]冰|[冻凍]住|[冻凍]硬|[结結]霜|雪住/u,
  ],
  [
    'not-hot',
    /\bnot (?:\w+ )?(?:hot|heat|heating)\b|\bno hot water|\blukewarm|不[够夠]?[热熱]|唔[热熱]|不加[热熱]|不制[热熱]|不製熱|冇[热熱]水|[没沒]有[热熱]水|忽冷忽[热熱]/u,
  ],
  [
    'power',
    /\b(?:won'?t|will not|doesn'?t|does not|can'?t|cannot)\s+(?:turn|switch|power)\s+on\b|\bno power\b|\bdead\b(?!\s+pixel)|\b(?:won'?t|will not|doesn'?t|does not)\s+start\b|[开開]不了[机機]|[开開]唔到[机機]|[没沒冇]电|[沒冇]電|启动不了|啟動不了|不启动|不啟動|跳[闸閘]|不亮/u,
  ],
  [
    'controls',
    /\bbuttons?\b|\bkeypad|\bcontrol panel|\bchild lock|\bremote\b|\btouchpad|\bkeyboard|按[键鍵钮鈕]|面板|童[锁鎖]|[遥遙]控|[键鍵]盘|[键鍵]盤|触控|觸控|触摸板|觸摸板/u,
  ],
  [
    'error',
    /\berror|\bfault codes?\b|\bcodes?\s*[:#]?\s*[a-z]{1,2}-?\d{1,3}(?![a-z0-9])|(?:show(?:s|ing|ed)?|display(?:s|ing|ed)?|flash(?:es|ing)?|显示|顯示|出|[闪閃]|[报報]|跳)\s*(?:an? |the )?(?:code |代[码碼])?[a-z]{1,2}\d{1,3}(?![a-z0-9])|故障代[码碼]|[错錯]误|[錯错]誤|[报報][错錯]|代[码碼]\s*[a-z]{1,2}-?\d/u,
  ],
  [
    'screen',
    /\bscreen\b(?!shot)|\bno (?:picture|image)\b|\bpicture (?:is|goes|went|keeps)|\bflicker|\bpixel|\blines? on|[屏]|[画畫]面|[图圖]像|[闪閃]烁|[闪閃]爍/u,
  ],
  [
    'sound',
    /\bno sound\b|\bno audio\b|\bmuted?\b|[没沒冇]有?[声聲]音|[没沒冇无無][声聲]|[静靜]音/u,
  ],
  [
    'network',
    /\bwi-?fi|\binternet|\boffline|\bnetwork|\bsignal|\brouter|\bdisconnect|\b(?:won'?t|can'?t|cannot|doesn'?t|not|no longer|keeps) (?:\w+ )?connect|\bconnection|[网網][络絡]|上不了[网網]|[断斷][网網]|[掉][线線]|信[号號]|[连連]不上/u,
  ],
  ['slow', /\bslow|\blag(?:s|gy|ging)?\b|[卡][顿頓]|(?<!慢)慢(?![慢用走])/u],
  [
    'restart',
    /\brestart|\breboot|\bturns (?:itself )?off|\bkeeps (?:turning|switching|shutting) (?:off|down)|\bshuts (?:itself )?(?:down|off)|\bswitches (?:itself )?off|\bcrash|\bstops? mid|重[启啟]|(?:自动|自動|自己|自已)[关關][机機]|死[机機]|熄火|中途停/u,
  ],
  [
    'clean-dry',
    /\bnot clean|\bresidue|\bwhite film|\bnot dry|\bstill wet|洗不干[净淨]|洗不乾淨|[残殘][留渣]|白斑|[烘]不[干乾]/u,
  ],
  [
    'battery',
    /\bbatter|\b(?:not|won'?t|doesn'?t|isn'?t|stopped) charging|\bcharger|\bcharging port|[电電]池|充[电電]|鼓包/u,
  ],
  ['ignite', /\bignit|\bwon'?t light|\bpilot|打不着火|打唔着火|[点點]火|熄火/u],
];

/**
 * Words about something else than the appliance, taken out before the cues are read (review13
 * R13-5): the customer's phone, the front door, gate or doorbell, a door / zip / post code, a
 * password's whereabouts, their own signal at work, working remote, a slow reply. "my phone is dead", "the front
 * door is locked", 门铃坏了 tell no trouble of the appliance.
 */
const NOT_THE_APPLIANCE: readonly RegExp[] = [
  /\b(?:my|our|his|her|the)\s+(?:own\s+)?(?:phone|mobile|cell(?:phone)?|front door|main door|back door|building door|gate|doorbell|door bell|intercom|buzzer|car)\b[^.,;!?]*/gu,
  /\b(?:zip|post(?:al)?|door|gate|entry|access|building|entrance)\s*codes?\b[^.,;!?]*/gu,
  /[^.,;!?]*\bpassword\s+(?:is|'s)\b(?!\s+(?:wrong|rejected|not|incorrect))[^.,;!?]*/gu,
  /\b(?:i|i've|we)\s+(?:have|has|got|get|will have)\s+(?:no|bad|poor|weak)\s+(?:phone\s+)?(?:signal|reception)\b/gu,
  /\bwork(?:s|ing)?\s+(?:from\s+home|remote(?:ly)?)\b|\bremote(?:ly)?\s+work\w*/gu,
  /\b(?:slow|late|delayed)\s+(?:reply|replies|response|answer)\b/gu,
  /(?:我的?|我部)手[机機][^，。,.！？!?]*|(?:我|我们|我們|我哋)[^，。,.！？!?]{0,6}?(?:没有|沒有|冇|没|沒)信[号號]/gu,
  /回[复復覆](?:得)?(?:太|有点|有點|咁)?慢|(?:今天|今日|外面|出面|天[气氣])[^，。,.！？!?不唔冇没沒]{0,4}?(?:太|好|很|真|非常|咁)(?:冷|熱|热|凍|冻|暖)/gu,
  /门铃|門鈴|门钟|門鐘|大门|大門|(?:wi-?fi\s*)?密[码碼](?:是|在|贴|貼|写|寫|係|喺)[^，。,.！？!?]*/gu,
];

/** The families `text` tells (none for words of time, degree or contact alone). */
export function symptomFamilies(text: string): Set<string> {
  const lower = NOT_THE_APPLIANCE.reduce(
    (rest, aside) => rest.replace(aside, ' '),
    text.toLowerCase(),
  );
  return new Set(FAMILIES.filter(([, cue]) => cue.test(lower)).map(([family]) => family));
}

import { z } from 'zod';
import { CATEGORIES } from '../warranty/policy.ts';

const text = z.string().trim().min(1);
const bilingual = z.strictObject({ zh: text, en: text });
const words = z.array(text);
const byLanguage = z.strictObject({ zh: words, en: words });

const pattern = text.refine(
  (source) => {
    try {
      new RegExp(source, 'i');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);
const patterns = z.strictObject({ zh: z.array(pattern), en: z.array(pattern) });

/**
 * The triage engine's vocabulary, as data (`prompts/triage/lexicon.json`): how customers write
 * (Cantonese, regional product words, English contractions), and the cues that override the
 * catalogue match — hazard words (safety first), negation, "already tried the checks", error codes.
 * All Chinese entries are matched after Traditional → Simplified conversion unless said otherwise.
 */
export const triageLexiconSchema = z.strictObject({
  /** Written Cantonese → Mandarin, applied before script conversion; keys in either script. */
  cantonese: z.record(text, z.string()),
  /** Regional or colloquial words → the catalogue's word (雪柜 → 冰箱), applied after conversion. */
  regional: z.record(text, z.string()),
  /** Extra product words per category, on top of the catalogue's `names`. */
  categoryNames: z.partialRecord(z.enum(CATEGORIES), byLanguage),
  /**
   * Words that point to a category without naming the product — its parts, programs, apps,
   * jargon, single-product brands not sure enough to be a name ("drum bearing", "magnetron",
   * "anode rod", "SSID", "Netflix", "镁棒", "内胆", "1.5匹"). The learned model alone reads them, as
   * one feature per category (`k:`), so a word no training message has weighs as its class does;
   * the category is never settled by one. A word two categories share (compressor, display) is
   * in neither list: the model reads it from its n-grams.
   */
  categoryHints: z.partialRecord(z.enum(CATEGORIES), byLanguage),
  /**
   * English phrases holding a product name that name no product: "AC" as alternating current
   * ("AC adapter", "AC power"). A name inside one is not read as a name.
   */
  notNames: words,
  english: z.strictObject({
    stopwords: words,
    /** Irregular forms → base word (burnt → burn), before stemming. */
    irregular: z.record(text, text),
    /**
     * Real English words (lower case) that the one-edit typo tolerance leaves alone: "spoke" is no
     * "smoke", "things" no "thinks", "cover" no "clover". Not in `lexicon.json`: the content loader
     * adds the list in `prompts/triage/english-words.txt`. Empty, every unknown word may be corrected.
     */
    words: z.array(z.string()).default([]),
  }),
  /** Two-character verbs moved whole by the "V不了" → "不V" rewrite (加热不了 → 不加热); else one character moves. */
  potentialVerbs: words,
  /** Chinese particles dropped before n-grams (了, 吗, 呢…). */
  chineseParticles: words,
  negation: z.strictObject({
    /** Negation words: a cue right after one (allowing only `gap` words between) is negated. */
    cues: byLanguage,
    /** Words that may stand between a negation and what it negates ("没闻到有焦味", "no sign of smoke"). */
    gap: byLanguage,
    /** Words that carry a negation on to the next cue ("no smoke or sparks", "没有冒烟或焦味"). */
    coordination: byLanguage,
    /**
     * Words shortly after a negated hazard that bring it back ("did not notice the burning smell
     * until today", "之前没焦味，现在有了"): safety first, the hazard counts.
     */
    revive: byLanguage,
    /**
     * Phrases ending in a negation word that negate nothing: "heat, if not sparks" means "or even
     * sparks". English only, matched on the words as written: the Chinese negations' gap words
     * already keep "不停冒烟", "不一会就冒烟" apart.
     */
    idioms: z.strictObject({ en: words }),
    /**
     * Words that turn a denied perception into a comparison when the hazard word starts with them:
     * "从来没见过这么大的烟" saw the smoke (English says it after the word: "like this", in `revive`).
     */
    comparison: z.strictObject({ zh: words }),
  }),
  hazard: z.strictObject({
    /** Hazard words: one that is not negated makes the message a hazard. */
    cues: byLanguage,
    /**
     * Chinese hazard forms too varied for a word list (冒出一股黑烟, 烧胶皮的味道, 摸着有点电), as
     * regular expressions matched on each clause; a match is negated like a hazard word.
     */
    patterns: z.array(pattern).default([]),
    /**
     * Words that show a smoke-like sight is mist or vapour (空调冒白雾, "looks like smoke"): anywhere
     * in the message and not negated, they make a hazard word that only says smoke (one containing
     * a `smokeWords` entry) no hazard; a burning smell, sparks or a shock still are.
     */
    benignSmoke: byLanguage.default({ zh: [], en: [] }),
    /**
     * Cooking smoke or burnt popcorn (油烟机抽不走, "burnt popcorn"): anywhere in the message and
     * not negated, smoke words are set aside as with `benignSmoke`, except in a clause with an
     * `applianceSmoking` phrase.
     */
    cookingSmoke: byLanguage.default({ zh: [], en: [] }),
    /**
     * An appliance or part that is itself smoking, or smoke that goes on after it stopped, as
     * regular expressions on a normalised clause (Chinese ones are literal phrases).
     */
    applianceSmoking: byLanguage.default({ zh: [], en: [] }),
    /**
     * Words around danger that make no hazard by themselves (a smell, heat, a pop, sparks, gas,
     * electricity, 烟, 焦, 麻, 烫, 爆…), as regular expressions on the whole normalised message:
     * with one of them the learned model's hazard probability needs only
     * `DEFAULT_COMBINE.hintedHazard`, not `hazard`, to add a hazard (see `combineLabel`).
     */
    hints: patterns.default({ zh: [], en: [] }),
    /**
     * What danger leaves in the words: water or a drink where it should not be, a part damaged
     * (broken, cracked, chewed, a wire showing), heat, a breaker that trips, a warped or blackened
     * part, a headache or dizziness (水, 泼, 破, 裂, 咬, 发热, 跳闸, 头晕; "spill", "frayed",
     * "warm", "tripped", "nausea"). A hazard read only from a weakly matched catalogue hazard
     * symptom or from the learned model needs one of these or a `hints` word (`dangerEvidence` in
     * the analysis); the hazard net's own words need none. Chinese words are literal, English
     * entries regular expressions on the normalised message.
     */
    evidence: z.strictObject({ zh: words, en: z.array(pattern) }).default({ zh: [], en: [] }),
    /**
     * A product's everyday words that hold an evidence or hint word (热水, 水温, 洗澡水): danger does
     * not show inside one, nor inside a product's name (热水器, "electric water heater").
     */
    everyday: byLanguage.default({ zh: [], en: [] }),
    /**
     * Melting that is only thawing: in a message about something that thaws (`things`: ice, frost,
     * ice cream, frozen food), a bare melt word (`melt`) whose clause names nothing that melts
     * dangerously (`parts`: plastic, a plug, a wire) is no hazard ("the freezer door was ajar for
     * hours. Things were melting"). `ordinarySenses` rewrites the nearest cases before the net reads.
     */
    thaw: z.strictObject({ melt: byLanguage, things: byLanguage, parts: byLanguage }).default({
      melt: { zh: [], en: [] },
      things: { zh: [], en: [] },
      parts: { zh: [], en: [] },
    }),
    /** What marks a hazard word (of `cues` or `patterns`) as one that only says smoke. */
    smokeWords: byLanguage.default({ zh: [], en: [] }),
    /** Phrases that contain a hazard word but are not one (Fire TV, shock absorber). */
    exceptions: byLanguage,
    /**
     * Sparks that are a gas appliance's ignition (燃气热水器打火花: its igniter sparks, which is
     * normal). They are an exception only where the message names a gas appliance or its ignition
     * (`appliances`) and their clause names nothing else that could spark (`otherSparks`: a
     * microwave, a socket, a plug, an electric water heater); anywhere else they are sparks
     * ("微波炉里面打火花", "插座打火花").
     */
    gasIgnition: z
      .strictObject({ sparks: byLanguage, appliances: byLanguage, otherSparks: byLanguage })
      .default({
        sparks: { zh: [], en: [] },
        appliances: { zh: [], en: [] },
        otherSparks: { zh: [], en: [] },
      }),
    /**
     * A hazard when a word of each list appears in one clause (water + socket, plug + melted),
     * anywhere in the message with `scope: "message"` (a leak, then "it trips the breaker"), or in
     * one clause or two next to each other with `scope: "near"` ("It's on a GFCI. It trips when it
     * spins", "漏电保护器，就跳了").
     */
    pairs: z.array(
      z.strictObject({
        name: text,
        scope: z.enum(['clause', 'near', 'message']).default('clause'),
        /**
         * With `scope: "near"`: words that, in the clause of a `second` word, say something else
         * did it ("the main breaker tripped"), so that clause pairs with no neighbour.
         */
        elsewhere: byLanguage.default({ zh: [], en: [] }),
        /**
         * Words that, anywhere in the message and not denied, make the pair ordinary: an oven or a
         * heater that "came on by itself" because a timer or a schedule was set. "No timer is set"
         * does not.
         */
        unless: byLanguage.default({ zh: [], en: [] }),
        /**
         * Product words count as pair words (a spill on the "laptop"); by default they do not
         * ("water" in "water heater" is no water).
         */
        names: z.boolean().default(false),
        /**
         * With `scope: "near"`: a `first` word (the appliance) stays the subject for up to
         * {@link CARRY_CLAUSES} clauses after its own, until a clause names another product, so that
         * "My microwave went on the blink, a few days ago. It started turning itself on" pairs.
         */
        carry: z.boolean().default(false),
        first: byLanguage,
        second: byLanguage,
      }),
    ),
  }),
  /** The customer already did the misuse checks (tried another outlet, breaker is fine): pushes to fault. */
  alreadyTried: patterns,
  /**
   * When an `alreadyTried` match is a change (`changes`) that caused the problem ("换了个HDMI口就没
   * 信号", "moved it and now no signal") it is not a check: a marker `after` it in its sentence or
   * `before` it in its clause, unless what follows `persists` ("之后还是不行", "still").
   */
  changeCaused: z.strictObject({
    changes: patterns,
    after: patterns,
    before: patterns,
    persists: patterns,
  }),
  /**
   * A breaker, RCD or fuse that trips as soon as the appliance runs, or again and again: an
   * electrical fault, never guidance; a hazard only with a hazard word (shock, burning, water, a
   * blown fuse: the hazard net reads that as one).
   */
  breakerTrip: patterns,
  /** The customer admits a check or upkeep is not done ("haven't cleaned the filter", "从来没洗过滤网"): leans to misuse. */
  notYetTried: patterns,
  /**
   * The customer names an everyday cause that explains the symptom without a defect: it was just
   * delivered or installed, a power cut, a child or someone else pressed buttons or used it.
   * Leans to misuse, and softens "already tried" (the check did not cover this cause).
   */
  ordinaryCause: patterns.default({ zh: [], en: [] }),
  /** The symptom grew over time or with age ("比以前响多了", "getting louder", "用了五年"): leans to fault. */
  worsening: patterns.default({ zh: [], en: [] }),
  /**
   * What makes a report unmistakably a defect (design.md "Decide by cost": such a report goes
   * straight to an engineer, no quick checks): a part already replaced or a repair already done,
   * physical damage (dropped, cracked, liquid spilled), the noise of a failing part (grinding, a
   * clicking disk), an error code that names a failed part.
   */
  defect: z
    .strictObject({
      partReplaced: patterns,
      physicalDamage: patterns,
      failingNoise: patterns,
      partCode: patterns,
      /**
       * A part that has failed, as customers describe it: it runs but does not heat (the turntable
       * turns, the food stays cold), the compressor starts and cuts out again and again, a
       * refrigerant leak (缺氟, oil on the pipe joints), a hum with no heat or spin, a blown fuse or
       * board, a technician's diagnosis, dead after a surge or lightning.
       */
      failedPart: patterns.default({ zh: [], en: [] }),
    })
    .default({
      partReplaced: { zh: [], en: [] },
      physicalDamage: { zh: [], en: [] },
      failingNoise: { zh: [], en: [] },
      partCode: { zh: [], en: [] },
      failedPart: { zh: [], en: [] },
    }),
  /** An error code or "error code" wording: points to a fault unless the catalogue names the code. */
  errorCode: patterns,
  /** "Is that normal?": a weak hint for the normal-behaviour (misuse) symptoms. */
  normalQuestion: patterns,
  /** The customer asks for a person or a visit. */
  wantsPerson: patterns,
  /**
   * Ordinary senses of hazard words, rewritten in the normalised text before anything is matched
   * ("I was shocked at the price" → "surprised"): `pattern` is a regular expression (global,
   * case-insensitive), `replace` its replacement ($1… for groups).
   */
  ordinarySenses: z.array(z.strictObject({ pattern, replace: z.string() })).default([]),
  /** Used when the category is unknown. */
  fallback: z.strictObject({ whichProduct: bilingual }),
});

export type TriageLexicon = z.output<typeof triageLexiconSchema>;

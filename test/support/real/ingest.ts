/**
 * Ingests the collectors' real first messages (`/work/realdata/*.jsonl`, rules in README.md here)
 * into train / dev / test splits, split by source so no source (a GitHub repository, a blog, a
 * site) has messages in two splits. Deterministic: the same input gives the same files.
 * Sources already in the committed splits stay where they are (a message that was in test is never
 * moved into train when the set grows); only new sources are placed.
 *
 *   npx tsx test/support/real/ingest.ts /work/realdata
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Row = {
  id: string;
  lang: string;
  script: string;
  text: string;
  category: string;
  label: string;
  source: string;
  source_kind: string;
  resolution: string;
  confidence: string;
  /**
   * `false` when a second reader could not check the text against its source (the look-ups ran
   * out): such a message may teach the model but never grades it, so its source goes to train.
   */
  checked?: boolean;
};
type Split = 'train' | 'dev' | 'test';
const SPLITS: Split[] = ['train', 'dev', 'test'];
const SHARE: Record<Split, number> = { train: 0.6, dev: 0.2, test: 0.2 };

/**
 * Labels corrected in review (README "Label review"): only obvious errors against the collection
 * rules, never to suit the model.
 */
const RELABEL: Record<string, { label: string; why: string }> = {
  'en2-0117': {
    label: 'fault',
    why: 'the first message says only that the dryer was not heating; the lint near the gas flame was found by the technician, so no risk is described',
  },
  'en3-0098': {
    label: 'hazard',
    why: 'the first message describes a burning smell from the fridge; the rules make that a hazard whatever the cause turned out to be (buns melting the lamp cover)',
  },
  'en4-0111': {
    label: 'misuse',
    why: 'the TV was not faulty: a pin was missing from the HDMI cable, an accessory the customer replaced; nothing of the product needed a repair or a part',
  },
  'en5m-0057': {
    label: 'misuse',
    why: 'the monitor was not faulty: its cable was, an accessory the customer replaced (as en4-0111)',
  },
  'en6-0077': {
    label: 'hazard',
    why: 'the first message says an egg exploded inside the microwave and tripped the fuse for that section: a bang and a breaker tripping at the appliance, a hazard by the rules whatever the damage turned out to be',
  },
  'en13z-0068': {
    label: 'fault',
    why: "the first message describes a router without power and a cord that looked fine; the cat's chewing was found later, so no risk is described (as en2-0117); the cord was replaced",
  },
  'en13z-0055': {
    label: 'hazard',
    why: 'the microwave turned on by itself: an appliance running by itself is a hazard by the rules',
  },
  'en13z-0060': {
    label: 'misuse',
    why: 'the modem and router were not faulty: the UPS they were plugged into had died (environment, not the product)',
  },
  'en13z-0065': {
    label: 'misuse',
    why: "the modem was not faulty: rain got into the phone company's outside box, which the phone company rewired (environment, as zh4-0010)",
  },
  'en13z-0071': {
    label: 'misuse',
    why: "the modem was not faulty: squirrels had damaged the provider's outside line, which the provider repaired (environment, as zh4-0010)",
  },
  'en13z-0072': {
    label: 'misuse',
    why: "the modem was not faulty: squirrels had chewed the provider's outside cables, which the provider replaced (environment, as zh4-0010)",
  },
  'en13z-0073': {
    label: 'misuse',
    why: "the modem was not faulty: squirrels had gnawed through the provider's line, which the provider replaced (environment, as zh4-0010)",
  },
  'en14-0064': {
    label: 'fault',
    why: 'the first message says only that the dishwasher ran in a loop with its timer stuck; the arced, melted control-board part was found when it was opened, so no risk is described (as en2-0117)',
  },
  'zh4-0010': {
    label: 'misuse',
    why: 'the router was not faulty: the dormitory broadband cable had been cut and the ISP repaired it (environment, not the product)',
  },
  'en14-0009': {
    label: 'misuse',
    why: 'the TV and its sources were fine: the active HDMI cable between them failed after a lightning strike, an accessory the customer replaced (as en4-0111)',
  },
  'en14-0010': {
    label: 'misuse',
    why: 'the TV was fine: swapping the HDMI cable for a spare removed the white spots, an accessory the customer replaced (as en4-0111)',
  },
  'en15-0051': {
    label: 'fault',
    why: 'a window unit that will not start and overloads the circuit, replaced: a breaker that trips alone is an electrical fault (no leakage breaker, smoke or sparks described)',
  },
  'en15-0086': {
    label: 'fault',
    why: 'a technician had to clear the ice-clogged coil (a defrost failure) and the post shows damaged coil tubes: it needed a technician, as en14-0013',
  },
  'en15-0103': {
    label: 'fault',
    why: "ants in the outdoor unit's contactor, found by a technician called out: labelled as the same cause in en15-0102 and en15-0104",
  },
  'hz17-0037': {
    label: 'hazard',
    why: 'a microwave that turned on by itself: an appliance running by itself is a hazard by the rules (as en13z-0055)',
  },
  'hz17-0038': {
    label: 'hazard',
    why: 'a microwave that started itself; that unplugging it overnight cleared it does not take the risk away (as en13z-0055)',
  },
  'hz17-0039': {
    label: 'hazard',
    why: 'a microwave that turned on by itself and went back on after stop was pressed (as en13z-0055)',
  },
  'hz17-0050': {
    label: 'hazard',
    why: 'a microwave whose light and turntable start before a button is pressed, running until the door is opened (as en13z-0055)',
  },
  'hz17-0051': {
    label: 'hazard',
    why: "the owner heard the AC's capacitor explode: a bang at the appliance is a hazard by the rules (as en-0179, a boom from the condenser)",
  },
  'en20d-0043': {
    label: 'hazard',
    why: 'the first message describes a burning smell from the microwave; the rules make that a hazard whatever the cause turned out to be (its grill setting, as en3-0098)',
  },
  'hz17-0031': {
    label: 'fault',
    why: "the laptop's own power cord was chewed and replaced, no risk being described (as en13z-0068)",
  },
};

/**
 * Products corrected in review: a NAS is a network device in the lexicon and in every earlier
 * round; the nineteenth round's brief (and the twentieth's first collectors) put it under computer
 * by mistake.
 */
const RECATEGORISE: Record<string, { category: string; why: string }> = {
  'en19e-0002': { category: 'network', why: 'a Buffalo LinkStation NAS' },
  'en19e-0008': { category: 'network', why: 'a Synology DiskStation NAS' },
  'en19e-0009': { category: 'network', why: 'a Synology DiskStation NAS' },
  'gh20-0016': { category: 'network', why: 'a Synology DS918+ NAS' },
  'gh20-0017': { category: 'network', why: 'a Synology DS1513+ NAS' },
};

/**
 * Sources left out: issue trackers of home-automation integrations (Home Assistant, Homebridge,
 * HomeKit bridges). Their reports are about the customer's third-party software talking to an
 * appliance, not about the appliance, and a maker's after-sales line does not take them.
 */
const EXCLUDED_SOURCE =
  /github\.com\/[^/]+\/(ha[_-]|hass|homebridge|homekit|[^/]*(miot|midea_ac_lan|midea_auto_cloud|midea_smart_home|smart_app|jcihitachiha|haier($|\/)|hisenseha|greecentralclimate|xiaomi_tv|irbaby|_esp_ac))/i;

/** Hosts that carry many independent authors: each sub-site is its own source. */
const MULTI_TENANT = [
  'blogspot.com',
  'wordpress.com',
  'tumblr.com',
  'github.io',
  'livejournal.com',
  'typepad.com',
  'substack.com',
  'weebly.com',
  'wixsite.com',
  'blogger.com',
];
const SECOND_LEVEL = new Set(['com', 'net', 'org', 'gov', 'edu', 'co', 'ac', 'ne', 'or', 'idv']);

/** The source a message came from: a GitHub repository, a blog, or a registered domain. */
export function sourceKey(url: string): string {
  const parsed = new URL(url);
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const path = parsed.pathname.split('/').filter(Boolean);
  if (host === 'github.com') return `github.com/${path.slice(0, 2).join('/').toLowerCase()}`;
  if (host === 'medium.com' && path[0]?.startsWith('@')) return `medium.com/${path[0]}`;
  if (MULTI_TENANT.some((suffix) => host.endsWith(`.${suffix}`))) return host;
  const labels = host.split('.');
  const keep =
    labels.length >= 3 &&
    (labels.at(-1)?.length ?? 0) === 2 &&
    SECOND_LEVEL.has(labels.at(-2) ?? '')
      ? 3
      : 2;
  return labels.slice(-keep).join('.');
}

/** Most characters a message may have (the collection rule; `real-set.test.ts` checks every line against it). */
export const MAX_TEXT = 600;

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

function readRows(dir: string): Row[] {
  const rows: Row[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const row = JSON.parse(line) as Row;
      if (EXCLUDED_SOURCE.test(row.source)) continue;
      // The collection rule's limit (README "How the messages were collected"): a longer line
      // breaks it, and is left out rather than cut here, where no one checks what the cut removed.
      if (row.text.length > MAX_TEXT) {
        process.stderr.write(
          `${row.id}: ${row.text.length} characters, over ${MAX_TEXT}: left out\n`,
        );
        continue;
      }
      const fix = RELABEL[row.id];
      const product = RECATEGORISE[row.id];
      rows.push({
        ...row,
        ...(fix ? { label: fix.label } : {}),
        ...(product ? { category: product.category } : {}),
      });
    }
  }
  return rows;
}

/**
 * Assigns whole sources to splits, largest first (ties by a hash of the source): each source
 * goes where it covers the most (category, label) cells the split still lacks, while the split is
 * short of its share; otherwise to the split furthest below its share.
 */
export function assignSplits(
  rows: Row[],
  pinned: ReadonlyMap<string, Split> = new Map(),
): Map<string, Split> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = sourceKey(row.source);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const order = [...groups.entries()].sort(
    ([a, ra], [b, rb]) => rb.length - ra.length || hash(a).localeCompare(hash(b)),
  );
  const count: Record<Split, number> = { train: 0, dev: 0, test: 0 };
  const cells: Record<Split, Set<string>> = { train: new Set(), dev: new Set(), test: new Set() };
  const assigned = new Map<string, Split>();
  const place = (key: string, members: Row[], split: Split) => {
    assigned.set(key, split);
    count[split] += members.length;
    for (const r of members) cells[split].add(`${r.category}|${r.label}`);
  };
  for (const [key, members] of order) {
    const split = pinned.get(key);
    if (split) place(key, members, split);
  }
  for (const [key, members] of order) {
    if (assigned.has(key)) continue;
    const own = new Set(members.map((r) => `${r.category}|${r.label}`));
    const room = (s: Split) => SHARE[s] * rows.length - count[s];
    const score = (s: Split) => {
      if (room(s) < members.length / 2) return -Infinity;
      const gain = [...own].filter((cell) => !cells[s].has(cell)).length;
      return gain * 10 + room(s) / (SHARE[s] * rows.length);
    };
    let best: Split = 'train';
    for (const s of SPLITS) if (score(s) > score(best)) best = s;
    if (score(best) === -Infinity)
      best = SPLITS.reduce((a, b) => (room(b) / SHARE[b] > room(a) / SHARE[a] ? b : a));
    place(key, members, best);
  }
  return assigned;
}

/** The split each source of the committed files is in, so a re-ingest never moves it. */
function committedSplits(): Map<string, Split> {
  const pinned = new Map<string, Split>();
  for (const split of SPLITS) {
    let text = '';
    try {
      text = readFileSync(join(import.meta.dirname, `${split}.jsonl`), 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      pinned.set((JSON.parse(line) as { source_key: string }).source_key, split);
    }
  }
  return pinned;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? '/work/realdata';
  const pinned = committedSplits();
  // An unchecked message's source goes to train; one from a source already in dev or test is
  // left out rather than grading the engine there.
  const rows = readRows(dir).filter((row) => {
    if (row.checked !== false) return true;
    const key = sourceKey(row.source);
    const split = pinned.get(key) ?? 'train';
    if (split !== 'train')
      process.stderr.write(`${row.id}: unchecked, its source is in ${split}: left out\n`);
    else pinned.set(key, 'train');
    return split === 'train';
  });
  const splits = assignSplits(rows, pinned);
  const out: Record<Split, string[]> = { train: [], dev: [], test: [] };
  for (const row of rows) {
    const key = sourceKey(row.source);
    const split = splits.get(key) ?? 'train';
    out[split].push(
      JSON.stringify({
        id: row.id,
        lang: row.lang,
        text: row.text,
        category: row.category,
        label: row.label,
        script: row.script,
        source: row.source,
        source_key: key,
        source_kind: row.source_kind,
        resolution: row.resolution,
        confidence: row.confidence,
        ...(row.checked === false ? { checked: false } : {}),
      }),
    );
  }
  for (const split of SPLITS) {
    writeFileSync(join(import.meta.dirname, `${split}.jsonl`), `${out[split].join('\n')}\n`);
    process.stdout.write(`${split}: ${out[split].length}\n`);
  }
}

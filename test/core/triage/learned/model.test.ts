import { describe, expect, it } from 'vitest';
import {
  createModelReader,
  type HeadReading,
  headDrivers,
  type TrainingExample,
  type TriageModelHead,
  toModelFeatures,
  trainHead,
} from '../../../../core/index.ts';

/** Reads one head over a list of features the way the engine does (`createModelReader`). */
function readHead(head: TriageModelHead, features: readonly string[]): HeadReading {
  const reader = createModelReader({ label: head, category: head });
  const known = features.flatMap((f) => reader.indexOf(f) ?? []);
  const present = new Set(features);
  return reader.readCollected({ count: present.size, known, evidence: present.size }).label;
}

const noCues = {
  alreadyTried: false,
  notYetTried: false,
  ordinaryCause: false,
  worsening: false,
  errorCode: false,
  normalQuestion: false,
  breakerTrip: false,
  negatedHazard: false,
  defects: [],
  products: [],
  hinted: [],
  denied: [],
};

describe('toModelFeatures', () => {
  it('reads Chinese character 1–3-grams within a run and English word uni- and bigrams', () => {
    const features = toModelFeatures('冰箱不冷 fridge not cooling', noCues);
    expect(features).toEqual(
      expect.arrayContaining([
        'z:冰',
        'z:冰箱',
        'z:冰箱不',
        'w:fridge',
        'w:fridge not',
        'w:cooling',
      ]),
    );
    expect(features).not.toContain('z:箱不冷 ');
  });

  it('does not join n-grams across clauses or digits', () => {
    const features = toModelFeatures('不冷，漏水 error 42 again', noCues);
    expect(features).not.toContain('z:冷漏');
    expect(features).not.toContain('w:error again');
    expect(features).not.toContain('w:42');
  });

  it('adds the rule cues, the named products and the hinted categories as features of their own', () => {
    const features = toModelFeatures('x', {
      ...noCues,
      alreadyTried: true,
      defects: ['part_replaced'],
      products: ['refrigerator'],
      hinted: ['microwave'],
    });
    expect(features).toEqual(
      expect.arrayContaining([
        'c:already_tried',
        'c:part_replaced',
        'p:refrigerator',
        'k:microwave',
      ]),
    );
  });

  it('reads the words in a denied range apart (n:), and the rest as if a clause ended there', () => {
    const text = 'no smoke or burning smell, 没有冒烟，就是不制冷';
    const ranges = (...words: string[]) =>
      words.map((w) => [text.indexOf(w), text.indexOf(w) + w.length] as const);
    const features = toModelFeatures(text, {
      ...noCues,
      denied: ranges('smoke', 'burning smell', '冒烟'),
    });
    expect(features).toEqual(
      expect.arrayContaining([
        'n:w:smoke',
        'n:w:burning smell',
        'n:z:冒烟',
        'w:no',
        'w:or',
        'z:没有',
        'z:就是不',
      ]),
    );
    for (const plain of ['w:smoke', 'w:burning', 'e:<smo', 'z:冒烟', 'z:有冒', 'w:no smoke'])
      expect(features).not.toContain(plain);
    expect(features.filter((f) => f.startsWith('n:e:'))).toEqual([]);
  });

  it('gives the same sorted list for the same text', () => {
    const a = toModelFeatures('洗衣机不脱水 washer will not spin', noCues);
    expect(toModelFeatures('洗衣机不脱水 washer will not spin', noCues)).toEqual(a);
    expect([...a].sort()).toEqual(a);
  });
});

const examples: TrainingExample[] = [
  { features: ['w:unplugged', 'w:dead'], target: 'misuse', weight: 1 },
  { features: ['w:unplugged', 'w:off'], target: 'misuse', weight: 1 },
  { features: ['w:sparks', 'w:dead'], target: 'hazard', weight: 1 },
  { features: ['w:sparks', 'w:smell'], target: 'hazard', weight: 1 },
  { features: ['w:compressor', 'w:dead'], target: 'fault', weight: 1 },
  { features: ['w:compressor', 'w:noise'], target: 'fault', weight: 1 },
];
const classes = ['misuse', 'fault', 'hazard'];

describe('createModelReader', () => {
  const label: TriageModelHead = {
    classes: ['misuse', 'fault'],
    bias: [0.5, -0.5],
    weights: { 'w:x': [1, -1], 'w:y': [0, 2] },
  };
  const category: TriageModelHead = {
    classes: ['tv', 'laptop', 'router'],
    bias: [0, 0, 0],
    weights: { 'w:y': [0, 0, Math.sqrt(3) * Math.log(2)] },
  };

  it('reads each head as the softmax of bias + Σ weight / √(features present)', () => {
    const reader = createModelReader({ label, category });
    const features = new Set(['w:x', 'w:y', 'w:unknown']);
    const known = [...features].flatMap((f) => reader.indexOf(f) ?? []);
    expect(known).toHaveLength(2);
    const read = reader.readCollected({ count: features.size, known, evidence: 3 });
    // misuse 0.5 + 1/√3, fault −0.5 + (−1 + 2)/√3: one apart.
    expect(read.label.probabilities.misuse).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(read.label.best).toBe('misuse');
    expect(read.label.runnerUp).toBe('fault');
    // router ln 2 above the others: twice as likely as each.
    expect(read.category.probabilities.router).toBeCloseTo(0.5, 12);
    expect(read.category.probabilities.tv).toBeCloseTo(0.25, 12);
    expect(read.category.best).toBe('router');
    expect(read.evidence).toBe(3);
  });

  it('gives the same reading bit for bit whatever order the known features come in', () => {
    const reader = createModelReader({ label, category });
    const features = new Set(['w:x', 'w:y']);
    const known = [...features].flatMap((f) => reader.indexOf(f) ?? []);
    const forward = reader.readCollected({ count: features.size, known, evidence: 2 });
    const backward = reader.readCollected({
      count: features.size,
      known: [...known].reverse(),
      evidence: 2,
    });
    expect(backward).toStrictEqual(forward);
  });
});

describe('trainHead, read by the model reader', () => {
  it('learns which features point to which class', () => {
    const head = trainHead(examples, { classes, minCount: 1, epochs: 60 });
    expect(readHead(head, ['w:unplugged']).best).toBe('misuse');
    expect(readHead(head, ['w:sparks']).best).toBe('hazard');
    expect(readHead(head, ['w:compressor']).best).toBe('fault');
  });

  it('trains the same weights from the same examples and seed', () => {
    const a = trainHead(examples, { classes, minCount: 1 });
    expect(trainHead(examples, { classes, minCount: 1 })).toEqual(a);
    expect(trainHead(examples, { classes, minCount: 1, seed: 9 })).not.toEqual(a);
  });

  it('leaves out features seen in fewer examples than minCount', () => {
    const head = trainHead(examples, { classes, minCount: 2 });
    expect(Object.keys(head.weights)).not.toContain('w:noise');
    expect(Object.keys(head.weights)).toContain('w:compressor');
  });

  it('lists the features that drove its choice, strongest first, all pulling toward it', () => {
    const head = trainHead(examples, { classes, minCount: 1, epochs: 60 });
    const features = ['w:compressor', 'w:dead', 'w:unknown'];
    const reading = readHead(head, features);
    expect(reading.best).toBe('fault');
    expect(reading.runnerUp).not.toBe('fault');
    const drivers = headDrivers(head, features, reading);
    expect(drivers[0]?.feature).toBe('w:compressor');
    expect(drivers.every((d) => d.weight > 0)).toBe(true);
    const weights = drivers.map((d) => d.weight);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
    const total = Object.values(reading.probabilities).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 9);
  });
});

describe('trainHead options tried by cross-validation', () => {
  // Three misuse examples for each fault one, all sharing 'w:dead'.
  const skewed: TrainingExample[] = [
    ...[1, 2, 3, 4, 5, 6].map((i) => ({
      features: ['w:dead', `w:m${i % 2}`],
      target: 'misuse',
      weight: 1,
    })),
    { features: ['w:dead', 'w:f'], target: 'fault', weight: 1 },
    { features: ['w:dead', 'w:f'], target: 'fault', weight: 1 },
  ];
  const two = ['misuse', 'fault'];

  it('balance gives a smaller class the same total weight', () => {
    const plain = readHead(trainHead(skewed, { classes: two, minCount: 1 }), ['w:dead']);
    const balanced = readHead(trainHead(skewed, { classes: two, minCount: 1, balance: 1 }), [
      'w:dead',
    ]);
    expect(balanced.probabilities.fault).toBeGreaterThan(plain.probabilities.fault ?? 1);
  });

  it('Naive-Bayes scaling holds down a feature every class uses and keeps the reading', () => {
    const plain = trainHead(examples, { classes, minCount: 1, epochs: 60 });
    const scaled = trainHead(examples, { classes, minCount: 1, epochs: 60, nbScale: 1 });
    const spread = (row: number[] | undefined) =>
      Math.max(...(row ?? [0])) - Math.min(...(row ?? [0]));
    expect(spread(scaled.weights['w:dead'])).toBeLessThan(spread(plain.weights['w:dead']));
    expect(readHead(scaled, ['w:sparks']).best).toBe('hazard');
    expect(readHead(scaled, ['w:unplugged']).best).toBe('misuse');
  });
});

import { describe, expect, it } from 'vitest';
import { loadTriageContent } from '../../../bot/content/index.ts';
import { createTriageEngine, decideNextStep } from '../../../core/index.ts';

/**
 * The bot's own engine (catalogue, lexicon and the committed learned model): reports whose route
 * the cost rule fixes must keep it after every retrain of the model.
 */
const { catalogue, lexicon, model, content } = loadTriageContent();
const engine = createTriageEngine(catalogue, { lexicon, model });
const next = (text: string) =>
  decideNextStep(engine.classify(text), { content, alreadyAsked: false, guidanceFailed: false });

describe('routing on the bot’s engine, whatever the model learned', () => {
  it.each([
    'washer shows E21 and will not drain, I already cleaned the filter',
    'The washing machine shows error E21 and the drum does not turn at all, already restarted it twice',
    'my air conditioner is leaking water indoors and shows E1, already cleaned the filter',
  ])(
    'sends a report with the checks done and an error code still shown to an engineer: %s',
    (text) => {
      expect(next(text).kind).toBe('escalate');
    },
  );

  it.each(['my fridge is not cooling', '雪櫃唔凍'])(
    'gives a bare fault report its quick checks first: %s',
    (text) => {
      expect(next(text).kind).toBe('checks');
    },
  );
});

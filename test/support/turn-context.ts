import { loadTriageContent } from '../../bot/content/index.ts';
import {
  type CalendarDate,
  createConversationTriage,
  createFieldParsers,
  createTriageEngine,
  type TurnContext,
} from '../../core/index.ts';

const { catalogue, lexicon, content } = loadTriageContent();
const engine = createTriageEngine(catalogue, { lexicon });
const byCategory = new Map(catalogue.map((entry) => [entry.category, entry]));
const bySymptom = new Map(
  catalogue.flatMap((entry) => entry.symptoms.map((symptom) => [symptom.id, symptom] as const)),
);

/** A turn context on the real catalogue, triage engine and field parsers, at a fixed time. */
export function realTurnContext(
  today = '2026-03-10' as CalendarDate,
  nowMinute = 9 * 60,
): TurnContext {
  return {
    turnId: 'chat:1',
    today,
    nowMinute,
    serviceHours: { startMinute: 480, endMinute: 1080 },
    catalogue: { category: (c) => byCategory.get(c), symptom: (id) => bySymptom.get(id) },
    triage: createConversationTriage(engine, content),
    fields: createFieldParsers(catalogue),
  };
}

export { catalogue };

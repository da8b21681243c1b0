import { loadTriageContent } from '../../bot/content/index.ts';
import {
  BUILT_IN_POLICY,
  type CalendarDate,
  createAlreadyTriedPieces,
  createCatalogueView,
  createConversationTriage,
  createFieldParsers,
  createTriageEngine,
  type TurnContext,
} from '../../core/index.ts';

const { catalogue, lexicon, content } = loadTriageContent();
const engine = createTriageEngine(catalogue, { lexicon });
const alreadyTried = createAlreadyTriedPieces(lexicon);

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
    catalogue: createCatalogueView(catalogue),
    policy: BUILT_IN_POLICY,
    triage: createConversationTriage(engine, content),
    fields: createFieldParsers(catalogue),
    alreadyTried,
  };
}

export { catalogue };

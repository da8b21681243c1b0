import { isDecline } from '../../intake/typed-answer.ts';
import type { TurnContext } from '../context.ts';
import { errorKey } from '../messages.ts';
import type { ConversationState } from '../state.ts';
import { hazardOr, type T, triageReport, turn, withFlow } from '../steps.ts';
import type { FlowDefinition, FlowOf } from '../table.ts';
import { answerWarranty, warrantyAsk, withProduct } from '../warranty-question.ts';

type WarrantyFlow = FlowOf<'warranty'>;

/**
 * A warranty question (design.md: warranty answers by the same rules the staff use): the product,
 * then the purchase date, then the engine's preliminary answer (`answer-warranty`). A problem told
 * meanwhile is a report; danger in the words comes first, as anywhere.
 */
export const warrantyFlow: FlowDefinition<'warranty'> = {
  pending: (_state, flow) => [warrantyAsk(flow)],
  on: {
    text: {
      to: ['idle', 'same', 'guide', 'checks', 'intake', 'review'],
      handle: ({ state, flow, event, context, unhandled }) =>
        hazardOr(state, event.text, flow.category ? { category: flow.category } : {}, context, () =>
          onText(state, flow, event.text, context, unhandled),
        ),
    },
    'button:category': {
      to: ['idle', 'same'],
      handle: ({ state, flow, event, context }) =>
        withProduct(state, { ...flow, category: event.category }, context),
    },
    'button:skip': {
      to: ['idle', 'same'],
      handle: ({ state, flow, event, unhandled, context }) =>
        event.field === 'purchaseDate' && flow.category ? noProof(state, context) : unhandled(),
    },
  },
};

function onText(
  state: ConversationState,
  flow: WarrantyFlow,
  text: string,
  context: TurnContext,
  unhandled: () => T,
): T {
  if (flow.category) {
    if (isDecline(text)) return noProof(state, context);
    const parsed = context.fields.purchaseDate(text, context.today, state.locale);
    if (parsed.ok) return answerWarranty(state, flow.category, parsed.value);
    // Not a date: a problem told now is a report about this product (read once); words that
    // tell none get the reason and the question again.
    const reported = triageReport(withFlow(state, { kind: 'idle' }), text, context, {
      asked: false,
      category: flow.category,
    });
    return isQuestion(reported)
      ? turn(state, [{ key: errorKey(parsed.code) }, warrantyAsk(flow)])
      : reported;
  }
  // The product in words ("the washing machine"); a problem told instead is a report.
  const reported = triageReport(withFlow(state, { kind: 'idle' }), text, context, {
    asked: false,
  });
  if (reported.state.flow.kind === 'clarify' && reported.state.category)
    return withProduct(state, { ...flow, category: reported.state.category }, context);
  return isQuestion(reported) ? unhandled() : reported;
}

/** Triage found no problem in the words: it would ask which product or which symptom. */
const isQuestion = (reported: T) =>
  reported.state.flow.kind === 'clarify' || reported.state.flow.kind === 'choose-category';

/** No receipt: the warranty counts from the production date, which the engineer reads on site. */
function noProof(state: ConversationState, context: TurnContext): T {
  return turn(withFlow(state, { kind: 'idle' }), [
    { key: 'warranty-question-no-proof', vars: { graceDays: context.policy.graceDays } },
  ]);
}

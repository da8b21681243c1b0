import { anyFlow } from './flows/any-flow.ts';
import { checksFlow } from './flows/checks.ts';
import { chooseCategoryFlow } from './flows/choose-category.ts';
import { clarifyFlow } from './flows/clarify.ts';
import {
  confirmCancelFlow,
  confirmChangeFlow,
  confirmForgetFlow,
  confirmRestartFlow,
} from './flows/confirm.ts';
import { guideFlow } from './flows/guide.ts';
import { idleFlow } from './flows/idle.ts';
import { intakeFlow } from './flows/intake.ts';
import { reviewFlow } from './flows/review.ts';
import { warrantyFlow } from './flows/warranty.ts';
import { whichTicketFlow } from './flows/which-ticket.ts';
import type { Transitions } from './table.ts';

/**
 * The conversation as a table: `transitions[flow.kind].on[event.type]` is the handler for that
 * event in that flow; `anyFlow` holds what every flow takes the same way (commands, the language
 * button); anything else gets the one default, which says why and asks the pending question
 * again. A new flow is one module with its `pending` question and its row, added here.
 */
export const transitions: Transitions = {
  idle: idleFlow,
  'which-ticket': whichTicketFlow,
  'choose-category': chooseCategoryFlow,
  clarify: clarifyFlow,
  guide: guideFlow,
  checks: checksFlow,
  intake: intakeFlow,
  review: reviewFlow,
  'confirm-cancel': confirmCancelFlow,
  'confirm-forget': confirmForgetFlow,
  'confirm-restart': confirmRestartFlow,
  'confirm-change': confirmChangeFlow,
  warranty: warrantyFlow,
};

export { anyFlow };

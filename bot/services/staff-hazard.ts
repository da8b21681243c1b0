import type { Message } from 'grammy/types';
import { safetyReplies, type Ticket, type TriageStep } from '../../core/index.ts';
import { enqueueMessages } from '../../db/index.ts';
import { renderReply } from '../render/reply.ts';
import type { AppDeps } from './deps.ts';
import { createRenderContext } from './render-context.ts';
import type { StaffCustomers } from './staff-customers.ts';
import type { StaffTopics } from './staff-topics.ts';

export type StaffHazard = ReturnType<typeof createStaffHazard>;
type HazardStep = Extract<TriageStep, { kind: 'hazard' }>;
/** Where the net read words the conversation does not: a held chat, a rating's comment window. */
export type HazardCheckPlace = 'held_chat' | 'rating_comment';

/**
 * The hazard net on what the customer writes where the conversation does not read it (design.md:
 * it runs on every message): a chat a person holds, and the comment window after a rating. When
 * it fires, staff hear it at once in the ticket's topic and in General, and — where the bot would
 * otherwise stay quiet — the customer gets the safety text.
 */
export function createStaffHazard(deps: AppDeps, customers: StaffCustomers, topics: StaffTopics) {
  /**
   * The net's reading of the message's words (text or caption), or `undefined`. Read without the
   * ticket's product, as a report is: the product's own safety steps only when the words name it.
   * Not the conversation's triage (`metrics.triage`): counted apart, by `where` and outcome.
   */
  function read(message: Message, where: HazardCheckPlace): HazardStep | undefined {
    const text = message.text ?? message.caption;
    if (!text?.trim()) return undefined;
    const step = deps.triageUncounted(text, { asked: false });
    const hazard = step.kind === 'hazard' ? step : undefined;
    deps.metrics.staffHazardChecks.inc({ where, outcome: hazard ? 'hazard' : 'clear' });
    return hazard;
  }

  /**
   * Raises the hazard for `ticket` in one step keyed by the update (a rerun writes nothing twice):
   * the alert in its topic and in General, and with `tellCustomer` the safety text to the customer
   * (the product's steps, or the generic gas-safe text).
   */
  async function raise(
    ticket: Ticket,
    hazard: HazardStep,
    updateId: number,
    { tellCustomer }: { tellCustomer: boolean },
  ): Promise<void> {
    await customers.inStep(undefined, async (base) => {
      const step = { ...base, ref: `update:${updateId}` };
      if (tellCustomer)
        await customers.tellIn(step, ticket, 'hazard-first', {
          compose: ({ t, locale, globals }) =>
            safetyReplies(hazard.category, deps.catalogue)
              .map((reply) => renderReply(reply, t, locale, globals).text)
              .join('\n'),
        });
      // In the topic the alert comes just before the message's copy ("below"); in General, where
      // the message is not, it says where the message is and links the topic.
      await topics.announceIn(step, ticket, 'staff-hazard-reported');
      const { t, globals } = createRenderContext(deps, topics.staffLocale);
      const topic = await step.repos.tickets.topicOf(ticket.id);
      const alert = t('staff-hazard-reported-general', { ...globals, number: ticket.number });
      const text = topic ? `${alert}\n${topics.topicLink(topic.topicId)}` : alert;
      await enqueueMessages(
        step.tx,
        [topics.generalMessage(`${step.ref}:hazard:${ticket.id}`, text)],
        step.at,
      );
    });
  }

  return { read, raise };
}

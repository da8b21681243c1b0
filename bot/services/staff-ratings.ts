import type { Message } from 'grammy/types';
import type { Ticket } from '../../core/index.ts';
import { ratingCommentKey } from './chat-keys.ts';
import type { AppDeps } from './deps.ts';
import type { StaffCustomers } from './staff-customers.ts';
import type { StaffRelay } from './staff-relay.ts';
import type { StaffTopics } from './staff-topics.ts';

/** How long after a rating the customer's next message counts as its comment. */
export const COMMENT_WINDOW_MS = 15 * 60_000;

/** The message was not a comment after all (no rating waits for one): its step is rolled back. */
class NotAComment extends Error {}

/**
 * A closed ticket's rating and its comment, each in one step with the customer's update: what it
 * stores, its event, the customer's thanks, the topic's line and (for a comment) the copy of the
 * comment commit together with the update's handled mark, so a crash before the commit writes
 * nothing and the update runs again, and one after it leaves nothing to run twice.
 */
export function createStaffRatings(
  deps: AppDeps,
  customers: StaffCustomers,
  forum: { topics: StaffTopics; relay: StaffRelay } | undefined,
) {
  const { repos, store } = deps;

  /**
   * A rating button: the score, its `rated` event, the thanks and the topic's line in one step.
   * The window in which the next message counts as the comment opens before the step (a rating
   * still waiting for its score): a crash between them leaves a window open on a rating that is
   * not stored, which takes no comment (the message is then an ordinary one), never a stored
   * rating without its window. `true` when this press rated the ticket.
   */
  async function rate(ticket: Ticket, chatId: number, updateId: number, score: number) {
    const pending = await repos.ratings.get(ticket.id);
    if (pending && pending.score === null)
      await store.setSession(ratingCommentKey(chatId), ticket.number, COMMENT_WINDOW_MS);
    return customers.inStep(updateId, async (step) => {
      if (!(await step.repos.ratings.rate(ticket.id, score, step.at))) {
        await customers.tellIn(step, ticket, 'handover-rating-done');
        return false;
      }
      await step.repos.tickets.appendEvent(ticket.id, {
        at: step.at,
        actor: { kind: 'customer', customerId: ticket.customerId },
        type: 'rated',
        payload: { score },
      });
      await customers.tellIn(step, ticket, 'handover-rated');
      await forum?.topics.announceIn(step, ticket, 'staff-customer-rated', { score });
      return true;
    });
  }

  /**
   * The customer's text in the window after a rating: the comment, the thanks, the topic's line
   * and the copy of the comment after it (in the message map, so erasure deletes it wherever the
   * topic stands) in one step with the update. The window closes after the commit. `false` when
   * the rating takes no comment (none rated, or commented already): nothing is written, and the
   * message is an ordinary one.
   */
  async function comment(ticket: Ticket, message: Message, updateId: number): Promise<boolean> {
    const text = message.text;
    if (text === undefined) return false;
    // What the copy needs from outside the step (the topic, the message it replies to).
    const copy = await forum?.relay.prepareCopyToTopic(ticket, message);
    try {
      await customers.inStep(updateId, async (step) => {
        if (!(await step.repos.ratings.comment(ticket.id, text, step.at))) throw new NotAComment();
        await customers.tellIn(step, ticket, 'handover-comment-thanks');
        await forum?.topics.announceIn(step, ticket, 'staff-customer-comment');
        await copy?.(step.tx);
      });
    } catch (error) {
      if (error instanceof NotAComment) return false;
      throw error;
    }
    await store.deleteSession(ratingCommentKey(message.chat.id));
    return true;
  }

  return { rate, comment };
}

export type StaffRatings = ReturnType<typeof createStaffRatings>;

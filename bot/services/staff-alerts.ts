import type { JobHandler } from '../../db/index.ts';
import type { AppDeps } from './deps.ts';
import type { Outbox } from './outbox.ts';
import { createRenderContext } from './render-context.ts';

/**
 * What the staff chat is told. The contact promise (the seed: contact within 30 minutes of a report): shortly before it lapses,
 * a ticket nobody has taken yet is raised in the staff chat.
 */
export function createStaffAlerts(deps: AppDeps, outbox: Outbox) {
  const contactAlert: JobHandler = async (job) => {
    const ticketId = job.payload.ticketId;
    if (typeof ticketId !== 'string') return;
    const ticket = await deps.repos.tickets.get(ticketId);
    if (ticket?.state !== 'open') return;
    const minutes = Math.max(
      0,
      Math.round(
        (ticket.createdAt.getTime() + deps.config.STAFF_CONTACT_SLA - job.dueAt.getTime()) / 60_000,
      ),
    );
    if (deps.config.STAFF_CHAT_ID === undefined) {
      deps.log.warn(
        { ticket: ticket.number, minutes },
        'ticket not taken and no STAFF_CHAT_ID to alert',
      );
      return;
    }
    const { t, globals } = createRenderContext(deps, 'zh-Hans');
    await outbox.send(deps.config.STAFF_CHAT_ID, {
      text: t('staff-contact-alert', { ...globals, number: ticket.number, minutes }),
    });
  };
  /** Posts a new ticket to the staff chat (a job filed with the ticket, so it is never lost). */
  const newTicket: JobHandler = async (job) => {
    const ticketId = job.payload.ticketId;
    if (typeof ticketId !== 'string' || deps.config.STAFF_CHAT_ID === undefined) return;
    const ticket = await deps.repos.tickets.get(ticketId);
    if (!ticket) return;
    const { t } = createRenderContext(deps, 'zh-Hans');
    const text = t('staff-new-ticket', {
      number: ticket.number,
      priority: ticket.priority,
      category: ticket.category ?? 'unknown',
      description: ticket.description ?? '-',
      label: ticket.triage?.label ?? 'fault',
    });
    await outbox.send(deps.config.STAFF_CHAT_ID, { text });
  };

  return {
    handlers: {
      'staff-new-ticket': newTicket,
      'staff-contact-alert': contactAlert,
    } satisfies Record<string, JobHandler>,
  };
}

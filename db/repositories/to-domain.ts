import type {
  CalendarDate,
  Category,
  Customer,
  GuidanceCase,
  GuidanceOutcome,
  Job,
  JobState,
  ProductReport,
  Ticket,
  TicketEvent,
  TicketEventType,
  TicketKind,
  TicketPriority,
  TicketState,
  TranscriptEntry,
} from '../../core/index.ts';
import type {
  customers,
  guidanceCases,
  jobs,
  productReports,
  ticketEvents,
  tickets,
  transcriptEntries,
} from '../schema/index.ts';

// Row types stay in db/: repositories hand out only these core types.

export function toCustomer(row: typeof customers.$inferSelect): Customer {
  return {
    id: row.id,
    telegramUserId: row.telegramUserId,
    language: row.language,
    name: row.name,
    phone: row.phone,
    address: row.address,
    createdAt: row.createdAt,
    erasedAt: row.erasedAt,
    blockedAt: row.blockedAt,
  };
}

export function toTicket(row: typeof tickets.$inferSelect): Ticket {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customerId,
    productId: row.productId,
    kind: row.kind as TicketKind,
    state: row.state as TicketState,
    priority: row.priority as TicketPriority,
    category: row.category as Category | null,
    description: row.description,
    contact: { name: row.contactName, phone: row.contactPhone, address: row.address },
    triage: row.triage,
    warranty: row.warranty,
    visitWindow:
      row.visitStart && row.visitEnd ? { start: row.visitStart, end: row.visitEnd } : null,
    assigneeId: row.assigneeId,
    resolution: row.resolution,
    contactDueAt: row.contactDueAt,
    contactedAt: row.contactedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    closedAt: row.closedAt,
  };
}

export function toTicketEvent(row: typeof ticketEvents.$inferSelect): TicketEvent {
  return {
    id: row.id,
    ticketId: row.ticketId,
    at: row.at,
    actor: row.actor,
    type: row.type as TicketEventType,
    payload: row.payload,
  };
}

export function toProductReport(row: typeof productReports.$inferSelect): ProductReport {
  return {
    id: row.id,
    customerId: row.customerId,
    category: row.category as Category | null,
    modelNumber: row.modelNumber,
    purchaseDate: row.purchaseDate as CalendarDate | null,
    purchasePeriod: row.purchasePeriod ?? null,
    productionDate: row.productionDate as CalendarDate | null,
    productionPeriod: row.productionPeriod ?? null,
    proofPhotoFileIds: row.proofPhotoFileIds,
    createdAt: row.createdAt,
  };
}

export function toTranscriptEntry(row: typeof transcriptEntries.$inferSelect): TranscriptEntry {
  return {
    id: row.id,
    customerId: row.customerId,
    ticketId: row.ticketId,
    direction: row.direction as TranscriptEntry['direction'],
    text: row.text,
    at: row.at,
  };
}

export function toJob(row: typeof jobs.$inferSelect): Job {
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    dueAt: row.dueAt,
    payload: row.payload,
    state: row.state as JobState,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    lastError: row.lastError,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toGuidanceCase(row: typeof guidanceCases.$inferSelect): GuidanceCase {
  return {
    id: row.id,
    customerId: row.customerId,
    chatId: row.chatId,
    locale: row.locale,
    category: row.category as Category,
    symptomId: row.symptomId,
    description: row.description,
    checkBackAt: row.checkBackAt,
    outcome: row.outcome as GuidanceOutcome | null,
    outcomeAt: row.outcomeAt,
    createdAt: row.createdAt,
  };
}

import type { DatePeriod } from '../intake/date-period.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import type { Bilingual, Label } from '../triage/catalogue.ts';
import type { WarrantyDecision } from '../warranty/decide.ts';
import type { Category } from '../warranty/policy.ts';

/** Ticket lifecycle states (design.md "Tickets and staff"). */
export const TICKET_STATES = ['open', 'taken', 'scheduled', 'resolved', 'cancelled'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

/**
 * `fault`: filed by the intake for an engineer. `question`: opened when a customer asks for a
 * person and has no ticket in progress (design.md: "/human reaches a person").
 */
export const TICKET_KINDS = ['fault', 'question'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

/** `hazard` tickets are urgent: they go first in the staff queue. */
export type TicketPriority = 'normal' | 'urgent';

/** What triage concluded when the ticket was filed (kept as reported, for the figures). */
export type TicketTriage = {
  label: Label;
  category: Category | null;
  /** Catalogue symptom id such as `refrigerator.not-cooling`, when one matched. */
  symptomId: string | null;
  /** Quick checks the customer did without result, as the catalogue words them: already ruled out. */
  ruledOut?: Bilingual[];
};

/**
 * The agreed visit as two instants (the adapter converts the day and minutes intake parsed, in the
 * service time zone, with `toInstant`).
 */
export type VisitWindow = { start: Date; end: Date };

/** Contact details the engineer needs. Personal data: erased on request. */
export type TicketContact = {
  name: string | null;
  phone: string | null;
  address: string | null;
};

/** Who did something to a ticket. Staff are identified by their Telegram user id. */
export type Actor =
  | { kind: 'customer'; customerId: string }
  | { kind: 'staff'; staffId: number }
  | { kind: 'system' };

export type Ticket = {
  id: string;
  /** Human-friendly number, `FL-YYMMDD-NNNN`. */
  number: string;
  customerId: string;
  productId: string | null;
  kind: TicketKind;
  state: TicketState;
  priority: TicketPriority;
  category: Category | null;
  /** The fault in the customer's words. Personal data: erased on request. */
  description: string | null;
  contact: TicketContact;
  triage: TicketTriage | null;
  /** The preliminary warranty answer; the engineer's inspection is final. */
  warranty: WarrantyDecision | null;
  visitWindow: VisitWindow | null;
  /** Telegram user id of the staff member who took the ticket. */
  assigneeId: number | null;
  resolution: string | null;
  /**
   * When staff promised to be in touch by (the contact promise, `STAFF_CONTACT_SLA` after the
   * report, or after opening time for a question asked out of hours); `null` until it is set.
   */
  contactDueAt: Date | null;
  /** When a staff member's first message reached the customer: the promise kept. */
  contactedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
};

/** What the bot files; the store adds the id, number, state and timestamps. */
export type NewTicket = Pick<
  Ticket,
  | 'customerId'
  | 'priority'
  | 'category'
  | 'description'
  | 'contact'
  | 'triage'
  | 'warranty'
  | 'visitWindow'
> & {
  /** The product as reported, filed with the ticket. */
  product: NewProductReport | null;
  /** Default `fault`. */
  kind?: TicketKind;
  /** Default: unset until the staff side sets it when it posts the ticket. */
  contactDueAt?: Date | null;
};

export type Customer = {
  id: string;
  telegramUserId: number;
  /** Telegram `language_code` or the language the customer chose (`en`, `zh-Hans`, `zh-Hant`). */
  language: string;
  name: string | null;
  phone: string | null;
  address: string | null;
  createdAt: Date;
  /** Set once the customer's personal data has been erased. */
  erasedAt: Date | null;
  /** Set while the customer has blocked the bot (or deleted the account): nothing is sent. */
  blockedAt: Date | null;
};

export type CustomerContact = Partial<Pick<Customer, 'name' | 'phone' | 'address'>>;

/** A product as the customer described it. Dates are calendar dates (no time zone). */
export type ProductReport = {
  id: string;
  customerId: string;
  /** `null` when the customer never named it: the report only keeps the photos they sent. */
  category: Category | null;
  modelNumber: string | null;
  /** The first day the purchase may have been (see `purchasePeriod`). */
  purchaseDate: CalendarDate | null;
  /** The purchase date as precisely as the customer knew it ("March 2025" is the whole month). */
  purchasePeriod: DatePeriod | null;
  /** The first day the product may have been made (see `productionPeriod`). */
  productionDate: CalendarDate | null;
  /** The production date as the nameplate prints it (often a month). */
  productionPeriod: DatePeriod | null;
  /** Telegram file ids of the nameplate / invoice photos. Erased on request. */
  proofPhotoFileIds: string[];
  createdAt: Date;
};

export type NewProductReport = Omit<ProductReport, 'id' | 'customerId' | 'createdAt'>;

/**
 * A staff member as the bot knows them: recorded on their first staff action. Access comes from
 * the staff chat's membership or `STAFF_USER_IDS`, not from this row.
 */
export type StaffMember = {
  telegramUserId: number;
  /** What customers see ("Anna from the service team"), chosen with /name. */
  displayName: string;
  /** Telegram username without "@", lower case, for /assign @colleague. */
  username: string | null;
  /** The language the bot answers this member in (/lang); `null`: their Telegram language. */
  locale: string | null;
  active: boolean;
};

/** The staff-group forum topic that carries one ticket's conversation. */
export type TicketTopic = {
  ticketId: string;
  chatId: number;
  topicId: number;
  /** The pinned card at the top of the topic, once posted. */
  cardMessageId: number | null;
};

/** The customer's rating of a closed ticket, asked once. The comment is personal data. */
export type TicketRating = {
  ticketId: string;
  requestedAt: Date;
  /** 1–5; `null` until the customer answers. */
  score: number | null;
  comment: string | null;
  ratedAt: Date | null;
};

/** Scores a customer can give. */
export const RATING_SCORES = [1, 2, 3, 4, 5] as const;

/** One line of the conversation: customer in, bot out, or a staff member speaking through the bot. */
export type TranscriptEntry = {
  id: number;
  customerId: string;
  ticketId: string | null;
  direction: 'in' | 'out' | 'staff';
  /** Personal data: replaced by {@link ERASED_TEXT} on erasure. */
  text: string;
  at: Date;
};

/** What erased text reads as, in transcripts and descriptions. */
export const ERASED_TEXT = '[erased]';

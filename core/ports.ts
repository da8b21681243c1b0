import type { CalendarDate } from './shared/calendar-date.ts';
import type { Result } from './shared/result.ts';
import type { ContactPromiseRule } from './tickets/contact-promise.ts';
import type { NewTicketEvent, TicketEvent } from './tickets/events.ts';
import type { GuidanceCase, GuidanceOutcome, NewGuidanceCase } from './tickets/guidance.ts';
import type { Job, NewJob } from './tickets/job.ts';
import type { TicketCommand, TicketTransitionCode } from './tickets/lifecycle.ts';
import type { LoanerOpening } from './tickets/loaner.ts';
import type {
  Actor,
  Customer,
  CustomerContact,
  NewTicket,
  ProductReport,
  StaffMember,
  Ticket,
  TicketContact,
  TicketRating,
  TicketState,
  TicketTopic,
  TranscriptEntry,
} from './tickets/ticket.ts';

/** The only source of "now" outside tests. */
export interface Clock {
  now(): Date;
}

/** What erasure removed, for the confirmation and the audit (counts only). */
export type ErasureSummary = {
  customerId: string;
  tickets: number;
  /** Open tickets the erasure cancelled (staff are told). */
  cancelledTickets: number;
  /** Transcript entries deleted. */
  transcriptEntries: number;
  products: number;
  guidanceCases: number;
  /** Staff-forum topics whose deletion (and the staff notice) was scheduled. */
  staffTopics: number;
};

export interface CustomerRepo {
  /** Finds the customer for a Telegram user, creating one on first contact. */
  ensure(telegramUserId: number, language: string, at: Date): Promise<Customer>;
  findById(id: string): Promise<Customer | undefined>;
  findByTelegramId(telegramUserId: number): Promise<Customer | undefined>;
  /** Remembers the latest contact details, to offer them again on the next ticket. */
  updateContact(id: string, contact: CustomerContact): Promise<Customer | undefined>;
  setLanguage(id: string, language: string): Promise<Customer | undefined>;
  /**
   * Records that the Telegram user blocked the bot (`blockedAt` keeps the first instant while it
   * stays blocked), or clears it when they write again. Unknown users are ignored.
   */
  setBlocked(telegramUserId: number, blocked: boolean, at: Date): Promise<void>;
  /**
   * Erases the customer in one transaction (core/tickets/erasure.ts says what stays): the Telegram
   * user id and every personal field are replaced or dropped, open tickets are cancelled, pending
   * jobs about them cancelled, the transcript deleted, and a job is filed per staff-forum topic to
   * delete it and tell the staff chat. What remains cannot be linked to the person.
   */
  erase(id: string, at: Date): Promise<ErasureSummary | undefined>;
}

export type CreateTicketOptions = {
  /** The same key on a retry returns the ticket filed the first time. */
  idempotencyKey: string;
  /** Filing day in the service time zone: it names the ticket (`FL-YYMMDD-NNNN`). */
  day: CalendarDate;
  at: Date;
  actor: Actor;
  /** Jobs filed in the same transaction (the contact alert, say). */
  jobs?: NewJob[];
  /**
   * Events after its `created` one, in order, by the same actor at the same time (a hazard's
   * `intake_pending`): written only when the ticket is filed now, not when the key was seen.
   */
  events?: Pick<NewTicketEvent, 'type' | 'payload'>[];
};

export type TicketPage = { states?: TicketState[]; limit?: number };

export type ApplyOptions = {
  /** Jobs to schedule with the change, in its transaction. */
  jobs?: NewJob[];
  /** Pending jobs (by key) the change makes pointless, cancelled in its transaction. */
  cancelJobKeys?: string[];
};

export interface TicketRepo {
  /**
   * Files a ticket with its first event, its product report and its jobs in one transaction.
   * `created` is false when the idempotency key was seen before.
   */
  create(
    input: NewTicket,
    options: CreateTicketOptions,
  ): Promise<{ ticket: Ticket; created: boolean }>;
  get(id: string): Promise<Ticket | undefined>;
  getByNumber(number: string): Promise<Ticket | undefined>;
  /**
   * Whether a number was handed out (the day's counter reached its sequence): a number handed out
   * that no ticket carries was erased with its customer (an erased ticket keeps a random reference,
   * nothing that links it to the number).
   */
  wasNumberIssued(day: CalendarDate, sequence: number): Promise<boolean>;
  listByCustomer(customerId: string, page?: TicketPage): Promise<Ticket[]>;
  /** The staff queue: urgent first, then oldest first. */
  listByState(states: TicketState[], limit?: number): Promise<Ticket[]>;
  /**
   * The repairs in progress (fault tickets not closed), oldest first, each with its current
   * opening for the loaner reminder (read from its `reopened` and `loaner_due` events).
   */
  listOpenRepairs(): Promise<{ ticket: Ticket; opening: LoanerOpening }[]>;
  /** Applies a lifecycle command under a row lock and records its event. */
  apply(
    id: string,
    command: TicketCommand,
    at: Date,
    options?: ApplyOptions,
  ): Promise<Result<Ticket, TicketTransitionCode | 'TICKET.NOT_FOUND'>>;
  appendEvent(ticketId: string, event: NewTicketEvent): Promise<TicketEvent>;
  history(ticketId: string): Promise<TicketEvent[]>;
  getProduct(id: string): Promise<ProductReport | undefined>;
  /**
   * Links a ticket to its staff topic; a ticket has one topic and a topic one ticket. Linking the
   * same pair again is fine; another topic for a linked ticket is refused (the first one wins).
   */
  linkTopic(
    topic: Omit<TicketTopic, 'cardMessageId'>,
  ): Promise<Result<TicketTopic, 'TOPIC.ALREADY_LINKED'>>;
  /**
   * Moves a ticket to a new topic after its topic was lost (deleted in Telegram), only while the
   * mapping still names `fromTopicId`: of two concurrent recoveries, one moves it (`TOPIC.MOVED`
   * for the other, with the winner's topic in `detail`).
   */
  relinkTopic(
    ticketId: string,
    fromTopicId: number,
    toTopicId: number,
  ): Promise<Result<TicketTopic, 'TOPIC.MOVED' | 'TOPIC.NOT_LINKED'>>;
  /** Remembers the topic's pinned card. */
  setTopicCard(ticketId: string, messageId: number): Promise<void>;
  topicOf(ticketId: string): Promise<TicketTopic | undefined>;
  findByTopic(chatId: number, topicId: number): Promise<Ticket | undefined>;
  /**
   * Completes a ticket filed at a hazard report (an `intake_pending` event) with the confirmed
   * intake's details (contact, product, description, triage, warranty answer, preferred visit —
   * unless staff have booked one), with an `intake_completed` event and `jobs`, in one transaction
   * under the row lock. Its number, priority, state and contact deadline stay. `undefined` when
   * the ticket's intake is not pending (never was, or completed before).
   */
  completeIntake(
    id: string,
    input: NewTicket,
    at: Date,
    actor: Actor,
    options?: { jobs?: NewJob[] },
  ): Promise<Ticket | undefined>;
  /**
   * Writes the contact a customer gave so far (`null` fields left as they are) to the ticket filed
   * with `idempotencyKey` while its intake is pending (a hazard's, or a question raised mid-intake),
   * with a `contact_added` event (no details in its payload) and `jobs`, under the row lock.
   * `undefined` when there is no such ticket or its intake is complete (Confirm carries the contact).
   */
  addPendingContact(
    idempotencyKey: string,
    contact: TicketContact,
    at: Date,
    actor: Actor,
    options?: { jobs?: NewJob[] },
  ): Promise<Ticket | undefined>;
  /** Sets the contact deadline unless one is set already; returns the ticket as it is now. */
  setContactDue(id: string, dueAt: Date): Promise<Ticket | undefined>;
  /**
   * Records the first staff message that reached the customer (the contact promise kept), with a
   * `contacted` event, cancelling `cancelJobKeys` (the pending alerts) in the same transaction.
   * `false` when contact was recorded before.
   */
  markContacted(
    id: string,
    at: Date,
    actor: Actor,
    options?: { cancelJobKeys?: string[] },
  ): Promise<boolean>;
  /** Tickets by number, contact phone (E.164) or product model number, newest first. */
  search(query: TicketQuery, limit?: number): Promise<Ticket[]>;
}

/** What /find looks for: one of a ticket number, a phone number or a model number. */
export type TicketQuery = { number: string } | { phone: string } | { model: string };

export interface TranscriptRepo {
  append(entry: Omit<TranscriptEntry, 'id'>): Promise<TranscriptEntry>;
  /** Several entries in one write, kept in this order (a turn's message in and its replies). */
  appendAll(entries: Omit<TranscriptEntry, 'id'>[]): Promise<void>;
  /** Oldest first; the latest `limit` entries when a limit is given. */
  list(
    customerId: string,
    options?: { ticketId?: string; limit?: number },
  ): Promise<TranscriptEntry[]>;
}

export interface StaffRepo {
  upsert(member: StaffMember): Promise<StaffMember>;
  /**
   * Records a staff member seen acting: created on first sight with their Telegram first name as
   * display name; the username kept current.
   */
  seen(telegramUserId: number, firstName: string, username: string | null): Promise<StaffMember>;
  get(telegramUserId: number): Promise<StaffMember | undefined>;
  /** By Telegram username, without "@", any case. */
  findByUsername(username: string): Promise<StaffMember | undefined>;
  update(
    telegramUserId: number,
    changes: Partial<Pick<StaffMember, 'displayName' | 'locale'>>,
  ): Promise<StaffMember | undefined>;
  isActive(telegramUserId: number): Promise<boolean>;
  list(): Promise<StaffMember[]>;
}

/** One relayed copy: a message in one chat and its copy in the other. */
export type RelayedMessage = {
  ticketId: string;
  direction: 'to_staff' | 'to_customer';
  sourceChatId: number;
  sourceMessageId: number;
  targetChatId: number;
  targetMessageId: number;
};

/** The message-id map between a customer's chat and the ticket's topic (edits follow it). */
export interface RelayRepo {
  record(copies: RelayedMessage[], at: Date): Promise<void>;
  /** The copies made of a message (an edit edits them). */
  copiesOf(sourceChatId: number, sourceMessageId: number): Promise<RelayedMessage[]>;
  /** What a copy was copied from (a staff reply to a copy becomes a reply to the original). */
  originOf(targetChatId: number, targetMessageId: number): Promise<RelayedMessage | undefined>;
}

export interface RatingRepo {
  /** Records that the customer was asked to rate the ticket: `false` when asked before (once). */
  request(ticketId: string, at: Date): Promise<boolean>;
  /** Stores the score (1–5) once: `false` when never asked or already rated. */
  rate(ticketId: string, score: number, at: Date): Promise<boolean>;
  /** Stores the optional comment once, after a score. Personal data: erased on request. */
  comment(ticketId: string, text: string, at: Date): Promise<boolean>;
  get(ticketId: string): Promise<TicketRating | undefined>;
}

/** An attempt to use the staff tools, kept for the audit (refusals, chiefly). */
export type AuditEntry = {
  at: Date;
  telegramUserId: number;
  chatId: number;
  topicId: number | null;
  ticketId: string | null;
  /** The command or button, such as `take` or `button:close`. */
  action: string;
  outcome: 'refused';
  reason: string;
};

export interface AuditRepo {
  record(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  list(limit?: number): Promise<AuditEntry[]>;
}

export type OpenGuidanceOptions = {
  /**
   * Jobs scheduled with the case, in its transaction (the check-back): each payload gains
   * `guidanceId`, and `{guidanceId}` in a key is replaced by the new id
   * (`checkback:{guidanceId}`). A key already taken fails the whole opening: no case without its job.
   */
  jobs?: NewJob[];
};

export interface GuidanceRepo {
  /** Opens a guided case when the bot sends the steps, with its check-back job when given. */
  open(input: NewGuidanceCase, at: Date, options?: OpenGuidanceOptions): Promise<GuidanceCase>;
  get(id: string): Promise<GuidanceCase | undefined>;
  /** Records the outcome once: false when an outcome was already recorded (first answer wins, atomically). */
  recordOutcome(id: string, outcome: GuidanceOutcome, at: Date): Promise<boolean>;
  /**
   * The chat's latest case whose check-back is due by `now` (so asked, or about to be) and has no
   * outcome yet: the one a typed "still broken" answers.
   */
  awaitingAnswer(chatId: number, now: Date): Promise<GuidanceCase | undefined>;
}

/** The service manager's figures over a period (tickets and guided cases created in it). */
export type ServiceFigures = {
  tickets: {
    total: number;
    /** Current state of the period's tickets; every state is present, 0 when none. */
    byState: Record<TicketState, number>;
    urgent: number;
    /** By product category; tickets without one count under `unknown`. */
    byCategory: Record<string, number>;
  };
  guidance: {
    total: number;
    working: number;
    stillBroken: number;
    unconfirmed: number;
    /** No outcome recorded yet. */
    pending: number;
  };
  /** Guided cases that work again over those with an outcome; `null` when none has one. */
  solvedWithoutVisitRate: number | null;
  /**
   * The contact promise: `measured` tickets are due, a staff member's first message having reached
   * the customer or their deadline (the ticket's contact deadline, else the one
   * `decideContactPromise` gives for its filing time) having
   * passed by the report's `now`; `withinSla` of them were contacted by their deadline. A ticket
   * nobody contacted counts as missed once its deadline has passed.
   */
  contact: { measured: number; withinSla: number };
};

export interface ReportRepo {
  /**
   * Figures for tickets and guided cases created in `[from, to)`; `rule` is the contact promise's
   * terms,
   * and `now` decides which untaken tickets are already past their deadline.
   */
  figures(from: Date, to: Date, rule: ContactPromiseRule, now: Date): Promise<ServiceFigures>;
}

export interface JobQueue {
  /** Schedules a job; with a key already used, returns that job and `created: false`. */
  enqueue(job: NewJob, at: Date): Promise<{ job: Job; created: boolean }>;
  /** Cancels the pending job with this key; `false` when there is none (already ran, or unknown). */
  cancel(key: string, at: Date): Promise<boolean>;
  get(id: string): Promise<Job | undefined>;
  findByKey(key: string): Promise<Job | undefined>;
}

export type RateLimitDecision = {
  allowed: boolean;
  /** Calls left in the current window. */
  remaining: number;
  /** Milliseconds until the window resets. */
  resetMs: number;
};

/** A lock held by this process: renewed while the work runs, released after it. */
export interface LockLease {
  /** Extends the lock by its ttl from now; `false` when it was lost (expired and taken). */
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

/** What a token bucket gave: `granted` tokens now, and how long until the next one. */
export type TokenGrant = { granted: number; waitMs: number };

/**
 * Short-lived state shared between bot instances: sessions, update de-duplication, rate limits,
 * per-chat locks, the send budget. Redis when configured, in-process otherwise (single instance only).
 */
export interface ShortLivedStore {
  readonly kind: 'redis' | 'memory';
  getSession<T>(key: string): Promise<T | undefined>;
  setSession<T>(key: string, value: T, ttlMs: number): Promise<void>;
  deleteSession(key: string): Promise<void>;
  /** `true` the first time an update id is seen (within the retention period), `false` after. */
  seenUpdate(updateId: number): Promise<boolean>;
  /** Counts one call against `limit` calls per fixed window of `windowMs`. */
  rateLimit(key: string, limit: number, windowMs: number): Promise<RateLimitDecision>;
  /**
   * Runs `fn` while holding the lock `key` (waiting for it when held elsewhere). The lock expires
   * after `ttlMs` should the holder die.
   */
  withLock<T>(key: string, ttlMs: number, fn: () => Promise<T>): Promise<T>;
  /**
   * Takes the lock `key` when it is free, for `ttlMs`, without waiting: `undefined` when another
   * holder has it. A holder that dies loses it after `ttlMs`.
   */
  tryLock(key: string, ttlMs: number): Promise<LockLease | undefined>;
  /**
   * Takes up to `want` tokens from the bucket `key`, which holds at most `burst` and refills at
   * `perSecond` (shared by every instance on Redis): the send budget.
   */
  takeTokens(key: string, want: number, perSecond: number, burst: number): Promise<TokenGrant>;
  close(): Promise<void>;
}

import type { DatePeriod } from '../intake/date-period.ts';
import type { Locale } from '../shared/locale.ts';
import type { Category } from '../warranty/policy.ts';
import type { Address, Draft, Reply } from './state.ts';

/** The customer's commands, in the order the bot's menu lists them. */
export const CUSTOMER_COMMANDS = [
  'start',
  'status',
  'human',
  'cancel',
  'language',
  'help',
  'privacy',
  'forget',
] as const;
export type CustomerCommand = (typeof CUSTOMER_COMMANDS)[number];

/** What the customer did, as the adapter understood the update. */
export type ConversationEvent =
  | { type: 'command'; name: CustomerCommand }
  /**
   * Text the customer typed; `checkback` is the check-back asked and not yet answered in this chat,
   * when there is one (the adapter looks it up): words may answer it instead of its buttons.
   */
  | { type: 'text'; text: string; checkback?: PendingCheckback }
  /** An inline button's callback data. */
  | { type: 'button'; data: string }
  | { type: 'contact'; phone: string; own: boolean }
  | { type: 'location'; latitude: number; longitude: number }
  | { type: 'photo'; fileId: string }
  /** The answer to the check-back sent after guidance; the adapter adds what the guidance was about. */
  | { type: 'checkback'; outcome: 'working' | 'still_broken'; guidance: Guidance };

/** A guided case that may need a check-back: what was reported and which steps were followed. */
export type Guidance = { category: Category; symptomId: string; description: string };

/** A check-back that was asked and is still unanswered: its case (`ref`) and what it was about. */
export type PendingCheckback = { ref: string; guidance: Guidance };

/** What the adapter must do besides replying. */
export type Effect =
  /** File the ticket (one transaction) and reply with its number, warranty answer and contact promise. */
  | { type: 'file-ticket'; draft: Draft }
  /** Schedule the check-back (CALLBACK_CHECK_AFTER) and its 24-hour expiry. */
  | { type: 'schedule-checkback'; guidance: Guidance }
  /** Record the check-back's answer given in words (as its button would) and end its expiry. */
  | { type: 'record-checkback'; ref: string; outcome: 'working' | 'still_broken' }
  /** Reply with the customer's tickets and their states. */
  | { type: 'list-tickets' }
  /**
   * Answer a warranty question: the engine's preliminary answer for the whole product bought in
   * `purchaseDate` (over the period, as on a ticket), then how to go on.
   */
  | { type: 'answer-warranty'; category: Category; purchaseDate: DatePeriod }
  /**
   * The customer said what they wrote (`text`) is about their waiting ticket: it goes with that
   * ticket (already copied to its staff topic when there is one), and they are told so. `again`:
   * not asked this time, the answer given earlier in the chat holds (staff hear nothing new); the
   * chat's number for these words (`addedSeq`), for the reply's "🆕 That's a new problem" button.
   */
  | { type: 'add-to-ticket'; ticketNumber: string; text: string; again?: number }
  /**
   * The customer said what they wrote (`text`, copied to the waiting ticket's topic as it came) is
   * a new problem: staff in that topic hear so, and the bot goes on with it.
   */
  | { type: 'new-problem'; ticketNumber: string; text: string }
  /** Offer the customer's open tickets for cancelling (or say there are none). */
  | { type: 'offer-cancel' }
  | { type: 'cancel-ticket'; ticketNumber: string }
  /**
   * Say which engineer visits are booked (erasing cancels them), before the question whether to
   * erase: nothing when there are none.
   */
  | { type: 'tell-booked-visits' }
  /** Erase the customer's personal data. */
  | { type: 'forget' }
  | { type: 'set-locale'; locale: Locale }
  /** A staff member holds the chat: pass the customer's message on, say nothing. */
  | { type: 'forward-to-staff'; ticketNumber: string }
  /**
   * The customer asked for a person (/human): their ticket in progress — or a new one of kind
   * `question` — gets its staff topic at once, staff are alerted, and the customer is told when to
   * expect an answer. The conversation carries on meanwhile.
   */
  | {
      type: 'request-human';
      description: string;
      category?: Category;
      /**
       * The ticket being prepared when the customer asked (an intake or its summary): what they
       * already gave (name, phone, address, product, model) goes on the question ticket, so staff
       * can call.
       */
      draft?: Draft;
    }
  /**
   * A hazard was reported (design.md: "safety instructions …, then an urgent ticket"): the urgent
   * ticket is filed at once with what the draft knows, so staff hear of it while the customer
   * follows the safety steps (and whether or not they answer the intake); confirming the draft
   * later completes that ticket rather than filing a second one. The reply (the ticket's number
   * and when a person will be in touch) follows the safety steps.
   */
  | { type: 'report-hazard'; draft: Draft }
  /**
   * An urgent draft's contact changed (a phone, a name or an address answered or shared): written
   * to the ticket filed at its hazard report at once, so staff can call before the customer, told
   * to leave, confirms the summary (review10 H4). Nothing when that ticket's intake is complete.
   */
  | { type: 'update-pending-contact'; draft: Draft };

export type Turn<S> = { state: S; replies: Reply[]; effects: Effect[] };

export type { Address };

import { type DatePeriod, dayPeriod } from '../intake/date-period.ts';
import type { ParsedAddress, PreferredWindow } from '../intake/index.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import type { Locale } from '../shared/locale.ts';
import type { Bilingual, Label } from '../triage/catalogue.ts';
import type { Category } from '../warranty/policy.ts';
import type { WaitingTicket } from './context.ts';
import type { Guidance } from './events.ts';
import type { MessageKey } from './messages.ts';

/** The fields the escalation intake collects, in the order it asks them (the seed's engineer list). */
export const INTAKE_FIELDS = [
  'category',
  'name',
  'phone',
  'model',
  'nameplatePhoto',
  'purchaseDate',
  'purchaseDay',
  'productionDate',
  'address',
  'addressDetail',
  'window',
  'invoice',
] as const;
export type IntakeField = (typeof INTAKE_FIELDS)[number];

/**
 * Fields a hazard ticket asks, after the safety text: who and where first, then the product when
 * triage could not tell it with confidence (the customer may say they are not sure).
 */
export const URGENT_FIELDS: readonly IntakeField[] = [
  'phone',
  'address',
  'addressDetail',
  'name',
  'category',
];

export type IntakeReason =
  | 'fault'
  | 'hazard'
  | 'guidance_failed'
  | 'customer_asked'
  | 'unclear'
  | 'still_broken';

/** A visit address: the intake's parsed address (text or a shared location). */
export type Address = ParsedAddress;

/** A visit window on one service day, in minutes of the day (service time zone). */
export type Window = PreferredWindow;

/** What the intake has gathered for a ticket. Personal data: never logged. */
/** The most sentences {@link Draft.moreSaid} keeps; beyond them an answer is asked for again. */
export const MORE_SAID_KEPT = 5;
/** The longest sentence {@link Draft.moreSaid} keeps, in characters. */
export const MORE_SAID_MAX_LENGTH = 500;

export type Draft = {
  /** Stable for the draft's life: filing the same draft twice files one ticket. */
  id: string;
  reason: IntakeReason;
  urgent: boolean;
  description: string;
  category?: Category;
  symptomId?: string;
  label?: Label;
  name?: string;
  /** E.164. */
  phone?: string;
  /** What the customer said with the number ("下午打", "after 6pm"): for whoever calls. */
  callNote?: string;
  model?: string;
  /** Telegram file ids of nameplate photos (evidence of the model and production date). */
  nameplatePhotos: string[];
  /**
   * When it was bought, as precisely as the customer knows it ("last March" is the whole month);
   * `null` when the customer has no proof of purchase.
   */
  purchaseDate?: DatePeriod | null;
  /**
   * Set when the purchase date is a period over which the warranty answer differs: the first day
   * from which the most favourable answer holds. The intake then asks once for the exact day.
   */
  purchaseDayMatters?: CalendarDate;
  /**
   * The production date printed on the nameplate (or in the serial number), asked when there is no
   * proof of purchase (warranty rule 1); `null` when the customer could not find it.
   */
  productionDate?: DatePeriod | null;
  address?: Address;
  window?: Window;
  /**
   * The customer's own words for the visit time, when they asked to keep them as written (no
   * window could be read from them): staff arrange the time.
   */
  windowNote?: string;
  /**
   * Fields kept as the customer wrote them after two answers the intake could not check (a name,
   * a model number, an address): the engineer checks them.
   */
  asWritten?: IntakeField[];
  invoicePhotos: string[];
  /** Other photos sent during the intake (the fault itself), kept for the engineer. */
  otherPhotos: string[];
  /**
   * Problems the customer said were "broken again" at a check-back while this ticket was being
   * prepared: recorded with it, so the engineer hears about them.
   */
  alsoBroken?: Guidance[];
  /** Quick checks the customer did without result: the engineer sees them as already ruled out. */
  ruledOut?: Bilingual[];
  /**
   * What else the customer told us while a field was asked: a sentence that was not the answer but
   * reads as a report ("the dryer makes a clicking noise too"). Recorded with the ticket, so the
   * engineer hears it (at most {@link MORE_SAID_KEPT}, each cut to {@link MORE_SAID_MAX_LENGTH}).
   */
  moreSaid?: string[];
  /** Fields the customer has answered or skipped (optional ones) in this intake. */
  answered: IntakeField[];
};

export type Flow =
  | { kind: 'idle' }
  /**
   * A ticket waits for a person and the customer told a problem (`text`): asked whether it is
   * about that ticket or a new problem before anything is triaged (a hazard is not asked about).
   */
  /**
   * "About FL-… or a new problem?" asked of `text`; `asked`: the question's number in the chat
   * (`askedSeq`), on its buttons (none on a question asked before numbers: review12 M1).
   */
  | { kind: 'which-ticket'; text: string; waiting: WaitingTicket; asked?: number }
  /** Asked which product it is, holding the report. */
  | { kind: 'choose-category'; text: string }
  /** Asked the category's clarifying question once (`question`: the one asked, when not the category's). */
  | {
      kind: 'clarify';
      text: string;
      category: Category;
      question?: Bilingual;
      /** Symptom ids offered as buttons. */
      options?: string[];
    }
  /**
   * Quick checks before an engineer is sent, one at a time (`step`); `ruledOut` holds the indexes
   * of the checks that did not help, for the ticket.
   */
  | {
      kind: 'checks';
      text: string;
      category: Category;
      symptomId: string;
      label: Exclude<Label, 'hazard'>;
      step: number;
      ruledOut: number[];
      /** Photos sent during the checks: they go with the ticket if it comes to one. */
      photos?: string[];
    }
  /**
   * Walking through a misuse symptom's steps; `ruledOut` holds the indexes of the steps the
   * customer did without result ("still not working", not "skip"), for a ticket if it comes to one.
   */
  | {
      kind: 'guide';
      text: string;
      category: Category;
      symptomId: string;
      step: number;
      ruledOut?: number[];
      /** Photos sent during the guidance: they go with the ticket if it comes to one. */
      photos?: string[];
    }
  /**
   * Collecting a ticket's fields; `field` is the one asked. `tries` counts the answers to it that
   * could not be read, `tried` is the last of them (kept as written when the customer asks).
   */
  | {
      kind: 'intake';
      field: IntakeField;
      draft: Draft;
      editing: boolean;
      tries?: number;
      tried?: string;
    }
  /** Summary shown with edit buttons. */
  | { kind: 'review'; draft: Draft }
  /** Asked to confirm cancelling a ticket; `previous` is restored on "no". */
  | { kind: 'confirm-cancel'; ticketNumber: string; previous?: Flow }
  /** Asked to confirm erasing personal data; `previous` is restored on "no". */
  | { kind: 'confirm-forget'; previous?: Flow }
  /** Asked (on /start) whether to discard the ticket being prepared; `previous` is restored on "no". */
  | { kind: 'confirm-restart'; previous?: Flow }
  /**
   * A change the customer asked for in words while a ticket is prepared ("it's not the TV, it's my
   * monitor", "my number is wrong, it's 139…"): asked to confirm; `previous` (the intake question or
   * the summary) comes back with the change on "yes", unchanged on "no".
   */
  | {
      kind: 'confirm-change';
      change: DraftChange;
      previous: Extract<Flow, { kind: 'intake' | 'review' }>;
    }
  /**
   * A warranty question with no problem told ("is my fridge still under warranty?"): the product
   * if it was not named, then the purchase date; the answer is the engine's, as on a ticket.
   */
  | { kind: 'warranty'; text: string; category?: Category };

/** A field of a ticket being prepared, as the customer asked to change it in words. */
export type DraftChange =
  | { field: 'category'; category: Category }
  | { field: 'phone'; phone: string }
  | { field: 'window'; window: Window };

/** A chat's conversation state, kept in the session store (so a restart resumes it). */
export type ConversationState = {
  locale: Locale;
  /** True once the customer picked a language with /language. */
  localeChosen: boolean;
  /** The product the customer is talking about, once known. */
  category?: Category;
  /** Contact details from earlier in this chat, to skip asking again. */
  profile: { name?: string; phone?: string; address?: Address };
  flow: Flow;
  /**
   * Set while a staff member has taken this chat over: the bot stays quiet and forwards what the
   * customer writes (commands still work).
   */
  staffHold?: { ticketNumber: string; staffId: number };
  /**
   * The waiting ticket the customer said their words are about (the which-ticket question's
   * answer): further words while it waits go with it without the question again (review11 H2b).
   */
  aboutTicket?: string;
  /**
   * The latest words added to `aboutTicket` unasked and their number (`seq`): their "added to your
   * ticket" reply offers "that's a new problem", which acts on these words only.
   */
  addedUnasked?: { text: string; seq: number };
  /**
   * The last number given to words added unasked in this chat: never reset (not by "about it",
   * nor a new problem), so an older reply's button never names later words (review12 M1).
   */
  addedSeq?: number;
  /**
   * The last number given to a which-ticket question in this chat, never reset: an older
   * question's buttons never answer a later one (review12 M1).
   */
  askedSeq?: number;
};

export function initialState(locale: Locale): ConversationState {
  return { locale, localeChosen: false, profile: {}, flow: { kind: 'idle' } };
}

/**
 * A variable in a reply: plain text, a number, catalogue text in both languages, a list of
 * catalogue texts (the adapter joins them in the reader's language), or a date as precisely as it
 * is known (the adapter writes it the locale's way, marked when approximate).
 */
export type ReplyValue = string | number | Bilingual | Bilingual[] | DatePeriod;

/** An inline button with a locale key for its label (`K`: core's keys; the adapter may use its own). */
export type Button<K extends string = MessageKey> = {
  key: K;
  vars?: Record<string, ReplyValue>;
  data: string;
};

/** One message to the customer, as a locale key; the adapter renders it. */
export type Reply<K extends string = MessageKey> = {
  key: K;
  vars?: Record<string, ReplyValue>;
  /** Inline keyboard rows. */
  buttons?: Button<K>[][];
  /** A reply keyboard asking for the customer's contact or location, or removing such a keyboard. */
  request?: 'contact' | 'location' | 'remove';
};

/**
 * A state saved by an earlier version, in today's shape: a purchase date used to be one calendar
 * day (a string); it is now the period the customer gave. Sessions live up to 30 days, so a
 * conversation begun before an upgrade resumes after it.
 */
export function upgradeState(state: ConversationState): ConversationState {
  const upgradeDraft = (draft: Draft): Draft => {
    const legacy: unknown = draft.purchaseDate;
    return typeof legacy === 'string'
      ? { ...draft, purchaseDate: dayPeriod(legacy as CalendarDate) }
      : draft;
  };
  const upgradeFlow = (flow: Flow): Flow => {
    switch (flow.kind) {
      case 'intake':
      case 'review':
        return { ...flow, draft: upgradeDraft(flow.draft) };
      case 'confirm-cancel':
      case 'confirm-forget':
      case 'confirm-restart':
        return flow.previous ? { ...flow, previous: upgradeFlow(flow.previous) } : flow;
      case 'confirm-change':
        return {
          ...flow,
          previous: { ...flow.previous, draft: upgradeDraft(flow.previous.draft) },
        };
      default:
        return flow;
    }
  };
  return { ...state, flow: upgradeFlow(state.flow) };
}

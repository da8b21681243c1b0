import type { DatePeriod, OpeningHours } from '../intake/index.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import type { Locale } from '../shared/locale.ts';
import type { Result } from '../shared/result.ts';
import type { TicketKind } from '../tickets/ticket.ts';
import type { Bilingual, Label } from '../triage/catalogue.ts';
import type { CatalogueView } from '../triage/catalogue-view.ts';
import type { Category, WarrantyPolicy } from '../warranty/policy.ts';
import type { FieldErrorCode } from './messages.ts';
import type { Address, Window } from './state.ts';

/** The triage outcome the conversation acts on (the core decision from the engine's signal). */
export type TriageStep = (
  | { kind: 'guide'; category: Category; symptomId: string }
  /** Quick checks before an engineer (design.md "Decide by cost"). */
  | { kind: 'checks'; category: Category; symptomId: string; label: Exclude<Label, 'hazard'> }
  /** `options`: the likeliest symptoms, offered as buttons (free text still works). */
  | { kind: 'ask'; category?: Category; question?: Bilingual; options?: string[] }
  /**
   * `customerAsked`: the words asked for a person or a visit ("转人工", "send a technician");
   * `unclear`: still unreadable after the one clarifying question (no fault was read).
   */
  | {
      kind: 'escalate';
      category?: Category;
      symptomId?: string;
      label: Label;
      customerAsked?: true;
      unclear?: true;
    }
  /** `category` only when the product is known with confidence: else the generic, gas-safe text. */
  | { kind: 'hazard'; category?: Category; symptomId?: string }
) & {
  /**
   * The text names its product (a product word or a model number), rather than the product being
   * read from the symptom or by the learned model: what a correction ("it's my monitor") needs.
   */
  named?: true;
};

/**
 * The customer's newest ticket filed and waiting for a person (nobody has taken it yet): what they
 * write meanwhile is copied to its staff topic. A new problem told then is asked about first.
 */
export type WaitingTicket = {
  number: string;
  /** A repair filed (`fault`), or a request for a person (`question`, opened by /human). */
  kind: TicketKind;
  category?: Category;
  symptomId?: string;
  /** The problem in the customer's words, as filed. Personal data. */
  description?: string;
};

/** Service hours in minutes of the day (the intake's opening hours). */
export type ServiceHours = OpeningHours;

/** Field parsers used by the intake; errors carry stable codes (`PHONE.INVALID`). */
export type FieldParsers = {
  name(text: string): Result<string, FieldErrorCode>;
  /**
   * A phone number in E.164, found in what the customer wrote, with the rest of the sentence as a
   * note for whoever calls ("我的电话是13812345678，下午打" → `下午打`).
   */
  phone(text: string): Result<{ e164: string; note?: string }, FieldErrorCode>;
  model(
    text: string,
    category: Category | undefined,
  ): Result<{ model: string; recognised: boolean }, FieldErrorCode>;
  purchaseDate(
    text: string,
    today: CalendarDate,
    locale: Locale,
  ): Result<DatePeriod, FieldErrorCode>;
  /** A production date as a nameplate or serial sticker prints it (`2024.03`, `MFG 03/2024`). */
  productionDate(
    text: string,
    today: CalendarDate,
    locale: Locale,
  ): Result<DatePeriod, FieldErrorCode>;
  address(text: string): Result<Address, FieldErrorCode>;
  window(
    text: string,
    today: CalendarDate,
    nowMinute: number,
    hours: ServiceHours,
  ): Result<Window, FieldErrorCode>;
  suggestWindows(
    today: CalendarDate,
    nowMinute: number,
    hours: ServiceHours,
    count: number,
  ): Window[];
  /** Re-checks a window chosen earlier (a button, a summary left open): still ahead and in hours. */
  checkWindow(
    window: Window,
    today: CalendarDate,
    nowMinute: number,
    hours: ServiceHours,
  ): Result<Window, FieldErrorCode>;
};

/** Everything a turn may consult besides the state; time is passed in, never read. */
export type TurnContext = {
  /** Unique per turn (chat and update): the id of a draft started in it. */
  turnId: string;
  today: CalendarDate;
  /** Minutes since midnight in the service time zone. */
  nowMinute: number;
  serviceHours: ServiceHours;
  catalogue: CatalogueView;
  /** The warranty policy in force: the intake asks what the answer depends on. */
  policy: WarrantyPolicy;
  /** Triage of the customer's words; `asked` tells whether a clarifying question was already asked. */
  triage(text: string, options: { category?: Category; asked: boolean }): TriageStep;
  fields: FieldParsers;
  /**
   * The checks the customer says they already did, in their own words ("I already cleaned the
   * filter", "濾網已經洗過了"), as triage reads "already tried": the engineer sees them as ruled out.
   */
  alreadyTried(text: string): string[];
  /** The customer's ticket waiting for a person, when there is one (read with the turn). */
  waiting?: WaitingTicket;
};

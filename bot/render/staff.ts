import type { InlineKeyboardMarkup } from 'grammy/types';
import {
  type CatalogueView,
  formatMinute,
  type Locale,
  type ProductReport,
  type Ticket,
  type TranscriptEntry,
  toZonedTime,
  type VisitWindow,
  type WarrantyCase,
} from '../../core/index.ts';
import { formatDate, formatPeriod, type Translate } from '../i18n/index.ts';
import { pickText } from './reply.ts';
import { renderWarrantyAnswer } from './warranty.ts';

/** Telegram's longest message; a card is cut to fit with room to spare. */
const MESSAGE_MAX = 4_000;
const TRANSCRIPT_LINE_MAX = 200;

/** A visit window as the reader writes it: `2026-03-12 09:00–11:00` / `2026年3月12日 09:00–11:00`. */
export function formatVisitWindow(window: VisitWindow, timeZone: string, locale: Locale): string {
  const start = toZonedTime(window.start, timeZone);
  const end = toZonedTime(window.end, timeZone);
  return `${formatDate(start.date, locale)} ${formatMinute(start.minute)}–${formatMinute(end.minute)}`;
}

/** An instant as a wall-clock time in the service time zone, with the date when not `today`. */
export function formatInstant(at: Date, timeZone: string, locale: Locale, now: Date): string {
  const { date, minute } = toZonedTime(at, timeZone);
  const today = toZonedTime(now, timeZone).date;
  return date === today
    ? formatMinute(minute)
    : `${formatDate(date, locale)} ${formatMinute(minute)}`;
}

/** Minutes to show for time left: rounded up, at least one ("lapses in 3 min" with 2:10 left). */
export const toMinutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/** Minutes to show for time gone by: whole minutes elapsed, at least one. */
export const toMinutesAgo = (ms: number) => Math.max(1, Math.floor(ms / 60_000));

export type CardFacts = {
  ticket: Ticket;
  product: ProductReport | undefined;
  transcript: TranscriptEntry[];
  warrantyCase: Pick<WarrantyCase, 'category' | 'part' | 'reportDate'> | undefined;
  timeZone: string;
  now: Date;
  /** Filed at a hazard report; the customer has not finished the intake yet. */
  intakePending?: boolean;
};

/** The card's buttons: take, schedule, close. Callback data names the ticket by number. */
export function cardButtons(number: string, t: Translate): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      [
        { text: t('staff-button-take'), callback_data: `st:take:${number}` },
        { text: t('staff-button-schedule'), callback_data: `st:schedule:${number}` },
        { text: t('staff-button-close'), callback_data: `st:close:${number}` },
      ],
    ],
  };
}

/**
 * The card pinned at the top of a ticket's topic: everything staff need before they call — who and
 * where, the product, what triage found, the checks already done, the preliminary warranty answer
 * with its clauses, the preferred visit, the contact deadline, and the conversation so far.
 */
export function renderCard(
  facts: CardFacts,
  catalogue: CatalogueView,
  t: Translate,
  locale: Locale,
): string {
  const { ticket, product, transcript, timeZone, now } = facts;
  const label = ticket.triage?.label ?? 'fault';
  const lines = [
    t('staff-card-title', {
      priority: ticket.priority,
      number: ticket.number,
      kind: ticket.kind,
      category: ticket.category ?? 'unknown',
      label,
    }),
  ];
  if (facts.intakePending)
    lines.push(
      t(
        ticket.kind === 'question'
          ? 'staff-card-intake-pending-question'
          : 'staff-card-intake-pending',
      ),
    );
  const { name, phone, address } = ticket.contact;
  if (name || phone)
    lines.push(t('staff-card-customer', { name: name ?? '-', phone: phone ?? '-' }));
  if (address) lines.push(t('staff-card-address', { address }));
  // A model answered with a photo only is on that photo, sent to the topic after the card. A product
  // never named (its report only keeps the photos) has no model line: the photos follow anyway.
  const photos = product?.proofPhotoFileIds.length ?? 0;
  if (product?.category && (product.modelNumber || product.purchaseDate || photos > 0)) {
    lines.push(
      t('staff-card-product', {
        model: product?.modelNumber ?? (photos > 0 ? 'photo' : '-'),
        // A period the customer gave ("last March") stays a period, marked approximate.
        purchase: product?.purchasePeriod
          ? formatPeriod(product.purchasePeriod, locale, t)
          : product?.purchaseDate
            ? formatDate(product.purchaseDate, locale)
            : 'none',
      }),
    );
  }
  // Rule 1 (no proof of purchase): the production date the customer read off the nameplate, so
  // staff can check it against the nameplate photo (sent to the topic after the card) before the
  // answer stands.
  if (product?.productionDate) {
    lines.push(
      t('staff-card-production', {
        made: product.productionPeriod
          ? formatPeriod(product.productionPeriod, locale, t)
          : formatDate(product.productionDate, locale),
        photo: photos > 0 ? 'yes' : 'no',
      }),
    );
  }
  if (ticket.description)
    lines.push(t('staff-card-description', { description: ticket.description }));
  const symptom = ticket.triage?.symptomId ? catalogue.symptom(ticket.triage.symptomId) : undefined;
  if (ticket.triage) {
    lines.push(
      t('staff-card-triage', {
        label,
        symptom: symptom ? pickText(symptom.title, locale) : '-',
      }),
    );
  }
  // What the customer tried without result, as the conversation recorded it (quick checks that
  // did not help): never assumed from the label, since a customer may skip the checks.
  const tried = ticket.triage?.ruledOut ?? [];
  if (tried.length > 0) {
    lines.push(t('staff-card-tried'));
    tried.forEach((action, index) => {
      lines.push(`  ${index + 1}. ${pickText(action, locale)}`);
    });
  }
  if (ticket.warranty && facts.warrantyCase) {
    lines.push('', t('staff-card-warranty'));
    lines.push(renderWarrantyAnswer(facts.warrantyCase, ticket.warranty, t, locale));
  } else if (ticket.kind === 'fault') {
    lines.push(t('staff-card-no-warranty'));
  }
  if (ticket.visitWindow) {
    lines.push(
      t('staff-card-window', { window: formatVisitWindow(ticket.visitWindow, timeZone, locale) }),
    );
  }
  if (ticket.contactDueAt) {
    lines.push(
      t('staff-card-deadline', { time: formatInstant(ticket.contactDueAt, timeZone, locale, now) }),
    );
  }
  if (transcript.length > 0) {
    lines.push('', t('staff-card-transcript'));
    for (const entry of transcript) {
      const text = entry.text.replace(/\s+/g, ' ');
      const cut =
        text.length > TRANSCRIPT_LINE_MAX ? `${text.slice(0, TRANSCRIPT_LINE_MAX - 1)}…` : text;
      lines.push(t('staff-card-transcript-line', { direction: entry.direction, text: cut }));
    }
  }
  const card = lines.join('\n');
  return card.length <= MESSAGE_MAX ? card : `${card.slice(0, MESSAGE_MAX - 1)}…`;
}

import type { CalendarDate } from '../shared/calendar-date.ts';
import { toInstant } from '../shared/zoned-time.ts';
import type { NewTicket } from '../tickets/ticket.ts';
import type { WarrantyDecision } from '../warranty/decide.ts';
import type { WarrantyCase } from '../warranty/warranty-case.ts';
import type { Address, Draft } from './state.ts';

/**
 * The warranty question a draft asks, as of `today` (the report date). The cause is `unknown`
 * (normal use until the engineer inspects); the part is the symptom's likely part. `undefined`
 * while the product or the purchase date was never asked (`null` means "no proof" and is decided).
 */
export function toDraftWarrantyCase(
  draft: Draft,
  today: CalendarDate,
  part?: string,
): WarrantyCase | undefined {
  // Unknown product, or a purchase date never asked (an urgent ticket): the engineer assesses it.
  if (!draft.category || draft.purchaseDate === undefined) return undefined;
  const purchase = draft.purchaseDate && draft.purchaseDate <= today ? draft.purchaseDate : null;
  const input: WarrantyCase = {
    category: draft.category,
    purchaseDate: purchase,
    reportDate: today,
    cause: 'unknown',
    priorRepairs: 0,
    partsWaitDays: 0,
  };
  if (part) input.part = part;
  return input;
}

export function addressText(address: Address | undefined): string | null {
  if (!address) return null;
  return address.kind === 'text'
    ? address.text
    : `geo:${address.latitude.toFixed(6)},${address.longitude.toFixed(6)}`;
}

/** The ticket to file from a confirmed draft. */
export function toNewTicket(
  draft: Draft,
  customerId: string,
  warranty: WarrantyDecision | null,
  timeZone: string,
): NewTicket {
  return {
    customerId,
    priority: draft.urgent ? 'urgent' : 'normal',
    category: draft.category ?? null,
    description: draft.description || null,
    contact: {
      name: draft.name ?? null,
      phone: draft.phone ?? null,
      address: addressText(draft.address),
    },
    triage: {
      label: draft.label ?? (draft.urgent ? 'hazard' : 'fault'),
      category: draft.category ?? null,
      symptomId: draft.symptomId ?? null,
    },
    warranty,
    visitWindow: draft.window
      ? {
          start: toInstant(draft.window.date, draft.window.startMinute, timeZone),
          end: toInstant(draft.window.date, draft.window.endMinute, timeZone),
        }
      : null,
    product: draft.category
      ? {
          category: draft.category,
          modelNumber: draft.model ?? null,
          purchaseDate: draft.purchaseDate ?? null,
          productionDate: null,
          proofPhotoFileIds: [
            ...draft.nameplatePhotos,
            ...draft.invoicePhotos,
            ...draft.otherPhotos,
          ],
        }
      : null,
  };
}

/**
 * Every message the conversation core can ask the adapter to say, by locale key. `Reply.key` and
 * `Button.key` are typed with it, so core cannot produce a key that is not listed here, and a test
 * checks that every listed key exists in every locale. A new reply: add its key here and to the
 * locale files (en, zh-Hans; `npm run locales` for zh-Hant).
 */
export const MESSAGE_KEYS = [
  'already-escalating',
  'ask-address',
  'ask-address-detail',
  'ask-category',
  'ask-invoice',
  'ask-model',
  'ask-name',
  'ask-nameplate-photo',
  'ask-phone',
  'ask-production-date',
  'ask-purchase-date',
  'ask-purchase-day',
  'ask-which-product',
  'ask-window',
  'button-cannot-find',
  'button-confirm',
  'button-day-unknown',
  'button-discard',
  'button-fixed',
  'button-human',
  'button-keep',
  'button-no',
  'button-no-flat',
  'button-no-proof',
  'button-not-fixed',
  'button-not-sure',
  'button-repeat',
  'button-skip',
  'button-skip-checks',
  'button-skip-step',
  'button-which-new',
  'button-which-same',
  'button-yes',
  'cancel-confirm',
  'category-button',
  'category-chosen',
  'change-category-confirm',
  'change-phone-confirm',
  'change-window-confirm',
  'changed',
  'checkback-still-broken',
  'checkback-still-broken-added',
  'checkback-working',
  'checks-failed',
  'checks-intro',
  'checks-skipped',
  'checks-step',
  'choose-language',
  'clarify',
  'clarify-generic',
  'contact-kept',
  'edit-button',
  'empty-text',
  'escalate-fault',
  'escalate-unclear',
  'warranty-ask-date',
  'warranty-ask-product',
  'warranty-question-no-proof',
  'escalate-human',
  'flow-cancelled',
  'forget-confirm',
  'greeting',
  'greeting-pending',
  'guide-failed',
  'guide-failed-generic',
  'guide-fixed',
  'guide-intro',
  'guide-missing',
  'guide-step',
  'hazard-first',
  'hazard-generic',
  'hazard-product-noted',
  'hazard-step',
  'help',
  'intake-intro',
  'intake-intro-hazard',
  'kept-as-written',
  'language-en',
  'language-set',
  'language-zh-Hans',
  'language-zh-Hant',
  'location-outside-intake',
  'location-saved',
  'model-unknown',
  'model-unrecognised',
  'nothing-changed',
  'phone-saved',
  'intake-more-said',
  'photo-invoice-need-date',
  'photo-invoice-saved',
  'photo-nameplate-need-date',
  'photo-nameplate-saved',
  'photo-outside-intake',
  'photo-saved',
  'photo-kept-for-ticket',
  'privacy',
  'restart-confirm',
  'review',
  'review-urgent',
  'stale-button',
  'status-preparing',
  'status-preparing-urgent',
  'symptom-option',
  'text-too-long',
  'thanks',
  'thanks-pending',
  'use-buttons',
  'warranty-aside',
  'warranty-aside-intake',
  'way-on-keep',
  'way-on-person',
  'way-on-skip',
  'welcome',
  'which-ticket',
  'window-button',
  'window-kept-as-written',
] as const;

/**
 * The codes the intake's field parsers return, one per thing the customer can fix; each has its
 * message `error-…` ({@link errorKey}).
 */
export const FIELD_ERROR_CODES = [
  'NAME.INVALID',
  'PHONE.INVALID',
  'MODEL.INVALID',
  'DATE.UNPARSEABLE',
  'DATE.FUTURE',
  'DATE.TOO_OLD',
  'DATE.BEFORE_PRODUCTION',
  'ADDRESS.INVALID',
  'WINDOW.UNPARSEABLE',
  'WINDOW.PAST',
  'WINDOW.TOO_SOON',
  'WINDOW.OUTSIDE_HOURS',
  'WINDOW.TOO_FAR',
  'CATEGORY.USE_BUTTONS',
  'INVOICE.PHOTO_NEEDED',
  'NAMEPLATE.PHOTO_NEEDED',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** `PHONE.INVALID` → `error-phone-invalid`. */
type ErrorKeyOf<C extends string> = C extends `${infer A}.${infer B}`
  ? `error-${Lowercase<A>}-${Dashed<Lowercase<B>>}`
  : never;
type Dashed<S extends string> = S extends `${infer A}_${infer B}` ? `${A}-${Dashed<B>}` : S;

export type MessageKey = (typeof MESSAGE_KEYS)[number] | ErrorKeyOf<FieldErrorCode>;

/** Locale key of an intake error code: `PHONE.INVALID` → `error-phone-invalid`. */
export function errorKey<C extends FieldErrorCode>(code: C): ErrorKeyOf<C> {
  return `error-${code.toLowerCase().replace(/[._]/g, '-')}` as ErrorKeyOf<C>;
}

/** Every key core can produce: the messages and one per field error code. */
export const ALL_MESSAGE_KEYS: readonly MessageKey[] = [
  ...MESSAGE_KEYS,
  ...FIELD_ERROR_CODES.map((code) => errorKey(code)),
];

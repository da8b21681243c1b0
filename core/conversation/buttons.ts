import { CATEGORIES, type Category } from '../warranty/policy.ts';
import type { MessageKey } from './messages.ts';
import type { Button, IntakeField, Window } from './state.ts';
import { INTAKE_FIELDS } from './state.ts';

/**
 * Inline button callback data (at most 64 bytes, Telegram's limit). One short prefix per action so
 * a pressed button decodes without any server state.
 */
export type ButtonAction =
  | { action: 'category'; category: Category }
  | { action: 'guide'; choice: 'fixed' | 'next' | 'repeat' | 'skip' | 'human' }
  /** A quick check's answer, or "skip the checks, send an engineer". */
  | { action: 'check'; choice: 'fixed' | 'failed' | 'skip' }
  /** A symptom chosen from a clarifying question's options. */
  | { action: 'symptom'; symptomId: string }
  | { action: 'skip'; field: IntakeField }
  /** Keep the last answer to `field` as the customer wrote it (after two that could not be read). */
  | { action: 'keep'; field: IntakeField }
  /** Put me through to a person (offered when a question is not getting anywhere). */
  | { action: 'human' }
  | { action: 'window'; window: Window }
  | { action: 'edit'; field: IntakeField }
  | { action: 'confirm' }
  | { action: 'discard' }
  | { action: 'language'; locale: 'en' | 'zh-Hans' | 'zh-Hant' }
  | { action: 'cancel-ticket'; ticketNumber: string }
  /**
   * A problem told while a ticket waits: about that ticket (`same`), or a new problem. `added`:
   * on the "added to your ticket" reply to words added unasked, which of them (the chat's number
   * for them, never reused: `addedSeq`). `question`: on the question's own buttons, its number
   * (`askedSeq`); none on a question's buttons sent before numbers.
   */
  | { action: 'which-ticket'; choice: 'same' | 'new'; added?: number; question?: number }
  | { action: 'yes' }
  | { action: 'no' }
  | { action: 'checkback'; outcome: 'working' | 'still_broken'; ref: string };

const GUIDE = ['fixed', 'next', 'repeat', 'skip', 'human'] as const;
const CHECK = ['fixed', 'failed', 'skip'] as const;
const SYMPTOM_ID = /^[a-z_]+\.[a-z0-9-]+$/;
const LANGS = ['en', 'zh-Hans', 'zh-Hant'] as const;
/** A chat's number for words added unasked or a which-ticket question. */
const SEQ = /^[1-9]\d{0,8}$/;

export function encodeButton(action: ButtonAction): string {
  switch (action.action) {
    case 'category':
      return `cat:${action.category}`;
    case 'guide':
      return `g:${action.choice}`;
    case 'check':
      return `ck:${action.choice}`;
    case 'symptom':
      return `sym:${action.symptomId}`;
    case 'window':
      return `win:${action.window.date}:${action.window.startMinute}-${action.window.endMinute}`;
    case 'edit':
      return `edit:${action.field}`;
    case 'skip':
      return `skip:${action.field}`;
    case 'keep':
      return `keep:${action.field}`;
    case 'language':
      return `lang:${action.locale}`;
    case 'cancel-ticket':
      return `cancel:${action.ticketNumber}`;
    case 'which-ticket':
      // `wt:add:N`, not the `wt:new:N` of ebd61de, whose numbers restarted (review12 M1): those
      // buttons decode as nothing, so they are stale however their number compares.
      if (action.added !== undefined) return `wt:add:${action.added}`;
      return action.question === undefined
        ? `wt:${action.choice}`
        : `wq:${action.choice}:${action.question}`;
    case 'checkback':
      return `cb:${action.outcome === 'working' ? 'ok' : 'broken'}:${action.ref}`;
    default:
      return action.action;
  }
}

/** Decodes callback data; `undefined` for data this bot never sent. */
export function decodeButton(data: string): ButtonAction | undefined {
  const [head, ...rest] = data.split(':');
  const arg = rest.join(':');
  switch (head) {
    case 'cat':
      return (CATEGORIES as readonly string[]).includes(arg)
        ? { action: 'category', category: arg as Category }
        : undefined;
    case 'g':
      return (GUIDE as readonly string[]).includes(arg)
        ? { action: 'guide', choice: arg as (typeof GUIDE)[number] }
        : undefined;
    case 'ck':
      return (CHECK as readonly string[]).includes(arg)
        ? { action: 'check', choice: arg as (typeof CHECK)[number] }
        : undefined;
    case 'sym':
      return SYMPTOM_ID.test(arg) ? { action: 'symptom', symptomId: arg } : undefined;
    case 'win': {
      const match = /^(\d{4}-\d{2}-\d{2}):(\d+)-(\d+)$/.exec(arg);
      if (!match) return undefined;
      return {
        action: 'window',
        window: {
          date: match[1] as Window['date'],
          startMinute: Number(match[2]),
          endMinute: Number(match[3]),
        },
      };
    }
    case 'edit':
    case 'skip':
    case 'keep':
      return (INTAKE_FIELDS as readonly string[]).includes(arg)
        ? { action: head, field: arg as IntakeField }
        : undefined;
    case 'lang':
      return (LANGS as readonly string[]).includes(arg)
        ? { action: 'language', locale: arg as (typeof LANGS)[number] }
        : undefined;
    case 'cancel':
      return /^[A-Z]{2}-\d{6}-\d{4,}$/.test(arg)
        ? { action: 'cancel-ticket', ticketNumber: arg }
        : undefined;
    case 'wt': {
      const [choice, added] = rest;
      if (choice === 'add')
        return added !== undefined && SEQ.test(added) && rest.length === 2
          ? { action: 'which-ticket', choice: 'new', added: Number(added) }
          : undefined;
      return (choice === 'same' || choice === 'new') && rest.length === 1
        ? { action: 'which-ticket', choice }
        : undefined;
    }
    case 'wq': {
      const [choice, question] = rest;
      return (choice === 'same' || choice === 'new') &&
        rest.length === 2 &&
        question !== undefined &&
        SEQ.test(question)
        ? { action: 'which-ticket', choice, question: Number(question) }
        : undefined;
    }
    case 'cb': {
      const [outcome, ref] = [rest[0], rest.slice(1).join(':')];
      if ((outcome !== 'ok' && outcome !== 'broken') || !ref) return undefined;
      return { action: 'checkback', outcome: outcome === 'ok' ? 'working' : 'still_broken', ref };
    }
    case 'confirm':
    case 'discard':
    case 'yes':
    case 'no':
    case 'human':
      return rest.length === 0 ? { action: head } : undefined;
    default:
      return undefined;
  }
}

/** A button with a locale key for its label. */
export function button(key: MessageKey, action: ButtonAction, vars?: Button['vars']): Button {
  return vars ? { key, vars, data: encodeButton(action) } : { key, data: encodeButton(action) };
}

/** Category buttons, three a row. */
export function categoryButtons(): Button[][] {
  const rows: Button[][] = [];
  CATEGORIES.forEach((category, index) => {
    if (index % 3 === 0) rows.push([]);
    rows.at(-1)?.push(button('category-button', { action: 'category', category }, { category }));
  });
  return rows;
}

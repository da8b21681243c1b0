import type { Update } from 'grammy/types';

/** One customer step: what they do, and the bot's answer that shows it was handled. */
export type ScriptStep = { say: string; expect: RegExp } | { press: RegExp; expect: RegExp };

/** A fault taken through the whole intake to a ticket (English). */
export const INTAKE_SCRIPT: ScriptStep[] = [
  {
    say: 'The washing machine shows error E21 and the drum does not turn at all, already restarted it twice',
    expect: /What name should the engineer ask for/,
  },
  { say: 'Alice Wong', expect: /Which phone number/ },
  { say: '+852 9123 4567', expect: /model number/ },
  { say: 'XQG100-B12866', expect: /When did you buy it/ },
  { say: '3 months ago', expect: /Where should the engineer come/ },
  { say: 'Flat 5B, 12 Nathan Road, Tsim Sha Tsui, Kowloon', expect: /When suits you/ },
  { say: 'tomorrow morning', expect: /receipt or invoice/ },
  { press: /Skip/, expect: /check your service ticket/ },
  { press: /Confirm/, expect: /Your ticket FL-\d{6}-\d{4} is filed/ },
];

/** Guidance that works, then (after `CALLBACK_CHECK_AFTER`) the check-back answered. */
export const GUIDANCE_SCRIPT: ScriptStep[] = [
  { say: 'my fridge is too cold, the vegetables freeze', expect: /Step 1 of \d/ },
  { press: /Fixed/, expect: /check back in/ },
];
export const CHECKBACK_QUESTION = /Is it still working\?/;
export const CHECKBACK_ANSWER: ScriptStep = {
  press: /Working fine/,
  expect: /closed this as solved/,
};

/** The customer's texts of a script (what the transcript keeps as incoming). */
export const textsOf = (script: ScriptStep[]) =>
  script.flatMap((step) => ('say' in step ? [step.say] : []));

/** What a stand-in for Telegram offers a script runner: updates in, messages out. */
export type ChatDriver = {
  message(userId: number, text: string): Update;
  press(userId: number, label: RegExp): Update;
  /** Hands the update to the bot (queue it for long polling, or post it to a webhook). */
  deliver(update: Update): Promise<void>;
  /** How many messages the chat has received so far. */
  count(userId: number): number;
  waitFor(userId: number, pattern: RegExp, after: number, ms: number): Promise<unknown>;
};

/**
 * Plays a script for one customer, waiting after each step for the answer that shows it was
 * handled (a customer waits for the bot before answering its question).
 */
export async function playScript(
  driver: ChatDriver,
  userId: number,
  script: ScriptStep[],
  options: { stepMs?: number; onStep?: (index: number) => Promise<void> } = {},
): Promise<void> {
  for (const [index, step] of script.entries()) {
    const before = driver.count(userId);
    const update =
      'say' in step ? driver.message(userId, step.say) : driver.press(userId, step.press);
    await driver.deliver(update);
    await options.onStep?.(index);
    await driver.waitFor(userId, step.expect, before, options.stepMs ?? 60_000);
  }
}

import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CHECKBACK_ANSWER,
  CHECKBACK_QUESTION,
  GUIDANCE_SCRIPT,
  INTAKE_SCRIPT,
  playScript,
  textsOf,
} from '../support/customer-scripts.ts';
import { DATABASE_URL } from '../support/db.ts';
import { deliveryProblems, type FaultRig, startFaultRig } from '../support/fault-rig.ts';
import { missingServers } from '../support/throwaway-servers.ts';

const KEPT = /Your message is kept/;
const [ALICE, BOB] = [9401, 9402];

/**
 * The bot as a real process, with its PostgreSQL or Redis server killed (SIGKILL) and started again
 * mid-conversation: the customer who writes meanwhile hears that the message is kept, the message
 * is handled once the server is back (the bot reconnects by itself), and at the end the ticket
 * exists once and the check-back that fell due during the outage was asked once.
 */
async function outageJourney(rig: FaultRig, server: 'postgres' | 'redis') {
  // Alice is in the intake, Bob was guided and waits for his check-back.
  await playScript(rig.driver, ALICE, INTAKE_SCRIPT.slice(0, 3));
  await playScript(rig.driver, BOB, GUIDANCE_SCRIPT);

  const down = server === 'postgres' ? rig.postgres : rig.redis;
  if (!down) throw new Error(`no ${server} of the test's own`);
  await down.kill();
  const before = rig.api.count(ALICE);
  const step = INTAKE_SCRIPT[3];
  if (!step || !('say' in step)) throw new Error('script changed');
  rig.api.queue(rig.api.message(ALICE, step.say));
  // The customer hears the message is kept; it is not handled while the server is down.
  await rig.api.waitFor(ALICE, KEPT, before, 60_000);
  await sleep(2_000);
  expect(
    rig.api
      .chat(ALICE)
      .slice(before)
      .some((m) => step.expect.test(m.text)),
  ).toBe(false);

  await down.start();
  await rig.api.waitFor(ALICE, step.expect, before, 90_000);
  await playScript(rig.driver, ALICE, INTAKE_SCRIPT.slice(4), { stepMs: 60_000 });
  await rig.api.waitFor(BOB, CHECKBACK_QUESTION, 0, 90_000);
  await playScript(rig.driver, BOB, [CHECKBACK_ANSWER]);

  const tickets = await rig.rows<{ n: number }>(
    `select count(*)::int as n from tickets t join customers c on c.id = t.customer_id
     where c.telegram_user_id = $1`,
    [ALICE],
  );
  expect(tickets[0]?.n).toBe(1);
  const checkbacks = await rig.rows<{ state: string; n: number }>(
    `select state, count(*)::int as n from jobs where kind = 'checkback' group by 1`,
  );
  expect(checkbacks).toEqual([{ state: 'done', n: 1 }]);
  expect(rig.api.chat(BOB).filter((m) => CHECKBACK_QUESTION.test(m.text))).toHaveLength(1);
  const open = await rig.rows<{ n: number }>(
    `select count(*)::int as n from inbox_updates where state <> 'done'`,
  );
  expect(open[0]?.n).toBe(0);
  expect(await rig.transcript(ALICE, 'in')).toEqual(textsOf(INTAKE_SCRIPT));
  for (const id of [ALICE, BOB]) {
    const committed = await rig.transcript(id, 'out');
    const question = rig.api.chat(id).find((m) => CHECKBACK_QUESTION.test(m.text));
    if (question) committed.push(question.text);
    // No crash of the bot here: not a single message may be lost or doubled.
    expect(deliveryProblems(rig.api, id, committed, []), `chat ${id}`).toEqual([]);
  }
}

const redisSkip = !DATABASE_URL ? 'DATABASE_URL is not set' : missingServers({ redis: true });
describe.skipIf(redisSkip)(
  `the Redis server killed and restarted${redisSkip ? ` (skipped: ${redisSkip})` : ''}`,
  () => {
    let rig: FaultRig | undefined;
    afterEach(() => rig?.dispose());
    it('keeps the message, says so, handles it once Redis is back, and doubles nothing', async () => {
      rig = await startFaultRig({
        postgres: 'shared',
        redis: 'own',
        env: { CALLBACK_CHECK_AFTER: '5s' },
      });
      await rig.start();
      await outageJourney(rig, 'redis');
    }, 400_000);
  },
);

const pgSkip = missingServers({ postgres: true });
describe.skipIf(pgSkip)(
  `the PostgreSQL server killed and restarted${pgSkip ? ` (skipped: ${pgSkip})` : ''}`,
  () => {
    let rig: FaultRig | undefined;
    afterEach(() => rig?.dispose());
    it('keeps the message with Telegram, says so, handles it once PostgreSQL is back, and doubles nothing', async () => {
      rig = await startFaultRig({
        postgres: 'own',
        redis: 'none',
        env: { CALLBACK_CHECK_AFTER: '5s' },
      });
      await rig.start();
      await outageJourney(rig, 'postgres');
      // The notice went out directly (the outbox lives in the database that was down), once.
      expect(rig.api.chat(ALICE).filter((m) => KEPT.test(m.text))).toHaveLength(1);
    }, 400_000);
  },
);

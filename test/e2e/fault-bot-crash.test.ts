import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const skip = !DATABASE_URL ? 'DATABASE_URL is not set' : missingServers({ redis: true });

/**
 * kill -9 of the bot process, for real: the bot runs as its own process (long polling a local Bot
 * API stand-in, on PostgreSQL and a Redis of the test's own) and is killed with SIGKILL and started
 * again while customers are in the intake, confirming their tickets and waiting for their
 * check-backs. At the end every ticket exists once, every check-back was asked once and answered,
 * every update was handled once, and every reply arrived — a copy more only for a send that was
 * in flight at the moment of a crash (the window the README names).
 */
describe.skipIf(skip)(
  `kill -9 of the bot process at any step${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let rig: FaultRig;
    beforeAll(async () => {
      rig = await startFaultRig({
        postgres: 'shared',
        redis: 'own',
        env: { CALLBACK_CHECK_AFTER: '4s' },
      });
      await rig.start();
    }, 120_000);
    afterAll(() => rig?.dispose());

    it('loses and doubles nothing across crashes mid-intake, mid-ticket and mid-job', async () => {
      const intake = [9301, 9302, 9303, 9304];
      const guided = [9311, 9312];
      let chaos = true;
      // Crashes at random moments while everyone is mid-conversation…
      const chaosMonkey = (async () => {
        while (chaos) {
          await sleep(1_500 + Math.random() * 2_000);
          if (chaos) await rig.crashAndRestart();
        }
      })();
      // …and at chosen ones: the first customer's turns in the intake and at the confirm.
      const crashAt = new Set([3, 8]);
      const runs = [
        playScript(rig.driver, intake[0] as number, INTAKE_SCRIPT, {
          stepMs: 120_000,
          onStep: async (index) => {
            if (!crashAt.has(index)) return;
            await sleep(Math.random() * 80);
            await rig.crashAndRestart();
          },
        }),
        ...intake
          .slice(1)
          .map((id) => playScript(rig.driver, id, INTAKE_SCRIPT, { stepMs: 120_000 })),
        ...guided.map(async (id) => {
          await playScript(rig.driver, id, GUIDANCE_SCRIPT, { stepMs: 120_000 });
          await rig.api.waitFor(id, CHECKBACK_QUESTION, 0, 120_000);
          await playScript(rig.driver, id, [CHECKBACK_ANSWER], { stepMs: 120_000 });
        }),
      ];
      await Promise.all(runs);
      chaos = false;
      await chaosMonkey;
      expect(rig.crashes.length).toBeGreaterThanOrEqual(3);

      // Every ticket exactly once.
      const tickets = await rig.rows<{ user_id: string; n: number }>(
        `select c.telegram_user_id as user_id, count(t.id)::int as n
         from customers c left join tickets t on t.customer_id = c.id group by 1`,
      );
      for (const id of intake)
        expect(tickets.find((row) => Number(row.user_id) === id)?.n, `tickets of ${id}`).toBe(1);
      // Every check-back asked once (its job done once) and answered.
      const cases = await rig.rows<{ chat_id: string; outcome: string }>(
        'select chat_id, outcome from guidance_cases',
      );
      for (const id of guided) {
        expect(cases.filter((c) => Number(c.chat_id) === id).map((c) => c.outcome)).toEqual([
          'working',
        ]);
      }
      const checkbacks = await rig.rows<{ state: string; n: number }>(
        `select state, count(*)::int as n from jobs where kind = 'checkback' group by 1`,
      );
      expect(checkbacks).toEqual([{ state: 'done', n: guided.length }]);
      // Every update handled once: none left, none dead, each text in the transcript once.
      const open = await rig.rows<{ n: number }>(
        `select count(*)::int as n from inbox_updates where state <> 'done'`,
      );
      expect(open[0]?.n).toBe(0);
      for (const [ids, script] of [
        [intake, INTAKE_SCRIPT],
        [guided, GUIDANCE_SCRIPT],
      ] as const) {
        for (const id of ids) {
          expect(await rig.transcript(id, 'in')).toEqual(textsOf(script));
        }
      }
      // Every reply arrived; a second copy only for a send in flight at a crash.
      for (const id of [...intake, ...guided]) {
        const committed = await rig.transcript(id, 'out');
        const question = rig.api.chat(id).find((m) => CHECKBACK_QUESTION.test(m.text));
        if (question) committed.push(question.text);
        expect(deliveryProblems(rig.api, id, committed, rig.crashes), `chat ${id}`).toEqual([]);
      }
    }, 600_000);
  },
);

/**
 * Property: over random sequences of verifier actions (any approvals setting, enrolled and
 * stranger senders, group and direct chats, valid and nonsense report numbers, a verifier who is
 * also the tipster of one report, a responder group that may refuse every send), an alert is
 * never sent without enough distinct enrolled approvals from people other than the tipster, no
 * group ever gets two alerts for one incident, a sender who is not enrolled never changes a
 * report, and the verifiers are always told the true delivery of each alert.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Config } from '../bot/config/index.js';
import { DEMO_CONFIG } from '../bot/config/index.js';
import { AdapterError } from '../bot/port.js';
import { Harness } from './support/harness.js';

const ENROLLED = ['verifier-1', 'verifier-2', 'verifier-3'];
const STRANGERS = ['stranger-1', 'tipster-1'];
// confirm is listed several times so that many runs reach the approval threshold
const COMMANDS = [
  'claim',
  'confirm',
  'confirm',
  'confirm',
  'confirm --stale',
  'reject nope',
  'merge',
  'update news',
  'clear',
  'reopen',
  'ask where?',
  'status',
];

const action = fc.record({
  actor: fc.constantFrom(...ENROLLED, ...STRANGERS),
  direct: fc.boolean(),
  command: fc.constantFrom(...COMMANDS),
  report: fc.constantFrom(1001, 1002, 1001, 1002, 4242),
  other: fc.constantFrom(1001, 1002),
  minutes: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 90 }) }),
});

function config(approvals: number): Config {
  const c = structuredClone(DEMO_CONFIG) as Config;
  c.verifiers.push({ platform: 'simulator', id: 'verifier-3' });
  c.verification.approvals = approvals;
  return c;
}

describe('verification property', () => {
  it('never alerts without enough enrolled approvals, never twice, and strangers change nothing', async () => {
    let runsWithAlerts = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.array(action, { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        async (approvals, actions, eastFails) => {
          const h = await new Harness({ config: config(approvals) }).start();
          // The east group may refuse every send (the bot was removed from it): the alert goes dead at once.
          if (eastFails) h.adapter.failingChats.set('responders-east', new AdapterError('rejected', 'removed from the group'));
          try {
            // #1002 is sent by verifier-2 themselves: their approval of it must never count.
            for (const who of ['tipster-1', 'verifier-2']) {
              h.now += 20_000;
              await h.send(who, { text: 'están arrestando a alguien en 1st y Soto, boyle heights, ahora, 3 agentes de ICE' });
              h.now += 20_000;
              await h.send(who, { text: 'sí' });
            }
            const db = h.bot.store.db;
            let alerted = false;
            const alertedAt = new Set<number>();
            // A tipster's own message may answer an open question and so close it: that is not a change a command made.
            const reportsWithoutRelay = () =>
              (db.prepare('SELECT * FROM reports ORDER BY number').all() as Record<string, unknown>[]).map(
                ({ relay_open: _o, relay_until: _u, ...r }) => r,
              );
            const snapshot = () =>
              JSON.stringify([reportsWithoutRelay(), db.prepare('SELECT * FROM approvals ORDER BY report, verifier').all()]);
            for (const a of actions) {
              h.now += a.minutes * 60_000;
              const [name, ...rest] = a.command.split(' ');
              const args = name === 'merge' ? `${a.report} ${a.other}` : name === 'status' ? '' : `${a.report} ${rest.join(' ')}`;
              const before = snapshot();
              await h.send(a.actor, { text: `/${name} ${args}`.trim() }, a.direct ? {} : { chat: 'verifiers', group: true });
              if (!ENROLLED.includes(a.actor)) expect(snapshot()).toBe(before);

              for (const n of [1001, 1002]) {
                const approvers = db.prepare('SELECT verifier FROM approvals WHERE report = ?').pluck().all(n) as string[];
                for (const v of approvers) expect(ENROLLED.map((e) => `simulator:${e}`)).toContain(v);
                // Approvals of the incident headed by n, from people other than any of its tipsters.
                const ownIncident =
                  db.prepare('SELECT 1 FROM reports WHERE (number = ? OR incident = ?) AND number = 1002').pluck().get(n, n) === 1;
                const independent = approvers.filter((v) => !(ownIncident && v === 'simulator:verifier-2'));
                const alerts = h.adapter.sent.filter(
                  (m) => m.chat.kind === 'group' && m.text.includes(`ALERTA VERIFICADA`) && m.text.includes(`#${n}\n`),
                );
                const queued = db.prepare(`SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE ?`).pluck().get(`alert:${n}:%`) as number;
                // At the moment an alert is queued, enough people other than the incident's tipsters approved it.
                if (queued > 0 && !alertedAt.has(n)) {
                  alertedAt.add(n);
                  expect(new Set(independent).size).toBeGreaterThanOrEqual(approvals);
                }
                if (alerts.length > 0 || queued > 0) {
                  expect(new Set(approvers).size).toBeGreaterThanOrEqual(approvals);
                  alerted = true;
                }
                // The delivery the verifiers are told is the delivery that happened.
                const summaries = h.sentTo('verifiers').filter((m) => m.text.includes(`Alerta #${n} `));
                expect(summaries.length).toBeLessThanOrEqual(1);
                const pending = db
                  .prepare(`SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE ? AND status = 'pending'`)
                  .pluck()
                  .get(`alert:${n}:%`) as number;
                if (queued > 0 && pending === 0) {
                  expect(summaries).toHaveLength(1);
                  const delivered = alerts.some((m) => m.chat.id === 'responders-east');
                  expect(delivered).toBe(!eastFails);
                  expect(summaries[0]!.text).toContain(delivered ? 'Lado Este ✓' : 'Lado Este ✗');
                }
                const perGroup = new Map<string, number>();
                for (const m of alerts) perGroup.set(m.chat.id, (perGroup.get(m.chat.id) ?? 0) + 1);
                for (const count of perGroup.values()) expect(count).toBe(1);
              }
            }
            if (alerted) runsWithAlerts += 1;
          } finally {
            await h.stop();
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(runsWithAlerts).toBeGreaterThan(3); // the property was exercised, not vacuously true
  }, 120_000);
});

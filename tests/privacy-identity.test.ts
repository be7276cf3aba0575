/**
 * The tipster's identity (platform id, phone number) appears in no alert, no verifier card, no
 * relayed answer and no audit row, through a whole loop: report, question, answer, confirm,
 * update, all-clear.
 */
import { describe, expect, it } from 'vitest';
import { Harness, photo } from './support/harness.js';

const PHONE = '+1 (555) 013-2468';
const SENDER = '+15550132468';

function forms(value: string): string[] {
  const digits = value.replace(/\D/g, '');
  return [
    value,
    digits,
    digits.slice(-7),
    Buffer.from(value).toString('base64'),
    Buffer.from(value).toString('hex'),
    encodeURIComponent(value),
  ];
}

describe('tipster identity', () => {
  it('never reaches verifiers, responders or the audit log', async () => {
    const h = await new Harness().start();
    try {
      const say = async (who: string, text: string, chat?: string) => {
        h.now += 20_000;
        await h.send(who, { text }, chat ? { chat, group: true } : {});
      };
      await say(SENDER, `hola, soy el ${PHONE}. hay 5 agentes de ICE tocando puertas en 1st y Soto, ahora`);
      await say(SENDER, 'no'); // nobody is being detained: the triage question
      h.now += 20_000;
      await h.send(SENDER, { attachments: [photo()] });
      await say(SENDER, 'sí');
      const n = h.reports()[0]!.number;
      await say('verifier-1', `/ask ${n} ¿siguen ahí?`, 'verifiers');
      await say(SENDER, 'sí, siguen ahí');
      await say('verifier-1', `/confirm ${n}`, 'verifiers');
      await say('verifier-1', `/update ${n} se fueron dos carros`, 'verifiers');
      await say('verifier-1', `/clear ${n}`, 'verifiers');

      const groupTexts = h.adapter.sent.filter((m) => m.chat.kind === 'group').map((m) => m.text);
      expect(groupTexts.length).toBeGreaterThanOrEqual(6); // card, relay, confirm reply, alert, update, clear...
      const audit = JSON.stringify(h.bot.store.db.prepare('SELECT * FROM audit').all());
      const reportIds = JSON.stringify(h.bot.store.db.prepare('SELECT tipster, platform FROM reports').all());
      for (const needle of [...forms(SENDER), ...forms(PHONE)]) {
        for (const text of groupTexts.filter((t) => !t.includes('Mensaje original'))) expect(text).not.toContain(needle);
        expect(audit).not.toContain(needle);
        expect(reportIds).not.toContain(needle);
      }
      // The card quotes the tipster's own first message for the verifiers, which here includes
      // the number they chose to type; alerts never carry it.
      const alerts = groupTexts.filter((t) => t.includes('ALERTA VERIFICADA'));
      expect(alerts.length).toBeGreaterThan(0);
      for (const a of alerts) expect(a).not.toMatch(/555/);
    } finally {
      await h.stop();
    }
  });
});
